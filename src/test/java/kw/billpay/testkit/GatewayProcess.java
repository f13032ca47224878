package kw.billpay.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kw.billpay.infra.EmbeddedPostgresPassword;
import org.awaitility.Awaitility;

/**
 * The gateway as an operating-system process of its own, on the embedded default: the one launcher of the crash and
 * shutdown tests (from the test class path) and of the benchmarks (from the packaged jar). A test can kill it like a
 * power cut would (SIGKILL: no shutdown hook, no flush, no goodbye), or stop it as an orchestrator does (SIGTERM).
 * Every start reads the gateway's JVM flags from {@code config/jvm.options}, as every other way of starting it does.
 */
public final class GatewayProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<String> command;
    private final Path directory;
    private final Path dataDir;
    private final Path log;
    private final Map<String, String> environment;
    private final Duration startTimeout;
    private final int httpPort;
    private final int postgresPort;
    private Process process;

    private GatewayProcess(Builder b) throws IOException {
        this.httpPort = freePort();
        int pg = freePort();
        while (pg == httpPort) {
            pg = freePort();
        }
        this.postgresPort = pg;
        this.command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(b.jvmFlags);
        command.addAll(b.extraJvmFlags);
        command.addAll(b.launch);
        this.directory = b.directory;
        this.dataDir = b.dataDir;
        this.log = b.log;
        this.startTimeout = b.startTimeout;
        this.environment = new LinkedHashMap<>(Map.of(
                "GATEWAY_PROFILE", "embedded",
                "GATEWAY_DATA_DIR", b.dataDir.toString(),
                "SERVER_PORT", Integer.toString(httpPort),
                "SERVER_ADDRESS", "127.0.0.1",
                "GATEWAY_PUBLIC_URL", "http://127.0.0.1:" + httpPort,
                "GATEWAY_EMBEDDED_PG_PORT", Integer.toString(postgresPort),
                "GATEWAY_ISSUERS_DIR", b.directory.resolve("config/issuers").toAbsolutePath().toString()));
        environment.putAll(b.environment);
    }

    /**
     * The gateway from the test class path ({@code kw.billpay.GatewayApplication}), as the crash tests run it: compiled
     * by C1 only, which costs a third less CPU over a crash test (a start, a kill, a restart, 100,000 entries: 122 against
     * 190 CPU seconds) while they run beside the in-process tests on two cores. What they prove does not depend on the
     * JIT tier; the benchmarks run the packaged jar with the production flags.
     */
    public static Builder onTestClassPath(Path dataDir) {
        return new Builder(dataDir, List.of("-cp", System.getProperty("java.class.path"), "kw.billpay.GatewayApplication"))
                .extraJvmFlags(List.of("-XX:TieredStopAtLevel=1"));
    }

    /** The packaged gateway ({@code java -jar}), as the benchmarks and an operator run it. */
    public static Builder fromJar(Path jar, Path dataDir) {
        return new Builder(dataDir, List.of("-jar", jar.toAbsolutePath().toString()));
    }

    /** The jar {@code mvn package} made in {@code target/}; fails with the command to run when there is none. */
    public static Path packagedJar(Path projectDir) throws IOException {
        try (Stream<Path> files = Files.list(projectDir.resolve("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("bill-payment-gateway-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no jar in target/: run mvn -q -DskipTests package first"));
        }
    }

    /** The JVM flags every start uses: {@code @config/jvm.options}, or {@code -Dbench.jvmArgs="…"} for experiments. */
    public static List<String> defaultJvmFlags(Path projectDir) {
        String override = System.getProperty("bench.jvmArgs");
        if (override != null && !override.isBlank()) {
            return List.of(override.trim().split("\\s+"));
        }
        return List.of("@" + projectDir.resolve("config/jvm.options").toAbsolutePath());
    }

    /** Flags as a report shows them: an argument file ({@code @…}) expanded to the flags it holds. */
    public static String describe(List<String> flags) {
        List<String> shown = new ArrayList<>();
        for (String flag : flags) {
            if (!flag.startsWith("@")) {
                shown.add(flag);
                continue;
            }
            try {
                Files.readAllLines(Path.of(flag.substring(1))).stream().map(String::trim)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(shown::add);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return String.join(" ", shown);
    }

    /** How a gateway process is to be started; {@link #build} picks its free ports. */
    public static final class Builder {
        private final Path dataDir;
        private final List<String> launch;
        private Path directory = Path.of("").toAbsolutePath();
        private Path log;
        private List<String> jvmFlags;
        private List<String> extraJvmFlags = List.of();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Duration startTimeout = Duration.ofMinutes(3);

        private Builder(Path dataDir, List<String> launch) {
            this.dataDir = dataDir;
            this.launch = launch;
            this.log = dataDir.resolveSibling(dataDir.getFileName() + "-gateway.log");
            this.jvmFlags = defaultJvmFlags(directory);
        }

        /** Where the gateway runs and finds {@code config/}: the project's folder. */
        public Builder directory(Path projectDir) {
            this.directory = projectDir.toAbsolutePath();
            this.jvmFlags = defaultJvmFlags(directory);
            return this;
        }

        /** Where its output goes (appended). */
        public Builder log(Path file) {
            this.log = file;
            return this;
        }

        /** Flags instead of {@code config/jvm.options}'s. */
        public Builder jvmFlags(List<String> flags) {
            this.jvmFlags = List.copyOf(flags);
            return this;
        }

        /** Flags after the usual ones (e.g. a CDS archive). */
        public Builder extraJvmFlags(List<String> flags) {
            this.extraJvmFlags = List.copyOf(flags);
            return this;
        }

        /** More environment, e.g. {@code GATEWAY_DIRECTDEBIT_BATCHSIZE} for {@code gateway.direct-debit.batch-size}. */
        public Builder env(Map<String, String> more) {
            environment.putAll(more);
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        public GatewayProcess build() throws IOException {
            return new GatewayProcess(this);
        }
    }

    public int httpPort() {
        return httpPort;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** The embedded PostgreSQL of this gateway, for tests that look into its tables. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres";
    }

    public int postgresPort() {
        return postgresPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    /** The running process, for measurements (its CPU, memory and children). */
    public Process process() {
        return process;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Starts the gateway and waits until it reports healthy; returns how long that took, in milliseconds. */
    public long start() throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        long started = System.nanoTime();
        process = builder.start();
        Awaitility.await("gateway healthy").atMost(startTimeout).pollInterval(Duration.ofMillis(50)).pollInSameThread()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the gateway exited with " + process.exitValue()
                                + " before it was healthy; see " + log);
                    }
                    try {
                        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                        return health.statusCode() == 200 && health.body().replace(" ", "").contains("\"status\":\"UP\"");
                    } catch (IOException notListeningYet) {
                        return false;
                    }
                });
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** SIGKILL: the process dies at whatever line it is on. Its PostgreSQL server is left orphaned, as in real life. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /**
     * SIGTERM, as an orchestrator stops a container: Spring's graceful shutdown runs. Waits for the process and its
     * PostgreSQL server to end; returns how long the stop took, in milliseconds.
     */
    public long stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return 0;
        }
        List<ProcessHandle> children = process.descendants().toList();
        long started = System.nanoTime();
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the gateway did not stop within 90 s of SIGTERM; see " + log);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        children.forEach(child -> child.onExit().completeOnTimeout(child, 10, TimeUnit.SECONDS).join());
        return millis;
    }

    /** A clean stop (SIGTERM), and no PostgreSQL left behind even if the test failed half-way. */
    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        Path pidFile = dataDir.resolve("postgres/postmaster.pid");
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** One HTTP exchange as a staff caller ({@code user:password}); JSON body, optional Idempotency-Key. */
    public HttpResponse<String> send(String method, String path, String credentials, Object body, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A connection to this gateway's embedded PostgreSQL, for tests that look into its tables. */
    public Connection database() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", databasePassword());
    }

    /** The embedded PostgreSQL's password, generated at its first start and kept in its data directory. */
    public String databasePassword() {
        return EmbeddedPostgresPassword.read(dataDir.resolve("postgres"));
    }

    /** The one number a query such as {@code select count(*) …} answers. */
    public static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A fresh log file for a test's gateway, {@code target/<fileName>}: kept after the test for a look when it failed. */
    public static Path freshLog(String fileName) throws IOException {
        Path log = Path.of("target", fileName);
        Files.deleteIfExists(log);
        return log;
    }

    /** Removes a data directory left by an earlier run; an embedded PostgreSQL stopping may still be writing in it. */
    public static void deleteRecursively(Path dir) {
        Awaitility.await("deleted " + dir).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions().until(() -> {
                    if (Files.exists(dir)) {
                        try (Stream<Path> paths = Files.walk(dir)) {
                            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                                Files.deleteIfExists(p);
                            }
                        } catch (java.io.UncheckedIOException e) {
                            throw e.getCause();
                        }
                    }
                    return !Files.exists(dir);
                });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
