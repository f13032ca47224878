package kw.billpay.external;

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
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kw.billpay.security.Hashing;
import org.awaitility.Awaitility;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * A process started from the packaged jar (EXTERNAL_GATEWAY_JAR) as a bank starts it: the gateway in the external
 * profile, or the KNET simulator's own process. Its output goes to a log file under target/external-stage/, kept for
 * a look when a test failed and read by the tests (JSON lines, no card number).
 */
final class ExternalGateway implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The deployment's secrets, generated for a test class: none is a demo secret. */
    record Secrets(String opsPassword, String tellerPassword, String supervisorPassword, String onlineKey,
                   String tranportalId, String tranportalPassword, String resourceKey) {

        static Secrets generate() {
            return new Secrets(random(12), random(12), random(12), random(16), "tp" + random(4), random(12),
                    random(8).toUpperCase());
        }

        String ops() {
            return "ops:" + opsPassword;
        }

        String teller() {
            return "teller:" + tellerPassword;
        }

        private static String random(int bytes) {
            byte[] value = new byte[bytes];
            new SecureRandom().nextBytes(value);
            return HexFormat.of().formatHex(value);
        }
    }

    final String name;
    final int port;
    final Path log;
    private final List<String> command;
    private final Map<String, String> environment;
    private Process process;

    private ExternalGateway(String name, List<String> command, Map<String, String> environment, int port) throws IOException {
        this.name = name;
        this.port = port;
        this.command = command;
        this.environment = environment;
        this.log = Path.of("target/external-stage", name + ".log");
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
    }

    /** The gateway in the external profile on the stage's engines; {@code dataDir} holds the banks' folders. */
    static ExternalGateway gateway(String name, Engines engines, Secrets secrets, Path dataDir, String knetBaseUrl)
            throws IOException {
        int port = freePort();
        String bcrypt = "{bcrypt}";
        Map<String, String> environment = Map.ofEntries(
                Map.entry("GATEWAY_PROFILE", "external"),
                Map.entry("SERVER_PORT", Integer.toString(port)),
                Map.entry("GATEWAY_PUBLIC_URL", "http://127.0.0.1:" + port),
                Map.entry("GATEWAY_DATA_DIR", dataDir.toAbsolutePath().toString()),
                Map.entry("GATEWAY_ISSUERS_DIR", Path.of("config/issuers").toAbsolutePath().toString()),
                Map.entry("GATEWAY_LOG_FORMAT", "ecs"),
                Map.entry("KNET_RESOLVE_AFTER", "PT20S"),
                Map.entry("GATEWAY_KNET_SWEEPDELAYMS", "2000"),
                Map.entry("DB_URL", engines.dbUrl),
                Map.entry("DB_USER", engines.dbUser),
                Map.entry("DB_PASSWORD", engines.dbPassword),
                Map.entry("ARTEMIS_URL", engines.artemisUrl),
                Map.entry("ARTEMIS_USER", engines.artemisUser),
                Map.entry("ARTEMIS_PASSWORD", engines.artemisPassword),
                Map.entry("KNET_BASE_URL", knetBaseUrl),
                Map.entry("KNET_TRANPORTAL_ID", secrets.tranportalId()),
                Map.entry("KNET_TRANPORTAL_PASSWORD", secrets.tranportalPassword()),
                Map.entry("KNET_RESOURCE_KEY", secrets.resourceKey()),
                Map.entry("GATEWAY_SECURITY_STAFF_OPS_PASSWORD", bcrypt + BCrypt.hashpw(secrets.opsPassword(), BCrypt.gensalt(10))),
                Map.entry("GATEWAY_SECURITY_STAFF_OPS_ROLE", "OPS"),
                Map.entry("GATEWAY_SECURITY_STAFF_TELLER_PASSWORD", bcrypt + BCrypt.hashpw(secrets.tellerPassword(), BCrypt.gensalt(10))),
                Map.entry("GATEWAY_SECURITY_STAFF_TELLER_ROLE", "TELLER"),
                Map.entry("GATEWAY_SECURITY_STAFF_TELLER_INSTITUTION", "AMEX"),
                Map.entry("GATEWAY_SECURITY_STAFF_TELLER_BRANCH", "SALHIYA"),
                Map.entry("GATEWAY_SECURITY_STAFF_SUPERVISOR_PASSWORD", bcrypt + BCrypt.hashpw(secrets.supervisorPassword(), BCrypt.gensalt(10))),
                Map.entry("GATEWAY_SECURITY_STAFF_SUPERVISOR_ROLE", "SUPERVISOR"),
                Map.entry("GATEWAY_SECURITY_APIKEYS_0_SHA256", Hashing.sha256Hex(secrets.onlineKey())),
                Map.entry("GATEWAY_SECURITY_APIKEYS_0_CHANNEL", "KNET_ONLINE"));
        List<String> command = List.of(java(), "@" + Path.of("config/jvm.options").toAbsolutePath(), "-jar",
                engines.gatewayJar.toString());
        return new ExternalGateway(name, command, environment, port);
    }

    /** The KNET simulator as its own process, with the deployment's terminal secrets. */
    static ExternalGateway knetSimulator(Engines engines, Secrets secrets) throws IOException {
        int port = freePort();
        return new ExternalGateway("knet-simulator", List.of(java(), "-Xmx96m", "-XX:+UseSerialGC",
                "-Dloader.main=kw.billpay.knetsim.KnetSimulatorApplication", "-cp", engines.gatewayJar.toString(),
                "org.springframework.boot.loader.launch.PropertiesLauncher"),
                Map.of("SERVER_PORT", Integer.toString(port), "KNET_TRANPORTAL_ID", secrets.tranportalId(),
                        "KNET_TRANPORTAL_PASSWORD", secrets.tranportalPassword(), "KNET_RESOURCE_KEY", secrets.resourceKey()),
                port);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the process and waits until it is ready for traffic (the gateway's readiness: database, broker, Camel). */
    ExternalGateway start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        String probe = name.equals("knet-simulator") ? "/health" : "/actuator/health/readiness";
        Awaitility.await(name + " ready").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                return send("GET", probe, null, null, null).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        return this;
    }

    /** SIGKILL: no shutdown hook, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (alive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /**
     * One HTTP exchange: {@code credentials} is {@code user:password} (Basic), an API key, or null; {@code body} a
     * JSON value, form text (a String), or null.
     */
    HttpResponse<String> send(String method, String path, String credentials, Object body, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : baseUrl() + path))
                .timeout(Duration.ofSeconds(30));
        if (credentials != null && credentials.contains(":")) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        } else if (credentials != null) {
            request.header("X-Api-Key", credentials);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else if (body instanceof String form) {
            request.header("Content-Type", "application/x-www-form-urlencoded").method(method, HttpRequest.BodyPublishers.ofString(form));
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static List<String> logLines(ExternalGateway... processes) throws IOException {
        List<String> lines = new ArrayList<>();
        for (ExternalGateway process : processes) {
            lines.addAll(Files.readAllLines(process.log));
        }
        return lines;
    }
}
