package kw.billpay.core.allocation;

import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import kw.billpay.core.money.Money;

/**
 * Immutable snapshot of what an account owes, in its billing currency: every bucket (none negative)
 * and the credit balance the customer has overpaid (never negative; kept apart from the buckets so
 * that overpayments are visible, not netted away).
 */
public final class Balances {

    private final Currency currency;
    private final Map<Bucket, Money> buckets;
    private final Money creditBalance;

    private Balances(Currency currency, EnumMap<Bucket, Money> buckets, Money creditBalance) {
        this.currency = currency;
        this.buckets = Collections.unmodifiableMap(buckets);
        this.creditBalance = creditBalance;
    }

    /** Buckets missing from the map hold zero. */
    public static Balances of(Currency currency, Map<Bucket, Money> buckets, Money creditBalance) {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(buckets, "buckets");
        EnumMap<Bucket, Money> complete = new EnumMap<>(Bucket.class);
        for (Bucket bucket : Bucket.values()) {
            Money amount = buckets.getOrDefault(bucket, Money.zero(currency));
            complete.put(bucket, requireValid("bucket " + bucket, amount, currency));
        }
        return new Balances(currency, complete, requireValid("credit balance", creditBalance, currency));
    }

    public static Balances zero(Currency currency) {
        return of(currency, Map.of(), Money.zero(currency));
    }

    public Currency currency() {
        return currency;
    }

    public Money get(Bucket bucket) {
        return buckets.get(Objects.requireNonNull(bucket, "bucket"));
    }

    /** Every bucket, in enum order; unmodifiable. */
    public Map<Bucket, Money> buckets() {
        return buckets;
    }

    public Money creditBalance() {
        return creditBalance;
    }

    /** Sum of the billed buckets (everything but UNBILLED). */
    public Money statementBalance() {
        Money sum = Money.zero(currency);
        for (Map.Entry<Bucket, Money> entry : buckets.entrySet()) {
            if (entry.getKey().billed()) {
                sum = sum.plus(entry.getValue());
            }
        }
        return sum;
    }

    /** Sum of all buckets, billed and unbilled. */
    public Money totalOwed() {
        Money sum = Money.zero(currency);
        for (Money amount : buckets.values()) {
            sum = sum.plus(amount);
        }
        return sum;
    }

    public Balances withBucket(Bucket bucket, Money amount) {
        Objects.requireNonNull(bucket, "bucket");
        EnumMap<Bucket, Money> changed = new EnumMap<>(buckets);
        changed.put(bucket, requireValid("bucket " + bucket, amount, currency));
        return new Balances(currency, changed, creditBalance);
    }

    public Balances withCreditBalance(Money amount) {
        return new Balances(currency, new EnumMap<>(buckets), requireValid("credit balance", amount, currency));
    }

    private static Money requireValid(String what, Money amount, Currency currency) {
        Objects.requireNonNull(amount, what);
        if (!amount.currency().equals(currency)) {
            throw new IllegalArgumentException(what + " is " + amount + " but the account is billed in " + currency);
        }
        if (amount.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, got " + amount);
        }
        return amount;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Balances that
                && currency.equals(that.currency)
                && buckets.equals(that.buckets)
                && creditBalance.equals(that.creditBalance);
    }

    @Override
    public int hashCode() {
        return Objects.hash(currency, buckets, creditBalance);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Balances[").append(currency.getCurrencyCode());
        buckets.forEach((bucket, amount) ->
                text.append(", ").append(bucket).append('=').append(amount.toPlainString()));
        return text.append(", creditBalance=").append(creditBalance.toPlainString()).append(']').toString();
    }
}
