package kw.billpay.core.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import kw.billpay.core.money.Money;

class BalancesTest {

    private static final Currency KWD = Currency.getInstance("KWD");
    private static final Currency USD = Currency.getInstance("USD");

    private static Money kwd(String amount) {
        return new Money(new BigDecimal(amount), KWD);
    }

    @Test
    void missingBucketsAreZeroAndAllArePresentInEnumOrder() {
        Balances balances = Balances.of(KWD, Map.of(Bucket.UNBILLED, kwd("15"), Bucket.PREVIOUS_FEES, kwd("5")), kwd("0"));

        assertThat(balances.buckets().keySet()).containsExactly(Bucket.values());
        assertThat(balances.get(Bucket.CURRENT_CASH)).isEqualTo(Money.zero(KWD));
        assertThat(balances.get(Bucket.UNBILLED)).isEqualTo(kwd("15.000"));
        assertThat(balances.currency()).isEqualTo(KWD);
    }

    @Test
    void sumsStatementBalanceAndTotalOwed() {
        Balances balances = Balances.zero(KWD)
                .withBucket(Bucket.PREVIOUS_FEES, kwd("5"))
                .withBucket(Bucket.CURRENT_PURCHASES, kwd("322.5"))
                .withBucket(Bucket.UNBILLED, kwd("15"));

        assertThat(balances.statementBalance()).isEqualTo(kwd("327.500"));
        assertThat(balances.totalOwed()).isEqualTo(kwd("342.500"));
    }

    @Test
    void isImmutable() {
        Map<Bucket, Money> source = new HashMap<>(Map.of(Bucket.UNBILLED, kwd("1")));
        Balances balances = Balances.of(KWD, source, kwd("0"));

        source.put(Bucket.UNBILLED, kwd("2"));
        Balances changed = balances.withBucket(Bucket.UNBILLED, kwd("3")).withCreditBalance(kwd("4"));

        assertThat(balances.get(Bucket.UNBILLED)).isEqualTo(kwd("1"));
        assertThat(balances.creditBalance()).isEqualTo(kwd("0"));
        assertThat(changed.get(Bucket.UNBILLED)).isEqualTo(kwd("3"));
        assertThat(changed.creditBalance()).isEqualTo(kwd("4"));
        assertThatThrownBy(() -> balances.buckets().put(Bucket.UNBILLED, kwd("9")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsNegativeBucketsNegativeCreditAndOtherCurrencies() {
        assertThatThrownBy(() -> Balances.zero(KWD).withBucket(Bucket.CURRENT_FEES, kwd("-0.001")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CURRENT_FEES must not be negative");
        assertThatThrownBy(() -> Balances.zero(KWD).withCreditBalance(kwd("-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("credit balance must not be negative");
        assertThatThrownBy(() -> Balances.of(KWD, Map.of(Bucket.UNBILLED, Money.zero(USD)), kwd("0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("billed in KWD");
        assertThatThrownBy(() -> Balances.of(KWD, Map.of(), Money.zero(USD)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valueEquality() {
        Balances a = Balances.zero(KWD).withBucket(Bucket.UNBILLED, kwd("1"));
        Balances b = Balances.of(KWD, Map.of(Bucket.UNBILLED, kwd("1.000")), kwd("0"));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(a.withCreditBalance(kwd("0.001")));
        assertThat(Balances.zero(KWD)).isNotEqualTo(Balances.zero(USD));
        assertThat(a.toString()).contains("UNBILLED=1.000", "creditBalance=0.000", "KWD");
    }
}
