package kw.billpay.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.Currency;
import kw.billpay.core.Refusal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FxConverterTest {

    private static final Currency KWD = Currency.getInstance("KWD");
    private static final Currency USD = Currency.getInstance("USD");
    private static final OffsetDateTime EFFECTIVE_AT = OffsetDateTime.parse("2025-03-01T08:00:00+03:00");

    private static FxRate rate(Currency from, Currency to, String rate) {
        return new FxRate(from, to, new BigDecimal(rate), EFFECTIVE_AT, "amex-kw treasury");
    }

    @ParameterizedTest(name = "{0} {1} x {2} = {3} {4}")
    @CsvSource({
            "10.00,   USD, 0.305000,   3.050,  KWD",
            "100.000, KWD, 3.2786885,  327.87, USD",
            "1.000,   KWD, 3.2744999,  3.27,   USD",
            "1.000,   KWD, 3.275,      3.28,   USD", // exact half rounds up
            "0.01,    USD, 0.3049,     0.003,  KWD", // 0.003049
            "0.01,    USD, 0.05,       0.001,  KWD"  // 0.0005, half rounds up
    })
    void convertsAndRoundsHalfUpToTheTargetsMinorUnits(String amount, String from, String rate,
                                                       String expected, String to) {
        Money original = new Money(new BigDecimal(amount), Currency.getInstance(from));

        Conversion conversion = FxConverter.convert(original, rate(Currency.getInstance(from), Currency.getInstance(to), rate));

        assertThat(conversion.converted()).isEqualTo(new Money(new BigDecimal(expected), Currency.getInstance(to)));
        assertThat(conversion.original()).isEqualTo(original);
        assertThat(conversion.rate().rate()).isEqualTo(new BigDecimal(rate));
    }

    @Test
    void roundsOnceNotInSteps() {
        // 10.00 x 0.30444999 = 3.0444999 KWD: once -> 3.044; via 4 decimals it would be 3.0445 -> 3.045.
        Money usd = new Money(new BigDecimal("10.00"), USD);
        BigDecimal rateValue = new BigDecimal("0.30444999");
        BigDecimal twice = usd.amount().multiply(rateValue).setScale(4, RoundingMode.HALF_UP).setScale(3, RoundingMode.HALF_UP);

        Conversion conversion = FxConverter.convert(usd, rate(USD, KWD, "0.30444999"));

        assertThat(twice).isEqualTo(new BigDecimal("3.045"));
        assertThat(conversion.converted()).isEqualTo(new Money(new BigDecimal("3.044"), KWD));
    }

    @Test
    void roundsOnceNotInStepsKwdToUsd() {
        // 1.000 x 3.2749999 = 3.2749999 USD: once -> 3.27; via 3 decimals it would be 3.275 -> 3.28.
        Conversion conversion = FxConverter.convert(new Money(new BigDecimal("1.000"), KWD), rate(KWD, USD, "3.2749999"));

        assertThat(conversion.converted().toString()).isEqualTo("3.27 USD");
    }

    @Test
    void keepsTheRateItsSourceAndEffectiveTime() {
        FxRate rate = rate(USD, KWD, "0.305000");

        Conversion conversion = FxConverter.convert(new Money(new BigDecimal("10"), USD), rate);

        assertThat(conversion.rate()).isSameAs(rate);
        assertThat(conversion.rate().source()).isEqualTo("amex-kw treasury");
        assertThat(conversion.rate().effectiveAt()).isEqualTo(EFFECTIVE_AT);
    }

    @Test
    void refusesARateForAnotherCurrency() {
        assertThatThrownBy(() -> FxConverter.convert(new Money(BigDecimal.TEN, KWD), rate(USD, KWD, "0.305")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10.000 KWD");
    }

    @Test
    void rateNeedsTwoCurrenciesAndAPositiveValue() {
        assertThatThrownBy(() -> rate(KWD, KWD, "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rate(USD, KWD, "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rate(USD, KWD, "-0.305")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FxRate(USD, KWD, BigDecimal.ONE, null, "x")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aStoredRateIsQuotedWithAtLeastSixDecimalsAndNoTrailingZeros() {
        assertThat(FxRate.quoted(new BigDecimal("0.3050000000")).toPlainString()).isEqualTo("0.305000");
        assertThat(FxRate.quoted(new BigDecimal("3.2786885000")).toPlainString()).isEqualTo("3.2786885");
        assertThat(FxRate.quoted(new BigDecimal("3.0000000000")).toPlainString()).isEqualTo("3.000000");
    }

    @Test
    void anUnsupportedCurrencyIsARefusalOfWellFormedInputOtherMoneyErrorsAreMalformedInput() {
        assertThat(new MoneyException(MoneyException.UNSUPPORTED_CURRENCY, "x").kind()).isEqualTo(Refusal.Kind.UNPROCESSABLE);
        assertThat(new MoneyException(MoneyException.INVALID_AMOUNT, "x").kind()).isEqualTo(Refusal.Kind.INVALID);
    }
}
