package kw.billpay.core.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount in one currency. The amount always has exactly the currency's minor units as
 * its scale (3.000 KWD, 3.00 USD), so record equality is value equality. Negative amounts are
 * allowed here because balance arithmetic needs them; payments are validated by {@link MoneyParser}.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int minorUnits = Currencies.minorUnits(currency);
        try {
            // Never round (R1): an amount finer than the currency allows is an error, not a value.
            amount = amount.setScale(minorUnits, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new MoneyException(MoneyException.INVALID_AMOUNT,
                    "amount \"" + MoneyParser.shorten(amount.toPlainString()) + "\" has more decimals than "
                            + currency.getCurrencyCode() + " allows (" + minorUnits + ")");
        }
    }

    /** Strictly parses a payment amount (must be > 0) and its currency code. */
    public static Money of(String amount, String currencyCode) {
        return MoneyParser.parsePositive(amount, Currencies.parse(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** E.g. ofMinor(3050, KWD) is 3.050 KWD (3050 fils). */
    public static Money ofMinor(long minorUnits, Currency currency) {
        return new Money(BigDecimal.valueOf(minorUnits, Currencies.minorUnits(currency)), currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    /** The amount with all its minor units and no exponent, e.g. "3.050". */
    public String toPlainString() {
        return amount.toPlainString();
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }

    private void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + this + " and " + other);
        }
    }
}
