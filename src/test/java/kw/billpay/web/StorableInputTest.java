package kw.billpay.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kw.billpay.support.GatewayIntegrationTest;
import kw.billpay.testkit.BranchPaymentJson;
import kw.billpay.testkit.OnlinePaymentJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15, "Bad input is a 4xx and changes nothing": text PostgreSQL cannot store (a NUL, a lone surrogate) or that
 * has no place in any field (a control character), wherever a request carries it (a JSON body, a KNET form field, a
 * query parameter, the path, a header), is a 400 VALIDATION_FAILED naming where it was, and nothing is kept. A
 * database error the request's values cause is a 4xx with a clear detail, never a 500.
 */
class StorableInputTest extends GatewayIntegrationTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    // ------------------------------------------------------------------------------------------------------------
    // JSON bodies
    // ------------------------------------------------------------------------------------------------------------

    static Stream<Arguments> unstorableJsonText() {
        return Stream.of(
                arguments("a NUL", "Sample\\u0000Holder", "NUL"),
                arguments("a control character", "Sample\\u0007Holder", "control character (U+0007)"),
                arguments("a lone surrogate", "Sample\\ud800Holder", "unpaired surrogate"),
                arguments("an overlong UTF-8 NUL", "Sample\u00c0\u0080Holder", "NUL"));
    }

    /** The holder name as the JSON text has it: escaped, or (the overlong NUL) as raw bytes 0xC0 0x80. */
    @ParameterizedTest(name = "holderName with {0}")
    @MethodSource("unstorableJsonText")
    void anAccountWhoseHolderNameCannotBeStoredIsRefused(String what, String holderName, String said) {
        String accountNumber = randomAccountNumber();
        byte[] body = JSON.valueToTree(sampleAccount("KWD")).toString().replace("Sample Holder", holderName)
                .getBytes(StandardCharsets.ISO_8859_1);

        RawHttp.Reply reply = RawHttp.send(port, null, RawHttp.request("PUT", "/api/v1/accounts/" + accountNumber,
                Map.of("Content-Type", "application/json", "Authorization", basic(OPS)), body, false));

        assertRefused(new Answer(reply.status(), reply.header("Content-Type"), reply.body()), "holderName", said);
        assertThat(get("/api/v1/accounts/" + accountNumber, OPS).status()).isEqualTo(404);
    }

    /** Enums and dates are read from strings too, and Jackson would trim a control character off them. */
    @Test
    void anEnumOrADateWithAControlCharacterIsRefusedNotTrimmed() {
        String accountNumber = newAccount("KWD");
        Answer taken = post("/api/v1/branch/payments", TELLER, cheque(accountNumber, "10.000", "KWD"), newKey());
        String paymentId = taken.json().path("paymentId").asText();

        assertRefused(post("/api/v1/branch/payments/" + paymentId + "/clearing", SUPERVISOR, Map.of("outcome", "CLEARED\u001b")),
                "outcome", "control character (U+001B)");
        Map<String, Object> rates = Map.of("rates", List.of(Map.of("from", "JPY", "to", "BHD", "rate", "0.002500",
                "effectiveAt", "2001-01-01T00:00:00+03:00\u001f")));
        assertRefused(put("/api/v1/fx-rates", OPS, rates), "rates[0].effectiveAt", "control character (U+001F)");

        assertThat(getJson("/api/v1/payments/" + paymentId, OPS).path("status").asText()).isEqualTo("PENDING_CLEARING");
    }

    @Test
    void aNulInAMapKeyIsRefused() {
        String accountNumber = randomAccountNumber();
        String body = JSON.valueToTree(sampleAccount("KWD")).toString().replace("\"PREVIOUS_FEES\"", "\"PREVIOUS_FEES\\u0000\"");

        assertRefused(put("/api/v1/accounts/" + accountNumber, OPS, body), "buckets", "NUL");
        assertThat(get("/api/v1/accounts/" + accountNumber, OPS).status()).isEqualTo(404);
    }

    @Test
    void aNulEvenInAFieldTheGatewayIgnoresRefusesTheWholeRequest() {
        String accountNumber = newAccount("KWD");
        Map<String, Object> payment = BranchPaymentJson.cash(accountNumber, "10.000", "KWD")
                .with("note", Map.of("text", List.of("fine", "not\u0000fine"))).json();
        assertRefused(post("/api/v1/branch/payments", TELLER, payment, newKey()), "note", "NUL");

        Map<String, Object> online = OnlinePaymentJson.of(accountNumber, "10.000", "KWD").with("comment", "\u0000").json();
        assertRefused(post("/api/v1/online/payments", ONLINE_KEY, online, newKey()), "comment", "NUL");

        assertThat(paymentsOf(accountNumber)).isZero();
    }

    @Test
    void aClearingReasonWithANulIsRefusedAndTheChequeStaysPending() {
        String accountNumber = newAccount("KWD");
        Answer taken = post("/api/v1/branch/payments", TELLER, cheque(accountNumber, "10.000", "KWD"), newKey());
        String paymentId = taken.json().path("paymentId").asText();

        assertRefused(post("/api/v1/branch/payments/" + paymentId + "/clearing", SUPERVISOR,
                Map.of("outcome", "RETURNED", "reason", "INSUFFICIENT\u0000FUNDS")), "reason", "NUL");

        assertThat(getJson("/api/v1/payments/" + paymentId, OPS).path("status").asText()).isEqualTo("PENDING_CLEARING");
    }

    // ------------------------------------------------------------------------------------------------------------
    // KNET's form fields, query parameters, the path, headers
    // ------------------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/knet/response|trandata=ab%00cd&trackid=1|trandata", "/knet/error|Error=IPAY%00&ErrorText=x|Error",
            "/knet/response|trandata=abcd&udf1=%01|udf1", "/knet/error|paymentid=1&%00name=x|a parameter name"})
    void aKnetFormFieldThatCannotBeStoredIsRefusedAndNotKept(String call) {
        String[] parts = call.split("\\|");
        long callbacks = knetCallbacks();

        assertRefused(send("POST", parts[0], null, parts[1], Map.of("Content-Type", FORM)), parts[2], null);

        RawHttp.Reply chunked = RawHttp.send(port, null, RawHttp.request("POST", parts[0], Map.of("Content-Type", FORM),
                parts[1].getBytes(StandardCharsets.US_ASCII), true));
        assertRefused(new Answer(chunked.status(), chunked.header("Content-Type"), chunked.body()), parts[2], null);

        assertThat(knetCallbacks()).isEqualTo(callbacks);
    }

    @Test
    void queryParametersAndThePathAreCheckedToo() {
        assertRefused(get("/api/v1/direct-debit/files?bank=N%00BK", OPS), "bank", "NUL");
        assertRefused(get("/api/v1/knet/callbacks?outcome=ACCEPTED%1B", OPS), "outcome", "control character");
        assertRefused(get("/api/v1/payments/%01", OPS), "path", "control character");
        assertRefused(send("GET", "/knet/receipt/%7F", null, null, Map.of()), "path", "control character");
    }

    @Test
    void whatTomcatRefusesItselfIsProblemJsonToo() {
        String account = newAccount("KWD");
        byte[] body = JSON.valueToTree(cash(account, "10.000", "KWD")).toString().getBytes(StandardCharsets.UTF_8);
        Map<String, Map<String, String>> badHeaders = Map.of(
                "a NUL in Idempotency-Key", Map.of("Authorization", basic(TELLER), "Content-Type", "application/json",
                        "Idempotency-Key", "key\u0000one"),
                "a control character in X-Api-Key", Map.of("X-Api-Key", "online-demo-key\u0001", "Content-Type", "application/json",
                        "Idempotency-Key", newKey()));
        badHeaders.forEach((what, headers) -> {
            RawHttp.Reply reply = RawHttp.send(port, null, RawHttp.request("POST", "/api/v1/branch/payments", headers, body, false));
            assertRefused(new Answer(reply.status(), reply.header("Content-Type"), reply.body()), null, null);
        });
        RawHttp.Reply nulInPath = RawHttp.send(port, null, RawHttp.request("GET", "/api/v1/payments/%00", Map.of(), null, false));
        assertRefused(new Answer(nulInPath.status(), nulInPath.header("Content-Type"), nulInPath.body()), null, null);

        assertThat(paymentsOf(account)).isZero();
    }

    // ------------------------------------------------------------------------------------------------------------
    // Database errors the input causes
    // ------------------------------------------------------------------------------------------------------------

    /**
     * KNET's error page posts its own Error field. Only the decrypted trandata is KNET's word, so the plain field is kept
     * with the whole form as received (no column of its own to overflow): a long one is kept and answered, never a 500.
     * Database errors that input does cause are answered by their SQLState class (DatabaseErrorAnswersTest).
     */
    @Test
    void aLongPlainFieldOfKnetsErrorPageIsKeptNotA500() {
        long callbacks = knetCallbacks();

        Answer answer = send("POST", "/knet/error", null, "paymentid=1&Error=" + "E".repeat(150), Map.of("Content-Type", FORM));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).startsWith("REDIRECT=");
        assertThat(knetCallbacks()).isEqualTo(callbacks + 1);
    }

    // ------------------------------------------------------------------------------------------------------------

    /** 400 VALIDATION_FAILED as problem+json, its detail naming {@code field} and saying {@code said} (each if given). */
    private static void assertRefused(Answer answer, String field, String said) {
        String context = answer.status() + " " + answer.contentType() + " " + answer.body();
        assertThat(answer.status()).as(context).isEqualTo(400);
        assertThat(answer.contentType()).as(context).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.path("code").asText()).as(context).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.path("detail").asText()).as(context).isNotBlank();
        if (field != null) {
            assertThat(problem.path("detail").asText()).as(context).contains(field);
        }
        if (said != null) {
            assertThat(problem.path("detail").asText()).as(context).contains(said);
        }
    }

    private long knetCallbacks() {
        return jdbc.queryForObject("select count(*) from knet_callback", Long.class);
    }

    private static String basic(String credentials) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
