package kw.billpay.core.allocation;

import java.util.Objects;

import kw.billpay.core.money.Money;

/** The part of a payment that went to one bucket (R11); zero parts are not recorded. */
public record Allocation(Bucket bucket, Money amount) {

    public Allocation {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(amount, "amount");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("allocation to " + bucket + " must be positive, got " + amount);
        }
    }
}
