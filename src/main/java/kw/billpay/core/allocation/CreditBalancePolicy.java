package kw.billpay.core.allocation;

import java.util.ArrayList;
import java.util.List;
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

    /**
     * R13 with R23: once a reversal has taken its credit away, the account's other open refund-due amounts must together
     * be no more than what is still above the threshold. They are cut from the newest, each down to zero (cancelled)
     * before the next older one is cut, by no more than the reversal took away: what a record holds beyond that (the
     * threshold converted at another rate since) is not the reversal's to undo. The answer holds each record's new
     * amount, in the order given.
     *
     * @param openNewestFirst the other open refund-due amounts of one account, newest first
     * @param stillAbove      the part of the credit balance left that is above the threshold (zero when none is)
     * @param atMost          the credit the reversal took away, less the reversed payment's own refund due it cancelled
     */
    public static List<Money> cutTo(List<Money> openNewestFirst, Money stillAbove, Money atMost) {
        Objects.requireNonNull(stillAbove, "stillAbove");
        Money over = openNewestFirst.stream().reduce(Money.zero(stillAbove.currency()), Money::plus).minus(stillAbove)
                .min(atMost);
        List<Money> cut = new ArrayList<>(openNewestFirst.size());
        for (Money amount : openNewestFirst) {
            Money taken = over.isPositive() ? over.min(amount) : Money.zero(amount.currency());
            cut.add(amount.minus(taken));
            over = over.minus(taken);
        }
        return List.copyOf(cut);
    }
}
