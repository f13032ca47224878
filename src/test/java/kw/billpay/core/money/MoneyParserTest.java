package kw.billpay.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MoneyParserTest {

    private static final Currency KWD = Currency.getInstance("KWD");
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency SAR = Currency.getInstance("SAR");

    static Stream<Arguments> accepted() {
        return Stream.of(
                // text, currency, expected amount (scale = minor units)
                arguments("10.1", KWD, "10.100"),
                arguments("10.100", KWD, "10.100"),
                arguments("3", KWD, "3.000"),
                arguments("0.001", KWD, "0.001"),
                arguments("12.345", KWD, "12.345"),
                arguments("007.5", KWD, "7.500"),
                arguments("999999999999999.999", KWD, "999999999999999.999"),
                arguments("10.01", USD, "10.01"),
                arguments("10", USD, "10.00"),
                arguments("0.01", USD, "0.01"),
                arguments("999999999999999", USD, "999999999999999.00"),
                arguments("250.5", SAR, "250.50"),
                arguments("100", SAR, "100.00"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" {1} -> {2}")
    @MethodSource("accepted")
    void acceptsPlainPositiveDecimalsWithinTheCurrencysMinorUnits(String text, Currency currency, String expected) {
        Money money = MoneyParser.parsePositive(text, currency);

        assertThat(money.amount()).isEqualTo(new BigDecimal(expected));
        assertThat(money.currency()).isEqualTo(currency);
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                // text, currency, fragment of the reason
                arguments(" 5.000", KWD, "must not contain spaces"),
                arguments("5.000 ", KWD, "must not contain spaces"),
                arguments("5 000", KWD, "must not contain spaces"),
                arguments("\t5", USD, "must not contain spaces"),
                arguments("+5.000", KWD, "'+' sign"),
                arguments("-5.000", KWD, "must be greater than zero"),
                arguments("-0.01", USD, "must be greater than zero"),
                arguments("1e3", KWD, "exponent notation"),
                arguments("1E3", USD, "exponent notation"),
                arguments("1.5e-2", SAR, "exponent notation"),
                arguments("1,000.000", KWD, "thousands separators"),
                arguments("1,000", USD, "thousands separators"),
                arguments("10,50", SAR, "thousands separators"),
                arguments(",500", KWD, "thousands separators"),
                arguments("NaN", KWD, "not a plain decimal number"),
                arguments("Infinity", USD, "not a plain decimal number"),
                arguments("abc", SAR, "not a plain decimal number"),
                arguments("1.2.3", KWD, "not a plain decimal number"),
                arguments("0x10", KWD, "not a plain decimal number"),
                arguments("\u0661\u0662", KWD, "not a plain decimal number"), // Arabic-Indic digits
                arguments(".5", KWD, "digits on both sides of the decimal point"),
                arguments("5.", USD, "digits on both sides of the decimal point"),
                arguments(".", SAR, "digits on both sides of the decimal point"),
                arguments("1234567890123456", KWD, "more than 15 integer digits"),
                arguments("1234567890123456.00", USD, "more than 15 integer digits"),
                arguments("12.3456", KWD, "more decimals than KWD allows (3)"),
                arguments("10.0001", KWD, "more decimals than KWD allows (3)"),
                arguments("10.001", USD, "more decimals than USD allows (2)"),
                // Decimals are counted as written: a third decimal is refused even when it is zero.
                arguments("10.100", USD, "more decimals than USD allows (2)"),
                arguments("10.001", SAR, "more decimals than SAR allows (2)"),
                arguments("0", KWD, "must be greater than zero"),
                arguments("0.000", KWD, "must be greater than zero"),
                arguments("0.00", USD, "must be greater than zero"),
                arguments("000", SAR, "must be greater than zero"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" {1} rejected: {2}")
    @MethodSource("rejected")
    void rejectsAnythingButAPlainPositiveDecimal(String text, Currency currency, String reason) {
        assertThatThrownBy(() -> MoneyParser.parsePositive(text, currency))
                .isInstanceOf(MoneyException.class)
                .hasMessageContaining("\"" + text + "\"")
                .hasMessageContaining(reason)
                .extracting(e -> ((MoneyException) e).code()).isEqualTo("INVALID_AMOUNT");
    }

    static Stream<Arguments> missing() {
        return Stream.of(
                arguments(null, "amount is missing"),
                arguments("", "is blank"),
                arguments("   ", "is blank"));
    }

    @ParameterizedTest(name = "[{index}] {0} rejected: {1}")
    @MethodSource("missing")
    void rejectsMissingAmounts(String text, String reason) {
        assertThatThrownBy(() -> MoneyParser.parsePositive(text, KWD))
                .isInstanceOf(MoneyException.class)
                .hasMessageContaining(reason)
                .extracting(e -> ((MoneyException) e).code()).isEqualTo("INVALID_AMOUNT");
    }

    @Test
    void echoesOnlyTheStartOfAVeryLongInput() {
        String huge = "9".repeat(10_000);

        assertThatThrownBy(() -> MoneyParser.parsePositive(huge, KWD))
                .isInstanceOf(MoneyException.class)
                .hasMessageContaining("more than 15 integer digits")
                .message().hasSizeLessThan(200);
    }

    @Test
    void echoesAnInputOfFortyCharactersWhole() {
        String forty = "x".repeat(40);
        String fortyOne = "x".repeat(41);

        assertThat(MoneyParser.shorten(forty)).isEqualTo(forty);
        assertThat(MoneyParser.shorten(fortyOne)).isEqualTo(forty + "...");
    }

    @Test
    void nonNegativeAcceptsZeroForBalances() {
        assertThat(MoneyParser.parseNonNegative("0", KWD)).isEqualTo(Money.zero(KWD));
        assertThat(MoneyParser.parseNonNegative("0.00", USD).amount()).isEqualTo(new BigDecimal("0.00"));
        assertThat(MoneyParser.parseNonNegative("322.5", KWD).amount()).isEqualTo(new BigDecimal("322.500"));
    }

    @Test
    void nonNegativeRejectsNegativeAndBadSyntax() {
        assertThatThrownBy(() -> MoneyParser.parseNonNegative("-5.000", KWD))
                .isInstanceOf(MoneyException.class)
                .hasMessageContaining("\"-5.000\" must not be negative");
        assertThatThrownBy(() -> MoneyParser.parseNonNegative("1e3", KWD))
                .hasMessageContaining("exponent notation");
        assertThatThrownBy(() -> MoneyParser.parseNonNegative("0.0001", KWD))
                .hasMessageContaining("more decimals than KWD allows (3)");
    }

    static Stream<Arguments> acceptedRates() {
        return Stream.of(
                arguments("0.305", "0.305"),
                arguments("0.305000", "0.305000"),
                arguments("3.2786885", "3.2786885"),
                arguments("1", "1"),
                arguments("123456.0123456789", "123456.0123456789"));
    }

    @ParameterizedTest(name = "[{index}] rate \"{0}\"")
    @MethodSource("acceptedRates")
    void acceptsRatesAndKeepsTheirScale(String text, String expected) {
        assertThat(MoneyParser.parseRate(text)).isEqualTo(new BigDecimal(expected));
    }

    static Stream<Arguments> rejectedRates() {
        return Stream.of(
                arguments("0", "must be greater than zero"),
                arguments("0.0000000000", "must be greater than zero"),
                arguments("-0.305", "must be greater than zero"),
                arguments("1234567", "more than 6 integer digits"),
                arguments("0.12345678901", "more than 10 decimals"),
                arguments("3.28e0", "exponent notation"),
                arguments("1,5", "thousands separators"),
                arguments(".305", "digits on both sides"),
                arguments("NaN", "not a plain decimal number"),
                arguments(" 0.305", "must not contain spaces"));
    }

    @ParameterizedTest(name = "[{index}] rate \"{0}\" rejected: {1}")
    @MethodSource("rejectedRates")
    void rejectsBadRates(String text, String reason) {
        assertThatThrownBy(() -> MoneyParser.parseRate(text))
                .isInstanceOf(MoneyException.class)
                .hasMessageContaining("rate \"" + text + "\"")
                .hasMessageContaining(reason)
                .extracting(e -> ((MoneyException) e).code()).isEqualTo("INVALID_RATE");
    }

    @Test
    void rejectsMissingRate() {
        assertThatThrownBy(() -> MoneyParser.parseRate(null))
                .isInstanceOf(MoneyException.class)
                .hasMessage("rate is missing")
                .extracting(e -> ((MoneyException) e).code()).isEqualTo("INVALID_RATE");
    }
}
