package kw.billpay.channel.knet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import kw.billpay.knetsim.KnetSimulatorInquiry.Scripted;
import org.junit.jupiter.api.Test;

/**
 * A KNET payment's value time is KNET's (DOMAIN R18): the post date of the transaction, from the inquiry or else the
 * callback, not the time the gateway heard of it. KNET gives no time of day: the callback's arrival (or, with no
 * callback, the intent's start) is kept when it falls on the post date, else the post date's nearest instant.
 */
class KnetValueTimeIntegrationTest extends KnetIntegrationTest {

    @Test
    void aCaptureKnetPostedTwoDaysAgoHasThatDayAsItsValueTime() throws Exception {
        Started started = start(newAccount("KWD"), "10.000");
        LocalDate posted = todayInKuwait().minusDays(2);
        knetInquiry.overrideField(started.trackId(), "postdate", postDate(posted));

        press(started, "PAY");

        JsonNode payment = awaitStatus(started.paymentId(), "POSTED");
        assertThat(OffsetDateTime.parse(payment.path("valueTime").asText()))
                .isEqualTo(posted.plusDays(1).atStartOfDay(KUWAIT).toOffsetDateTime().minusNanos(1_000_000));
    }

    @Test
    void withoutAPostDateInTheInquiryTheCallbacksIsUsed() throws Exception {
        Started started = start(newAccount("KWD"), "10.000");
        simulator.captureWithoutCallback(started.trandata());
        knetInquiry.script(started.trackId(), new Scripted(200, "application/xml",
                e -> e.replaceAll("<postdate>[^<]*</postdate>", ""), Duration.ZERO));
        LocalDate posted = todayInKuwait().minusDays(3);

        knetCalls("/knet/response", callbackTrandata(started.trackId(), "CAPTURED", "10.000", postDate(posted)));

        JsonNode payment = awaitStatus(started.paymentId(), "POSTED");
        assertThat(OffsetDateTime.parse(payment.path("valueTime").asText()).atZoneSameInstant(KUWAIT).toLocalDate())
                .isEqualTo(posted);
    }

    @Test
    void aCaptureTheSweepFindsOnTheDayItWasMadeKeepsTheIntentsStartAsItsTime() throws Exception {
        Started started = start(newAccount("KWD"), "12.000");
        JsonNode intent = payment(started.paymentId());

        simulator.captureWithoutCallback(started.trandata());

        JsonNode payment = awaitStatus(started.paymentId(), "POSTED");
        OffsetDateTime valueTime = OffsetDateTime.parse(payment.path("valueTime").asText());
        OffsetDateTime startedAt = OffsetDateTime.parse(intent.path("receivedAt").asText());
        assumeTrue(startedAt.atZoneSameInstant(KUWAIT).toLocalDate().equals(todayInKuwait()), "not across Kuwait's midnight");
        assertThat(valueTime).isEqualTo(startedAt);
    }
}
