package kw.billpay.core.allocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import kw.billpay.core.money.Money;

/** Spreads a payment over an account's buckets (R9–R12) and undoes it (R23). Stateless. */
public final class AllocationEngine {

    private AllocationEngine() {
    }

    /**
     * Walks the order; each bucket takes the lesser of what is left and what it holds (R10). Buckets
     * outside the order are never touched (R12). What is left at the end becomes credit balance.
     */
    public static AllocationResult allocate(Money payment, Balances balances, AllocationOrder order) {
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(balances, "balances");
        Objects.requireNonNull(order, "order");
        if (!payment.isPositive()) {
            throw new IllegalArgumentException("payment must be positive, got " + payment);
        }
        if (!payment.currency().equals(balances.currency())) {
            throw new IllegalArgumentException("payment " + payment + " is not in the account's billing currency "
                    + balances.currency() + "; convert it first");
        }
        Money remaining = payment;
        Balances after = balances;
        List<Allocation> allocations = new ArrayList<>();
        for (Bucket bucket : order.buckets()) {
            Money owed = after.get(bucket);
            Money taken = remaining.min(owed);
            if (taken.isPositive()) {
                allocations.add(new Allocation(bucket, taken));
                after = after.withBucket(bucket, owed.minus(taken));
                remaining = remaining.minus(taken);
            }
        }
        after = after.withCreditBalance(after.creditBalance().plus(remaining));
        return new AllocationResult(payment, allocations, remaining, balances, after);
    }

    /**
     * Undoes a posted payment (R23): each bucket gets back exactly what the payment took from it, and
     * the credit balance the payment created is taken back.
     */
    public static Balances reverse(Balances current, List<Allocation> allocations, Money creditBalancePart) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(allocations, "allocations");
        Objects.requireNonNull(creditBalancePart, "creditBalancePart");
        if (creditBalancePart.isNegative()) {
            throw new IllegalArgumentException("credit balance part must not be negative, got " + creditBalancePart);
        }
        Balances restored = current;
        for (Allocation allocation : allocations) {
            Bucket bucket = allocation.bucket();
            restored = restored.withBucket(bucket, restored.get(bucket).plus(allocation.amount()));
        }
        Money credit = restored.creditBalance();
        if (credit.compareTo(creditBalancePart) >= 0) {
            return restored.withCreditBalance(credit.minus(creditBalancePart));
        }
        // Design choice: the credit was used up after posting, so the reversed money was in effect
        // spent. The customer owes that shortfall again; it is new activity, hence UNBILLED.
        Money shortfall = creditBalancePart.minus(credit);
        return restored.withCreditBalance(Money.zero(current.currency()))
                .withBucket(Bucket.UNBILLED, restored.get(Bucket.UNBILLED).plus(shortfall));
    }
}
