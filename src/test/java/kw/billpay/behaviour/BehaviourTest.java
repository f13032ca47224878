package kw.billpay.behaviour;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kw.billpay.channel.directdebit.DirectDebitProperties;
import kw.billpay.channel.directdebit.PartnerBank;
import kw.billpay.support.GatewayIntegrationTest;
import kw.billpay.testkit.OnlinePaymentJson;
import kw.billpay.testkit.ResultFileBuilder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the behaviour tests share: the channels driven as their outside parties drive them (a bank dropping a result
 * file, a customer paying on KNET's page, a teller at the counter) and the payment read back over the API.
 */
abstract class BehaviourTest extends GatewayIntegrationTest {

    static final Duration ASYNC = Duration.ofSeconds(40);
    private static final Pattern TRANDATA = Pattern.compile("trandata=([0-9a-fA-F]+)");

    @Autowired
    DirectDebitProperties directDebitFolders;

    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    JsonNode payment(String paymentId) {
        return getJson("/api/v1/payments/" + paymentId, OPS);
    }

    JsonNode account(String accountNumber) {
        return getJson("/api/v1/accounts/" + accountNumber, OPS);
    }

    JsonNode awaitStatus(String paymentId, String status) {
        await().atMost(ASYNC).until(() -> payment(paymentId).path("status").asText().equals(status));
        return payment(paymentId);
    }

    /** A teller's payment, answered 201: its view. */
    JsonNode atCounter(Map<String, Object> request) {
        Answer answer = post("/api/v1/branch/payments", TELLER, request, newKey());
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json();
    }

    JsonNode clear(String paymentId) {
        Answer answer = post("/api/v1/branch/payments/" + paymentId + "/clearing", SUPERVISOR, Map.of("outcome", "CLEARED"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** One D line of a direct-debit result file: a COLLECTED record. */
    record Collected(String accountNumber, String amount, LocalDate collectionDate) { }

    /**
     * A partner bank drops a result file of COLLECTED records in its inbox (written under a dot name, then renamed,
     * as a bank must); returns the acknowledgement's lines once the gateway wrote it.
     */
    List<String> dropDirectDebitFile(PartnerBank bank, String currency, List<Collected> records) throws IOException {
        String fileId = "BT-" + UUID.randomUUID().toString().substring(0, 18);
        DateTimeFormatter yyyymmdd = DateTimeFormatter.BASIC_ISO_DATE;
        ResultFileBuilder file = ResultFileBuilder.file(bank.name(), fileId)
                .created(records.get(0).collectionDate().format(yyyymmdd)).currency(currency);
        for (Collected r : records) {
            file.collected(r.accountNumber(), "MND-" + (file.size() + 1), r.amount(), r.collectionDate().format(yyyymmdd));
        }
        String name = fileId + ".csv";
        file.drop(directDebitFolders.inbox(bank), name);
        Path ack = directDebitFolders.outbox(bank).resolve(name + ".ack.csv");
        await().atMost(ASYNC).pollInterval(Duration.ofMillis(50)).until(() -> Files.exists(ack));
        return Files.readAllLines(ack, StandardCharsets.UTF_8);
    }

    /** The payment id an acknowledgement's R line gives for record {@code seq} (1-based), which must be POSTED. */
    static String postedId(List<String> ack, int seq) {
        String[] r = ack.get(seq).split(",");
        assertThat(r[2]).as(String.join("\n", ack)).isEqualTo("POSTED");
        return r[3];
    }

    /** An online payment started by the web back end: its paymentId, trackId and KNET's page address. */
    record Started(String paymentId, String trackId, String redirectUrl) {
        String trandata() {
            Matcher m = TRANDATA.matcher(redirectUrl);
            assertThat(m.find()).as(redirectUrl).isTrue();
            return m.group(1);
        }
    }

    Started startOnline(String accountNumber, String amount) {
        Answer answer = post("/api/v1/online/payments", ONLINE_KEY,
                OnlinePaymentJson.of(accountNumber, amount, "KWD").json(), newKey());
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        JsonNode body = answer.json();
        return new Started(body.path("paymentId").asText(), body.path("trackId").asText(), body.path("redirectUrl").asText());
    }

    /** The customer presses Pay on KNET's hosted page; KNET then calls the gateway back, server to server. */
    void payOnKnet(Started started) throws IOException, InterruptedException {
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/kpg/PaymentHTTP.htm"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("trandata=" + URLEncoder.encode(started.trandata(), StandardCharsets.UTF_8)
                        + "&choice=PAY")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElse("")).endsWith("/knet/receipt/" + started.paymentId());
    }

    static List<String> types(JsonNode payment) {
        List<String> types = new ArrayList<>();
        payment.path("history").forEach(e -> types.add(e.path("type").asText()));
        return types;
    }

    static List<String> flags(JsonNode payment) {
        List<String> flags = new ArrayList<>();
        payment.path("flags").forEach(f -> flags.add(f.asText()));
        return flags;
    }
}
