package kw.billpay.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import kw.billpay.core.account.AccountNumbers;
import org.junit.jupiter.api.Test;

/** A failed bank file's back-off, and the failure as operations read it. */
class FileFailuresTest {

    /** A channel's retries: 5 attempts, 5 s doubled up to 5 min. */
    private static BankInboxSettings policy() {
        BankInboxSettings settings = new BankInboxSettings() { };
        settings.setMaxAttempts(5);
        settings.setRetryDelayMs(5_000);
        settings.setMaxRetryDelayMs(300_000);
        return settings;
    }

    @Test
    void theBackOffDoublesUpToItsMaximum() {
        FileFailures failures = new FileFailures(null, "a_failure", "a-channel", policy(), null,
                Clock.systemUTC());

        assertThat(failures.backOff(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(failures.backOff(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(failures.backOff(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(failures.backOff(7)).isEqualTo(Duration.ofMinutes(5));
        assertThat(failures.backOff(200)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theFailureIsItsRootCauseWithAccountNumbersMasked() {
        Exception failed = new IllegalStateException("batch failed",
                new SQLException("value too long for type character varying(19): 376612345678901"));

        assertThat(FileFailures.describe(failed)).isEqualTo("SQLException: value too long for type character varying(19): "
                + AccountNumbers.mask("376612345678901"));
        assertThat(FileFailures.describe(new RuntimeException("x".repeat(2000)))).hasSize(1000).endsWith("…");
    }

    @Test
    void onlyATableNameIsTaken() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FileFailures(null,
                "x; drop table payment", "a-channel", policy(), null, Clock.systemUTC()));
    }
}
