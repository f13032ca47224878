package kw.billpay.posting;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kw.billpay.account.AccountRepository;
import kw.billpay.core.Refusal;
import kw.billpay.core.account.Account;
import kw.billpay.core.account.AccountNumbers;
import kw.billpay.core.money.FxRate;
import kw.billpay.core.money.FxRates;
import kw.billpay.core.payment.LedgerEvents;
import kw.billpay.core.payment.Payment;
import kw.billpay.core.payment.PaymentCommand;
import kw.billpay.core.payment.PaymentFlag;
import kw.billpay.core.payment.PaymentIntent;
import kw.billpay.core.payment.PaymentLifecycle;
import kw.billpay.core.payment.PaymentStatus;
import kw.billpay.core.payment.Posting;
import kw.billpay.core.payment.PostingResult;
import kw.billpay.core.payment.PostingRules;
import kw.billpay.issuer.IssuerRegistry;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The posting core every channel reaches through {@code routes/posting.camel.yaml}. Each method is one database
 * transaction: it locks the accounts it changes first (payments to one account apply one at a time, R14, without a
 * global lock), asks the domain core what to do ({@link PaymentLifecycle} for the step, {@link PostingRules} for the
 * money), and writes the payment, its allocations (R11), the account's balances and the audit entry (R25) that is also
 * the outbox event, all in the same commit.
 */
@Service
@RequiredArgsConstructor
@Slf4j
public class PostingService {

    private final AccountRepository accounts;
    private final PaymentRepository ledger;
    private final RefundDueRepository refunds;
    private final RefundDueChecks refundsDue;
    private final FxRates fxRates;
    private final IssuerRegistry issuers;
    private final Clock clock;

    /**
     * Takes in payments a channel received, one (a teller's) or many (a bank file's batch), in one transaction. Every
     * account is locked once, in account-number order, and the payments to one account are applied in the order given
     * (R14), each seeing the balances the one before it left. A cheque or draft waits for clearing (R19); anything else
     * is posted now, or held as PENDING_FX when its conversion has no rate yet. A payment the payer can still take back
     * ({@link PaymentIntent#refusable()}) is refused when its account is closed or its currency has no rate; money
     * already received is never refused for that (R8), only for an unknown account or an amount too small to convert.
     */
    @Transactional
    public PostingResult receive(List<PaymentIntent> intents) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, Account> locked = accounts.lockAllForPosting(intents.stream().map(PaymentIntent::accountNumber).toList());
        FxRates rates = intents.size() == 1 ? fxRates : cached(fxRates);
        LedgerWrites writes = new LedgerWrites();
        Map<String, Refusal> refused = new LinkedHashMap<>();
        for (PaymentIntent intent : intents) {
            Account account = locked.get(intent.accountNumber());
            try {
                if (account == null) {
                    throw unknownAccount(intent.accountNumber());
                }
                receive(intent, account, rulesFor(account, rates), now, writes).ifPresent(a -> locked.put(a.accountNumber(), a));
            } catch (Refusal refusal) {
                refused.put(intent.sourceKey(), refusal);
            }
        }
        return new PostingResult(writes.write(ledger, accounts, refunds), refused);
    }

    /** One payment whose payer waits for the answer: recorded, or its refusal thrown. */
    @Transactional
    public Payment receiveOne(PaymentIntent intent) {
        return receive(List.of(intent)).single();
    }

    /** Gathers the writes for one intent; returns the account as the posting leaves it, when it posted. */
    private Optional<Account> receive(PaymentIntent intent, Account account, PostingRules rules, OffsetDateTime now,
                                      LedgerWrites writes) {
        if (intent.refusable()) {
            PostingRules.requireOpen(account);
            rules.requireRate(intent.received().currency(), account, now);
        }
        if (intent.method().needsClearing()) {
            Payment held = Payment.of(intent, account.currency(), PaymentStatus.PENDING_CLEARING, now);
            writes.held(held, entry(held.paymentId(), "RECEIVED", intent.actor(), Map.of("status", "PENDING_CLEARING")));
            return Optional.empty();
        }
        Set<PaymentFlag> flags = intent.refusable() ? intent.flags()
                : rules.reviewFlags(intent.received(), intent.valueTime(), intent.flags());
        Optional<Posting> posting = rules.posting(account, intent.received(), intent.valueTime(), flags);
        if (posting.isEmpty()) {
            Payment held = Payment.of(intent, account.currency(), PaymentStatus.PENDING_FX, now);
            writes.held(held, entry(held.paymentId(), "PENDING_FX", intent.actor(), needsRate(held, account)));
            return Optional.empty();
        }
        Payment payment = Payment.of(intent, account.currency(), PaymentStatus.POSTED, now)
                .posted(posting.get(), PaymentStatus.POSTED, intent.valueTime());
        Account after = rules.after(account, intent.valueTime(), posting.get());
        writes.posted(payment, postedEntry(payment, account, intent.actor()), after, posting.get().refundDue());
        refundCheckWaiting(rules, payment, posting.get()).ifPresent(writes::refundCheckWaits);
        return Optional.of(after);
    }

    /**
     * Records an online payment the customer is about to make on KNET's page: status INITIATED, no balance touched.
     * Refused now, before any call to KNET, when the account is unknown or closed, when the amount is outside the
     * issuer's online minimum and maximum (R6, R7), or when the conversion to the account's currency has no rate.
     */
    @Transactional
    public Payment initiate(PaymentIntent intent) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Account account = accounts.find(intent.accountNumber()).orElseThrow(() -> unknownAccount(intent.accountNumber()));
        PostingRules rules = rulesFor(account, fxRates);
        PostingRules.requireOpen(account);
        rules.requireWithinOnlineLimits(intent.received(), now);
        rules.requireRate(intent.received().currency(), account, now);
        Payment intended = Payment.of(intent, account.currency(), PaymentStatus.INITIATED, now);
        String receiptNumber = ledger.insertWithEntry(intended,
                entry(intended.paymentId(), "INITIATED", intent.actor(), Map.of("reference", intent.reference())));
        return intended.withReceiptNumber(receiptNumber);
    }

    /**
     * Applies one step of a recorded payment's lifecycle (clearing, KNET's confirmation or failure, a rate that
     * arrived, a reversal). A step that already happened changes nothing (R22); one that contradicts what happened is
     * refused by {@link PaymentLifecycle}. Steps that move money lock the account before the payment.
     */
    @Transactional
    public Payment apply(PaymentCommand command) {
        UUID id = command.paymentId();
        boolean movesMoney = !(command instanceof PaymentCommand.Fail || command instanceof PaymentCommand.ReturnUncleared);
        Account account = movesMoney ? accounts.lockForPosting(ledger.accountOf(id).orElseThrow(() -> PaymentIds.unknown(id)))
                .orElseThrow() : null;
        Payment payment = ledger.lock(id).orElseThrow(() -> PaymentIds.unknown(id));
        if (PaymentLifecycle.decide(payment.status(), payment.method(), command.step()) == PaymentLifecycle.Decision.UNCHANGED) {
            return payment;
        }
        if (command instanceof PaymentCommand.Clear clear) {
            return post(account, payment, clear.clearedAt(), Set.of(), clear.actor(),
                    entry(id, "CLEARED", clear.actor(), Map.of("clearedAt", clear.clearedAt().toString())));
        }
        if (command instanceof PaymentCommand.ConfirmCapture capture) {
            Set<PaymentFlag> late = payment.status() == PaymentStatus.FAILED ? Set.of(PaymentFlag.LATE_CAPTURE) : Set.of();
            return post(account, payment, capture.capturedAt(), late, capture.actor(),
                    entry(id, "CAPTURED", capture.actor(), capture.knet()));
        }
        if (command instanceof PaymentCommand.ReleaseFx release) {
            return post(account, payment, payment.valueTime(), Set.of(), release.actor(), null);
        }
        if (command instanceof PaymentCommand.ReturnUncleared returned) {
            return ledger.endUnposted(PaymentStatus.RETURNED, returned.reason(),
                    entry(id, "RETURNED", returned.actor(), Map.of("reason", returned.reason())));
        }
        if (command instanceof PaymentCommand.Fail fail) {
            return ledger.endUnposted(PaymentStatus.FAILED, fail.result(),
                    entry(id, "FAILED", fail.actor(), Map.of("result", fail.result())));
        }
        return reverse(account, payment, (PaymentCommand.Reverse) command);
    }

    /**
     * The payments held as PENDING_FX, oldest first, as release commands: read a page at a time, so a large backlog is
     * never held in memory. The route applies each in its own transaction.
     */
    public Iterator<PaymentCommand> pendingFxReleases() {
        return new PendingFxReleases(ledger);
    }

    /**
     * Posts a recorded payment, or holds it as PENDING_FX while its conversion has no rate. {@code cause}, the audit
     * entry of what released it (CLEARED, CAPTURED; null for a rate that arrived), is written with the outcome.
     */
    private Payment post(Account account, Payment held, OffsetDateTime valueTime, Set<PaymentFlag> extraFlags, String actor,
                         PaymentRepository.AuditEntry cause) {
        List<PaymentRepository.AuditEntry> entries = new ArrayList<>(2);
        if (cause != null) {
            entries.add(cause);
        }
        PostingRules rules = rulesFor(account, fxRates);
        EnumSet<PaymentFlag> flags = EnumSet.noneOf(PaymentFlag.class);
        flags.addAll(held.flags());
        flags.addAll(extraFlags);
        Optional<Posting> posting = rules.posting(account, held.received(), valueTime,
                rules.reviewFlags(held.received(), valueTime, flags));
        if (posting.isEmpty()) {
            if (held.status() != PaymentStatus.PENDING_FX) {
                ledger.updateStatus(held.paymentId(), PaymentStatus.PENDING_FX, null, valueTime);
                entries.add(entry(held.paymentId(), "PENDING_FX", actor, needsRate(held, account)));
            }
            ledger.insertEvents(entries);
            return ledger.find(held.paymentId()).orElseThrow();
        }
        Payment posted = held.posted(posting.get(), PaymentStatus.POSTED, valueTime);
        entries.add(postedEntry(posted, account, actor));
        accounts.updateBalances(rules.after(account, valueTime, posting.get()));
        ledger.markPosted(posted, entries);
        if (posting.get().refundDue() != null) {
            refunds.insert(account.accountNumber(), posted.paymentId(), posting.get().refundDue());
        }
        refundCheckWaiting(rules, posted, posting.get()).ifPresent(check -> refunds.insertChecks(List.of(check)));
        return posted;
    }

    /** R13's check of a posting, when no rate converts the threshold yet: recorded, made when a rate arrives (RefundDueChecks). */
    private static Optional<RefundDueRepository.Check> refundCheckWaiting(PostingRules rules, Payment payment, Posting posting) {
        if (!rules.refundCheckNeedsRate(payment.billingCurrency(), posting.allocation(), payment.valueTime())) {
            return Optional.empty();
        }
        return Optional.of(new RefundDueRepository.Check(payment.paymentId(), posting.allocation().before().creditBalance().amount(),
                posting.allocation().after().creditBalance().amount()));
    }

    /**
     * Undoes a posted payment (R23): every bucket gets back exactly what the payment's allocations took from it, the
     * credit balance it made is taken away again, its refund-due record, if any, is cancelled, and the account's other
     * refund-due records are cut to what is still above the threshold (R13).
     */
    private Payment reverse(Account account, Payment posted, PaymentCommand.Reverse reverse) {
        PostingRules rules = rulesFor(account, fxRates);
        Account after = rules.afterReversal(account, posted);
        accounts.updateBalances(after);
        ledger.updateStatus(posted.paymentId(), PaymentStatus.REVERSED, reverse.reason(), null);
        refundsDue.afterReversal(rules, account, after, posted, reverse.actor());
        ledger.insertEvents(List.of(new PaymentRepository.AuditEntry(posted.paymentId(), "REVERSED", reverse.actor(),
                LedgerEvents.reversed(posted, account, reverse.reason()), true)));
        log.info("Reversed payment {} on account {}: {}", posted.paymentId(), AccountNumbers.mask(account.accountNumber()),
                reverse.reason());
        return ledger.find(posted.paymentId()).orElseThrow();
    }

    private PostingRules rulesFor(Account account, FxRates rates) {
        return new PostingRules(issuers.get(account.issuerId()), rates, clock.getZone());
    }

    /** A batch asks for the same few rates many times: each is read once per transaction. */
    private static FxRates cached(FxRates rates) {
        Map<List<Object>, Optional<FxRate>> cache = new HashMap<>();
        return (from, to, at) -> cache.computeIfAbsent(List.of(from, to, at), k -> rates.rateAt(from, to, at));
    }

    private static PaymentRepository.AuditEntry entry(UUID paymentId, String type, String actor, Object detail) {
        return new PaymentRepository.AuditEntry(paymentId, type, actor, detail, false);
    }

    /** The POSTED audit entry, which is also the event downstream systems receive. */
    private static PaymentRepository.AuditEntry postedEntry(Payment payment, Account account, String actor) {
        return new PaymentRepository.AuditEntry(payment.paymentId(), "POSTED", actor, LedgerEvents.posted(payment, account), true);
    }

    private static Map<String, String> needsRate(Payment payment, Account account) {
        return Map.of("needs", payment.received().currency() + "->" + account.currency());
    }

    static Refusal unknownAccount(String accountNumber) {
        return Refusal.unprocessable("UNKNOWN_ACCOUNT", "accountNumber: account " + AccountNumbers.mask(accountNumber) + " is not known");
    }
}
