package kw.billpay.core.issuer;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;
import java.util.Set;
import kw.billpay.core.allocation.AllocationOrder;
import kw.billpay.core.money.Money;

/**
 * One card issuer's rules, from {@code <id>.yml} in the issuers directory.
 *
 * @param onlineMaximum the most one online payment may be (DOMAIN R7), or null when the issuer sets none
 */
public record Issuer(
        String id,
        String name,
        Set<Currency> currencies,
        AllocationOrder allocationOrder,
        Money onlineMinimum,
        Money onlineMaximum,
        Money creditBalanceRefundAbove,
        BigDecimal minimumDuePercent,
        Map<Currency, Money> minimumDueFloors) {

    public boolean bills(Currency currency) {
        return currencies.contains(currency);
    }

    public Money minimumDueFloor(Currency currency) {
        Money floor = minimumDueFloors.get(currency);
        if (floor == null) {
            throw new IllegalStateException("issuer " + id + " has no minimum-due floor for " + currency);
        }
        return floor;
    }
}
