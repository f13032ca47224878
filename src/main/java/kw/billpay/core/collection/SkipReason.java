package kw.billpay.core.collection;

/** Why a run asks nothing of an active mandate (CONTRACT: "Nothing to collect … or an account not OPEN: no record"). */
public enum SkipReason {
    /** The card account is BLOCKED or CLOSED (R29). */
    ACCOUNT_NOT_OPEN,
    /** Paid since the statement, or nothing owed: a run never asks for zero (R30). */
    NOTHING_DUE,
    /** A USD account's amount cannot be converted to KWD: no rate either way is in force. */
    NO_FX_RATE
}
