package kw.billpay.posting;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kw.billpay.core.payment.Payment;
import kw.billpay.core.payment.PaymentEvent;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other features may read of the payments, and the audit entries they may add to a payment's history: the
 * payment tables are the posting feature's own (only {@link PaymentRepository} touches them).
 */
@Service
@RequiredArgsConstructor
public class Payments {

    private final PaymentRepository ledger;
    private final RefundDueRepository refunds;
    private final TillTotals tills;

    public Optional<Payment> find(UUID paymentId) {
        return ledger.find(paymentId);
    }

    /** The payment a channel recorded under its own identity of it (a KNET track id, a bank file's line…). */
    public Optional<Payment> findBySourceKey(String sourceKey) {
        return ledger.findBySourceKey(sourceKey);
    }

    /** A payment's audit trail (R25), oldest first. */
    public List<PaymentEvent> history(UUID paymentId) {
        return ledger.events(paymentId);
    }

    public List<Payment> ofAccount(String accountNumber, int limit) {
        return ledger.listByAccount(accountNumber, limit);
    }

    /** Online payments still waiting for KNET's result, oldest first. */
    public List<Payment> awaitingKnet(int limit) {
        return ledger.initiated(limit);
    }

    /**
     * Cheques and drafts waiting for their clearing result, oldest first: after the payment {@code after} (null: from
     * the oldest); with a {@code number} (letters and digits), only the cheques and drafts of that number or ending so.
     */
    public List<Payment> awaitingClearing(UUID after, String number, int limit) {
        return ledger.pendingClearing(after, number, limit);
    }

    /** How many cheques and drafts wait for their clearing result. */
    public int countAwaitingClearing() {
        return ledger.countPendingClearing();
    }

    /** The open refund-due records (R13), oldest first. */
    public List<RefundDueRepository.RefundDue> openRefundsDue(int limit) {
        return refunds.open(limit);
    }

    /** What a teller took in between two times, per method and currency received (the till's expected side). */
    public List<TillTotals.Line> takenBy(String teller, OffsetDateTime from, OffsetDateTime to) {
        return tills.takenBy(teller, from, to);
    }

    /** Adds an entry to a payment's history (not published downstream), e.g. a KNET callback about it. */
    @Transactional
    public void addToHistory(UUID paymentId, String type, String actor, Map<String, ?> detail) {
        ledger.insertEvents(List.of(new PaymentRepository.AuditEntry(paymentId, type, actor, detail, false)));
    }
}
