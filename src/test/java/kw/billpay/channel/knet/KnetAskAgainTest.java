package kw.billpay.channel.knet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When the gateway asks KNET again: back-off after no readable answer; the two rechecks of a failed payment. */
class KnetAskAgainTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-21T10:00:00+03:00");
    private final KnetAskAgain askAgain = new KnetAskAgain(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(1),
            LocalTime.of(23, 30), ZoneId.of("Asia/Kuwait"));

    @ParameterizedTest
    @CsvSource({"1, PT1M", "2, PT2M", "3, PT4M", "6, PT32M", "7, PT1H", "8, PT1H", "1000, PT1H"})
    void theBackOffDoublesUpToItsMaximum(int unanswered, Duration wait) {
        assertThat(askAgain.afterUnanswered(NOW, unanswered)).isEqualTo(NOW.plus(wait));
    }

    @Test
    void aFailedPaymentIsAskedAgainAfterTheDelay() {
        assertThat(askAgain.firstRecheck(NOW)).isEqualTo(NOW.plusHours(1));
    }

    @ParameterizedTest
    @CsvSource({
            "2026-11-21T11:00:00+03:00, 2026-11-21T23:30:00+03:00",
            "2026-11-21T23:29:59+03:00, 2026-11-21T23:30:00+03:00",
            "2026-11-21T23:30:00+03:00, 2026-11-22T23:30:00+03:00",
            "2026-11-21T23:50:00+03:00, 2026-11-22T23:30:00+03:00",
            "2026-11-21T21:00:00Z, 2026-11-22T23:30:00+03:00"})
    void theEndOfTheBusinessDayIsTheNextOneInKuwait(OffsetDateTime after, OffsetDateTime expected) {
        assertThat(askAgain.endOfBusinessDayAfter(after)).isEqualTo(expected);
    }

    @Test
    void aBackOffThatCannotGrowIsRefused() {
        assertThatThrownBy(() -> new KnetAskAgain(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(1), LocalTime.NOON,
                ZoneId.of("Asia/Kuwait"))).isInstanceOf(IllegalArgumentException.class);
    }
}
