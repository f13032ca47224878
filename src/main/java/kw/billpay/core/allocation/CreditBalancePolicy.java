package kw.billpay.core.allocation;

import java.util.Objects;
import java.util.Optional;

import kw.billpay.core.money.Money;

/** When an overpaid account must be refunded (R13). */
public final class CreditBalancePolicy {

    private CreditBalancePolicy() {
    }

    /** The excess above the threshold, when the credit balance exceeds it; otherwise empty. */
    public static Optional<Money> refundDue(Money creditBalance, Money threshold) {
        Objects.requireNonNull(creditBalance, "creditBalance");
        Objects.requireNonNull(threshold, "threshold");
        if (!creditBalance.currency().equals(threshold.currency())) {
            throw new IllegalArgumentException("credit balance " + creditBalance + " and refund threshold "
                    + threshold + " must be in the same currency; convert the threshold first");
        }
        if (creditBalance.compareTo(threshold) <= 0) {
            return Optional.empty();
        }
        return Optional.of(creditBalance.minus(threshold));
    }
}
