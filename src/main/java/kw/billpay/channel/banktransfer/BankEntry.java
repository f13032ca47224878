package kw.billpay.channel.banktransfer;

import java.util.List;
import java.util.Objects;
import kw.billpay.core.money.Money;

/**
 * One {@code Ntfctn/Ntry} as read, the same for every camt.054 version and bank.
 *
 * @param entryReference           {@code Ntry/NtryRef} (may be null)
 * @param accountServicerReference {@code Ntry/AcctSvcrRef}: the bank's reference of the entry (may be null)
 * @param amount                   {@code Ntry/Amt} with its {@code Ccy}: greater than zero, exact in the currency
 * @param creditDebit              {@code Ntry/CdtDbtInd}
 * @param status                   {@code Ntry/Sts}
 * @param statusCode               {@code Ntry/Sts} as written ({@code Sts/Cd} or {@code Sts/Prtry} from 001.07)
 * @param bookingDate              {@code Ntry/BookgDt} (may be null, e.g. for PDNG)
 * @param valueDate                {@code Ntry/ValDt} (may be null)
 * @param reversal                 {@code Ntry/RvslInd} true: the entry reverses an earlier one
 * @param bankTransactionCode      {@code Ntry/BkTxCd}: {@code Domn/Cd/Fmly/Cd/SubFmlyCd} as "PMNT/RCDT/ESCT", else
 *                                 {@code Prtry/Cd} (may be null)
 * @param additionalInfo           {@code Ntry/AddtlNtryInf} (may be null)
 * @param transactions             {@code Ntry/NtryDtls/TxDtls} of every {@code NtryDtls}, in file order; empty when the
 *                                 bank gives no details (the contract makes such an entry one transfer of its amount)
 */
public record BankEntry(int position, AccountNotification notification, String entryReference,
                        String accountServicerReference, Money amount, CreditDebit creditDebit, EntryStatus status,
                        String statusCode, EntryDate bookingDate, EntryDate valueDate, boolean reversal,
                        String bankTransactionCode, String additionalInfo, List<TransactionDetail> transactions)
        implements EntryRead {

    public BankEntry {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(creditDebit, "creditDebit");
        Objects.requireNonNull(status, "status");
        transactions = List.copyOf(transactions);
    }

    /** {@code CdtDbtInd} of an entry. */
    public enum CreditDebit { CRDT, DBIT }

    /**
     * {@code Ntry/Sts}: BOOK booked, PDNG pending, INFO information only, FUTR (001.07 on) booked in the future;
     * OTHER a proprietary status ({@code Sts/Prtry}) or a code this list does not know.
     */
    public enum EntryStatus {
        BOOK, PDNG, INFO, FUTR, OTHER;

        static EntryStatus of(String code) {
            for (EntryStatus status : values()) {
                if (status != OTHER && status.name().equals(code)) {
                    return status;
                }
            }
            return OTHER;
        }
    }
}
