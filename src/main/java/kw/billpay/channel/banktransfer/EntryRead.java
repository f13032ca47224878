package kw.billpay.channel.banktransfer;

/**
 * What the reader gives for one {@code Ntfctn/Ntry}, in file order: the entry, or the problem that keeps it from being
 * taken (the rest of the file is read on either way).
 */
public sealed interface EntryRead permits BankEntry, EntryProblem {

    /** 1 for the first {@code Ntry} of the file, counted over all its {@code Ntfctn}. */
    int position();

    /** The {@code Ntfctn} the entry stands in. */
    AccountNotification notification();
}
