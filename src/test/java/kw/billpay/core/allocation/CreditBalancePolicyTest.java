package kw.billpay.core.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /**
     * R13 with R23: the other refunds due (newest first) after a reversal, cut from the newest to what is still above
     * the threshold, by no more than the credit the reversal took away (the threshold may have moved with the rate
     * since the records were made: that part is not the reversal's to undo).
     */
    @ParameterizedTest(name = "{0}: open {1}, still above {2}, taken {3} -> {4}")
    @CsvSource(delimiter = ';', value = {
            "the newest first;                 4750.00 3000.00 1000.00; 2500.00; 9000.00; 0.00 1500.00 1000.00",
            "nothing still above;              4750.00 0.01;            0.00;    4750.01; 0.00 0.00",
            "within what is still above;       4750.00 250.00;          5000.00; 900.00;  4750.00 250.00",
            "more still above than due;        4750.00;                 6000.00; 900.00;  4750.00",
            "exact to the cent;                0.03 0.02;               0.04;    1.00;    0.02 0.02",
            "no more than the credit taken;    3750.00;                 3400.00; 100.00;  3650.00",
            "no credit taken, nothing cut;     3750.00;                 3400.00; 0.00;    3750.00"
    })
    void aReversalCutsTheOtherRefundsDue(String why, String open, String stillAbove, String taken, String expected) {
        assertThat(CreditBalancePolicy.cutTo(amounts(open), usd(stillAbove), usd(taken))).as(why).isEqualTo(amounts(expected));
    }

    @Test
    void noRefundDueOpenNothingToCut() {
        assertThat(CreditBalancePolicy.cutTo(List.of(), usd("0.00"), usd("900.00"))).isEmpty();
    }

    private static List<Money> amounts(String spaced) {
        return Arrays.stream(spaced.trim().split(" +")).map(CreditBalancePolicyTest::usd).toList();
    }
}
