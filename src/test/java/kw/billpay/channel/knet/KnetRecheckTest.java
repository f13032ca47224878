package kw.billpay.channel.knet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A failed payment is not forgotten (DOMAIN R8, R21): a payment KNET's word failed is asked once more after
 * {@code gateway.knet.recheck-delay} (1 hour) and again at the end of the business day
 * ({@code gateway.knet.recheck-end-of-day}, 23:30 in Kuwait); money KNET then says it captured is posted and flagged.
 */
class KnetRecheckTest extends KnetIntegrationTest {

    @Test
    void aPaymentFailedByAnInquiryThatDisagreedIsPostedAndFlaggedWhenKnetLaterSaysCaptured() throws Exception {
        String account = newAccount("KWD");
        Started started = start(account, "10.000");
        knetInquiry.overrideResult(started.trackId(), "NOT CAPTURED");

        press(started, "PAY");

        awaitStatus(started.paymentId(), "FAILED");
        await().atMost(Duration.ofSeconds(10)).until(() -> "RECHECK".equals(scheduleOf(started.paymentId()).get("purpose")));
        assertThat(nextAsk(started.paymentId())).isBetween(OffsetDateTime.now().plusMinutes(55), OffsetDateTime.now().plusMinutes(61));
        assertThat(scheduleOf(started.paymentId())).containsEntry("stage", 1);

        knetInquiry.overrideResult(started.trackId(), "CAPTURED"); // KNET's record settled after all
        askNow(started.paymentId());

        JsonNode posted = awaitStatus(started.paymentId(), "POSTED");
        assertThat(posted.path("flags")).extracting(JsonNode::asText).contains("LATE_CAPTURE");
        assertThat(get("/api/v1/accounts/" + account, OPS).json().path("totalOwed").asText()).isEqualTo("505.000");
        await().atMost(Duration.ofSeconds(5)).until(() -> scheduleOf(started.paymentId()).isEmpty());
    }

    /** A recheck that finds a capture for another amount keeps it in the failed payment's history, for review. */
    @Test
    void aCaptureForAnotherAmountFoundOnARecheckIsKeptForReview() throws Exception {
        Started started = start(newAccount("KWD"), "10.000");
        knetInquiry.overrideResult(started.trackId(), "NOT CAPTURED");
        press(started, "PAY");
        awaitStatus(started.paymentId(), "FAILED");
        await().atMost(Duration.ofSeconds(10)).until(() -> "RECHECK".equals(scheduleOf(started.paymentId()).get("purpose")));

        knetInquiry.overrideResult(started.trackId(), "CAPTURED");
        knetInquiry.overrideAmount(started.trackId(), "10.500");
        askNow(started.paymentId());

        await().atMost(Duration.ofSeconds(10)).until(() -> scheduleOf(started.paymentId()).isEmpty());
        JsonNode failed = payment(started.paymentId());
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("history").findValuesAsText("type")).contains("KNET_AMOUNT_MISMATCH");
        assertThat(failed.path("history").toString()).contains("INQUIRY_AMOUNT_MISMATCH: KNET captured 10.500");
    }

    @Test
    void aPaymentKnetsResultFailedIsAskedAgainAtTheEndOfTheBusinessDayAndThenNoMore() throws Exception {
        Started started = start(newAccount("KWD"), "10.000");

        press(started, "CANCEL");

        awaitStatus(started.paymentId(), "FAILED");
        await().atMost(Duration.ofSeconds(10)).until(() -> "RECHECK".equals(scheduleOf(started.paymentId()).get("purpose")));
        assertThat(knetInquiry.requestsFor(started.trackId())).isEmpty(); // KNET's encrypted result needed no inquiry

        askNow(started.paymentId());

        await().atMost(Duration.ofSeconds(10)).until(() -> Integer.valueOf(2).equals(scheduleOf(started.paymentId()).get("stage")));
        assertThat(knetInquiry.requestsFor(started.trackId())).hasSize(1);
        ZonedDateTime endOfDay = nextAsk(started.paymentId()).atZoneSameInstant(KUWAIT);
        assertThat(endOfDay.toLocalTime()).isEqualTo(LocalTime.of(23, 30));
        assertThat(endOfDay.toOffsetDateTime()).isBetween(OffsetDateTime.now(), OffsetDateTime.now().plusHours(24));

        askNow(started.paymentId());

        await().atMost(Duration.ofSeconds(10)).until(() -> scheduleOf(started.paymentId()).isEmpty());
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .until(() -> knetInquiry.requestsFor(started.trackId()).size() == 2);
        JsonNode failed = payment(started.paymentId());
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("statusReason").asText()).isEqualTo("KNET CANCELED");
    }

    private OffsetDateTime nextAsk(String paymentId) {
        Map<String, Object> schedule = scheduleOf(paymentId);
        return ((Timestamp) schedule.get("next_ask_at")).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}
