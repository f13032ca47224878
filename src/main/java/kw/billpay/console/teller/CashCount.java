package kw.billpay.console.teller;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import kw.billpay.core.money.Currencies;
import kw.billpay.core.money.Money;

/**
 * Cash counted by denomination: the notes and coins a teller takes in KWD and USD, and what a count of them adds up
 * to. A cash payment's count must add up to its amount, and a till's blind count of cash is entered the same way.
 */
public final class CashCount {

    /** The most pieces of one denomination one count may hold. */
    static final int MAX_PIECES = 100_000;

    /** A note or a coin; {@code id} (currency and value in minor units) names its form field and its label. */
    public record Denomination(String id, Money value, boolean note) { }

    private static final Map<String, List<Denomination>> BY_CURRENCY = Map.of(
            "KWD", denominations("KWD", new long[] {20_000, 10_000, 5_000, 1_000, 500, 250}, new long[] {100, 50, 20, 10, 5}),
            "USD", denominations("USD", new long[] {10_000, 5_000, 2_000, 1_000, 500, 200, 100}, new long[] {50, 25, 10, 5, 1}));

    private CashCount() {
    }

    /** The denominations of a currency the counter takes (KWD, USD), notes first, largest first. */
    public static List<Denomination> of(String currency) {
        List<Denomination> list = BY_CURRENCY.get(currency);
        if (list == null) {
            throw new IllegalArgumentException("no denominations for " + currency);
        }
        return list;
    }

    public static List<String> currencies() {
        return List.of("KWD", "USD");
    }

    /**
     * What the pieces counted add up to, in the currency's own denominations. Pieces of another currency, unknown
     * ids and empty fields are ignored; a negative or absurd number of pieces is refused.
     */
    public static Money total(String currency, Map<String, Integer> pieces) {
        Currency code = Currencies.parse(currency);
        Money total = Money.zero(code);
        for (Denomination denomination : of(currency)) {
            Integer count = pieces == null ? null : pieces.get(denomination.id());
            if (count == null || count == 0) {
                continue;
            }
            if (count < 0 || count > MAX_PIECES) {
                throw new IllegalArgumentException(denomination.id() + ": " + count + " pieces");
            }
            total = total.plus(new Money(denomination.value().amount().multiply(java.math.BigDecimal.valueOf(count)), code));
        }
        return total;
    }

    private static List<Denomination> denominations(String currency, long[] notes, long[] coins) {
        Currency code = Currencies.parse(currency);
        List<Denomination> list = new ArrayList<>();
        for (long minor : notes) {
            list.add(new Denomination(currency + "_" + minor, Money.ofMinor(minor, code), true));
        }
        for (long minor : coins) {
            list.add(new Denomination(currency + "_" + minor, Money.ofMinor(minor, code), false));
        }
        return List.copyOf(list);
    }
}
