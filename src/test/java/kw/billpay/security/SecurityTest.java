package kw.billpay.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import kw.billpay.support.GatewayIntegrationTest;
import kw.billpay.testkit.OnlinePaymentJson;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * CONTRACT "Common rules" and the roles of each section: no or bad credentials are a 401, the wrong role a 403, the
 * right role works; a channel sees only its own payments; no response holds a full account number; idempotency keys.
 */
class SecurityTest extends GatewayIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    LoginThrottle throttle;

    /** This class sends wrong passwords for the shared users on purpose, more than the login throttle allows. */
    @org.junit.jupiter.api.AfterEach
    void forgetFailedLogins() {
        throttle.clear();
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SAMPLE_ACCOUNT = "376612345678901";

    /** A reply with its headers (the base class's Answer has none). */
    record Reply(int status, HttpResponse<String> response) {
        String body() {
            return response.body();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse("");
        }

        JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + response.body(), e);
            }
        }

        @Override
        public String toString() {
            return status + " " + header("Content-Type") + " " + body();
        }
    }

    private Reply call(String method, String path, Map<String, String> headers, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
            headers.forEach(request::header);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json");
                request.method(method, HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Map<String, String> as(String credentials) {
        if (credentials == null) {
            return Map.of();
        }
        if (credentials.contains(":")) {
            return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return Map.of("X-Api-Key", credentials);
    }

    private static Map<String, String> withKey(Map<String, String> headers, String idempotencyKey) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Idempotency-Key", idempotencyKey);
        return all;
    }

    // ------------------------------------------------------------------------------------------------------------
    // 401
    // ------------------------------------------------------------------------------------------------------------

    /** Every protected endpoint: method, path, body. Ids are placeholders: authentication comes before any look-up. */
    static List<Object[]> protectedEndpoints() {
        String payment = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
        return List.of(
                new Object[] {"GET", "/api/v1/accounts/" + SAMPLE_ACCOUNT, null},
                new Object[] {"PUT", "/api/v1/accounts/" + SAMPLE_ACCOUNT, sampleAccount("KWD")},
                new Object[] {"GET", "/api/v1/accounts/" + SAMPLE_ACCOUNT + "/payments", null},
                new Object[] {"GET", "/api/v1/fx-rates", null},
                new Object[] {"PUT", "/api/v1/fx-rates", Map.of("rates", List.of())},
                new Object[] {"GET", "/api/v1/payments/" + payment, null},
                new Object[] {"POST", "/api/v1/payments/" + payment + "/reversal", Map.of("reason", "CHARGEBACK")},
                new Object[] {"POST", "/api/v1/branch/payments", cash(SAMPLE_ACCOUNT, "10.000", "KWD")},
                new Object[] {"POST", "/api/v1/branch/payments/" + payment + "/clearing", Map.of("outcome", "CLEARED")},
                new Object[] {"GET", "/api/v1/branch/payments/" + payment + "/receipt", null},
                new Object[] {"POST", "/api/v1/online/payments", OnlinePaymentJson.of(SAMPLE_ACCOUNT, "25.000", "KWD").json()},
                new Object[] {"GET", "/api/v1/online/payments/" + payment, null},
                new Object[] {"GET", "/api/v1/reconciliation", null},
                new Object[] {"GET", "/api/v1/direct-debit/files", null},
                new Object[] {"GET", "/actuator/metrics", null});
    }

    static Stream<Arguments> unauthenticatedCalls() {
        Map<String, Map<String, String>> badCredentials = new LinkedHashMap<>();
        badCredentials.put("no credentials", Map.of());
        badCredentials.put("wrong password", as("ops:not-the-password"));
        badCredentials.put("another user's password", as("teller:ops-demo"));
        badCredentials.put("unknown user", as("mallory:mallory-demo"));
        badCredentials.put("unknown API key", as("stolen-demo-key"));
        badCredentials.put("Basic header not base64", Map.of("Authorization", "Basic !!not-base64!!"));
        badCredentials.put("Bearer token", Map.of("Authorization", "Bearer eyJhbGciOiJub25lIn0.e30."));
        return badCredentials.entrySet().stream().flatMap(c -> protectedEndpoints().stream()
                .map(e -> arguments(c.getKey(), e[0], e[1], c.getValue(), e[2])));
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @MethodSource("unauthenticatedCalls")
    void withoutValidCredentialsEveryProtectedEndpointIs401(String why, String method, String path,
                                                             Map<String, String> headers, Object body) {
        Reply reply = call(method, path, withKey(headers, newKey()), body);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.header("Content-Type")).as(reply.toString()).startsWith("application/problem+json");
        assertThat(reply.header("WWW-Authenticate")).as(reply.toString()).isNotBlank();
        assertThat(reply.json().path("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(reply.json().path("status").asInt()).isEqualTo(401);
        assertThat(reply.json().path("detail").asText()).isNotBlank();
        assertThat(reply.body()).doesNotContain("Exception", "org.springframework");
    }

    @Test
    void anUnauthenticatedWriteChangesNothing() {
        String accountNumber = randomAccountNumber();
        assertThat(call("PUT", "/api/v1/accounts/" + accountNumber, Map.of(), sampleAccount("KWD")).status()).isEqualTo(401);
        assertThat(get("/api/v1/accounts/" + accountNumber, OPS).status()).isEqualTo(404);

        String existing = newAccount("KWD");
        Reply refused = call("POST", "/api/v1/branch/payments", withKey(as("teller:wrong"), newKey()), cash(existing, "10.000", "KWD"));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(get("/api/v1/accounts/" + existing + "/payments", OPS).json()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------------------
    // 403
    // ------------------------------------------------------------------------------------------------------------

    static Stream<Arguments> wrongRoles() {
        return Stream.of(
                arguments(TELLER, "PUT", "/api/v1/accounts/{account}", "account"),
                arguments(SUPERVISOR, "PUT", "/api/v1/accounts/{account}", "account"),
                arguments(ONLINE_KEY, "PUT", "/api/v1/accounts/{account}", "account"),
                arguments(ONLINE_KEY, "GET", "/api/v1/accounts/{account}", null),
                arguments(MOBILE_KEY, "GET", "/api/v1/accounts/{account}/payments", null),
                arguments(TELLER, "PUT", "/api/v1/fx-rates", "rates"),
                arguments(SUPERVISOR, "PUT", "/api/v1/fx-rates", "rates"),
                arguments(ONLINE_KEY, "PUT", "/api/v1/fx-rates", "rates"),
                arguments(TELLER, "GET", "/api/v1/fx-rates", null),
                arguments(OPS, "POST", "/api/v1/branch/payments", "cash"),
                arguments(SUPERVISOR, "POST", "/api/v1/branch/payments", "cash"),
                arguments(ONLINE_KEY, "POST", "/api/v1/branch/payments", "cash"),
                arguments(MOBILE_KEY, "POST", "/api/v1/branch/payments", "cash"),
                arguments(TELLER, "POST", "/api/v1/branch/payments/{payment}/clearing", "cleared"),
                arguments(ONLINE_KEY, "POST", "/api/v1/branch/payments/{payment}/clearing", "cleared"),
                arguments(ONLINE_KEY, "GET", "/api/v1/branch/payments/{payment}/receipt", null),
                arguments(TELLER, "POST", "/api/v1/payments/{payment}/reversal", "reversal"),
                arguments(SUPERVISOR, "POST", "/api/v1/payments/{payment}/reversal", "reversal"),
                arguments(ONLINE_KEY, "POST", "/api/v1/payments/{payment}/reversal", "reversal"),
                arguments(TELLER, "GET", "/api/v1/reconciliation", null),
                arguments(SUPERVISOR, "GET", "/api/v1/reconciliation", null),
                arguments(ONLINE_KEY, "GET", "/api/v1/reconciliation", null),
                arguments(TELLER, "GET", "/api/v1/direct-debit/files", null),
                arguments(TELLER, "POST", "/api/v1/online/payments", "online"),
                arguments(TELLER, "GET", "/actuator/metrics", null),
                arguments(ONLINE_KEY, "GET", "/actuator/metrics", null));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("wrongRoles")
    void wrongRoleIs403AndChangesNothing(String credentials, String method, String pathTemplate, String bodyKind) {
        String accountNumber = newAccount("KWD");
        Answer cheque = post("/api/v1/branch/payments", TELLER, cheque(accountNumber, "10.000", "KWD"), newKey());
        assertThat(cheque.status()).as(cheque.body()).isEqualTo(201);
        String paymentId = cheque.json().path("paymentId").asText();
        JsonNode accountBefore = get("/api/v1/accounts/" + accountNumber, OPS).json();
        JsonNode paymentBefore = get("/api/v1/payments/" + paymentId, OPS).json();
        JsonNode ratesBefore = get("/api/v1/fx-rates", OPS).json();

        Map<String, Object> changedAccount = new HashMap<>(sampleAccount("KWD"));
        changedAccount.put("holderName", "Changed By The Wrong Role");
        Object body = bodyKind == null ? null : switch (bodyKind) {
            case "account" -> changedAccount;
            // a pair and time no payment uses: should the role check fail, no other test's conversions change
            case "rates" -> Map.of("rates", List.of(Map.of("from", "JPY", "to", "BHD", "rate", "0.002500",
                    "effectiveAt", "2001-01-01T00:00:00+03:00")));
            case "cash" -> cash(accountNumber, "10.000", "KWD");
            case "cleared" -> Map.of("outcome", "CLEARED");
            case "reversal" -> Map.of("reason", "CHARGEBACK");
            case "online" -> OnlinePaymentJson.of(accountNumber, "25.000", "KWD").json();
            default -> throw new IllegalArgumentException(bodyKind);
        };
        String path = pathTemplate.replace("{account}", accountNumber).replace("{payment}", paymentId);

        Reply reply = call(method, path, withKey(as(credentials), newKey()), body);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
        assertThat(reply.header("Content-Type")).as(reply.toString()).startsWith("application/problem+json");
        assertThat(reply.json().path("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(reply.json().path("detail").asText()).isNotBlank();
        assertThat(reply.body()).doesNotContain(accountNumber);

        assertThat(get("/api/v1/accounts/" + accountNumber, OPS).json()).isEqualTo(accountBefore);
        assertThat(get("/api/v1/payments/" + paymentId, OPS).json()).isEqualTo(paymentBefore);
        assertThat(get("/api/v1/accounts/" + accountNumber + "/payments", OPS).json()).hasSize(1);
        assertThat(get("/api/v1/fx-rates", OPS).json()).isEqualTo(ratesBefore);
    }

    // ------------------------------------------------------------------------------------------------------------
    // the right role works
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void rightRolesWork() {
        String accountNumber = randomAccountNumber();
        assertThat(put("/api/v1/accounts/" + accountNumber, OPS, sampleAccount("KWD")).status()).isEqualTo(201);
        assertThat(put("/api/v1/accounts/" + accountNumber, OPS, sampleAccount("KWD")).status()).isEqualTo(200);
        for (String staff : List.of(OPS, TELLER, SUPERVISOR)) {
            assertThat(get("/api/v1/accounts/" + accountNumber, staff).status()).as(staff).isEqualTo(200);
            assertThat(get("/api/v1/accounts/" + accountNumber + "/payments", staff).status()).as(staff).isEqualTo(200);
        }

        ensureUsdKwdRate();
        assertThat(get("/api/v1/fx-rates", OPS).status()).isEqualTo(200);

        Answer cash = post("/api/v1/branch/payments", TELLER, cash(accountNumber, "10.000", "KWD"), newKey());
        assertThat(cash.status()).as(cash.body()).isEqualTo(201);
        String cashId = cash.json().path("paymentId").asText();
        for (String staff : List.of(OPS, TELLER, SUPERVISOR)) {
            assertThat(get("/api/v1/payments/" + cashId, staff).status()).as(staff).isEqualTo(200);
            Answer receipt = get("/api/v1/branch/payments/" + cashId + "/receipt", staff);
            assertThat(receipt.status()).as(staff + " " + receipt.body()).isEqualTo(200);
            assertThat(receipt.contentType()).startsWith("text/html");
        }

        String chequeBySupervisor = post("/api/v1/branch/payments", TELLER, cheque(accountNumber, "5.000", "KWD"), newKey())
                .json().path("paymentId").asText();
        Answer cleared = post("/api/v1/branch/payments/" + chequeBySupervisor + "/clearing", SUPERVISOR, Map.of("outcome", "CLEARED"));
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        assertThat(cleared.json().path("status").asText()).isEqualTo("POSTED");

        String chequeByOps = post("/api/v1/branch/payments", TELLER, cheque(accountNumber, "5.000", "KWD"), newKey())
                .json().path("paymentId").asText();
        Answer returned = post("/api/v1/branch/payments/" + chequeByOps + "/clearing", OPS,
                Map.of("outcome", "RETURNED", "reason", "INSUFFICIENT_FUNDS"));
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        assertThat(returned.json().path("status").asText()).isEqualTo("RETURNED");

        Answer reversed = post("/api/v1/payments/" + cashId + "/reversal", OPS, Map.of("reason", "CHARGEBACK"), newKey());
        assertThat(reversed.status()).as(reversed.body()).isEqualTo(200);
        assertThat(reversed.json().path("status").asText()).isEqualTo("REVERSED");

        Answer reconciliation = get("/api/v1/reconciliation", OPS);
        assertThat(reconciliation.status()).as(reconciliation.body()).isEqualTo(200);
        assertThat(reconciliation.json().path("balanced").asBoolean()).as(reconciliation.body()).isTrue();
    }

    @Test
    void healthIsOpenAndUp() {
        Reply health = call("GET", "/actuator/health", Map.of(), null);
        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        // open, but without details for an anonymous caller
        assertThat(health.json().has("components")).as(health.toString()).isFalse();
    }

    // ------------------------------------------------------------------------------------------------------------
    // channel back ends see only their own channel's payments
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void aChannelKeyCannotReadABranchPayment() {
        String accountNumber = newAccount("KWD");
        String paymentId = post("/api/v1/branch/payments", TELLER, cash(accountNumber, "10.000", "KWD"), newKey())
                .json().path("paymentId").asText();

        for (String key : List.of(ONLINE_KEY, MOBILE_KEY)) {
            Answer answer = get("/api/v1/payments/" + paymentId, key);
            assertThat(answer.status()).as(key + " " + answer.body()).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().path("code").asText()).isEqualTo("UNKNOWN_PAYMENT");
            // exactly what an id that never existed gets: nothing tells the channel the payment is there
            Answer never = get("/api/v1/payments/" + UUID.randomUUID(), key);
            assertThat(never.status()).isEqualTo(404);
            assertThat(never.json().path("code").asText()).isEqualTo("UNKNOWN_PAYMENT");
        }
        assertThat(get("/api/v1/payments/" + paymentId, OPS).status()).isEqualTo(200);
    }

    @Test
    void aChannelKeyReadsItsOwnChannelsPaymentOnly() {
        // No channel intake exists yet to make a KNET_ONLINE payment over HTTP, so one finished (FAILED, never
        // posted) online payment is written straight to the table: the test is about who may read it.
        String accountNumber = newAccount("KWD");
        UUID paymentId = UUID.randomUUID();
        jdbc.update("""
                insert into payment (payment_id, source_key, channel, method, status, status_reason, account_number,
                                     received_amount, received_currency, billing_currency, received_at)
                values (?, ?, 'KNET_ONLINE', 'KNET', 'FAILED', 'NOT CAPTURED', ?, 25.000, 'KWD', 'KWD', ?)""",
                paymentId, "SECURITY-TEST:" + paymentId, accountNumber, Timestamp.from(Instant.now()));

        Answer own = get("/api/v1/payments/" + paymentId, ONLINE_KEY);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().path("channel").asText()).isEqualTo("KNET_ONLINE");
        assertThat(own.body()).doesNotContain(accountNumber);

        Answer other = get("/api/v1/payments/" + paymentId, MOBILE_KEY);
        assertThat(other.status()).as(other.body()).isEqualTo(404);
        assertThat(other.json().path("code").asText()).isEqualTo("UNKNOWN_PAYMENT");
    }

    // ------------------------------------------------------------------------------------------------------------
    // no full account number in any response (nor in the log)
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void responsesNeverHoldAFullAccountNumber() {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        SoftAssertions softly = new SoftAssertions();
        String accountNumber = randomAccountNumber();
        String unknown = randomAccountNumber();
        try {
            String masked = "*".repeat(11) + accountNumber.substring(11);
            Map<String, Answer> answers = new LinkedHashMap<>();

            Answer created = put("/api/v1/accounts/" + accountNumber, OPS, sampleAccount("KWD"));
            assertThat(created.status()).isEqualTo(201);
            softly.assertThat(created.json().path("accountNumber").asText()).as("PUT account view").isEqualTo(masked);
            answers.put("PUT account (201)", created);

            Answer account = get("/api/v1/accounts/" + accountNumber, TELLER);
            softly.assertThat(account.json().path("accountNumber").asText()).as("GET account view").isEqualTo(masked);
            answers.put("GET account", account);

            String key = newKey();
            Answer cash = post("/api/v1/branch/payments", TELLER, cash(accountNumber, "10.000", "KWD"), key);
            assertThat(cash.status()).isEqualTo(201);
            softly.assertThat(cash.json().path("accountNumber").asText()).as("branch payment view").isEqualTo(masked);
            answers.put("POST branch payment", cash);
            answers.put("POST branch payment replayed", post("/api/v1/branch/payments", TELLER, cash(accountNumber, "10.000", "KWD"), key));
            String cashId = cash.json().path("paymentId").asText();

            Answer cheque = post("/api/v1/branch/payments", TELLER, cheque(accountNumber, "20.000", "KWD"), newKey());
            assertThat(cheque.status()).isEqualTo(201);
            answers.put("POST cheque", cheque);
            Answer cleared = post("/api/v1/branch/payments/" + cheque.json().path("paymentId").asText() + "/clearing",
                    SUPERVISOR, Map.of("outcome", "CLEARED"));
            softly.assertThat(cleared.json().path("accountNumber").asText()).as("clearing view").isEqualTo(masked);
            answers.put("POST clearing", cleared);

            Answer payment = get("/api/v1/payments/" + cashId, OPS);
            softly.assertThat(payment.json().path("accountNumber").asText()).as("payment view").isEqualTo(masked);
            answers.put("GET payment", payment);

            Answer list = get("/api/v1/accounts/" + accountNumber + "/payments", SUPERVISOR);
            assertThat(list.json()).hasSize(2);
            list.json().forEach(p -> softly.assertThat(p.path("accountNumber").asText()).as("payment list").isEqualTo(masked));
            answers.put("GET account payments", list);

            Answer receipt = get("/api/v1/branch/payments/" + cashId + "/receipt", TELLER);
            assertThat(receipt.status()).isEqualTo(200);
            softly.assertThat(receipt.body()).as("receipt shows the last 4").contains(accountNumber.substring(11));
            answers.put("GET receipt", receipt);

            answers.put("POST reversal", post("/api/v1/payments/" + cashId + "/reversal", OPS, Map.of("reason", "CHARGEBACK"), newKey()));

            // refusals that concern the account
            Map<String, Object> invalid = new HashMap<>(sampleAccount("KWD"));
            invalid.put("creditLimit", "-1.000");
            Answer refusedPut = put("/api/v1/accounts/" + accountNumber, OPS, invalid);
            assertThat(refusedPut.status()).isEqualTo(400);
            answers.put("PUT account refused (400)", refusedPut);
            Answer badLimit = get("/api/v1/accounts/" + accountNumber + "/payments?limit=0", OPS);
            assertThat(badLimit.status()).isEqualTo(400);
            answers.put("GET account payments?limit=0 (400)", badLimit);
            Map<String, Object> closed = new HashMap<>(sampleAccount("KWD"));
            closed.put("status", "CLOSED");
            answers.put("PUT account CLOSED", put("/api/v1/accounts/" + accountNumber, OPS, closed));
            Answer notOpen = post("/api/v1/branch/payments", TELLER, cash(accountNumber, "10.000", "KWD"), newKey());
            assertThat(notOpen.status()).as(notOpen.body()).isEqualTo(422);
            answers.put("POST branch payment to a CLOSED account (422)", notOpen);

            for (Map.Entry<String, Answer> answer : answers.entrySet()) {
                softly.assertThat(answer.getValue().body()).as("%s holds the full account number", answer.getKey())
                        .doesNotContain(accountNumber);
            }

            Answer unknownGet = get("/api/v1/accounts/" + unknown, OPS);
            assertThat(unknownGet.status()).isEqualTo(404);
            softly.assertThat(unknownGet.body()).as("GET unknown account (404)").doesNotContain(unknown);
            Answer unknownPayments = get("/api/v1/accounts/" + unknown + "/payments", OPS);
            assertThat(unknownPayments.status()).isEqualTo(404);
            softly.assertThat(unknownPayments.body()).as("GET unknown account's payments (404)").doesNotContain(unknown);
            Answer unknownPay = post("/api/v1/branch/payments", TELLER, cash(unknown, "10.000", "KWD"), newKey());
            assertThat(unknownPay.status()).as(unknownPay.body()).isEqualTo(422);
            softly.assertThat(unknownPay.body()).as("POST branch payment to an unknown account (422)").doesNotContain(unknown);
        } finally {
            root.detachAppender(logs);
        }
        synchronized (logs) {
            for (ILoggingEvent event : logs.list) {
                softly.assertThat(event.getFormattedMessage()).as("log line of %s", event.getLoggerName())
                        .doesNotContain(accountNumber).doesNotContain(unknown);
            }
        }
        softly.assertAll();
    }

    // ------------------------------------------------------------------------------------------------------------
    // Idempotency-Key
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void sameKeySameBodyIsTheSameAnswerAnotherBodyIs409() {
        String accountNumber = newAccount("KWD");
        String key = newKey();

        Answer first = post("/api/v1/branch/payments", TELLER, cash(accountNumber, "10.000", "KWD"), key);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        JsonNode after = get("/api/v1/accounts/" + accountNumber, OPS).json();

        Answer again = post("/api/v1/branch/payments", TELLER, cash(accountNumber, "10.000", "KWD"), key);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().path("paymentId").asText()).isEqualTo(first.json().path("paymentId").asText());
        assertThat(again.json()).isEqualTo(first.json());

        // same fields in another order: the same request
        String reordered = "{\"branch\": \"SALHIYA\", \"institution\": \"AMEX\", \"amount\": {\"currency\": \"KWD\", \"amount\": \"10.000\"},"
                + " \"method\": \"CASH\", \"accountNumber\": \"" + accountNumber + "\"}";
        Answer reorderedAnswer = post("/api/v1/branch/payments", TELLER, reordered, key);
        assertThat(reorderedAnswer.status()).as(reorderedAnswer.body()).isEqualTo(201);
        assertThat(reorderedAnswer.json().path("paymentId").asText()).isEqualTo(first.json().path("paymentId").asText());

        for (Map<String, Object> other : List.of(cash(accountNumber, "11.000", "KWD"), cheque(accountNumber, "10.000", "KWD"),
                cash(newAccount("KWD"), "10.000", "KWD"))) {
            Answer reused = post("/api/v1/branch/payments", TELLER, other, key);
            assertThat(reused.status()).as(reused.body()).isEqualTo(409);
            assertThat(reused.contentType()).startsWith("application/problem+json");
            assertThat(reused.json().path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
            assertThat(reused.json().path("detail").asText()).isNotBlank();
        }

        assertThat(get("/api/v1/accounts/" + accountNumber, OPS).json()).as("posted once").isEqualTo(after);
        assertThat(get("/api/v1/accounts/" + accountNumber + "/payments", OPS).json()).hasSize(1);
    }
}
