package kw.billpay.console.teller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import kw.billpay.core.money.Money;
import org.junit.jupiter.api.Test;

class CashCountTest {

    @Test
    void kuwaitiNotesAndCoinsAsTheCounterTakesThem() {
        assertThat(CashCount.of("KWD")).extracting(d -> d.value().toPlainString()).containsExactly(
                "20.000", "10.000", "5.000", "1.000", "0.500", "0.250", "0.100", "0.050", "0.020", "0.010", "0.005");
        assertThat(CashCount.of("KWD")).filteredOn(CashCount.Denomination::note).hasSize(6);
    }

    @Test
    void piecesAddUpExactlyInMinorUnits() {
        assertThat(CashCount.total("KWD", Map.of("KWD_20000", 2, "KWD_250", 3, "KWD_5", 1))).isEqualTo(Money.of("40.755", "KWD"));
        assertThat(CashCount.total("USD", Map.of("USD_5000", 1, "USD_2000", 2, "USD_1000", 1, "USD_1", 3)))
                .isEqualTo(Money.of("100.03", "USD"));
    }

    @Test
    void anotherCurrencysPiecesAndEmptyFieldsCountForNothing() {
        java.util.HashMap<String, Integer> pieces = new java.util.HashMap<>(Map.of("USD_10000", 5, "unknown", 9));
        pieces.put("KWD_1000", null);
        assertThat(CashCount.total("KWD", pieces).isZero()).isTrue();
    }

    @Test
    void aNegativeOrAbsurdCountIsRefused() {
        assertThatThrownBy(() -> CashCount.total("KWD", Map.of("KWD_1000", -1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CashCount.total("KWD", Map.of("KWD_1000", 100_001))).isInstanceOf(IllegalArgumentException.class);
    }
}
