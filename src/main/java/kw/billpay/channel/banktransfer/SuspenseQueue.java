package kw.billpay.channel.banktransfer;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import kw.billpay.channel.banktransfer.BankTransferRepository.StoredLine;
import kw.billpay.channel.directdebit.PartnerBank;
import kw.billpay.core.Refusal;
import kw.billpay.core.account.AccountNumbers;
import kw.billpay.core.payment.Channel;
import kw.billpay.core.payment.Payment;
import kw.billpay.posting.Payments;
import kw.billpay.posting.PostPaymentRoute;
import kw.billpay.reconciliation.UnpostedMoney;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The suspense queue (R27): bank transfers received that match no account, or more than one, held (received, not
 * posted) until someone assigns them to an account (then posted like any received payment, the payment's history
 * naming who assigned it) or marks them to be sent back to the payer. A closed item (assigned, returned, or recalled
 * by the bank) is neither assigned nor returned again: 409. Its open items are counted as received and not posted by
 * the reconciliation, and are what a metrics exporter may count ({@link #unposted}).
 */
@Service
@RequiredArgsConstructor
public class SuspenseQueue implements UnpostedMoney {

    /** An item's status in the database while it waits; the API says OPEN. */
    static final String OPEN_IN_TABLE = "SUSPENSE";

    private final BankTransferRepository transfers;
    private final PostPaymentRoute posting;
    private final Payments payments;
    private final Clock clock;

    /** Items in one state (OPEN, ASSIGNED, RETURNED, RECALLED), oldest first, after an id; optionally one bank's. */
    public List<StoredLine> list(String apiStatus, PartnerBank bank, long afterId, int limit) {
        return transfers.suspense(tableStatus(apiStatus), bank == null ? null : bank.name(), afterId, limit);
    }

    public StoredLine get(long id) {
        return transfers.find(id).filter(StoredLine::suspended).orElseThrow(() -> unknown(id));
    }

    /**
     * Posts an open item to the account (money received: a closed account still takes it, R8; an unknown one is
     * refused). Runs in the caller's transaction (the Idempotency-Key's) or its own, so the payment, its history and
     * the closed item commit together, under the item's lock.
     */
    @Transactional
    public StoredLine assign(long id, String accountNumber, String assignedBy) {
        AccountNumbers.requireValid("accountNumber", accountNumber);
        StoredLine item = lockOpen(id, "assigned");
        Payment payment = posting.post(TransferIntents.assigned(item, accountNumber, assignedBy));
        payments.addToHistory(payment.paymentId(), "ASSIGNED_FROM_SUSPENSE", assignedBy, Map.of(
                "suspenseItem", id, "suspenseReason", item.reason(), "why", item.detail() == null ? "" : item.detail(),
                "accountNumber", accountNumber));
        transfers.close(id, "ASSIGNED", accountNumber, payment.paymentId(), assignedBy, OffsetDateTime.now(clock), null);
        return get(id);
    }

    /**
     * Marks an open item to be sent back to the payer: never posted. In the caller's transaction or its own: the item
     * stays locked until it is closed, so an assignment or a bank's recall at the same moment waits and then finds it
     * closed.
     */
    @Transactional
    public StoredLine returnToPayer(long id, String reason, String returnedBy) {
        if (reason == null || reason.isBlank() || reason.length() > 200) {
            throw Refusal.validation("reason: 1 to 200 characters");
        }
        lockOpen(id, "returned");
        transfers.close(id, "RETURNED", null, null, returnedBy, OffsetDateTime.now(clock), reason.strip());
        return get(id);
    }

    /** Bank transfers never posted: in suspense, or sent back from it (returned by hand, recalled by the bank). */
    @Override
    public List<Unposted> unposted() {
        return transfers.unposted().stream().map(u -> new Unposted(Channel.BANK_TRANSFER.name(), u.bank(), u.currency(),
                u.status().equals(OPEN_IN_TABLE) ? UnpostedMoney.SUSPENSE : UnpostedMoney.RETURNED, u.count(), u.amount()))
                .toList();
    }

    private StoredLine lockOpen(long id, String action) {
        StoredLine item = transfers.lock(id).filter(StoredLine::suspended).orElseThrow(() -> unknown(id));
        if (!item.status().equals(OPEN_IN_TABLE)) {
            throw Refusal.conflict("SUSPENSE_ITEM_CLOSED", "suspense item " + id + " is " + item.status()
                    + ": it can no longer be " + action);
        }
        return item;
    }

    /** The API's name of a state (OPEN, ASSIGNED, RETURNED, RECALLED), as the console shows it too. */
    public static String apiStatus(String tableStatus) {
        return tableStatus.equals(OPEN_IN_TABLE) ? "OPEN" : tableStatus;
    }

    private static String tableStatus(String apiStatus) {
        return switch (apiStatus) {
            case "OPEN" -> OPEN_IN_TABLE;
            case "ASSIGNED", "RETURNED", "RECALLED" -> apiStatus;
            default -> throw Refusal.validation("status: one of OPEN, ASSIGNED, RETURNED, RECALLED");
        };
    }

    private static Refusal unknown(long id) {
        return Refusal.notFound("UNKNOWN_SUSPENSE_ITEM", "id: no suspense item " + id);
    }
}
