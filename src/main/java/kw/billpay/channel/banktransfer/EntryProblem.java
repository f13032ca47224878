package kw.billpay.channel.banktransfer;

import java.util.Objects;

/**
 * An entry that cannot be taken, with what identifies it as far as it could be read (either reference may be null).
 *
 * @param entryReference           {@code Ntry/NtryRef}
 * @param accountServicerReference {@code Ntry/AcctSvcrRef}
 * @param detail                   what was wrong, for the file's record (no card number: amounts, codes, element paths)
 */
public record EntryProblem(int position, AccountNotification notification, String entryReference,
                           String accountServicerReference, EntryProblemReason reason, String detail)
        implements EntryRead {

    public EntryProblem {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
