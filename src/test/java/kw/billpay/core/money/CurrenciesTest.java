package kw.billpay.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CurrenciesTest {

    @ParameterizedTest(name = "{0} has {1} minor units")
    @CsvSource({"KWD, 3", "USD, 2", "SAR, 2", "BHD, 3", "JPY, 0"})
    void knowsIsoMinorUnits(String code, int minorUnits) {
        Currency currency = Currencies.parse(code);

        assertThat(currency.getCurrencyCode()).isEqualTo(code);
        assertThat(Currencies.minorUnits(currency)).isEqualTo(minorUnits);
    }

    @ParameterizedTest(name = "\"{0}\" rejected")
    @NullSource
    @ValueSource(strings = {"kwd", "Kwd", "XYZ", "KW", "KWDD", " KWD", "", "414", "K1D"})
    void rejectsMalformedOrUnknownCodes(String code) {
        assertThatThrownBy(() -> Currencies.parse(code))
                .isInstanceOf(MoneyException.class)
                .extracting(e -> ((MoneyException) e).code()).isEqualTo("UNSUPPORTED_CURRENCY");
    }

    @Test
    void messagesNameTheCode() {
        assertThatThrownBy(() -> Currencies.parse("kwd")).hasMessageContaining("\"kwd\"");
        assertThatThrownBy(() -> Currencies.parse("XYZ")).hasMessageContaining("\"XYZ\" is not a known ISO 4217 code");
        assertThatThrownBy(() -> Currencies.parse(null)).hasMessage("currency is missing");
    }

    @ParameterizedTest(name = "{0} has no minor units")
    @ValueSource(strings = {"XAU", "XXX"})
    void rejectsCurrenciesWithoutMinorUnits(String code) {
        assertThatThrownBy(() -> Currencies.parse(code))
                .isInstanceOf(MoneyException.class)
                .hasMessageContaining("has no minor units")
                .extracting(e -> ((MoneyException) e).code()).isEqualTo("UNSUPPORTED_CURRENCY");
        assertThatThrownBy(() -> Currencies.minorUnits(Currency.getInstance(code)))
                .isInstanceOf(MoneyException.class);
    }
}
