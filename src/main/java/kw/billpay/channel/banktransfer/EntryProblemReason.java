package kw.billpay.channel.banktransfer;

/**
 * Why one entry ({@code Ntfctn/Ntry}) of an accepted file cannot be taken as it is; the rest of the file is read on
 * (CONTRACT "Bad input": "a bad entry inside a good file ... is recorded ... with its reason, and never stops the rest").
 */
public enum EntryProblemReason {
    /** A value that is not of its type: an amount, a date or a code that cannot be read ({@code Amt} "12,50"). */
    UNREADABLE_VALUE,
    /** No {@code Ntry/Amt}, or an amount without its {@code Ccy} attribute. */
    MISSING_AMOUNT,
    /** {@code Ccy} is not an ISO 4217 currency that carries money. */
    INVALID_CURRENCY,
    /** Zero, negative, more decimals than the currency has, or more than 15 integer digits (the gateway's limit). */
    INVALID_AMOUNT,
    /** No {@code CdtDbtInd}, or a value other than CRDT and DBIT. */
    MISSING_CREDIT_DEBIT,
    /** No {@code Sts} (neither the code of 001.02-001.06 nor the {@code Cd}/{@code Prtry} choice of 001.07-001.08). */
    MISSING_STATUS,
    /** Several {@code TxDtls} and one of them without an amount ({@code TxDtls/Amt} or {@code AmtDtls/TxAmt}): how the
     * entry's amount is shared among them is unknown. */
    DETAIL_AMOUNT_MISSING,
    /** The {@code TxDtls} amounts (all in the entry's currency) do not add up to the entry's amount. */
    DETAILS_SUM_MISMATCH
}
