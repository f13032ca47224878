package kw.billpay.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;

import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final Currency KWD = Currency.getInstance("KWD");
    private static final Currency USD = Currency.getInstance("USD");

    private static Money kwd(String amount) {
        return new Money(new BigDecimal(amount), KWD);
    }

    @Test
    void normalisesScaleToTheCurrencysMinorUnits() {
        assertThat(kwd("3").amount()).isEqualTo(new BigDecimal("3.000"));
        assertThat(kwd("3.0000").amount()).isEqualTo(new BigDecimal("3.000"));
        assertThat(kwd("1E+3").amount()).isEqualTo(new BigDecimal("1000.000"));
        assertThat(new Money(new BigDecimal("3.1"), USD).amount()).isEqualTo(new BigDecimal("3.10"));
    }

    @Test
    void equalAmountsWrittenWithDifferentScalesAreEqual() {
        assertThat(kwd("3")).isEqualTo(kwd("3.000")).hasSameHashCodeAs(kwd("3.00"));
        assertThat(kwd("3")).isNotEqualTo(new Money(new BigDecimal("3"), USD));
    }

    @Test
    void refusesToRoundAwayDecimals() {
        assertThatThrownBy(() -> kwd("3.0005"))
                .isInstanceOf(MoneyException.class)
                .hasMessage("amount \"3.0005\" has more decimals than KWD allows (3)")
                .extracting(e -> ((MoneyException) e).code()).isEqualTo("INVALID_AMOUNT");
        assertThatThrownBy(() -> new Money(new BigDecimal("0.001"), USD))
                .hasMessageContaining("more decimals than USD allows (2)");
    }

    @Test
    void allowsNegativeAmountsForBalanceArithmetic() {
        Money negative = kwd("-1.5");

        assertThat(negative.isNegative()).isTrue();
        assertThat(negative.toString()).isEqualTo("-1.500 KWD");
    }

    @Test
    void rejectsNulls() {
        assertThatThrownBy(() -> new Money(null, KWD)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Money(BigDecimal.ONE, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void factories() {
        assertThat(Money.of("10.1", "KWD")).isEqualTo(kwd("10.100"));
        assertThat(Money.zero(USD).toString()).isEqualTo("0.00 USD");
        assertThat(Money.ofMinor(3050, KWD)).isEqualTo(kwd("3.050"));
        assertThat(Money.ofMinor(-5, USD).toPlainString()).isEqualTo("-0.05");
        assertThatThrownBy(() -> Money.of("10", "kwd"))
                .isInstanceOf(MoneyException.class)
                .extracting(e -> ((MoneyException) e).code()).isEqualTo("UNSUPPORTED_CURRENCY");
        assertThatThrownBy(() -> Money.of("0", "KWD"))
                .isInstanceOf(MoneyException.class)
                .extracting(e -> ((MoneyException) e).code()).isEqualTo("INVALID_AMOUNT");
    }

    @Test
    void arithmeticIsExact() {
        assertThat(kwd("0.1").plus(kwd("0.2"))).isEqualTo(kwd("0.3"));
        assertThat(kwd("322.500").minus(kwd("22.5"))).isEqualTo(kwd("300"));
        assertThat(kwd("1").minus(kwd("1.001"))).isEqualTo(kwd("-0.001"));
        assertThat(kwd("5").min(kwd("2.5"))).isEqualTo(kwd("2.5"));
        assertThat(kwd("5").max(kwd("2.5"))).isEqualTo(kwd("5"));
    }

    @Test
    void signPredicates() {
        assertThat(Money.zero(KWD).isZero()).isTrue();
        assertThat(Money.zero(KWD).isPositive()).isFalse();
        assertThat(Money.zero(KWD).isNegative()).isFalse();
        assertThat(kwd("0.001").isPositive()).isTrue();
        assertThat(kwd("-0.001").isNegative()).isTrue();
        assertThat(kwd("0.001").isZero()).isFalse();
        assertThat(kwd("-0.001").isZero()).isFalse();
    }

    @Test
    void comparesWithinOneCurrency() {
        assertThat(kwd("3.05")).isGreaterThan(kwd("3.049")).isLessThan(kwd("3.051"));
        assertThat(kwd("3").compareTo(kwd("3.000"))).isZero();
    }

    @Test
    void mixingCurrenciesIsAnError() {
        Money usd = new Money(BigDecimal.ONE, USD);

        assertThatThrownBy(() -> kwd("1").plus(usd)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.000 KWD").hasMessageContaining("1.00 USD");
        assertThatThrownBy(() -> kwd("1").minus(usd)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> kwd("1").min(usd)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> kwd("1").compareTo(usd)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void printsPlainAmountsWithAllMinorUnits() {
        assertThat(kwd("3.05").toPlainString()).isEqualTo("3.050");
        assertThat(kwd("3.05").toString()).isEqualTo("3.050 KWD");
        assertThat(kwd("1E+7").toPlainString()).isEqualTo("10000000.000");
    }
}
