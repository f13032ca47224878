package kw.billpay.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files, which no test here can run (no Docker engine): docker-compose.yml parses, names only variables
 * the gateway reads and .env.example lists, files that exist, the Artemis version the stage tests, and the right
 * health probes; the image keeps config/jvm.options' flags with a share of memory instead of a fixed heap.
 */
class DeploymentFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INTERPOLATED = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)");
    private static final Pattern ENV_EXAMPLE = Pattern.compile("(?m)^([A-Z_][A-Z0-9_]*)=");
    /** Variables the gateway binds by Spring's relaxed binding (maps and lists of gateway.security). */
    private static final List<String> BOUND_PREFIXES = List.of("GATEWAY_SECURITY_STAFF_", "GATEWAY_SECURITY_APIKEYS_");

    private final JsonNode compose = read("docker-compose.yml");

    @Test
    void everyInterpolatedVariableIsInEnvExampleAndEveryExampleIsUsed() throws IOException {
        String text = Files.readString(Path.of("docker-compose.yml"));
        Set<String> interpolated = matches(INTERPOLATED, text);
        // a secret taken from the environment (Prometheus' password) is read by Compose without interpolation
        compose.path("secrets").forEach(secret -> {
            if (secret.has("environment")) {
                interpolated.add(secret.path("environment").asText());
            }
        });
        Set<String> example = matches(ENV_EXAMPLE, Files.readString(Path.of(".env.example")));

        assertThat(example).containsAll(interpolated);
        assertThat(interpolated).containsAll(example);
    }

    @Test
    void theGatewaysAreGivenOnlyVariablesTheGatewayReads() throws IOException {
        Set<String> read = new TreeSet<>(List.of("GATEWAY_PROFILE", "SERVER_PORT"));
        try (Stream<Path> configs = Files.list(Path.of("src/main/resources"))) {
            for (Path config : configs.filter(p -> p.getFileName().toString().matches("application.*\\.yml")).toList()) {
                read.addAll(matches(INTERPOLATED, Files.readString(config)));
            }
        }
        for (String service : List.of("gateway-1", "gateway-2")) {
            JsonNode gateway = compose.path("services").path(service);
            assertThat(gateway.isMissingNode()).as(service).isFalse();
            gateway.path("environment").fieldNames().forEachRemaining(variable -> assertThat(
                    read.contains(variable) || BOUND_PREFIXES.stream().anyMatch(variable::startsWith))
                    .as(service + " sets " + variable + ", which the gateway does not read").isTrue());
            assertThat(gateway.path("environment").path("GATEWAY_PROFILE").asText()).isEqualTo("external");
            assertThat(gateway.path("healthcheck").path("test").toString()).contains("/actuator/health/liveness");
        }
    }

    @Test
    void mountedFilesExistAndTheBrokerIsTheVersionTheStageTests() throws IOException {
        compose.path("services").forEach(service -> service.path("volumes").forEach(volume -> {
            String source = volume.asText().split(":")[0];
            if (source.startsWith("./")) {
                assertThat(Path.of(source)).as(volume.asText()).exists();
            }
        }));
        Matcher stageVersion = Pattern.compile("ARTEMIS_VERSION=(\\S+)").matcher(Files.readString(Path.of(".ci/external-stage")));
        assertThat(stageVersion.find()).isTrue();
        assertThat(compose.path("services").path("artemis").path("image").asText())
                .isEqualTo("apache/activemq-artemis:" + stageVersion.group(1));
        assertThat(compose.path("services").path("artemis").path("volumes").toString())
                .contains("./config/broker.xml:/var/lib/artemis-instance/etc-override/broker.xml");
    }

    @Test
    void theLoadBalancerAndPrometheusKnowTheInstancesAndTheLoadBalancerChecksReadiness() throws IOException {
        String haproxy = Files.readString(Path.of("config/haproxy.cfg"));
        JsonNode prometheus = read("config/prometheus/prometheus.yml");
        String targets = prometheus.path("scrape_configs").get(0).path("static_configs").toString();
        for (String service : List.of("gateway-1", "gateway-2")) {
            assertThat(haproxy).contains("server " + service + " " + service + ":8080");
            assertThat(targets).contains(service + ":8080");
        }
        assertThat(haproxy).contains("option httpchk GET /actuator/health/readiness");
        assertThat(prometheus.path("scrape_configs").get(0).path("metrics_path").asText()).isEqualTo("/actuator/prometheus");
    }

    @Test
    void theImageKeepsTheJvmFlagsWithAShareOfTheContainersMemoryInsteadOfAFixedHeap() throws IOException {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        assertThat(Files.readString(Path.of("config/jvm.options"))).containsPattern("(?m)^-Xmx");
        assertThat(dockerfile).contains("sed -e 's/^-Xmx.*$/-XX:MaxRAMPercentage=")
                .contains("config/jvm.options > /extracted/jvm.options")
                .contains("-Pexternal-image")
                .contains("extract --layers --launcher")
                .contains("USER gateway")
                .contains("org.springframework.boot.loader.launch.JarLauncher");
        assertThat(Files.readString(Path.of(".dockerignore"))).contains("!src/main/").doesNotContain("!data");
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** SnakeYAML, which resolves compose's anchors and merge keys ({@code <<: *gateway}) as Compose does. */
    private static JsonNode read(String file) {
        try {
            return JSON.valueToTree(new Yaml().load(Files.readString(Path.of(file))));
        } catch (IOException | RuntimeException e) {
            throw new AssertionError(file + " does not parse", e);
        }
    }
}
