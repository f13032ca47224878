package kw.billpay.core.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;

import kw.billpay.core.money.Money;

class CreditBalancePolicyTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Money THRESHOLD = usd("50000.00");

    private static Money usd(String amount) {
        return new Money(new BigDecimal(amount), USD);
    }

    @Test
    void refundsTheExcessAboveTheThreshold() {
        assertThat(CreditBalancePolicy.refundDue(usd("60000.00"), THRESHOLD)).contains(usd("10000.00"));
        assertThat(CreditBalancePolicy.refundDue(usd("50000.01"), THRESHOLD)).contains(usd("0.01"));
    }

    @Test
    void nothingDueAtOrBelowTheThreshold() {
        assertThat(CreditBalancePolicy.refundDue(usd("50000.00"), THRESHOLD)).isEmpty();
        assertThat(CreditBalancePolicy.refundDue(usd("0"), THRESHOLD)).isEmpty();
    }

    @Test
    void currenciesMustMatch() {
        Money kwd = new Money(new BigDecimal("20000"), Currency.getInstance("KWD"));

        assertThatThrownBy(() -> CreditBalancePolicy.refundDue(kwd, THRESHOLD))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReversalCutsTheNewestRefundsDueFirstDownToWhatIsStillAbove() {
        // newest first: 4,750.00 then 3,000.00 then 1,000.00 due; 2,500.00 still above the threshold
        assertThat(CreditBalancePolicy.cutTo(List.of(usd("4750.00"), usd("3000.00"), usd("1000.00")), usd("2500.00")))
                .containsExactly(usd("0.00"), usd("1500.00"), usd("1000.00"));
    }

    @Test
    void nothingStillAboveCancelsEveryRefundDue() {
        assertThat(CreditBalancePolicy.cutTo(List.of(usd("4750.00"), usd("0.01")), usd("0.00")))
                .containsExactly(usd("0.00"), usd("0.00"));
    }

    @Test
    void refundsDueWithinWhatIsStillAboveStandAsTheyAre() {
        assertThat(CreditBalancePolicy.cutTo(List.of(usd("4750.00"), usd("250.00")), usd("5000.00")))
                .containsExactly(usd("4750.00"), usd("250.00"));
        assertThat(CreditBalancePolicy.cutTo(List.of(usd("4750.00")), usd("6000.00"))).containsExactly(usd("4750.00"));
        assertThat(CreditBalancePolicy.cutTo(List.of(), usd("0.00"))).isEmpty();
    }

    @Test
    void aCutIsExactToTheMinorUnit() {
        assertThat(CreditBalancePolicy.cutTo(List.of(usd("0.03"), usd("0.02")), usd("0.04")))
                .containsExactly(usd("0.02"), usd("0.02"));
    }
}
