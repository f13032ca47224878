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
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kw.billpay.knetsim.KnetSimulator;
import kw.billpay.knetsim.KnetSimulatorInquiry;
import kw.billpay.support.GatewayIntegrationTest;
import kw.billpay.testkit.OnlinePaymentJson;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The parties of an online payment, for the KNET integration tests: the back end that starts it, the customer's
 * browser on KNET's hosted page (the built-in simulator), KNET calling back and KNET's inquiry service, whose answers a
 * test scripts per track id.
 */
abstract class KnetIntegrationTest extends GatewayIntegrationTest {

    static final Pattern HIDDEN_TRANDATA = Pattern.compile("name=\"trandata\" value=\"([0-9a-fA-F]+)\"");
    static final KnetCipher DEMO_KEY = new KnetCipher("0123456789ABCDEF");
    static final ZoneId KUWAIT = ZoneId.of("Asia/Kuwait");

    @Autowired
    KnetSimulator simulator;

    @Autowired
    KnetSimulatorInquiry knetInquiry;

    /** A browser that shows redirects instead of following them. */
    final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    record Started(String paymentId, String trackId, String redirectUrl, String trandata) { }

    Started start(String account, String amount) {
        Answer answer = post("/api/v1/online/payments", ONLINE_KEY,
                OnlinePaymentJson.of(account, amount, "KWD").json(), newKey());
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        String redirect = answer.json().path("redirectUrl").asText();
        Matcher trandata = Pattern.compile("trandata=([0-9a-f]+)").matcher(redirect);
        assertThat(trandata.find()).isTrue();
        return new Started(answer.json().path("paymentId").asText(), answer.json().path("trackId").asText(), redirect, trandata.group(1));
    }

    /** The customer's browser: opens KNET's page from the redirect URL and submits its Pay or Cancel form. */
    HttpResponse<String> press(Started started, String choice) throws Exception {
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

    HttpResponse<String> browse(String url) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** KNET calling the gateway back, server to server, with a plain {@code paymentid} beside the trandata. */
    String knetCalls(String path, String trandata) throws Exception {
        return knetPosts(path, "trandata=" + URLEncoder.encode(trandata, StandardCharsets.UTF_8) + "&paymentid=100200300400500");
    }

    /** A form posted to a KNET callback address; the answer must be KNET's one {@code REDIRECT=} line. */
    String knetPosts(String path, String form) throws Exception {
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(answer.body().lines().count()).isEqualTo(1);
        return answer.body().strip();
    }

    static String callbackTrandata(String trackId, String result, String amount) {
        return callbackTrandata(trackId, result, amount, "1121");
    }

    static String callbackTrandata(String trackId, String result, String amount, String postDate) {
        return DEMO_KEY.encrypt("paymentid=100200300400500&result=" + URLEncoder.encode(result, StandardCharsets.UTF_8)
                + "&auth=123456&ref=987654321012&postdate=" + postDate + "&tranid=500400300200100&trackid=" + trackId
                + "&amt=" + amount);
    }

    /** KNET's post date ({@code MMDD}) of a day in Kuwait. */
    static String postDate(LocalDate day) {
        return day.format(DateTimeFormatter.ofPattern("MMdd"));
    }

    static LocalDate todayInKuwait() {
        return LocalDate.now(KUWAIT);
    }

    JsonNode awaitStatus(String paymentId, String status) {
        await().atMost(Duration.ofSeconds(40)).until(() -> status(paymentId).equals(status));
        return payment(paymentId);
    }

    JsonNode payment(String paymentId) {
        return get("/api/v1/payments/" + paymentId, OPS).json();
    }

    String status(String paymentId) {
        return payment(paymentId).path("status").asText();
    }

    int postingsOf(String account) {
        return jdbc.queryForObject("select count(*) from payment where account_number = ? and status = 'POSTED'", Integer.class, account);
    }

    /** When and why the gateway will next ask KNET about a payment (table knet_inquiry_schedule); empty when it will not. */
    Map<String, Object> scheduleOf(String paymentId) {
        return jdbc.queryForList("select purpose, stage, attempts, next_ask_at, last_answer from knet_inquiry_schedule"
                + " where payment_id = ?::uuid", paymentId).stream().findFirst().orElse(Map.of());
    }

    /** How many times in a row KNET's inquiry service gave no answer the gateway could read about the payment. */
    int unansweredAsks(String paymentId) {
        return ((Number) scheduleOf(paymentId).getOrDefault("attempts", 0)).intValue();
    }

    /** Time passes: the payment's next inquiry is due now. */
    void askNow(String paymentId) {
        assertThat(jdbc.update("update knet_inquiry_schedule set next_ask_at = now() - interval '1 second' where payment_id = ?::uuid",
                paymentId)).isEqualTo(1);
    }

    String outcomeOf(String trackId) {
        return jdbc.queryForObject("select outcome from knet_callback where track_id = ? order by id desc limit 1", String.class, trackId);
    }
}
