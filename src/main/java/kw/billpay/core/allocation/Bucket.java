package kw.billpay.core.allocation;

/** One slice of what a card account owes, by kind and by age (docs/domain.md, "Allocation"). */
public enum Bucket {
    PREVIOUS_FEES,
    PREVIOUS_CASH,
    PREVIOUS_PURCHASES,
    PREVIOUS_INSTALMENTS,
    CURRENT_INSTALMENTS,
    CURRENT_FEES,
    CURRENT_CASH,
    CURRENT_PURCHASES,
    UNBILLED;

    /** Whether the bucket is on a statement; UNBILLED is activity since the latest one. */
    public boolean billed() {
        return this != UNBILLED;
    }
}
