package kw.billpay.core.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;

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
}
