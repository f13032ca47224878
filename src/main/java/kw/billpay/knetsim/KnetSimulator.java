package kw.billpay.knetsim;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import kw.billpay.channel.knet.KnetCipher;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A stand-in for KNET's payment gateway, for the embedded default and the tests. It knows the gateway only through
 * the CONTRACT's wire format (hosted page with {@code trandata}, the server-to-server callback, the XML inquiry), so
 * the gateway works unchanged against any real KNET at {@code KNET_BASE_URL}. Its own transactions live in memory:
 * it plays an outside system, not a part of the gateway. Off in the external profile.
 */
@Component
@ConditionalOnProperty(name = "gateway.knet.simulator.enabled", havingValue = "true")
public class KnetSimulator {

    static final int REMEMBERED = 10_000;
    /** KNET's post date: the month and day of its business day in Kuwait, {@code MMDD}. */
    private static final DateTimeFormatter POST_DATE = DateTimeFormatter.ofPattern("MMdd");
    private static final ZoneId KUWAIT = ZoneId.of("Asia/Kuwait");

    private final KnetCipher cipher;
    private final String tranportalId;
    private final String tranportalPassword;
    /**
     * KNET's server-to-server call to the merchant, made on the Pay request's thread while the customer waits, with
     * Apache HttpClient's classic API (on the class path through camel-http). The JDK client hands every exchange to
     * its selector thread and back, which cost CPU the KNET benchmark then counted against the gateway: the simulator
     * runs in the gateway's process.
     */
    private final CloseableHttpClient http = HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(64).setMaxConnPerRoute(64)
                    .setDefaultConnectionConfig(ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.ofSeconds(5)).setSocketTimeout(Timeout.ofSeconds(10)).build())
                    .build())
            // a Pay waits at most 5 s for a free connection (the client's default is 3 minutes)
            .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(Timeout.ofSeconds(5)).build())
            .disableCookieManagement().disableRedirectHandling().disableAutomaticRetries()
            .build();
    /**
     * The transactions the inquiry service knows: the latest {@value #REMEMBERED}, oldest forgotten first. KNET keeps
     * them for months; a simulator that kept every one would, in a long session, fill the gateway's 192 MB heap it
     * runs in (a transaction holds the merchant's whole request, about a kilobyte).
     */
    private final Map<String, Transaction> transactions = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Transaction> eldest) {
            return size() > REMEMBERED;
        }
    });
    private final Clock clock;

    public KnetSimulator(@Value("${gateway.knet.resource-key}") String resourceKey,
                         @Value("${gateway.knet.tranportal-id}") String tranportalId,
                         @Value("${gateway.knet.tranportal-password}") String tranportalPassword, Clock clock) {
        this.cipher = new KnetCipher(resourceKey);
        this.tranportalId = tranportalId;
        this.tranportalPassword = tranportalPassword;
        this.clock = clock;
    }

    /**
     * A payment as KNET recorded it.
     *
     * @param at       when KNET took it, in Kuwait
     * @param postDate KNET's business date of it, {@code MMDD} (no year, no time), as KNET's messages carry it
     */
    public record Transaction(String trackId, String result, String paymentId, String tranId, String ref, String auth,
                              OffsetDateTime at, String postDate, String amount, Map<String, String> request) { }

    boolean knowsTerminal(String id, String password) {
        return tranportalId.equals(id) && tranportalPassword.equals(password);
    }

    /** The merchant's request inside {@code trandata}, when it decrypts under the terminal key and names this terminal. */
    Optional<Map<String, String>> merchantRequest(String trandata) {
        return cipher.decrypt(trandata).map(KnetSimulator::parse)
                .filter(r -> knowsTerminal(r.get("id"), r.get("password")));
    }

    String hostedPage(String trandata, Map<String, String> request) {
        String amount = htmlEscape(request.getOrDefault("amt", "?"));
        String form = """
                <form method="post" action="/kpg/PaymentHTTP.htm" style="display:inline">
                <input type="hidden" name="trandata" value="%s"><input type="hidden" name="choice" value="%s">
                <button type="submit">%s</button></form>""";
        return """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>KNET payment (simulator)</title>
                <style>body{font-family:sans-serif;max-width:28em;margin:3em auto}</style></head><body>
                <h1>KNET</h1><p>Simulated payment gateway. Merchant %s asks you to pay</p><p style="font-size:2em">%s KWD</p>
                %s %s</body></html>""".formatted(htmlEscape(tranportalId), amount,
                form.formatted(htmlEscape(trandata), "PAY", "Pay"), form.formatted(htmlEscape(trandata), "CANCEL", "Cancel"));
    }

    /**
     * The customer pressed Pay or Cancel: record the outcome, call the merchant's response URL server to server as
     * KNET does, and return where the merchant's {@code REDIRECT=} line sends the browser.
     */
    String complete(Map<String, String> request, boolean pay) {
        Transaction transaction = record(request, pay ? "CAPTURED" : "CANCELED");
        Map<String, String> result = new LinkedHashMap<>();
        result.put("paymentid", transaction.paymentId());
        result.put("result", transaction.result());
        result.put("auth", transaction.auth());
        result.put("ref", transaction.ref());
        result.put("postdate", transaction.postDate());
        result.put("tranid", transaction.tranId());
        result.put("trackid", transaction.trackId());
        result.put("amt", transaction.amount());
        for (int i = 1; i <= 5; i++) {
            result.put("udf" + i, request.getOrDefault("udf" + i, ""));
        }
        String body = "trandata=" + cipher.encrypt(encode(result)) + "&paymentid=" + transaction.paymentId()
                + "&trackid=" + URLEncoder.encode(transaction.trackId(), StandardCharsets.UTF_8);
        HttpPost callback = new HttpPost(request.get("responseURL"));
        callback.setEntity(new StringEntity(body, ContentType.APPLICATION_FORM_URLENCODED));
        String line;
        try {
            line = http.execute(callback, answer -> answer.getCode() == 200 && answer.getEntity() != null
                    ? EntityUtils.toString(answer.getEntity(), StandardCharsets.UTF_8).strip() : "");
        } catch (IOException unreachable) {
            return request.get("errorURL"); // as KNET does when the merchant does not answer
        }
        if (!line.startsWith("REDIRECT=")) {
            return request.get("errorURL");
        }
        return line.substring("REDIRECT=".length());
    }

    @PreDestroy
    void close() throws IOException {
        http.close();
    }

    // --- test and demo controls ---

    /** A payment KNET captured but whose callback never reached the merchant. */
    public Transaction captureWithoutCallback(String trandata) {
        return record(merchantRequest(trandata).orElseThrow(), "CAPTURED");
    }

    public Optional<Transaction> transaction(String trackId) {
        return Optional.ofNullable(transactions.get(trackId));
    }

    private Transaction record(Map<String, String> request, String result) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        OffsetDateTime at = clock.instant().atZone(KUWAIT).toOffsetDateTime(); // KNET's day is Kuwait's, whatever the merchant's zone
        Transaction t = new Transaction(request.get("trackid"), result,
                String.valueOf(100_000_000_000_000L + random.nextLong(900_000_000_000_000L)),
                String.valueOf(100_000_000_000_000L + random.nextLong(900_000_000_000_000L)),
                String.valueOf(100_000_000_000L + random.nextLong(900_000_000_000L)),
                "CAPTURED".equals(result) ? String.valueOf(100_000 + random.nextInt(900_000)) : "",
                at, at.format(POST_DATE), request.get("amt"), Map.copyOf(request));
        transactions.put(t.trackId(), t);
        return t;
    }

    static Map<String, String> parse(String query) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
