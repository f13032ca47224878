package kw.billpay.channel.knet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Only KNET's result is a result (CONTRACT, decision 0006): a {@code trandata} that decrypts but carries no
 * {@code result}, {@code paymentid} and {@code tranid} (the gateway's own payment request, which the customer's browser
 * holds) changes nothing; {@code result} is read from the decrypted text only; and what operations see of the callbacks
 * never shows the tranportal id or password.
 */
class KnetCallbackClaimsTest extends KnetIntegrationTest {

    @Test
    void theCustomersOwnPaymentRequestPostedBackToEitherAddressChangesNothing() throws Exception {
        Started started = start(newAccount("KWD"), "10.000");
        String own = "trandata=" + started.trandata() + "&paymentid=100200300400500&trackid=" + started.trackId();

        String response = knetPosts("/knet/response", own + "&result=CAPTURED");
        String error = knetPosts("/knet/error", own + "&Error=IPAY0100055&ErrorText=" + URLEncoder.encode("Customer cancelled", StandardCharsets.UTF_8));

        assertThat(response).isEqualTo("REDIRECT=http://localhost:" + port + "/knet/failed/unknown");
        assertThat(error).isEqualTo(response);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .until(() -> status(started.paymentId()).equals("INITIATED"));
        assertThat(jdbc.queryForList("select outcome from knet_callback where track_id = ? order by id", String.class, started.trackId()))
                .containsExactly("NOT_A_RESULT", "NOT_A_RESULT");
        assertThat(jdbc.queryForList("select result from knet_callback where track_id = ?", String.class, started.trackId()))
                .containsOnlyNulls();
        assertThat(payment(started.paymentId()).path("history")).extracting(e -> e.path("type").asText())
                .containsExactly("INITIATED");
        assertThat(knetInquiry.requestsFor(started.trackId())).isEmpty();
        assertThat(get("/api/v1/knet/callbacks?outcome=NOT_A_RESULT", OPS).json())
                .anySatisfy(c -> assertThat(c.path("trackId").asText()).isEqualTo(started.trackId()));
    }

    @Test
    void aResultInAPlainFormFieldIsNotKnetsResult() throws Exception {
        Started started = start(newAccount("KWD"), "10.000");
        // decrypts, names the intent, but carries no result of its own
        String noResult = DEMO_KEY.encrypt("paymentid=100200300400500&tranid=500400300200100&trackid=" + started.trackId()
                + "&amt=10.000");

        knetPosts("/knet/response", "trandata=" + noResult + "&result=CANCELED&Error=CANCELED");

        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .until(() -> status(started.paymentId()).equals("INITIATED"));
        assertThat(outcomeOf(started.trackId())).isEqualTo("NOT_A_RESULT");
    }

    @Test
    void theStoredCallbacksNeverShowTheTranportalIdOrPassword() throws Exception {
        Started started = start(newAccount("KWD"), "10.000");

        knetPosts("/knet/response", "trandata=" + started.trandata() + "&id=demo-tranportal&password=demo-password");
        knetPosts("/knet/error", "trandata=" + callbackTrandata(started.trackId(), "NOT CAPTURED", "10.000")
                + "&tranportalId=demo-tranportal&note=demo-password");

        JsonNode review = get("/api/v1/knet/callbacks?limit=50", OPS).json();
        assertThat(review.toString()).doesNotContain("demo-password").doesNotContain("demo-tranportal");
        assertThat(jdbc.queryForObject("select count(*) from knet_callback where coalesce(plain_text, '') || form::text"
                + " like any (array['%demo-password%', '%demo-tranportal%'])", Integer.class)).isZero();
        assertThat(payment(started.paymentId()).toString()).doesNotContain("demo-password").doesNotContain("demo-tranportal");
        assertThat(jdbc.queryForObject("select plain_text from knet_callback where track_id = ? order by id limit 1",
                String.class, started.trackId())).contains("trackid=" + started.trackId()).contains("password=****");
    }
}
