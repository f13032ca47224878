package kw.billpay.posting;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kw.billpay.core.payment.Payment;
import kw.billpay.core.payment.PaymentEvent;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other features may read of the payments, and the audit entries they may add to a payment's history: the
 * payment tables are the posting feature's own (only {@link PaymentRepository} touches them).
 */
@Service
public class Payments {

    private final PaymentRepository ledger;

    public Payments(PaymentRepository ledger) {
        this.ledger = ledger;
    }

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

    /** Adds an entry to a payment's history (not published downstream), e.g. a KNET callback about it. */
    @Transactional
    public void addToHistory(UUID paymentId, String type, String actor, Map<String, ?> detail) {
        ledger.insertEvents(List.of(new PaymentRepository.AuditEntry(paymentId, type, actor, detail, false)));
    }
}
