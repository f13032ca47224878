package kw.billpay.console;

import static org.assertj.core.api.Assertions.assertThat;

import kw.billpay.core.money.Money;
import org.junit.jupiter.api.Test;

class ShownTest {

    @Test
    void everyMinorUnitWesternDigitsAndThousands() {
        assertThat(Shown.money(Money.of("1234.5", "KWD"))).isEqualTo("1,234.500 KWD");
        assertThat(Shown.money(Money.of("1234567.05", "USD"))).isEqualTo("1,234,567.05 USD");
        assertThat(Shown.money(null)).isNull();
    }

    @Test
    void anAccountByItsLastFourDigits() {
        assertThat(Shown.account("376612345678901")).isEqualTo("•••• 8901").doesNotContainPattern("[0-9]{5,}");
    }

    @Test
    void longDigitRunsFromOutsideShowTheirLastFourDigits() {
        assertThat(Shown.outside("10000000000000144")).isEqualTo("•••• 0144");
        assertThat(Shown.outside("T-12345678901")).isEqualTo("T-12345678901");
        assertThat(Shown.outside(null)).isNull();
    }

    @Test
    void anAmountOrANameInsideASentenceIsIsolated() {
        assertThat(Shown.ltr("12.500 KWD")).isEqualTo("\u206612.500 KWD\u2069");
        assertThat(Shown.isolated("Sample Holder")).isEqualTo("\u2068Sample Holder\u2069");
        assertThat(Shown.ltr(null)).isNull();
        assertThat(Shown.isolated(null)).isNull();
    }
}
