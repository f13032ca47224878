package kw.billpay.core.issuer;

import static kw.billpay.testkit.IssuerBuilder.amexKw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import kw.billpay.core.money.Currencies;
import kw.billpay.core.money.Money;
import org.junit.jupiter.api.Test;

/** What an issuer's file says about currencies and minimum-due floors (DOMAIN R15). */
class IssuerTest {

    private final Issuer amexKw = amexKw().build();

    @Test
    void anIssuerBillsInItsOwnCurrenciesOnly() {
        assertThat(amexKw.bills(Currencies.parse("KWD"))).isTrue();
        assertThat(amexKw.bills(Currencies.parse("USD"))).isTrue();
        assertThat(amexKw.bills(Currencies.parse("SAR"))).isFalse();
    }

    @Test
    void eachBillingCurrencyHasItsFloorAndAnotherHasNone() {
        assertThat(amexKw.minimumDueFloor(Currencies.parse("KWD"))).isEqualTo(Money.of("15.000", "KWD"));
        assertThat(amexKw.minimumDueFloor(Currencies.parse("USD"))).isEqualTo(Money.of("50.00", "USD"));
        assertThatThrownBy(() -> amexKw.minimumDueFloor(Currencies.parse("SAR")))
                .isInstanceOf(IllegalStateException.class).hasMessage("issuer amex-kw has no minimum-due floor for SAR");
    }
}
