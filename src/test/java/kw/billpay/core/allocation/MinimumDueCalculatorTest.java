package kw.billpay.core.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import kw.billpay.core.money.Money;

class MinimumDueCalculatorTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency SAR = Currency.getInstance("SAR");
    private static final Currency KWD = Currency.getInstance("KWD");
    private static final BigDecimal FIVE_PERCENT = new BigDecimal("5");

    private static Money money(String amount, Currency currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    private static Money usd(String amount) {
        return money(amount, USD);
    }

    private static Money creditCardUsd(String statement, String overLimit, String pastDue) {
        return MinimumDueCalculator.minimumDue(Product.CREDIT, usd(statement), usd("50.00"), FIVE_PERCENT,
                usd(overLimit), usd(pastDue));
    }

    @ParameterizedTest(name = "CREDIT USD statement {0}, over limit {1}, past due {2} -> {3}")
    @CsvSource({
            "2000.00, 0,      0,     100.00", // 5% above the floor
            "600.00,  0,      0,     50.00",  // 5% = 30.00 is below the floor
            "1000.00, 0,      0,     50.00",  // 5% equals the floor
            "2000.00, 150.00, 80.00, 330.00", // over-limit and past-due added
            "40.00,   0,      0,     40.00",  // below the floor: whole balance
            "50.00,   0,      0,     50.00",  // at the floor (not above it): whole balance
            "50.00,   0,      10.00, 50.00",  // at the floor the whole balance is due, arrears included in it
            "50.01,   0,      0,     50.00",  // just above: the floor
            "0,       0,      0,     0",
            "-10.00,  0,      0,     0",      // statement in credit: nothing due
            "1234.50, 0,      0,     61.73",  // 61.725 rounds HALF_UP (HALF_EVEN would give 61.72)
            "60.00,   40.00,  5.00,  60.00",  // 50 + 40 + 5 = 95.00 capped at the balance, which holds the past due
            "50.01,   0,      25.00, 50.01"   // just above the floor: 75.00 capped at the balance, as at the floor
    })
    void creditCard(String statement, String overLimit, String pastDue, String expected) {
        assertThat(creditCardUsd(statement, overLimit, pastDue)).isEqualTo(usd(expected));
    }

    @Test
    void chargeCardOwesTheWholeStatementBalance() {
        assertThat(MinimumDueCalculator.minimumDue(Product.CHARGE, usd("1234.56"), usd("50"), FIVE_PERCENT,
                usd("100"), usd("20"))).isEqualTo(usd("1234.56"));
        assertThat(MinimumDueCalculator.minimumDue(Product.CHARGE, usd("-5"), usd("50"), FIVE_PERCENT,
                usd("0"), usd("0"))).isEqualTo(usd("0"));
    }

    @Test
    void sarFloorAndThreeDecimalRounding() {
        Money sar = MinimumDueCalculator.minimumDue(Product.CREDIT, money("2500.10", SAR), money("100", SAR),
                FIVE_PERCENT, Money.zero(SAR), Money.zero(SAR));
        Money kwd = MinimumDueCalculator.minimumDue(Product.CREDIT, money("1234.567", KWD), money("15", KWD),
                FIVE_PERCENT, Money.zero(KWD), Money.zero(KWD));

        assertThat(sar).isEqualTo(money("125.01", SAR)); // 125.005 -> 125.01
        assertThat(kwd).isEqualTo(money("61.728", KWD)); // 61.72835 -> 61.728
    }

    @Test
    void rejectsMixedCurrenciesAndBadInputs() {
        assertThatThrownBy(() -> MinimumDueCalculator.minimumDue(Product.CREDIT, usd("100"), money("100", SAR),
                FIVE_PERCENT, usd("0"), usd("0"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MinimumDueCalculator.minimumDue(Product.CREDIT, usd("100"), usd("50"),
                new BigDecimal("-1"), usd("0"), usd("0"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MinimumDueCalculator.minimumDue(Product.CREDIT, usd("100"), usd("50"),
                FIVE_PERCENT, usd("0"), usd("-1"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachInputIsCheckedUnderItsOwnName() {
        assertThatThrownBy(() -> MinimumDueCalculator.minimumDue(Product.CREDIT, usd("100"), money("100", SAR),
                FIVE_PERCENT, usd("0"), usd("0"))).hasMessageStartingWith("floor 100.00 SAR is not in the statement currency");
        assertThatThrownBy(() -> MinimumDueCalculator.minimumDue(Product.CREDIT, usd("100"), usd("50"),
                FIVE_PERCENT, usd("-1"), usd("0"))).hasMessageStartingWith("overLimit must not be negative");
        assertThatThrownBy(() -> MinimumDueCalculator.minimumDue(Product.CREDIT, usd("100"), usd("50"),
                FIVE_PERCENT, usd("0"), money("1", SAR))).hasMessageStartingWith("pastDue 1.00 SAR is not in the statement currency");
        assertThatThrownBy(() -> MinimumDueCalculator.minimumDue(Product.CREDIT, usd("100"), usd("50"),
                new BigDecimal("100.01"), usd("0"), usd("0"))).hasMessage("percent must be between 0 and 100, got 100.01");
    }

    @Test
    void zeroAndOneHundredPercentAreBothAllowed() {
        assertThat(MinimumDueCalculator.minimumDue(Product.CREDIT, usd("2000.00"), usd("50.00"), BigDecimal.ZERO,
                usd("0"), usd("0"))).isEqualTo(usd("50.00"));
        assertThat(MinimumDueCalculator.minimumDue(Product.CREDIT, usd("2000.00"), usd("50.00"), new BigDecimal("100"),
                usd("0"), usd("0"))).isEqualTo(usd("2000.00"));
    }
}
