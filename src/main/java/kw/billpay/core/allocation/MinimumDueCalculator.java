package kw.billpay.core.allocation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

import kw.billpay.core.money.Currencies;
import kw.billpay.core.money.Money;

/** Minimum due where the statement does not carry it (R15, R16). */
public final class MinimumDueCalculator {

    private static final BigDecimal ONE_HUNDRED = BigDecimal.valueOf(100);

    private MinimumDueCalculator() {
    }

    /**
     * @param floor   the per-currency floor (e.g. 50.00 USD, 100.00 SAR)
     * @param percent the minimum percentage, e.g. 5 for 5%
     * @param pastDue unpaid minimum carried over from earlier statements (R16)
     */
    public static Money minimumDue(Product product, Money statementBalance, Money floor, BigDecimal percent,
                                   Money overLimit, Money pastDue) {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(statementBalance, "statementBalance");
        Objects.requireNonNull(percent, "percent");
        requireNonNegativeIn("floor", floor, statementBalance);
        requireNonNegativeIn("overLimit", overLimit, statementBalance);
        requireNonNegativeIn("pastDue", pastDue, statementBalance);
        if (percent.signum() < 0 || percent.compareTo(ONE_HUNDRED) > 0) {
            throw new IllegalArgumentException("percent must be between 0 and 100, got " + percent.toPlainString());
        }
        // A statement in credit (zero or negative balance) leaves nothing due.
        Money wholeBalance = statementBalance.max(Money.zero(statementBalance.currency()));
        if (product == Product.CHARGE || statementBalance.compareTo(floor) <= 0) {
            return wholeBalance;
        }
        BigDecimal percentAmount = statementBalance.amount().multiply(percent).movePointLeft(2)
                .setScale(Currencies.minorUnits(statementBalance.currency()), RoundingMode.HALF_UP);
        Money due = new Money(percentAmount, statementBalance.currency()).max(floor).plus(overLimit).plus(pastDue);
        // Floor, over-limit and arrears could push the minimum above what the statement bills. The arrears are
        // part of that balance (unpaid, they are still billed), so the whole balance is the most that is ever due,
        // as it is at or below the floor.
        return due.min(wholeBalance);
    }

    private static void requireNonNegativeIn(String what, Money amount, Money statementBalance) {
        Objects.requireNonNull(amount, what);
        if (!amount.currency().equals(statementBalance.currency())) {
            throw new IllegalArgumentException(what + " " + amount + " is not in the statement currency "
                    + statementBalance.currency());
        }
        if (amount.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, got " + amount);
        }
    }
}
