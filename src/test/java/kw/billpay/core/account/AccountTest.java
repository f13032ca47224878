package kw.billpay.core.account;

import static kw.billpay.testkit.AccountBuilder.anAccount;
import static org.assertj.core.api.Assertions.assertThat;

import kw.billpay.core.money.Money;
import org.junit.jupiter.api.Test;

/** What is left of the statement's minimum due once payments count toward it (R15, R16). */
class AccountTest {

    @Test
    void theMinimumDueRemainingIsWhatPaymentsHaveNotCoveredAndNeverNegative() {
        assertThat(anAccount().minimumDue("25.000").paidSinceStatement("10.000").build().minimumDueRemaining())
                .isEqualTo(Money.of("15.000", "KWD"));
        assertThat(anAccount().minimumDue("25.000").paidSinceStatement("25.000").build().minimumDueRemaining().amount())
                .isZero();
        assertThat(anAccount().minimumDue("25.000").paidSinceStatement("40.000").build().minimumDueRemaining().amount())
                .isZero();
    }
}
