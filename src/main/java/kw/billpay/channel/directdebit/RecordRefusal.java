package kw.billpay.channel.directdebit;

/**
 * Why one D record of an accepted file is refused alone, the rest of the file being posted (CONTRACT "Direct-debit
 * result files", second list). The name is the reason written in the record's R line.
 */
public enum RecordRefusal {
    /** The account number is not one of the gateway's accounts (or not an account number at all). */
    UNKNOWN_ACCOUNT,
    /** A COLLECTED record whose amount is not a positive amount in the file's currency (R1, R2). */
    INVALID_AMOUNT,
    /** A seq an earlier line of the same file already used. */
    DUPLICATE_SEQ,
    /** A collectionDate that is not a date in yyyyMMdd. */
    INVALID_DATE,
    /** A D line without its eight fields, with an unreadable seq, or with a status other than the two allowed. */
    INVALID_RECORD,
    /** A COLLECTED amount that would take the account's balances past what the ledger holds (numeric(19,3)). */
    AMOUNT_TOO_LARGE
}
