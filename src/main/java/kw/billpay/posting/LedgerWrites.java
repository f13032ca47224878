package kw.billpay.posting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kw.billpay.account.AccountRepository;
import kw.billpay.core.account.Account;
import kw.billpay.core.money.Money;
import kw.billpay.core.payment.Payment;
import kw.billpay.core.payment.PaymentStatus;

/**
 * The writes of one receive transaction, gathered while its payments are computed and written together at the end:
 * one payment (a teller's, a suspense assignment) in as few round trips as it takes, many (a bank file's batch) as JDBC
 * batches, where a statement per row costs PostgreSQL several times more than the row.
 */
final class LedgerWrites {

    private final List<Payment> payments = new ArrayList<>();
    private final List<PaymentRepository.AuditEntry> audit = new ArrayList<>();
    private final Map<String, Account> changedAccounts = new LinkedHashMap<>();
    private final List<Map.Entry<Payment, Money>> refundsDue = new ArrayList<>();
    private final List<RefundDueRepository.Check> refundChecks = new ArrayList<>();

    void held(Payment payment, PaymentRepository.AuditEntry entry) {
        payments.add(payment);
        audit.add(entry);
    }

    void posted(Payment payment, PaymentRepository.AuditEntry entry, Account after, Money refundDue) {
        payments.add(payment);
        audit.add(entry);
        changedAccounts.put(after.accountNumber(), after);
        if (refundDue != null) {
            refundsDue.add(Map.entry(payment, refundDue));
        }
    }

    /** A posted payment's R13 check that waits for a rate to convert the threshold. */
    void refundCheckWaits(RefundDueRepository.Check check) {
        refundChecks.add(check);
    }

    /** Writes everything; returns the payments as stored (a branch payment with its receipt number). */
    Map<String, Payment> write(PaymentRepository ledger, AccountRepository accounts, RefundDueRepository refunds) {
        Map<String, Payment> stored = new LinkedHashMap<>();
        if (payments.size() == 1) {
            Payment payment = payments.get(0);
            changedAccounts.values().forEach(accounts::updateBalances);
            String receiptNumber = payment.status() == PaymentStatus.POSTED
                    ? ledger.insertPosted(payment, audit.get(0))
                    : ledger.insertWithEntry(payment, audit.get(0));
            stored.put(payment.sourceKey(), payment.withReceiptNumber(receiptNumber));
        } else if (!payments.isEmpty()) {
            ledger.insertAll(payments);
            ledger.insertAllocations(payments);
            accounts.updateBalancesAll(changedAccounts.values());
            ledger.insertEvents(audit);
            payments.forEach(p -> stored.put(p.sourceKey(), p));
        }
        refundsDue.forEach(r -> refunds.insert(r.getKey().accountNumber(), r.getKey().paymentId(), r.getValue()));
        if (!refundChecks.isEmpty()) {
            refunds.insertChecks(refundChecks);
        }
        return stored;
    }
}
