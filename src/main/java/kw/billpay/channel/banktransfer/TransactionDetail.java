package kw.billpay.channel.banktransfer;

import java.util.List;
import java.util.Objects;
import kw.billpay.core.money.Money;

/**
 * One {@code Ntry/NtryDtls/TxDtls}: one transfer of a (possibly batched) entry.
 *
 * @param accountServicerReference {@code TxDtls/Refs/AcctSvcrRef}: the bank's own reference of this transfer (may be null)
 * @param endToEndId               {@code TxDtls/Refs/EndToEndId} (may be null, or NOTPROVIDED as many banks write)
 * @param transactionId            {@code TxDtls/Refs/TxId} (may be null)
 * @param amount                   {@code TxDtls/Amt} (001.03 on), else {@code TxDtls/AmtDtls/TxAmt/Amt}, else the
 *                                 entry's amount when the entry has this one detail only
 * @param debtorName               {@code TxDtls/RltdPties/Dbtr/Nm} (001.07 on {@code Dbtr/Pty/Nm}; may be null)
 * @param unstructured             {@code TxDtls/RmtInf/Ustrd} lines, as written (raw: may hold a card number)
 * @param creditorReferences       {@code TxDtls/RmtInf/Strd/CdtrRefInf/Ref} values, as written
 * @param returnInfo               {@code TxDtls/RtrInf}, or null when the transfer is no return
 */
public record TransactionDetail(String accountServicerReference, String endToEndId, String transactionId,
                                Money amount, String debtorName, List<String> unstructured,
                                List<String> creditorReferences, ReturnInfo returnInfo) {

    public TransactionDetail {
        Objects.requireNonNull(amount, "amount");
        unstructured = List.copyOf(unstructured);
        creditorReferences = List.copyOf(creditorReferences);
    }

    /** Remittance masked (RemittanceMasking): an entry is logged, and its text may hold a card number. */
    @Override
    public String toString() {
        return "TransactionDetail[accountServicerReference=" + accountServicerReference + ", endToEndId=" + endToEndId
                + ", transactionId=" + transactionId + ", amount=" + amount + ", debtorName=" + debtorName
                + ", unstructured=" + RemittanceMasking.maskLines(unstructured) + ", creditorReferences="
                + creditorReferences.stream().map(RemittanceMasking::mask).toList() + ", returnInfo=" + returnInfo + "]";
    }
}
