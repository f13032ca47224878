package kw.billpay.channel.knet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Online payments end to end against the built-in KNET simulator: the back end starts a payment, the customer's
 * browser follows KNET's hosted page and presses Pay or Cancel, KNET calls the gateway back, the gateway confirms by
 * inquiry and posts, exactly once (CONTRACT "Online and mobile payments through KNET", DOMAIN R18, R21, R22).
 */
class KnetFlowTest extends KnetIntegrationTest {

    @Autowired
    KnetProperties knetProperties;

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
    void theSameCallbackFiveTimesPostsOnceAndIsAnsweredFromWhatIsStoredWithoutAskingKnetAgain() throws Exception {
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
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> postingsOf(account) == 1
                && knetInquiry.requestsFor(started.trackId()).size() == 1);
        assertThat(get("/api/v1/accounts/" + account, OPS).json().path("totalOwed").asText()).isEqualTo("505.000");
        // kept once, with the count of its repeats; one entry in the payment's audit trail, by the callback's id
        assertThat(jdbc.queryForMap("select count(*) as calls, sum(repeats) as repeats from knet_callback where track_id = ?",
                started.trackId())).containsEntry("calls", 1L).containsEntry("repeats", 4L);
        assertThat(jdbc.queryForList("select (detail->>'callbackId')::bigint from payment_event where payment_id = ?::uuid"
                        + " and type = 'KNET_CALLBACK' order by id", Long.class, started.paymentId()))
                .isEqualTo(jdbc.queryForList("select id from knet_callback where track_id = ? order by id", Long.class, started.trackId()));
        JsonNode review = get("/api/v1/knet/callbacks?limit=20", OPS).json();
        assertThat(review).anySatisfy(c -> {
            assertThat(c.path("trackId").asText()).isEqualTo(started.trackId());
            assertThat(c.path("repeats").asInt()).isEqualTo(4);
            assertThat(c.path("lastReceivedAt").asText()).isNotEmpty();
        });
    }

    @Test
    void aCallbackWhoseAmountDiffersFromTheIntentIsRecordedAndNeverPosted() throws Exception {
        String account = newAccount("KWD");
        Started started = start(account, "10.000");
        // nothing was captured: a real capture would rightly be posted by the sweep once its inquiry confirms it

        String answer = knetCalls("/knet/response", callbackTrandata(started.trackId(), "CAPTURED", "99.000"));

        assertThat(answer).isEqualTo("REDIRECT=http://localhost:" + port + "/knet/failed/" + started.paymentId());
        assertThat(outcomeOf(started.trackId())).isEqualTo("AMOUNT_MISMATCH");
        // the callback is handed on asynchronously: nothing may be posted for as long as that takes
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> !status(started.paymentId()).equals("POSTED"));
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

        await().atMost(Duration.ofSeconds(20)).until(() -> !knetInquiry.requestsFor(started.trackId()).isEmpty());
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .until(() -> status(started.paymentId()).equals("INITIATED"));
        knetInquiry.setAvailable(true);
        await().atMost(Duration.ofSeconds(20)).until(() -> unansweredAsks(started.paymentId()) >= 1);
        askNow(started.paymentId());
        awaitStatus(started.paymentId(), "POSTED");
        assertThat(postingsOf(account)).isEqualTo(1);
    }

    @Test
    void aCaptureWhoseCallbackNeverCameIsResolvedByTheSweep() throws Exception {
        String account = newAccount("KWD");
        Started started = start(account, "12.000");

        simulator.captureWithoutCallback(started.trandata());
        // the intent is overdue once KNET_RESOLVE_AFTER has passed on the gateway's clock: no need to wait for it
        clock.advance(knetProperties.resolveAfter().plusSeconds(1));

        JsonNode posted = awaitStatus(started.paymentId(), "POSTED");
        assertThat(posted.path("posted").path("amount").asText()).isEqualTo("12.000");
        assertThat(jdbc.queryForObject("select count(*) from knet_callback where track_id = ?", Integer.class, started.trackId())).isZero();
    }

    @Test
    void theErrorUrlNeverPostsButKnetIsAskedAgainLater() throws Exception {
        String account = newAccount("KWD");
        Started started = start(account, "10.000");
        simulator.captureWithoutCallback(started.trandata());

        String answer = knetCalls("/knet/error", callbackTrandata(started.trackId(), "CAPTURED", "10.000"));

        assertThat(answer).startsWith("REDIRECT=").contains("/knet/failed/");
        JsonNode failed = awaitStatus(started.paymentId(), "FAILED");
        assertThat(failed.path("posted").isNull()).isTrue();
        assertThat(failed.path("statusReason").asText()).isEqualTo("KNET CAPTURED");
        assertThat(knetInquiry.requestsFor(started.trackId())).isEmpty();
        // KNET did capture it: the recheck finds it, and the money received is posted, flagged for review (R8)
        await().atMost(Duration.ofSeconds(10)).until(() -> "RECHECK".equals(scheduleOf(started.paymentId()).get("purpose")));
        askNow(started.paymentId());
        JsonNode posted = awaitStatus(started.paymentId(), "POSTED");
        assertThat(posted.path("flags")).extracting(JsonNode::asText).contains("LATE_CAPTURE");
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
}
