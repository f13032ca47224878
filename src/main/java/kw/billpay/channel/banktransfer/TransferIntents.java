package kw.billpay.channel.banktransfer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import kw.billpay.channel.banktransfer.BankTransferRepository.StoredLine;
import kw.billpay.core.money.Currencies;
import kw.billpay.core.money.Money;
import kw.billpay.core.payment.Channel;
import kw.billpay.core.payment.PaymentIntent;
import kw.billpay.core.payment.PaymentMethod;

/**
 * A bank transfer as the posting core takes it: channel BANK_TRANSFER, method TRANSFER, money already received (R8:
 * never refused for a closed account or a missing rate; held PENDING_FX without a rate), its identity the bank's
 * reference (R28), and where it came from (R25): the bank, the file, its MsgId, the reference, the matching rule and
 * the masked remittance.
 */
final class TransferIntents {

    private TransferIntents() {
    }

    /** The payment's unique source key: a transfer is posted once ever, whichever file reports it (R22, R28). */
    static String sourceKey(String bank, String bankReference) {
        return "BT/" + bank + "/" + bankReference;
    }

    /** A transfer without a bank reference, assigned by hand: the suspense item is its identity. */
    static String itemSourceKey(long itemId) {
        return "BT-ITEM/" + itemId;
    }

    static String actor(String bank) {
        return "bank-transfer:" + bank;
    }

    /** A transfer matched to one account in its file. */
    static PaymentIntent matched(TransferFileRun run, TransferLine line) {
        Map<String, String> origin = origin(run.bank().name(), run.fileName(), run.messageId(), line.bankReference(),
                line.position(), line.detailIndex(), line.reason(), line.remittance(), line.debtorName(), line.endToEndId());
        return new PaymentIntent(sourceKey(run.bank().name(), line.bankReference()), Channel.BANK_TRANSFER,
                PaymentMethod.TRANSFER, line.accountNumber(), line.amount(), line.valueTime(), line.bankReference(),
                origin, Set.of(), actor(run.bank().name()), false);
    }

    /** A transfer from suspense, assigned to an account by a supervisor (who is the payment's actor). */
    static PaymentIntent assigned(StoredLine item, String accountNumber, String assignedBy) {
        Map<String, String> origin = origin(item.bank(), item.fileName(), item.messageId(), item.bankReference(),
                item.position(), item.detailIndex(), "ASSIGNED", item.remittance(), item.debtorName(), item.endToEndId());
        origin.put("assignedBy", assignedBy);
        origin.put("suspenseItem", Long.toString(item.id()));
        origin.put("suspenseReason", item.reason());
        String key = item.bankReference() == null ? itemSourceKey(item.id()) : sourceKey(item.bank(), item.bankReference());
        return new PaymentIntent(key, Channel.BANK_TRANSFER, PaymentMethod.TRANSFER, accountNumber,
                new Money(item.amount(), Currencies.parse(item.currency())), item.valueTime(),
                item.bankReference() == null ? "suspense item " + item.id() : item.bankReference(), origin, Set.of(),
                assignedBy, false);
    }

    private static Map<String, String> origin(String bank, String file, String messageId, String bankReference,
                                              int position, int detailIndex, String rule, String remittance,
                                              String debtorName, String endToEndId) {
        Map<String, String> origin = new LinkedHashMap<>();
        origin.put("bank", bank);
        origin.put("file", file);
        origin.put("msgId", messageId);
        if (bankReference != null) {
            origin.put("acctSvcrRef", bankReference);
        }
        origin.put("entry", detailIndex == 0 ? Integer.toString(position) : position + "/TxDtls " + detailIndex);
        origin.put("rule", rule);
        if (remittance != null) {
            origin.put("remittance", remittance);
        }
        if (debtorName != null) {
            origin.put("debtorName", debtorName);
        }
        if (endToEndId != null) {
            origin.put("endToEndId", endToEndId);
        }
        return origin;
    }
}
