package kw.billpay.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import kw.billpay.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15: request bodies are bounded, 64 KB for JSON and 16 KB for a form (application.yml): larger is a 413
 * problem+json before anything parses it, whether the client declares its length or sends it chunked, and nothing
 * changes. A body within the limit, chunked or not, is taken as before.
 */
class RequestBodyLimitTest extends GatewayIntegrationTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @ParameterizedTest(name = "chunked: {0}")
    @ValueSource(booleans = {false, true})
    void aJsonBodyOver64KbIsRefusedUnparsed(boolean chunked) {
        String accountNumber = randomAccountNumber();
        Map<String, Object> account = new HashMap<>(sampleAccount("KWD"));
        account.put("padding", "x".repeat(64 * 1024));

        RawHttp.Reply reply = send("PUT", "/api/v1/accounts/" + accountNumber, OPS, "application/json", JSON.valueToTree(account).toString(), chunked);

        assertTooLarge(reply);
        assertThat(get("/api/v1/accounts/" + accountNumber, OPS).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "chunked: {0}")
    @ValueSource(booleans = {false, true})
    void aJsonBodyWithinTheLimitIsTaken(boolean chunked) {
        String accountNumber = randomAccountNumber();
        Map<String, Object> account = new HashMap<>(sampleAccount("KWD"));
        account.put("padding", "x".repeat(60 * 1024)); // an unknown field: ignored

        RawHttp.Reply reply = send("PUT", "/api/v1/accounts/" + accountNumber, OPS, "application/json", JSON.valueToTree(account).toString(), chunked);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(getJson("/api/v1/accounts/" + accountNumber, OPS).path("holderName").asText()).isEqualTo("Sample Holder");
    }

    @ParameterizedTest(name = "{0}, chunked: {1}")
    @org.junit.jupiter.params.provider.CsvSource({"/knet/response,false", "/knet/response,true", "/knet/error,false", "/knet/error,true"})
    void aKnetFormOver16KbIsRefusedAndNotKept(String endpoint, boolean chunked) {
        long callbacks = knetCallbacks();

        RawHttp.Reply reply = send("POST", endpoint, null, FORM, "paymentid=1&trandata=" + "ab".repeat(8 * 1024), chunked);

        assertTooLarge(reply);
        assertThat(knetCallbacks()).isEqualTo(callbacks);
    }

    /** A chunked form within the limit still has its fields (the body was read once, into memory). */
    @Test
    void aChunkedKnetFormWithinTheLimitIsKeptFieldByField() {
        String trandata = "not-hex-" + newKey();

        RawHttp.Reply reply = send("POST", "/knet/response?lang=EN", null, FORM, "paymentid=77&trandata=" + trandata + "&udf1=a%26b", true);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.body()).startsWith("REDIRECT=");
        Map<String, Object> kept = jdbc.queryForMap("select form->>'udf1' as udf1, form->>'paymentid' as paymentid,"
                + " form->>'lang' as lang from knet_callback where form->>'trandata' = ?", trandata);
        assertThat(kept).containsEntry("udf1", "a&b").containsEntry("paymentid", "77").containsEntry("lang", "EN");
    }

    private RawHttp.Reply send(String method, String path, String credentials, String contentType, String body, boolean chunked) {
        Map<String, String> headers = new HashMap<>(Map.of("Content-Type", contentType));
        if (credentials != null) {
            headers.put("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return RawHttp.send(port, null, RawHttp.request(method, path, headers, body.getBytes(StandardCharsets.UTF_8), chunked));
    }

    private static void assertTooLarge(RawHttp.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(413);
        assertThat(reply.header("Content-Type")).as(reply.toString()).startsWith("application/problem+json");
        JsonNode problem;
        try {
            problem = JSON.readTree(reply.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(reply.toString(), e);
        }
        assertThat(problem.path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(problem.path("detail").asText()).contains("bytes");
    }

    private long knetCallbacks() {
        return jdbc.queryForObject("select count(*) from knet_callback", Long.class);
    }
}
