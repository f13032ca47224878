package kw.billpay.core.allocation;

import java.util.List;
import java.util.Objects;

import kw.billpay.core.money.Money;

/** Where every fils of one payment went (R11), with the balances before and after. */
public record AllocationResult(Money payment, List<Allocation> allocations, Money creditBalancePart,
                               Balances before, Balances after) {

    public AllocationResult {
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(creditBalancePart, "creditBalancePart");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        allocations = List.copyOf(allocations);
        if (creditBalancePart.isNegative()) {
            throw new IllegalStateException("credit balance part must not be negative, got " + creditBalancePart);
        }
        // Conservation guard (R11, R24): reaching this means a bug in allocation, so refuse to
        // produce a result that would lose or invent money.
        Money accounted = creditBalancePart;
        for (Allocation allocation : allocations) {
            accounted = accounted.plus(allocation.amount());
        }
        if (!accounted.equals(payment)) {
            throw new IllegalStateException("allocations " + allocations + " plus credit balance part "
                    + creditBalancePart + " make " + accounted + ", not the payment " + payment);
        }
    }
}
