package kw.billpay.recovery;

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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The gateway as a separate operating-system process on the embedded default, started from the test class path, so
 * that a test can kill it like a power cut would (SIGKILL: no shutdown hook, no flush, no goodbye).
 */
final class GatewayProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Path dataDir;
    private final Path log;
    private final int httpPort;
    private final int postgresPort;
    private final Map<String, String> environment;
    private Process process;

    GatewayProcess(Path dataDir, Path log) throws IOException {
        this(dataDir, log, Map.of());
    }

    /**
     * @param environment more environment variables for the gateway, e.g. {@code GATEWAY_DIRECTDEBIT_BATCHSIZE} for
     *                    {@code gateway.direct-debit.batch-size} (Spring's relaxed binding)
     */
    GatewayProcess(Path dataDir, Path log, Map<String, String> environment) throws IOException {
        this.dataDir = dataDir;
        this.log = log;
        this.environment = Map.copyOf(environment);
        this.httpPort = freePort();
        this.postgresPort = freePort();
    }

    int httpPort() {
        return httpPort;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgresPort + "/postgres";
    }

    /** Starts the gateway and waits until it reports healthy. */
    void start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + Path.of("config/jvm.options").toAbsolutePath(), "-cp", System.getProperty("java.class.path"), "kw.billpay.GatewayApplication"));
        builder.environment().putAll(Map.of(
                "GATEWAY_DATA_DIR", dataDir.toString(),
                "SERVER_PORT", String.valueOf(httpPort),
                "GATEWAY_EMBEDDED_PG_PORT", String.valueOf(postgresPort)));
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        Awaitility.await("gateway healthy").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("gateway exited with " + process.exitValue() + "; see " + log);
                    }
                    try {
                        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + httpPort + "/actuator/health")).build(),
                                HttpResponse.BodyHandlers.ofString());
                        return health.statusCode() == 200 && health.body().contains("\"UP\"");
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    /** SIGKILL: the process dies at whatever line it is on. Its PostgreSQL server is left orphaned, as in real life. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, as an orchestrator stops a container: Spring's graceful shutdown runs. Waits for the process to end. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the gateway did not stop within 90 s of SIGTERM; see " + log);
        }
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** One HTTP exchange with the gateway as a staff caller ({@code user:password}); JSON body, optional Idempotency-Key. */
    HttpResponse<String> send(String method, String path, String credentials, Object body, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path))
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

    /** A fresh log file for a test's gateway, {@code target/<fileName>}: kept after the test for a look when it failed. */
    static Path freshLog(String fileName) throws IOException {
        Path log = Path.of("target", fileName);
        Files.deleteIfExists(log);
        return log;
    }

    /** The body of {@code PUT /api/v1/accounts/{number}}: an open AMEX Kuwait credit card in KWD with this statement. */
    static Map<String, Object> kwdAccount(String holderName, String creditLimit, Map<String, String> buckets) {
        return Map.of("issuer", "amex-kw", "holderName", holderName, "currency", "KWD", "product", "CREDIT",
                "creditLimit", creditLimit, "status", "OPEN", "unbilled", "0.000",
                "statement", Map.of("statementDate", "2026-10-25", "dueDate", "2026-11-19", "buckets", buckets));
    }

    /** The one number a query such as {@code select count(*) …} answers, read straight from the gateway's database. */
    static long count(Connection db, String sql) throws SQLException {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
