package kw.billpay.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kw.billpay.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * What operations watch (CONTRACT "Metrics and operations"): the Prometheus scrape has the contract's payment counters,
 * the backlogs, Camel's route metrics and the JVM's, and every metric the Grafana dashboard queries; liveness does not
 * depend on the engines, readiness does.
 */
class MetricsAndHealthTest extends GatewayIntegrationTest {

    /** A PromQL metric name: a word with an underscore that is not a function (label names here have none). */
    private static final Pattern METRIC = Pattern.compile("\\b([a-z][a-z0-9]*(?:_[a-z0-9]+)+)\\b");
    private static final Set<String> PROMQL_FUNCTIONS = Set.of("histogram_quantile", "label_replace");

    @Test
    void theScrapeHasThePaymentCountersTheBacklogsAndCamelsRouteMetrics() {
        String account = newAccount("KWD");
        assertThat(post("/api/v1/branch/payments", TELLER, cash(account, "12.500", "KWD"), newKey()).status()).isEqualTo(201);

        String scrape = scrape();
        assertThat(value(scrape, "gateway_payments_total", "channel=\"BRANCH\"", "status=\"POSTED\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "gateway_payments_total", "channel=\"DIRECT_DEBIT\"", "status=\"POSTED\"")).isNotNegative();
        assertThat(value(scrape, "gateway_payments_posted_amount_total", "channel=\"BRANCH\"", "currency=\"KWD\""))
                .isGreaterThanOrEqualTo(12.5);
        for (String backlog : new String[] {"gateway_knet_payments_unresolved", "gateway_knet_payments_overdue",
                "gateway_knet_payments_unresolved_oldest_seconds", "gateway_direct_debit_files_in_progress",
                "gateway_direct_debit_records_in_progress", "gateway_bank_transfer_files_in_progress",
                "gateway_suspense_items_open", "gateway_events_outbox_backlog", "gateway_dead_letters"}) {
            assertThat(value(scrape, backlog)).as(backlog).isNotNegative();
        }
        assertThat(scrape).contains("camel_route_policy_seconds_bucket{").contains("routeId=\"post-payment\"");
    }

    @Test
    void everyMetricTheDashboardQueriesIsInTheScrape() throws IOException {
        String account = newAccount("KWD");
        post("/api/v1/branch/payments", TELLER, cash(account, "1.000", "KWD"), newKey());
        JsonNode dashboard = JSON.readTree(Files.readString(Path.of("config/grafana/dashboards/gateway.json")));
        Set<String> queried = new TreeSet<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target -> {
            Matcher names = METRIC.matcher(target.path("expr").asText());
            while (names.find()) {
                if (!PROMQL_FUNCTIONS.contains(names.group(1))) {
                    queried.add(names.group(1));
                }
            }
        }));
        String scrape = scrape();

        assertThat(queried).hasSizeGreaterThan(10);
        assertThat(queried).allSatisfy(name -> assertThat(scrape).as(name).containsPattern("(?m)^" + name + "[{ ]"));
    }

    @Test
    void livenessIgnoresTheEnginesReadinessHasThemAndHealthSaysUp() {
        // exactly the contract's answer: the probe groups are not listed beside the status
        assertThat(get("/actuator/health", null).body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(get("/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness", null).status()).isEqualTo(200);

        JsonNode liveness = getJson("/actuator/health/liveness", OPS);
        JsonNode readiness = getJson("/actuator/health/readiness", OPS);
        assertThat(liveness.path("components").fieldNames()).toIterable().containsExactly("livenessState");
        assertThat(readiness.path("components").fieldNames()).toIterable()
                .contains("db", "jms", "camelHealth", "readinessState");
    }

    @Test
    void theScrapeIsForOpsOnly() {
        assertThat(get("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", TELLER).status()).isEqualTo(403);
    }

    private String scrape() {
        Answer answer = get("/actuator/prometheus", OPS);
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    /** The value of the first sample of {@code name} whose labels include every one of {@code labels}. */
    private static double value(String scrape, String name, String... labels) {
        for (String line : scrape.split("\n")) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            boolean all = true;
            for (String label : labels) {
                all &= line.contains(label);
            }
            if (all) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError(name + " " + String.join(",", labels) + " is not in the scrape");
    }
}
