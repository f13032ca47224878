package kw.billpay.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kw.billpay.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI 3 document the gateway publishes (/v3/api-docs, OPS only) lists exactly the contract's HTTP surface: every
 * endpoint CONTRACT.md names, and besides them only the gateway's documented additions. Contract endpoints whose
 * feature has not landed yet are listed in {@link #NOT_YET_SERVED}; publishing one of them fails this test until it is
 * taken off that list.
 */
class OpenApiContractTest extends GatewayIntegrationTest {

    private static final Pattern ENDPOINT = Pattern.compile("`(GET|PUT|POST|DELETE|PATCH) (/[^`\\s?]*)");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** The gateway's own endpoints beyond the contract (README "The HTTP surface"). */
    private static final Set<String> ADDITIONS = Set.of(
            "GET /api/v1/ops/dead-letters",
            "POST /api/v1/ops/dead-letters/{}/replay",
            "GET /api/v1/knet/callbacks", "GET /api/v1/direct-debit/not-collected",
            // one collection run by its date
            "GET /api/v1/direct-debit/collection-runs/{}",
            // one suspense item with its story (docs/integration.md "Bank transfers")
            "GET /api/v1/suspense/{}",
            // the customer's browser lands here after KNET's page (the receipt and error URLs handed to KNET)
            "GET /knet/receipt/{}", "GET /knet/failed/{}",
            // the built-in KNET simulator's pages, on the embedded profile only
            "GET /kpg/PaymentHTTP.htm", "POST /kpg/PaymentHTTP.htm", "POST /kpg/tranPipe.htm");

    /** Contract v2 endpoints of features still being built: none. */
    private static final Set<String> NOT_YET_SERVED = Set.of();

    /** The staff console's pages: a web application for people, not part of the HTTP API the document describes. */
    private static final Set<String> BROWSER_PAGES = Set.of("GET /console");

    @Test
    void thePublishedDocumentListsTheContractsEndpointsAndTheDocumentedAdditionsOnly() throws IOException {
        Answer document = get("/v3/api-docs", OPS);
        assertThat(document.status()).as(document.body()).isEqualTo(200);
        assertThat(document.json().path("openapi").asText()).startsWith("3.");
        Set<String> published = new TreeSet<>();
        document.json().path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                published.add(method.toUpperCase() + " " + normalise(path.getKey()));
            }
        }));
        Set<String> contract = contractEndpoints();

        Set<String> served = new TreeSet<>(contract);
        served.removeAll(NOT_YET_SERVED);
        served.removeAll(BROWSER_PAGES);
        Set<String> expected = new TreeSet<>(served);
        expected.addAll(ADDITIONS);
        assertThat(published).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(contract).containsAll(NOT_YET_SERVED);
    }

    /**
     * The idempotent POSTs, and only they, document the Idempotency-Key header; what a controller method takes besides
     * the request (the caller, the idempotent call) is no parameter of the document.
     */
    @Test
    void theIdempotentPostsDocumentTheirHeaderAndNoParameterOfTheGatewaysOwn() {
        JsonNode paths = get("/v3/api-docs", OPS).json().path("paths");
        Set<String> withKey = new TreeSet<>();
        Set<String> parameters = new TreeSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            for (JsonNode parameter : operation.getValue().path("parameters")) {
                String name = parameter.path("name").asText();
                parameters.add(parameter.path("in").asText() + " " + name);
                if (name.equals("Idempotency-Key") && parameter.path("in").asText().equals("header")) {
                    withKey.add(operation.getKey().toUpperCase() + " " + path.getKey());
                }
            }
        }));
        assertThat(withKey).containsExactly(
                "POST /api/v1/branch/payments",
                "POST /api/v1/online/payments",
                "POST /api/v1/payments/{paymentId}/reversal",
                "POST /api/v1/suspense/{id}/assignment",
                "POST /api/v1/suspense/{id}/return");
        assertThat(parameters).as("parameters published").doesNotContain(
                "query call", "query caller", "query teller", "query supervisor", "query channel", "query operator");
    }

    @Test
    void theDocumentAndSwaggerUiAreForOpsOnly() {
        assertThat(get("/v3/api-docs", null).status()).isEqualTo(401);
        assertThat(get("/v3/api-docs", TELLER).status()).isEqualTo(403);
        assertThat(get("/swagger-ui/index.html", TELLER).status()).isEqualTo(403);
        assertThat(get("/swagger-ui/index.html", OPS).status()).isEqualTo(200);
    }

    /** Every {@code METHOD /path} CONTRACT.md names in backticks, its path variables written {@code {}}. */
    /**
     * The contract's endpoints: this repository's copy of the list (a clone may be checked out anywhere), checked
     * against CONTRACT.md itself where the checkout sits beside it.
     */
    private static Set<String> contractEndpoints() throws IOException {
        Set<String> listed = new TreeSet<>();
        try (var lines = Files.lines(Path.of("src/test/resources/contract/endpoints.txt"))) {
            lines.filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(listed::add);
        }
        for (Path contract : List.of(Path.of("../shared/spec/CONTRACT.md"), Path.of("../../shared/spec/CONTRACT.md"))) {
            if (Files.exists(contract)) {
                assertThat(listed).as("src/test/resources/contract/endpoints.txt against " + contract)
                        .containsExactlyInAnyOrderElementsOf(endpointsNamedIn(Files.readString(contract)));
                break;
            }
        }
        return listed;
    }

    private static Set<String> endpointsNamedIn(String contract) {
        Set<String> endpoints = new TreeSet<>();
        Matcher found = ENDPOINT.matcher(contract);
        while (found.find()) {
            // Actuator's endpoints (health, probes, prometheus) are Spring Boot's, documented by it, not in this document
            if (!found.group(2).startsWith("/actuator")) {
                endpoints.add(found.group(1) + " " + normalise(found.group(2)));
            }
        }
        return endpoints;
    }

    private static String normalise(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }
}
