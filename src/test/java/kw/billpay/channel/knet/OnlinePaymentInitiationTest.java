package kw.billpay.channel.knet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kw.billpay.support.GatewayIntegrationTest;
import kw.billpay.testkit.OnlinePaymentJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Starting an online or mobile payment (CONTRACT "Online and mobile payments through KNET", DOMAIN R5–R7). */
class OnlinePaymentInitiationTest extends GatewayIntegrationTest {

    private static final String START = "/api/v1/online/payments";

    @Test
    void anIntentIsRecordedAndTheCustomerIsSentToKnetWithTheEncryptedRequest() {
        String account = newAccount("KWD");
        JsonNode before = get("/api/v1/accounts/" + account, OPS).json();

        Answer started = post(START, ONLINE_KEY, online(account, "25.000"), newKey());

        assertThat(started.status()).as(started.body()).isEqualTo(201);
        JsonNode body = started.json();
        String trackId = body.path("trackId").asText();
        assertThat(trackId).matches("[A-Za-z0-9]{1,40}");
        assertThat(body.path("status").asText()).isEqualTo("INITIATED");
        String redirect = body.path("redirectUrl").asText();
        assertThat(redirect).contains("/kpg/PaymentHTTP.htm?param=paymentInit&trandata=");
        Map<String, String> query = query(redirect.substring(redirect.indexOf('?') + 1));
        assertThat(query).containsEntry("tranportalId", "demo-tranportal");
        assertThat(query.get("responseURL")).endsWith("/knet/response");
        assertThat(query.get("errorURL")).endsWith("/knet/error");
        Map<String, String> request = query(new KnetCipher("0123456789ABCDEF").decrypt(query.get("trandata")).orElseThrow());
        assertThat(request).containsEntry("id", "demo-tranportal").containsEntry("password", "demo-password")
                .containsEntry("action", "1").containsEntry("currencycode", "414").containsEntry("amt", "25.000")
                .containsEntry("trackid", trackId).containsEntry("udf1", body.path("paymentId").asText())
                .containsEntry("udf2", "KNET_ONLINE")
                .containsKeys("langid", "responseURL", "errorURL", "udf3", "udf4", "udf5");

        // nothing is paid yet
        assertThat(get("/api/v1/accounts/" + account, OPS).json()).isEqualTo(before);
        JsonNode status = get(START + "/" + body.path("paymentId").asText(), ONLINE_KEY).json();
        assertThat(status.path("status").asText()).isEqualTo("INITIATED");
        assertThat(status.path("channel").asText()).isEqualTo("KNET_ONLINE");
        assertThat(status.path("reference").asText()).isEqualTo(trackId);
        assertThat(status.path("received").path("amount").asText()).isEqualTo("25.000");
        assertThat(get(START + "/" + body.path("paymentId").asText(), MOBILE_KEY).status()).isEqualTo(404);
    }

    @Test
    void theMobileAppsKeyStartsAMobilePaymentAndRetriesGetTheFirstAnswer() {
        String account = newAccount("KWD");
        String key = newKey();

        Answer first = post(START, MOBILE_KEY, online(account, "10.500"), key);
        Answer again = post(START, MOBILE_KEY, online(account, "10.500"), key);
        Answer otherBody = post(START, MOBILE_KEY, online(account, "11.000"), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(otherBody.status()).isEqualTo(409);
        assertThat(otherBody.json().path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(get(START + "/" + first.json().path("paymentId").asText(), MOBILE_KEY).json().path("channel").asText())
                .isEqualTo("MOBILE_APP");
        assertThat(paymentsOf(account)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} KWD -> {1}")
    @CsvSource({
            "2.999, 422, BELOW_MINIMUM_PAYMENT",
            "3.000, 201, ",
            "5000.000, 201, ",
            "5000.001, 422, ABOVE_MAXIMUM_PAYMENT"})
    void theIssuersMinimumAndMaximumHold(String amount, int status, String code) {
        String account = newAccount("KWD");

        Answer answer = post(START, ONLINE_KEY, online(account, amount), newKey());

        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        if (code != null) {
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().path("code").asText()).isEqualTo(code);
            assertThat(paymentsOf(account)).isZero();
        }
    }

    @Test
    void knetTakesKwdOnlyAndAUsdAccountIsPaidInKwd() {
        String usdAccount = newAccount("USD");
        assertThat(put("/api/v1/fx-rates", OPS, Map.of("rates", List.of(Map.of("from", "KWD", "to", "USD",
                "rate", "3.2600000", "effectiveAt", "2026-01-01T00:00:00+03:00")))).status()).isEqualTo(200);

        Answer inUsd = post(START, ONLINE_KEY, OnlinePaymentJson.of(usdAccount, "10.00", "USD").json(), newKey());
        Answer inKwd = post(START, ONLINE_KEY, online(usdAccount, "10.000"), newKey());

        assertThat(inUsd.status()).isEqualTo(422);
        assertThat(inUsd.json().path("code").asText()).isEqualTo("UNSUPPORTED_CURRENCY");
        assertThat(inKwd.status()).as(inKwd.body()).isEqualTo(201);
    }

    @Test
    void unknownAndClosedAccountsAreRefusedBeforeKnetIsInvolved() {
        Map<String, Object> closed = new HashMap<>(sampleAccount("KWD"));
        closed.put("status", "CLOSED");
        String closedAccount = randomAccountNumber();
        assertThat(put("/api/v1/accounts/" + closedAccount, OPS, closed).status()).isEqualTo(201);

        Answer toClosed = post(START, ONLINE_KEY, online(closedAccount, "10.000"), newKey());
        Answer toUnknown = post(START, ONLINE_KEY, online(randomAccountNumber(), "10.000"), newKey());

        assertThat(toClosed.json().path("code").asText()).isEqualTo("ACCOUNT_NOT_OPEN");
        assertThat(toUnknown.json().path("code").asText()).isEqualTo("UNKNOWN_ACCOUNT");
        assertThat(toUnknown.status()).isEqualTo(422);
    }

    @Test
    void onlyChannelBackEndsStartOnlinePayments() {
        String account = newAccount("KWD");

        assertThat(post(START, TELLER, online(account, "10.000"), newKey()).status()).isEqualTo(403);
        assertThat(post(START, "not-a-key", online(account, "10.000"), newKey()).status()).isEqualTo(401);
        assertThat(post(START, null, online(account, "10.000"), newKey()).status()).isEqualTo(401);
    }

    private static Map<String, Object> online(String accountNumber, String amount) {
        return OnlinePaymentJson.of(accountNumber, amount, "KWD").json();
    }

    private static Map<String, String> query(String text) {
        return Arrays.stream(text.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> decode(p[0]), p -> p.length > 1 ? decode(p[1]) : ""));
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
