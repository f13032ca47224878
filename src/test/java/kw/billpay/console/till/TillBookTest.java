package kw.billpay.console.till;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import kw.billpay.console.till.TillBook.Row;
import kw.billpay.console.till.TillBook.Tally;
import kw.billpay.core.money.Money;
import kw.billpay.core.payment.PaymentMethod;
import kw.billpay.posting.TillTotals;
import org.junit.jupiter.api.Test;

class TillBookTest {

    @Test
    void overShortAndEvenPerTenderAndCurrency() {
        Map<String, Tally> expected = TillBook.expected(List.of(
                new TillTotals.Line(PaymentMethod.CASH, Money.of("120.500", "KWD"), 3),
                new TillTotals.Line(PaymentMethod.CHEQUE, Money.of("50.000", "KWD"), 1),
                new TillTotals.Line(PaymentMethod.CASH, Money.of("100.00", "USD"), 1)));
        Map<String, Tally> counted = Map.of(
                "CASH_KWD", new Tally(null, new BigDecimal("120.000")),
                "CHEQUE_KWD", new Tally(1, new BigDecimal("50.000")),
                "CASH_USD", new Tally(null, new BigDecimal("101.00")));

        List<Row> rows = TillBook.compare(expected, counted);

        assertThat(rows).extracting(r -> r.tender() + "_" + r.currency() + " " + r.sign() + " " + r.difference())
                .containsExactly("CASH_KWD -1 0.500 KWD", "CASH_USD 1 1.00 USD", "CHEQUE_KWD 0 0.000 KWD");
        assertThat(rows.get(2).expectedCount()).isEqualTo(1);
        assertThat(rows.get(0).expectedCount()).as("cash is counted by denomination, not by payments").isNull();
        assertThat(TillBook.even(rows)).isFalse();
    }

    @Test
    void aChequeMissingFromTheCountIsShortInNumberToo() {
        Map<String, Tally> expected = TillBook.expected(List.of(new TillTotals.Line(PaymentMethod.CHEQUE, Money.of("50.000", "KWD"), 1)));
        List<Row> rows = TillBook.compare(expected, Map.of("CHEQUE_KWD", new Tally(0, BigDecimal.ZERO)));
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.sign()).isEqualTo(-1);
            assertThat(r.countedCount()).isZero();
        });
        assertThat(TillBook.even(rows)).isFalse();
        assertThat(TillBook.even(TillBook.compare(expected, expected))).isTrue();
    }
}
