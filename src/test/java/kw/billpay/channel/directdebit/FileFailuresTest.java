package kw.billpay.channel.directdebit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The wait before a failed file is taken again: doubled after each failure, up to the configured longest. */
class FileFailuresTest {

    @Test
    void theBackOffDoublesUpToItsMaximum() {
        FileFailures failures = new FileFailures(null, null,
                new DirectDebitProperties(Path.of("dd"), 1000, 5, 5_000, 300_000), Clock.systemUTC());

        assertThat(failures.backOff(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(failures.backOff(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(failures.backOff(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(failures.backOff(7)).isEqualTo(Duration.ofMinutes(5));
        assertThat(failures.backOff(200)).isEqualTo(Duration.ofMinutes(5));
    }
}
