package kw.billpay.console.till;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kw.billpay.console.Shown;
import kw.billpay.core.money.Currencies;
import kw.billpay.posting.TillTotals;

/**
 * A till's figures per tender and currency ({@code CASH_KWD}, {@code CHEQUE_USD}…), and the comparison of what the
 * teller counted with what the payments recorded say: over (more counted), short (less), or even. Plain Java.
 */
public final class TillBook {

    static final List<String> TENDERS = List.of("CASH", "CHEQUE", "DEMAND_DRAFT", "POS_KNET");
    static final List<String> CURRENCIES = List.of("KWD", "USD");

    private TillBook() {
    }

    /** How many instruments (null for cash, which is counted by denomination) and how much. */
    public record Tally(Integer count, BigDecimal amount) { }

    /** One line of the comparison, amounts already written for the page. */
    public record Row(String tender, String currency, Integer expectedCount, String expected, Integer countedCount,
                      String counted, String difference, int sign) { }

    public static String key(String tender, String currency) {
        return tender + "_" + currency;
    }

    /** The expected side from the payments the teller recorded. */
    public static Map<String, Tally> expected(List<TillTotals.Line> lines) {
        Map<String, Tally> expected = new LinkedHashMap<>();
        for (TillTotals.Line line : lines) {
            expected.put(key(line.method().name(), line.total().currency().getCurrencyCode()),
                    new Tally(line.count(), line.total().amount()));
        }
        return expected;
    }

    /** Every tender and currency either side has, in the till's order, with the difference counted minus expected. */
    public static List<Row> compare(Map<String, Tally> expected, Map<String, Tally> counted) {
        List<Row> rows = new ArrayList<>();
        for (String tender : TENDERS) {
            for (String currency : CURRENCIES) {
                String key = key(tender, currency);
                Tally e = expected.get(key);
                Tally c = counted.get(key);
                if (isEmpty(e) && isEmpty(c)) {
                    continue;
                }
                int minor = Currencies.minorUnits(Currencies.parse(currency));
                BigDecimal expectedAmount = e == null ? BigDecimal.ZERO : e.amount();
                BigDecimal countedAmount = c == null ? BigDecimal.ZERO : c.amount();
                BigDecimal difference = countedAmount.subtract(expectedAmount);
                boolean cash = tender.equals("CASH");
                rows.add(new Row(tender, currency, cash ? null : (e == null ? 0 : e.count()),
                        Shown.amount(expectedAmount, minor) + " " + currency,
                        cash ? null : (c == null || c.count() == null ? 0 : c.count()),
                        Shown.amount(countedAmount, minor) + " " + currency,
                        Shown.amount(difference.abs(), minor) + " " + currency, difference.signum()));
            }
        }
        return rows;
    }

    /** True when the count and the records agree on every line. */
    public static boolean even(List<Row> rows) {
        return rows.stream().allMatch(r -> r.sign() == 0 && java.util.Objects.equals(r.expectedCount(), r.countedCount()));
    }

    private static boolean isEmpty(Tally tally) {
        return tally == null || (tally.amount().signum() == 0 && (tally.count() == null || tally.count() == 0));
    }
}
