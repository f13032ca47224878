package kw.billpay.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import kw.billpay.testkit.BranchPaymentJson;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Base of the integration tests: the whole gateway on its embedded default (real Artemis, real PostgreSQL) on a
 * fresh data directory, driven over HTTP like a client would. All subclasses share one Spring context, so they must
 * not depend on an empty database: each test makes its own accounts ({@link #newAccount}). The gateway's clock is a
 * {@link TestClock} that a test may stop, move or send back in time. Exchange rates are
 * global too: {@link RateEra} says which times belong to whom.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.data-dir=target/it-data/shared",
        "gateway.events.relay-delay-ms=50",
        "gateway.knet.sweep-delay-ms=500",
        "gateway.knet.resolve-after=PT10S",
        "gateway.direct-debit.poll-delay-ms=100",
        "gateway.direct-debit.stable-min-age-ms=200",
        "gateway.direct-debit.stable-check-interval-ms=100",
        "gateway.direct-debit.max-attempts=3",
        "gateway.direct-debit.retry-delay-ms=300",
        "gateway.direct-debit.max-retry-delay-ms=2000",
        "gateway.collection.check-period-ms=200",
        "gateway.collection.check-delay-ms=200",
        "gateway.bank-transfer.poll-delay-ms=100",
        "gateway.bank-transfer.stable-min-age-ms=200",
        "gateway.bank-transfer.stable-check-interval-ms=100",
        "gateway.bank-transfer.max-attempts=3",
        "gateway.bank-transfer.retry-delay-ms=300",
        "gateway.bank-transfer.max-retry-delay-ms=2000"})
@Import(TestClock.Configuration.class)
@Tag("gateway") // inherited: mutation testing leaves these out (pom.xml, profile mutation)
public abstract class GatewayIntegrationTest {

    public static final String OPS = "ops:ops-demo";
    public static final String TELLER = "teller:teller-demo";
    public static final String SUPERVISOR = "supervisor:supervisor-demo";
    public static final String ONLINE_KEY = "online-demo-key";
    public static final String MOBILE_KEY = "mobile-demo-key";

    static {
        // A fresh database and broker journal for every test JVM.
        FileSystemUtils.deleteRecursively(Path.of("target/it-data/shared").toFile());
    }

    protected static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    /** The gateway's clock: a test may stop it, move it or travel in time; it is back in the present after each test. */
    @Autowired
    protected TestClock clock;

    @AfterEach
    void clockBackToPresent() {
        clock.reset();
    }

    /** An HTTP answer: status, content type and body (parsed when JSON). */
    public record Answer(int status, String contentType, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    protected Answer get(String path, String credentials) {
        return send("GET", path, credentials, null, Map.of());
    }

    /** GET as this caller, which must answer 200: its JSON. */
    protected JsonNode getJson(String path, String credentials) {
        Answer answer = get(path, credentials);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    protected Answer put(String path, String credentials, Object body) {
        return send("PUT", path, credentials, body, Map.of());
    }

    protected Answer post(String path, String credentials, Object body) {
        return send("POST", path, credentials, body, Map.of());
    }

    protected Answer post(String path, String credentials, Object body, String idempotencyKey) {
        return send("POST", path, credentials, body, Map.of("Idempotency-Key", idempotencyKey));
    }

    /**
     * Sends a request. {@code credentials} is {@code user:password} for HTTP Basic, a channel API key (no colon),
     * or null for none. {@code body} is sent as is when a String, else as JSON; its Content-Type is
     * application/json unless {@code headers} name another.
     */
    protected Answer send(String method, String path, String credentials, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
            if (credentials != null && credentials.contains(":")) {
                request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            } else if (credentials != null) {
                request.header("X-Api-Key", credentials);
            }
            headers.forEach(request::header);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                if (!headers.containsKey("Content-Type")) {
                    request.header("Content-Type", "application/json");
                }
                String text = body instanceof String s ? s : JSON.writeValueAsString(body);
                request.method(method, HttpRequest.BodyPublishers.ofString(text));
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A random account number (15 digits, like an Amex card number) nobody else uses. */
    protected static String randomAccountNumber() {
        return "3766" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
    }

    /** The CONTRACT's sample statement: balance 500.000, unbilled 15.000, minimum due 25.000. */
    protected static Map<String, Object> sampleAccount(String currency) {
        boolean kwd = currency.equals("KWD");
        return Map.of(
                "issuer", "amex-kw",
                "holderName", "Sample Holder",
                "currency", currency,
                "product", "CREDIT",
                "creditLimit", kwd ? "2000.000" : "6000.00",
                "status", "OPEN",
                "statement", Map.of(
                        "statementDate", "2026-10-25",
                        "dueDate", "2026-11-19",
                        "minimumDue", kwd ? "25.000" : "80.00",
                        "buckets", kwd ? Map.of(
                                "PREVIOUS_FEES", "5.000", "PREVIOUS_CASH", "0.000", "PREVIOUS_PURCHASES", "40.000",
                                "PREVIOUS_INSTALMENTS", "0.000", "CURRENT_INSTALMENTS", "30.000", "CURRENT_FEES", "2.500",
                                "CURRENT_CASH", "100.000", "CURRENT_PURCHASES", "322.500")
                                : Map.of("PREVIOUS_FEES", "5.00", "PREVIOUS_PURCHASES", "40.00", "CURRENT_PURCHASES", "1555.00")),
                "unbilled", kwd ? "15.000" : "0.00");
    }

    /** How many payments the ledger holds for the account, in any status. */
    protected int paymentsOf(String accountNumber) {
        Integer n = jdbc.queryForObject("select count(*) from payment where account_number = ?", Integer.class, accountNumber);
        return n == null ? 0 : n;
    }

    /** Creates an account with the sample statement and returns its number. */
    protected String newAccount(String currency) {
        String accountNumber = randomAccountNumber();
        Answer answer = put("/api/v1/accounts/" + accountNumber, OPS, sampleAccount(currency));
        if (answer.status() != 201) {
            throw new AssertionError("account not created: " + answer);
        }
        return accountNumber;
    }

    /** A USD to KWD rate in force since long before any test's payments. */
    protected void ensureUsdKwdRate() {
        Answer answer = put("/api/v1/fx-rates", OPS, Map.of("rates", java.util.List.of(Map.of(
                "from", "USD", "to", "KWD", "rate", "0.305000", "effectiveAt", "2026-01-01T00:00:00+03:00"))));
        if (answer.status() != 200) {
            throw new AssertionError("rate not stored: " + answer);
        }
    }

    /** Cash taken at the demo teller's own counter (BranchPaymentJson). */
    protected static Map<String, Object> cash(String accountNumber, String amount, String currency) {
        return BranchPaymentJson.cash(accountNumber, amount, currency).json();
    }

    /** A cheque taken at the demo teller's own counter; each call a new cheque (a cheque is taken once). */
    protected static Map<String, Object> cheque(String accountNumber, String amount, String currency) {
        return BranchPaymentJson.cheque(accountNumber, amount, currency).json();
    }

    /** A payment view's allocations as {@code BUCKET=amount}, in the order they were paid. */
    protected static java.util.List<String> allocations(JsonNode payment) {
        java.util.List<String> result = new java.util.ArrayList<>();
        payment.path("allocations").forEach(a -> result.add(a.path("bucket").asText() + "=" + a.path("amount").asText()));
        return result;
    }

    protected static String newKey() {
        return java.util.UUID.randomUUID().toString();
    }
}
