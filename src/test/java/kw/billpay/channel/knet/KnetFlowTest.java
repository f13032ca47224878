package kw.billpay.channel.knet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kw.billpay.knetsim.KnetSimulator;
import kw.billpay.knetsim.KnetSimulatorInquiry;
import kw.billpay.support.GatewayIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Online payments end to end against the built-in KNET simulator: the back end starts a payment, the customer's
 * browser follows KNET's hosted page and presses Pay or Cancel, KNET calls the gateway back, the gateway confirms by
 * inquiry and posts, exactly once (CONTRACT "Online and mobile payments through KNET", DOMAIN R18, R21, R22).
 */
class KnetFlowTest extends GatewayIntegrationTest {

    private static final Pattern HIDDEN_TRANDATA = Pattern.compile("name=\"trandata\" value=\"([0-9a-fA-F]+)\"");
    private static final KnetCipher DEMO_KEY = new KnetCipher("0123456789ABCDEF");

    @Autowired
    KnetSimulator simulator;

    @Autowired
    KnetSimulatorInquiry knetInquiry;

    /** A browser that shows redirects instead of following them. */
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void knetBackToNormal() {
        knetInquiry.setAvailable(true);
    }

    @Test
    void payingOnKnetsPagePostsThePaymentWithTheIssuersAllocations() throws Exception {
        String account = newAccount("KWD");
        Started started = start(account, "100.000");

        HttpResponse<String> afterPay = press(started, "PAY");

        assertThat(afterPay.statusCode()).isEqualTo(302);
        String receiptUrl = afterPay.headers().firstValue("Location").orElseThrow();
        assertThat(receiptUrl).endsWith("/knet/receipt/" + started.paymentId());
        JsonNode posted = awaitStatus(started.paymentId(), "POSTED");
        assertThat(allocations(posted)).containsExactly("PREVIOUS_FEES=5.000", "PREVIOUS_PURCHASES=40.000",
                "CURRENT_INSTALMENTS=30.000", "CURRENT_FEES=2.500", "CURRENT_CASH=22.500");
        assertThat(posted.path("channel").asText()).isEqualTo("KNET_ONLINE");
        assertThat(posted.path("history")).extracting(e -> e.path("type").asText())
                .containsSubsequence("INITIATED", "KNET_CALLBACK", "CAPTURED", "POSTED");
        assertThat(get("/api/v1/accounts/" + account, OPS).json().path("totalOwed").asText()).isEqualTo("415.000");
        String receipt = browse(receiptUrl).body();
        assertThat(receipt).contains(started.trackId(), "100.000", "ending " + account.substring(account.length() - 4))
                .doesNotContain(account);
    }

    @Test
    void cancellingOnKnetsPageFailsThePaymentAndPostsNothing() throws Exception {
        String account = newAccount("KWD");
        Started started = start(account, "20.000");

        HttpResponse<String> afterCancel = press(started, "CANCEL");

        assertThat(afterCancel.headers().firstValue("Location").orElseThrow()).contains("/knet/failed/" + started.paymentId());
        JsonNode failed = awaitStatus(started.paymentId(), "FAILED");
        assertThat(failed.path("statusReason").asText()).contains("CANCELED");
        assertThat(get("/api/v1/accounts/" + account, OPS).json().path("totalOwed").asText()).isEqualTo("515.000");
    }

    @Test
    void theSameCallbackFiveTimesPostsOnce() throws Exception {
        String account = newAccount("KWD");
        Started started = start(account, "10.000");
        simulator.captureWithoutCallback(started.trandata());
        String callback = callbackTrandata(started.trackId(), "CAPTURED", "10.000");

        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(knetCalls("/knet/response", callback));
        }

        assertThat(answers).allMatch(a -> a.equals("REDIRECT=http://localhost:" + port + "/knet/receipt/" + started.paymentId()));
        awaitStatus(started.paymentId(), "POSTED");
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3)).until(() -> postingsOf(account) == 1);
        assertThat(get("/api/v1/accounts/" + account, OPS).json().path("totalOwed").asText()).isEqualTo("505.000");
        assertThat(jdbc.queryForObject("select count(*) from knet_callback where track_id = ?", Integer.class, started.trackId())).isEqualTo(5);
        // each callback kept is in the payment's audit trail, by its id
        assertThat(jdbc.queryForList("select (detail->>'callbackId')::bigint from payment_event where payment_id = ?::uuid"
                        + " and type = 'KNET_CALLBACK' order by id", Long.class, started.paymentId()))
                .isEqualTo(jdbc.queryForList("select id from knet_callback where track_id = ? order by id", Long.class, started.trackId()));
    }

    @Test
    void aCallbackWhoseAmountDiffersFromTheIntentIsRecordedAndNeverPosted() throws Exception {
        String account = newAccount("KWD");
        Started started = start(account, "10.000");
        // nothing was captured: a real capture would rightly be posted by the sweep once its inquiry confirms it

        String answer = knetCalls("/knet/response", callbackTrandata(started.trackId(), "CAPTURED", "99.000"));

        assertThat(answer).isEqualTo("REDIRECT=http://localhost:" + port + "/knet/failed/" + started.paymentId());
        assertThat(outcomeOf(started.trackId())).isEqualTo("AMOUNT_MISMATCH");
        assertThat(get("/api/v1/payments/" + started.paymentId(), OPS).json().path("status").asText()).isNotEqualTo("POSTED");
    }

    @Test
    void aCallbackForAnUnknownTrackIdOrUnderAnotherKeyIsRecordedAndAnsweredWithTheErrorPage() throws Exception {
        String unknown = knetCalls("/knet/response", callbackTrandata("NOSUCHTRACKID", "CAPTURED", "10.000"));
        String foreign = knetCalls("/knet/response", new KnetCipher("FEDCBA9876543210").encrypt("result=CAPTURED&trackid=X&amt=1.000"));
        String garbage = knetCalls("/knet/response", "not-hex");

        assertThat(unknown).isEqualTo("REDIRECT=http://localhost:" + port + "/knet/failed/unknown");
        assertThat(foreign).isEqualTo(unknown);
        assertThat(garbage).isEqualTo(unknown);
        assertThat(outcomeOf("NOSUCHTRACKID")).isEqualTo("UNKNOWN_TRACK_ID");
        JsonNode forReview = get("/api/v1/knet/callbacks?outcome=UNKNOWN_TRACK_ID", OPS).json();
        assertThat(forReview).anySatisfy(c -> assertThat(c.path("trackId").asText()).isEqualTo("NOSUCHTRACKID"));
        assertThat(get("/api/v1/knet/callbacks?outcome=UNDECRYPTABLE", OPS).json())
                .anySatisfy(c -> assertThat(c.path("trandata").asText()).isEqualTo("not-hex"));
        assertThat(get("/api/v1/knet/callbacks", TELLER).status()).isEqualTo(403);
        assertThat(get("/api/v1/knet/callbacks?outcome=BOGUS", OPS).status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("select count(*) from knet_callback where outcome = 'UNDECRYPTABLE' and form->>'trandata' = 'not-hex'",
                Integer.class)).isEqualTo(1);
    }

    @Test
    void aCaptureTheInquiryDoesNotConfirmFailsThePayment() throws Exception {
        String account = newAccount("KWD");
        Started started = start(account, "10.000");
        knetInquiry.overrideResult(started.trackId(), "NOT CAPTURED");

        press(started, "PAY");

        JsonNode failed = awaitStatus(started.paymentId(), "FAILED");
        assertThat(failed.path("statusReason").asText()).startsWith("INQUIRY_DISAGREES");
        assertThat(get("/api/v1/accounts/" + account, OPS).json().path("totalOwed").asText()).isEqualTo("515.000");
    }

    @Test
    void aCaptureKnetConfirmsForAnotherAmountIsHeldForReviewNotPosted() throws Exception {
        String account = newAccount("KWD");
        Started started = start(account, "10.000");
        knetInquiry.overrideAmount(started.trackId(), "100.000");

        press(started, "PAY");

        JsonNode failed = awaitStatus(started.paymentId(), "FAILED");
        assertThat(failed.path("statusReason").asText()).isEqualTo("INQUIRY_AMOUNT_MISMATCH: KNET captured 100.000");
        assertThat(get("/api/v1/accounts/" + account, OPS).json().path("totalOwed").asText()).isEqualTo("515.000");
    }

    @Test
    void whileKnetsInquiryIsDownNothingIsPostedAndOnceItIsBackThePaymentIs() throws Exception {
        String account = newAccount("KWD");
        Started started = start(account, "10.000");
        knetInquiry.setAvailable(false);

        press(started, "PAY");

        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .until(() -> status(started.paymentId()).equals("INITIATED"));
        knetInquiry.setAvailable(true);
        awaitStatus(started.paymentId(), "POSTED");
        assertThat(postingsOf(account)).isEqualTo(1);
    }

    @Test
    void aCaptureWhoseCallbackNeverCameIsResolvedByTheSweep() throws Exception {
        String account = newAccount("KWD");
        Started started = start(account, "12.000");

        simulator.captureWithoutCallback(started.trandata());

        JsonNode posted = awaitStatus(started.paymentId(), "POSTED");
        assertThat(posted.path("posted").path("amount").asText()).isEqualTo("12.000");
        assertThat(jdbc.queryForObject("select count(*) from knet_callback where track_id = ?", Integer.class, started.trackId())).isZero();
    }

    @Test
    void theErrorUrlNeverPosts() throws Exception {
        String account = newAccount("KWD");
        Started started = start(account, "10.000");
        simulator.captureWithoutCallback(started.trandata());

        String answer = knetCalls("/knet/error", callbackTrandata(started.trackId(), "CAPTURED", "10.000"));

        assertThat(answer).startsWith("REDIRECT=").contains("/knet/failed/");
        JsonNode failed = awaitStatus(started.paymentId(), "FAILED");
        assertThat(failed.path("posted").isNull()).isTrue();
    }

    @Test
    void aUsdAccountIsPaidInKwdAndConverted() throws Exception {
        String account = newAccount("USD");
        put("/api/v1/fx-rates", OPS, Map.of("rates", List.of(Map.of("from", "KWD", "to", "USD", "rate", "3.2600000",
                "effectiveAt", "2026-01-01T00:00:00+03:00"))));
        Started started = start(account, "10.000");

        press(started, "PAY");

        JsonNode posted = awaitStatus(started.paymentId(), "POSTED");
        assertThat(posted.path("received").path("amount").asText()).isEqualTo("10.000");
        assertThat(posted.path("posted").path("currency").asText()).isEqualTo("USD");
        assertThat(posted.path("fx").path("from").asText()).isEqualTo("KWD");
    }

    // --- the parties ---

    record Started(String paymentId, String trackId, String redirectUrl, String trandata) { }

    private Started start(String account, String amount) {
        Answer answer = post("/api/v1/online/payments", ONLINE_KEY,
                Map.of("accountNumber", account, "amount", Map.of("amount", amount, "currency", "KWD")), newKey());
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        String redirect = answer.json().path("redirectUrl").asText();
        Matcher trandata = Pattern.compile("trandata=([0-9a-f]+)").matcher(redirect);
        assertThat(trandata.find()).isTrue();
        return new Started(answer.json().path("paymentId").asText(), answer.json().path("trackId").asText(), redirect, trandata.group(1));
    }

    /** The customer's browser: opens KNET's page from the redirect URL and submits its Pay or Cancel form. */
    private HttpResponse<String> press(Started started, String choice) throws Exception {
        HttpResponse<String> page = browse(started.redirectUrl());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("KWD");
        Matcher hidden = HIDDEN_TRANDATA.matcher(page.body());
        assertThat(hidden.find()).as(page.body()).isTrue();
        String form = "trandata=" + hidden.group(1) + "&choice=" + choice;
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/kpg/PaymentHTTP.htm"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> browse(String url) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** KNET calling the gateway back, server to server. */
    private String knetCalls(String path, String trandata) throws Exception {
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("trandata=" + URLEncoder.encode(trandata, StandardCharsets.UTF_8)
                        + "&paymentid=100200300400500")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(answer.body().lines().count()).isEqualTo(1);
        return answer.body().strip();
    }

    private static String callbackTrandata(String trackId, String result, String amount) {
        return DEMO_KEY.encrypt("paymentid=100200300400500&result=" + URLEncoder.encode(result, StandardCharsets.UTF_8)
                + "&auth=123456&ref=987654321012&postdate=1121&tranid=500400300200100&trackid=" + trackId + "&amt=" + amount);
    }

    private JsonNode awaitStatus(String paymentId, String status) {
        await().atMost(Duration.ofSeconds(40)).until(() -> status(paymentId).equals(status));
        return get("/api/v1/payments/" + paymentId, OPS).json();
    }

    private String status(String paymentId) {
        return get("/api/v1/payments/" + paymentId, OPS).json().path("status").asText();
    }

    private int postingsOf(String account) {
        return jdbc.queryForObject("select count(*) from payment where account_number = ? and status = 'POSTED'", Integer.class, account);
    }

    private String outcomeOf(String trackId) {
        return jdbc.queryForObject("select outcome from knet_callback where track_id = ? order by id desc limit 1", String.class, trackId);
    }
}
