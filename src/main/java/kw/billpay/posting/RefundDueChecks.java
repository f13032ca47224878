package kw.billpay.posting;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kw.billpay.account.AccountRepository;
import kw.billpay.core.account.Account;
import kw.billpay.core.account.AccountNumbers;
import kw.billpay.core.allocation.CreditBalancePolicy;
import kw.billpay.core.money.FxRates;
import kw.billpay.core.money.Money;
import kw.billpay.core.payment.Payment;
import kw.billpay.core.payment.PaymentFlag;
import kw.billpay.core.payment.PaymentStatus;
import kw.billpay.core.payment.PostingRules;
import kw.billpay.issuer.IssuerRegistry;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R13 checks made late: the refund threshold is in the issuer's currency (USD for amex-kw), so a payment that added
 * credit balance to an account in another currency while no rate converted the threshold at its value time was posted
 * with its check recorded ({@link RefundDueRepository}). When rates arrive ({@code release-pending-fx} in
 * {@code routes/posting.camel.yaml}), each check whose rate is now known is made as it would have been then: the part
 * above the threshold that the payment added is due back (refund_due, the payment flagged REFUND_DUE). A reversal
 * cuts the refunds due that the credit it took away had counted toward ({@link #afterReversal}).
 */
@Service
@RequiredArgsConstructor
@Slf4j
public class RefundDueChecks {

    private static final int PAGE = 1_000;

    private final RefundDueRepository checks;
    private final PaymentRepository ledger;
    private final AccountRepository accounts;
    private final FxRates fxRates;
    private final IssuerRegistry issuers;
    private final Clock clock;
    private final TransactionTemplate transaction;

    /**
     * Makes every pending check a rate now allows, each in its own transaction that locks the account before the
     * payment, as a posting does; the others wait for a later rate.
     */
    public void checkPending() {
        int made = 0;
        int due = 0;
        for (List<RefundDueRepository.Check> page = checks.checksAfter(null, PAGE); !page.isEmpty();
             page = page.size() < PAGE ? List.of() : checks.checksAfter(page.get(page.size() - 1).paymentId(), PAGE)) {
            for (RefundDueRepository.Check check : page) {
                Boolean refund = transaction.execute(status -> check(check));
                made += refund == null ? 0 : 1;
                due += Boolean.TRUE.equals(refund) ? 1 : 0;
            }
        }
        if (made > 0) {
            log.info("Refund-due checks made once their rate arrived: {}, of which {} found a refund due", made, due);
        }
    }

    /**
     * R13 with R23, in the reversal's transaction (the account locked): the reversed payment's refund due is cancelled,
     * and the account's other open ones are cut, the newest first, to what is still above the threshold at today's rate,
     * by no more than the credit the reversal took away beyond that refund due. Each cut payment gets a REFUND_DUE_CUT
     * history entry; with no rate for the threshold, nothing else is cut and operations are told.
     */
    void afterReversal(PostingRules rules, Account before, Account after, Payment reversed, String actor) {
        Money ownRefundDue = checks.cancelFor(reversed.paymentId(), before.currency());
        Money atMost = before.balances().creditBalance().minus(after.balances().creditBalance()).minus(ownRefundDue);
        if (!atMost.isPositive()) {
            return;
        }
        Optional<Money> stillAbove = rules.creditAboveThreshold(after.balances().creditBalance(), OffsetDateTime.now(clock));
        if (stillAbove.isEmpty()) {
            log.warn("Refunds due of account {} not checked after reversing payment {}: no rate converts the threshold now",
                    AccountNumbers.mask(after.accountNumber()), reversed.paymentId());
            return;
        }
        List<RefundDueRepository.RefundDue> open = checks.openFor(after.accountNumber(), after.currency());
        List<Money> cut = CreditBalancePolicy.cutTo(open.stream().map(RefundDueRepository.RefundDue::amount).toList(),
                stillAbove.get(), atMost);
        for (int i = 0; i < open.size(); i++) {
            RefundDueRepository.RefundDue record = open.get(i);
            if (cut.get(i).compareTo(record.amount()) != 0) {
                checks.cut(record.id(), cut.get(i));
                ledger.insertEvents(List.of(new PaymentRepository.AuditEntry(record.paymentId(), "REFUND_DUE_CUT", actor,
                        Map.of("from", record.amount().toPlainString(), "to", cut.get(i).toPlainString(), "currency",
                                record.amount().currency().getCurrencyCode(), "reversedPayment",
                                reversed.paymentId().toString()), false)));
            }
        }
    }

    /**
     * Null when the check still waits for a rate; else whether a refund is due: the part above the threshold the payment
     * added then, but no more than the account's credit is still above it beside the refunds already due (a reversal
     * since may have taken away credit this payment's excess stood on, R23).
     */
    private Boolean check(RefundDueRepository.Check check) {
        UUID id = check.paymentId();
        Account account = accounts.lockForPosting(ledger.accountOf(id).orElseThrow(() -> PaymentIds.unknown(id)))
                .orElseThrow();
        Payment payment = ledger.lock(id).orElseThrow(() -> PaymentIds.unknown(id));
        // reversed meanwhile, or the account's currency changed (which needs its credit gone): the credit it made is gone
        if (payment.status() != PaymentStatus.POSTED || !account.currency().equals(payment.billingCurrency())) {
            checks.checkDone(id);
            return false;
        }
        PostingRules rules = new PostingRules(issuers.get(account.issuerId()), fxRates, clock.getZone());
        if (!rules.refundThresholdKnown(payment.billingCurrency(), payment.valueTime())) {
            return null;
        }
        Money before = new Money(check.creditBefore(), payment.billingCurrency());
        Money after = new Money(check.creditAfter(), payment.billingCurrency());
        Money stillAbove = rules.creditAboveThreshold(account.balances().creditBalance(), payment.valueTime())
                .orElseThrow().minus(checks.openFor(account.accountNumber(), payment.billingCurrency()).stream()
                        .map(RefundDueRepository.RefundDue::amount).reduce(Money.zero(payment.billingCurrency()), Money::plus));
        boolean isDue = rules.refundDue(before, after, payment.valueTime()).map(added -> added.min(stillAbove))
                .filter(Money::isPositive).map(amount -> {
            checks.insert(payment.accountNumber(), id, amount);
            ledger.addFlag(payment, PaymentFlag.REFUND_DUE, new PaymentRepository.AuditEntry(id, "REFUND_DUE",
                    "refund-check", Map.of("amount", amount.toPlainString(), "currency", amount.currency().getCurrencyCode()), false));
            return true;
        }).orElse(false);
        checks.checkDone(id);
        return isDue;
    }
}
