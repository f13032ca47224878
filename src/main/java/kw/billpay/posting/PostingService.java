package kw.billpay.posting;

import kw.billpay.core.payment.Payment;
import kw.billpay.core.payment.PaymentIntent;
import kw.billpay.core.payment.PaymentFlag;
import kw.billpay.core.payment.PaymentStatus;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kw.billpay.core.account.Account;
import kw.billpay.core.account.AccountNumbers;
import kw.billpay.account.AccountRepository;
import kw.billpay.core.account.AccountStatus;
import kw.billpay.core.allocation.Allocation;
import kw.billpay.core.allocation.AllocationEngine;
import kw.billpay.core.allocation.AllocationResult;
import kw.billpay.core.allocation.CreditBalancePolicy;
import kw.billpay.core.issuer.Issuer;
import kw.billpay.issuer.IssuerRegistry;
import kw.billpay.core.money.Conversion;
import kw.billpay.core.money.FxConverter;
import kw.billpay.core.money.FxRate;
import kw.billpay.core.money.FxRates;
import kw.billpay.core.money.Money;
import kw.billpay.core.money.MoneyException;
import kw.billpay.core.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one posting core every channel uses. Each method is one database transaction that locks the account row first
 * (payments to one account apply one at a time, R14, without a global lock), changes balances only through the
 * allocation engine, records every allocation (R11) and an audit entry (R25), and puts the event for downstream
 * systems in the outbox in the same commit.
 */
@Service
public class PostingService {

    private static final Logger log = LoggerFactory.getLogger(PostingService.class);

    private final AccountRepository accounts;
    private final PaymentRepository payments;
    private final FxRates fxRates;
    private final IssuerRegistry issuers;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public PostingService(AccountRepository accounts, PaymentRepository payments, FxRates fxRates,
                          IssuerRegistry issuers, TransactionTemplate transaction, Clock clock) {
        this.accounts = accounts;
        this.payments = payments;
        this.fxRates = fxRates;
        this.issuers = issuers;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Takes in money a channel has received. A cheque or draft waits for clearing (R19); anything else is posted now,
     * or held as PENDING_FX when its conversion has no rate yet (never dropped). A refusable intent is first checked
     * against the account it would be posted to, under the same lock.
     */
    @Transactional
    public Payment receive(PaymentIntent intent) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (intent.method().needsClearing()) {
            Account account = accounts.find(intent.accountNumber()).orElseThrow(() -> unknownAccount(intent));
            if (intent.refusable()) {
                requireOpen(account);
                requireRate(intent.received().currency(), account, now);
            }
            Payment held = newPayment(intent, account.currency(), PaymentStatus.PENDING_CLEARING, null, now);
            Payment stored = insert(held);
            payments.insertEvent(stored.paymentId(), "RECEIVED", intent.actor(), Map.of("status", "PENDING_CLEARING"), false);
            return stored;
        }
        Account account = accounts.lockForPosting(intent.accountNumber()).orElseThrow(() -> unknownAccount(intent));
        if (intent.refusable()) {
            requireOpen(account);
        }
        Optional<Posting> posting = compute(account, intent.received(), intent.valueTime(), intent.flags());
        if (posting.isEmpty() && intent.refusable()) {
            throw noRate(intent.received().currency(), account.currency());
        }
        if (posting.isEmpty()) {
            Payment stored = insert(newPayment(intent, account.currency(), PaymentStatus.PENDING_FX, null, now));
            payments.insertEvent(stored.paymentId(), "PENDING_FX", intent.actor(), Map.of("needs",
                    intent.received().currency() + "->" + account.currency()), false);
            return stored;
        }
        return insertPosted(account, newPayment(intent, account.currency(), PaymentStatus.POSTED, posting.get(), now),
                posting.get(), intent.actor());
    }

    /**
     * Posts money already collected (a bank file's batch), many payments in one transaction. Every account is locked
     * once, all in account-number order, and the payments to one account are applied in the order given (R14), each
     * seeing the balances the one before it left. Money already taken from the customer is posted, or held as
     * PENDING_FX when its conversion has no rate yet (R3); only an unknown account or an amount too small to convert is
     * refused, and the refusal is the channel's to report.
     */
    /**
     * What a batch of collected money became: the stored payments, and the intents that could not be taken, each with
     * its code ({@code UNKNOWN_ACCOUNT}, or {@code INVALID_AMOUNT} for an amount that converts to less than the
     * account's currency can hold), both by source key.
     */
    public record CollectedBatch(Map<String, Payment> stored, Map<String, String> refused) { }

    @Transactional
    public CollectedBatch receiveCollected(List<PaymentIntent> intents) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, Account> locked = accounts.lockAllForPosting(intents.stream().map(PaymentIntent::accountNumber).toList());
        Map<String, Account> changed = new LinkedHashMap<>();
        Map<List<Object>, Optional<FxRate>> rateCache = new HashMap<>();
        Rates rates = (from, to, time) -> rateCache.computeIfAbsent(List.of(from, to, time), k -> fxRates.rateAt(from, to, time));
        Map<String, Payment> stored = new LinkedHashMap<>();
        Map<String, String> refused = new LinkedHashMap<>();
        List<Map.Entry<UUID, List<Allocation>>> allocations = new ArrayList<>();
        List<PaymentRepository.AuditEntry> audit = new ArrayList<>();
        List<Map.Entry<Payment, Money>> refunds = new ArrayList<>();
        for (PaymentIntent intent : intents) {
            if (intent.refusable() || intent.method().needsClearing()) {
                throw new IllegalArgumentException("only collected money is posted in batches: " + intent.sourceKey());
            }
            Account account = locked.get(intent.accountNumber());
            if (account == null) {
                refused.put(intent.sourceKey(), "UNKNOWN_ACCOUNT");
                continue;
            }
            Set<PaymentFlag> flags = reviewFlags(account, intent.received(), intent.valueTime(), intent.flags(), rates);
            Optional<Posting> posting;
            try {
                posting = compute(account, intent.received(), intent.valueTime(), flags, rates);
            } catch (MoneyException e) {
                refused.put(intent.sourceKey(), e.code());
                continue;
            }
            if (posting.isEmpty()) {
                Payment held = newPayment(intent, account.currency(), PaymentStatus.PENDING_FX, null, now);
                stored.put(intent.sourceKey(), held);
                audit.add(new PaymentRepository.AuditEntry(held.paymentId(), "PENDING_FX", intent.actor(),
                        Map.of("needs", intent.received().currency() + "->" + account.currency()), false));
                continue;
            }
            Payment payment = newPayment(intent, account.currency(), PaymentStatus.POSTED, posting.get(), now);
            stored.put(intent.sourceKey(), payment);
            allocations.add(Map.entry(payment.paymentId(), posting.get().allocation().allocations()));
            audit.add(postedEntry(account, payment, posting.get(), intent.actor()));
            if (posting.get().refundDue() != null) {
                refunds.add(Map.entry(payment, posting.get().refundDue()));
            }
            Account after = after(account, payment, posting.get());
            locked.put(account.accountNumber(), after);
            changed.put(account.accountNumber(), after);
        }
        payments.insertAll(stored.values());
        payments.insertAllocations(allocations);
        accounts.updateBalancesAll(changed.values());
        refunds.forEach(r -> payments.insertRefundDue(r.getKey().accountNumber(), r.getKey().paymentId(), r.getValue()));
        payments.insertEvents(audit);
        return new CollectedBatch(stored, refused);
    }

    /**
     * A held cheque or draft has cleared: post it with the clearing time as its value time (R18, R19). Clearing it
     * again changes nothing; clearing a returned one is a conflict.
     */
    @Transactional
    public Payment clear(UUID paymentId, OffsetDateTime clearingTime, String actor) {
        Account account = lockAccountOf(paymentId);
        Payment held = payments.lock(paymentId).orElseThrow();
        requireClearable(held);
        if (held.status() == PaymentStatus.POSTED || held.status() == PaymentStatus.PENDING_FX) {
            return held;
        }
        if (held.status() != PaymentStatus.PENDING_CLEARING) {
            throw clearingConflict(held, "CLEARED");
        }
        return postHeld(account, held, clearingTime, actor, new PaymentRepository.AuditEntry(paymentId, "CLEARED", actor,
                Map.of("clearedAt", clearingTime.toString()), false));
    }

    /**
     * Records an online payment the customer is about to make on KNET's page: status INITIATED, no balance touched.
     * It is refused now, before any call to KNET, when the account is unknown or closed, when the amount is outside the
     * issuer's online minimum and maximum (R6, R7), or when a USD account has no rate for the conversion.
     */
    @Transactional
    public Payment initiate(PaymentIntent intent) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Account account = accounts.find(intent.accountNumber()).orElseThrow(() -> unknownAccount(intent));
        requireOpen(account);
        requireWithinOnlineLimits(issuers.get(account.issuerId()), intent.received(), now);
        requireRate(intent.received().currency(), account, now);
        Payment stored = insert(newPayment(intent, account.currency(), PaymentStatus.INITIATED, null, now));
        payments.insertEvent(stored.paymentId(), "INITIATED", intent.actor(), Map.of("reference", intent.reference()), false);
        return stored;
    }

    /** R6, R7, compared in the payment's currency (at the rate in force when the issuer states a limit in another). */
    private void requireWithinOnlineLimits(Issuer issuer, Money amount, OffsetDateTime now) {
        Money minimum = thresholdIn(issuer.onlineMinimum(), amount.currency(), now)
                .orElseThrow(() -> noRate(issuer.onlineMinimum().currency(), amount.currency()));
        if (amount.compareTo(minimum) < 0) {
            throw Refusal.unprocessable("BELOW_MINIMUM_PAYMENT",
                    "amount: " + amount + " is below the minimum online payment of " + minimum);
        }
        if (issuer.onlineMaximum() != null) {
            Money maximum = thresholdIn(issuer.onlineMaximum(), amount.currency(), now)
                    .orElseThrow(() -> noRate(issuer.onlineMaximum().currency(), amount.currency()));
            if (amount.compareTo(maximum) > 0) {
                throw Refusal.unprocessable("ABOVE_MAXIMUM_PAYMENT",
                        "amount: " + amount + " is above the maximum online payment of " + maximum
                                + "; the customer may pay in several payments");
            }
        }
    }

    /**
     * KNET confirmed, by inquiry, that it captured this online payment: post it with KNET's capture time as its value
     * time (R18, R21). Money KNET took is posted even if the intent had been failed meanwhile (R8); a second
     * confirmation changes nothing.
     */
    @Transactional
    public Payment confirmCaptured(UUID paymentId, OffsetDateTime capturedAt, Map<String, String> knet, String actor) {
        Account account = lockAccountOf(paymentId);
        Payment intent = payments.lock(paymentId).orElseThrow();
        if (intent.status() != PaymentStatus.INITIATED && intent.status() != PaymentStatus.FAILED) {
            return intent;
        }
        return postHeld(account, intent, capturedAt, actor, new PaymentRepository.AuditEntry(paymentId, "CAPTURED", actor,
                knet, false));
    }

    /** KNET did not capture this online payment: it fails with KNET's result and is never posted (R21). */
    @Transactional
    public Payment failInitiated(UUID paymentId, String result, String actor) {
        Payment intent = payments.lock(paymentId).orElseThrow();
        if (intent.status() != PaymentStatus.INITIATED) {
            return intent; // already resolved
        }
        return payments.endUnposted(PaymentStatus.FAILED, result,
                new PaymentRepository.AuditEntry(paymentId, "FAILED", actor, Map.of("result", result), false));
    }

    /** A held cheque or draft bounced: it is never posted (R19). Returning it again changes nothing. */
    @Transactional
    public Payment returnUnposted(UUID paymentId, String reason, String actor) {
        Payment held = payments.lock(paymentId).orElseThrow(() -> PaymentIds.unknown(paymentId));
        requireClearable(held);
        if (held.status() == PaymentStatus.RETURNED) {
            return held;
        }
        if (held.status() != PaymentStatus.PENDING_CLEARING) {
            throw clearingConflict(held, "RETURNED");
        }
        return payments.endUnposted(PaymentStatus.RETURNED, reason,
                new PaymentRepository.AuditEntry(paymentId, "RETURNED", actor, Map.of("reason", reason), false));
    }

    /**
     * Undoes a posted payment (R23): every bucket gets back exactly what the payment's allocations took from it, and
     * the credit balance it made is taken away again.
     */
    @Transactional
    public Payment reverse(UUID paymentId, String reason, String actor) {
        Account account = lockAccountOf(paymentId);
        Payment posted = payments.lock(paymentId).orElseThrow();
        if (posted.status() != PaymentStatus.POSTED) {
            throw Refusal.conflict("NOT_POSTED", "payment " + paymentId + " is " + posted.status() + "; only a POSTED payment can be reversed");
        }
        var restored = AllocationEngine.reverse(account.balances(), posted.allocations(), posted.creditBalancePart());
        Money paid = account.paidSinceStatement();
        if (!posted.valueTime().isBefore(statementStart(account))) {
            paid = paid.minus(posted.posted());
            paid = paid.isNegative() ? Money.zero(account.currency()) : paid;
        }
        accounts.updateBalances(account.withBalances(restored, paid));
        payments.updateStatus(paymentId, PaymentStatus.REVERSED, reason, null);
        Map<String, Object> event = eventBody("PAYMENT_REVERSED", posted, account);
        event.put("reason", reason);
        payments.insertEvent(paymentId, "REVERSED", actor, event, true);
        log.info("Reversed payment {} on account {}: {}", paymentId, AccountNumbers.mask(account.accountNumber()), reason);
        return payments.find(paymentId).orElseThrow();
    }

    /**
     * Posts every PENDING_FX payment whose rate has arrived; each in its own transaction. One that still cannot be
     * posted (an amount that converts to nothing) stays held, logged for review, and does not stop the others.
     * Returns how many were posted.
     */
    public int postPendingFx() {
        int posted = 0;
        long after = 0;
        for (List<PaymentRepository.Held> page = payments.heldForFx(after, 1_000); !page.isEmpty();
             page = payments.heldForFx(after, 1_000)) {
            for (PaymentRepository.Held held : page) {
                try {
                    Boolean done = transaction.execute(status -> {
                        Account account = lockAccountOf(held.paymentId());
                        Payment payment = payments.lock(held.paymentId()).orElseThrow();
                        if (payment.status() != PaymentStatus.PENDING_FX) {
                            return false;
                        }
                        return postHeld(account, payment, payment.valueTime(), "fx-release", null).status() == PaymentStatus.POSTED;
                    });
                    posted += Boolean.TRUE.equals(done) ? 1 : 0;
                } catch (MoneyException e) {
                    log.warn("PENDING_FX payment {} stays held for review: {}", held.paymentId(), e.getMessage());
                }
            }
            after = page.get(page.size() - 1).seq();
        }
        return posted;
    }

    /**
     * Posts a held payment, or holds it as PENDING_FX while its conversion has no rate. {@code cause}, the audit entry
     * of what released it (CLEARED, CAPTURED; null for a rate that arrived), is written with the outcome.
     */
    private Payment postHeld(Account account, Payment held, OffsetDateTime valueTime, String actor,
                             PaymentRepository.AuditEntry cause) {
        List<PaymentRepository.AuditEntry> entries = new ArrayList<>(2);
        if (cause != null) {
            entries.add(cause);
        }
        Set<PaymentFlag> flags = reviewFlags(account, held.received(), valueTime, held.flags(), fxRates::rateAt);
        Optional<Posting> posting = compute(account, held.received(), valueTime, flags);
        if (posting.isEmpty()) {
            if (held.status() != PaymentStatus.PENDING_FX) {
                payments.updateStatus(held.paymentId(), PaymentStatus.PENDING_FX, null, valueTime);
                entries.add(new PaymentRepository.AuditEntry(held.paymentId(), "PENDING_FX", actor, Map.of("needs",
                        held.received().currency() + "->" + account.currency()), false));
            }
            payments.insertEvents(entries);
            return payments.find(held.paymentId()).orElseThrow();
        }
        Payment posted = withPosting(held, posting.get(), PaymentStatus.POSTED, valueTime);
        entries.add(postedEntry(account, posted, posting.get(), actor));
        payments.markPosted(posted, accounts.balancesUpdate(after(account, posted, posting.get())), entries);
        recordRefundDue(account, posted, posting.get());
        return posted;
    }

    /**
     * R8: money already received (a collected direct debit, a cleared cheque, a capture KNET confirmed) is posted even
     * below the issuer's minimum payment, and flagged BELOW_MINIMUM for review. The minimum is compared in the
     * currency the money came in, at the rate in force.
     */
    private Set<PaymentFlag> reviewFlags(Account account, Money received, OffsetDateTime at, Set<PaymentFlag> flags,
                                         Rates rates) {
        Money minimum = thresholdIn(issuers.get(account.issuerId()).onlineMinimum(), received.currency(), at, rates).orElse(null);
        if (minimum == null || received.compareTo(minimum) >= 0 || flags.contains(PaymentFlag.BELOW_MINIMUM)) {
            return flags;
        }
        EnumSet<PaymentFlag> flagged = EnumSet.of(PaymentFlag.BELOW_MINIMUM);
        flagged.addAll(flags);
        return flagged;
    }

    /** Where a posting finds the FX rate in force for a conversion at a time. */
    @FunctionalInterface
    private interface Rates {
        Optional<FxRate> at(Currency from, Currency to, OffsetDateTime time);
    }

    private Optional<Posting> compute(Account account, Money received, OffsetDateTime valueTime, Set<PaymentFlag> flags) {
        return compute(account, received, valueTime, flags, fxRates::rateAt);
    }

    /** What posting this money to this account now would do; empty when the conversion it needs has no rate. */
    private Optional<Posting> compute(Account account, Money received, OffsetDateTime valueTime, Set<PaymentFlag> flags,
                                      Rates rates) {
        Issuer issuer = issuers.get(account.issuerId());
        Conversion conversion = null;
        Money amount = received;
        if (!received.currency().equals(account.currency())) {
            Optional<FxRate> rate = rates.at(received.currency(), account.currency(), valueTime);
            if (rate.isEmpty()) {
                return Optional.empty();
            }
            conversion = FxConverter.convert(received, rate.get());
            amount = conversion.converted();
            if (!amount.isPositive()) {
                throw new MoneyException(MoneyException.INVALID_AMOUNT, "amount " + received + " converts to "
                        + amount + " at " + rate.get().rate().toPlainString() + ": less than the account's currency can hold");
            }
        }
        AllocationResult allocation = AllocationEngine.allocate(amount, account.balances(), issuer.allocationOrder());
        EnumSet<PaymentFlag> allFlags = flags.isEmpty() ? EnumSet.noneOf(PaymentFlag.class) : EnumSet.copyOf(flags);
        Money refundDue = refundDue(issuer, account, allocation, valueTime, rates);
        if (refundDue != null) {
            allFlags.add(PaymentFlag.REFUND_DUE);
        }
        return Optional.of(new Posting(conversion, amount, allocation, refundDue, allFlags));
    }

    /**
     * R13: the part of the credit balance above the issuer's threshold that this payment added. The threshold is in
     * the issuer's currency (USD for amex-kw) and is converted at the rate in force, directly or through the inverse.
     */
    private Money refundDue(Issuer issuer, Account account, AllocationResult allocation, OffsetDateTime valueTime,
                            Rates rates) {
        if (!allocation.creditBalancePart().isPositive()) {
            return null;
        }
        Currency currency = account.currency();
        Money threshold = thresholdIn(issuer.creditBalanceRefundAbove(), currency, valueTime, rates).orElse(null);
        if (threshold == null) {
            log.warn("No {}/{} rate to check the refund threshold of account {}", issuer.creditBalanceRefundAbove().currency(),
                    currency, AccountNumbers.mask(account.accountNumber()));
            return null;
        }
        Money after = CreditBalancePolicy.refundDue(allocation.after().creditBalance(), threshold).orElse(Money.zero(currency));
        Money before = CreditBalancePolicy.refundDue(allocation.before().creditBalance(), threshold).orElse(Money.zero(currency));
        Money added = after.minus(before);
        return added.isPositive() ? added : null;
    }

    private Optional<Money> thresholdIn(Money threshold, Currency currency, OffsetDateTime at) {
        return thresholdIn(threshold, currency, at, fxRates::rateAt);
    }

    private static Optional<Money> thresholdIn(Money threshold, Currency currency, OffsetDateTime at, Rates rates) {
        if (threshold.currency().equals(currency)) {
            return Optional.of(threshold);
        }
        return rates.at(threshold.currency(), currency, at)
                .map(rate -> FxConverter.convert(threshold, rate).converted())
                .or(() -> rates.at(currency, threshold.currency(), at)
                        .map(rate -> FxConverter.convertByInverse(threshold, rate)));
    }

    /**
     * Writes a payment posted on arrival: the payment, its allocations, balances and the audit entry that is also the
     * outbox event in one statement, then its refund due.
     */
    private Payment insertPosted(Account account, Payment payment, Posting posting, String actor) {
        String receiptNumber = payments.insertPosted(payment, accounts.balancesUpdate(after(account, payment, posting)),
                postedEntry(account, payment, posting, actor));
        recordRefundDue(account, payment, posting);
        return withReceiptNumber(payment, receiptNumber);
    }

    private void recordRefundDue(Account account, Payment payment, Posting posting) {
        if (posting.refundDue() != null) {
            payments.insertRefundDue(account.accountNumber(), payment.paymentId(), posting.refundDue());
        }
    }

    /** The account once this posting is applied: its buckets, and what was paid since its statement (R15). */
    private Account after(Account account, Payment payment, Posting posting) {
        Money paid = account.paidSinceStatement();
        if (!payment.valueTime().isBefore(statementStart(account))) {
            paid = paid.plus(posting.amount());
        }
        return account.withBalances(posting.allocation().after(), paid);
    }

    private static PaymentRepository.AuditEntry postedEntry(Account account, Payment payment, Posting posting, String actor) {
        return new PaymentRepository.AuditEntry(payment.paymentId(), "POSTED", actor,
                eventBody("PAYMENT_POSTED", payment.withAllocations(posting.allocation().allocations()), account), true);
    }

    private static Refusal unknownAccount(PaymentIntent intent) {
        return Refusal.unprocessable("UNKNOWN_ACCOUNT",
                "accountNumber: account " + AccountNumbers.mask(intent.accountNumber()) + " is not known");
    }

    /** Payments to a CLOSED account are refused at initiation (CONTRACT "Accounts"); a BLOCKED one is still paid off. */
    private static void requireOpen(Account account) {
        if (account.status() == AccountStatus.CLOSED) {
            throw Refusal.unprocessable("ACCOUNT_NOT_OPEN", "account " + AccountNumbers.mask(account.accountNumber()) + " is closed");
        }
    }

    private void requireRate(Currency from, Account account, OffsetDateTime at) {
        if (!from.equals(account.currency()) && fxRates.rateAt(from, account.currency(), at).isEmpty()) {
            throw noRate(from, account.currency());
        }
    }

    /** Refused at initiation rather than held: the payer can still take the money back (CONTRACT "FX rates"). */
    private static Refusal noRate(Currency from, Currency to) {
        return Refusal.unprocessable("NO_FX_RATE", "no " + from + "->" + to
                + " rate is in force; the payment cannot be taken in " + from);
    }

    private static void requireClearable(Payment payment) {
        if (!payment.method().needsClearing()) {
            throw Refusal.conflict("NOT_CLEARABLE", "payment " + payment.paymentId() + " is " + payment.method()
                    + "; only cheques and demand drafts are cleared");
        }
    }

    private static Refusal clearingConflict(Payment payment, String outcome) {
        return Refusal.conflict("CLEARING_CONFLICT", "payment " + payment.paymentId() + " is already "
                + payment.status() + "; it cannot be " + outcome);
    }

    private Account lockAccountOf(UUID paymentId) {
        return accounts.lockForPostingOf(paymentId).orElseThrow(() -> PaymentIds.unknown(paymentId));
    }

    private OffsetDateTime statementStart(Account account) {
        return account.statementDate().atStartOfDay(clock.getZone()).toOffsetDateTime();
    }

    private Payment insert(Payment payment) {
        return withReceiptNumber(payment, payments.insert(payment));
    }

    private static Payment withReceiptNumber(Payment payment, String receiptNumber) {
        return new Payment(payment.paymentId(), payment.sourceKey(), payment.channel(), payment.method(), payment.status(),
                payment.statusReason(), payment.accountNumber(), payment.received(), payment.billingCurrency(),
                payment.posted(), payment.fx(), payment.allocations(), payment.creditBalancePart(), payment.valueTime(),
                payment.receivedAt(), payment.reference(), receiptNumber, payment.flags(), payment.origin());
    }

    private static Payment newPayment(PaymentIntent intent, Currency billingCurrency, PaymentStatus status,
                                      Posting posting, OffsetDateTime now) {
        Payment payment = new Payment(UUID.randomUUID(), intent.sourceKey(), intent.channel(), intent.method(), status,
                null, intent.accountNumber(), intent.received(), billingCurrency, null, null, List.of(), null,
                intent.valueTime(), now, intent.reference(), null, intent.flags(), intent.origin());
        return posting == null ? payment : withPosting(payment, posting, status, intent.valueTime());
    }

    private static Payment withPosting(Payment p, Posting posting, PaymentStatus status, OffsetDateTime valueTime) {
        return new Payment(p.paymentId(), p.sourceKey(), p.channel(), p.method(), status, null, p.accountNumber(),
                p.received(), p.billingCurrency(), posting.amount(),
                posting.conversion() == null ? null : posting.conversion().rate(),
                posting.allocation().allocations(), posting.allocation().creditBalancePart(), valueTime, p.receivedAt(),
                p.reference(), p.receiptNumber(), posting.flags(), p.origin());
    }

    /** The message downstream systems receive; the card system needs the full account number, so it is not masked. */
    private static Map<String, Object> eventBody(String type, Payment payment, Account account) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        event.put("paymentId", payment.paymentId().toString());
        event.put("accountNumber", account.accountNumber());
        event.put("issuer", account.issuerId());
        event.put("channel", payment.channel().name());
        event.put("method", payment.method().name());
        event.put("amount", payment.posted().toPlainString());
        event.put("currency", payment.posted().currency().getCurrencyCode());
        event.put("allocations", payment.allocations().stream()
                .map(a -> Map.of("bucket", a.bucket().name(), "amount", a.amount().toPlainString())).toList());
        event.put("creditBalancePart", payment.creditBalancePart().toPlainString());
        event.put("valueTime", payment.valueTime().toString());
        event.put("reference", payment.reference() == null ? "" : payment.reference());
        return event;
    }

    /** A computed posting, not yet written. */
    private record Posting(Conversion conversion, Money amount, AllocationResult allocation, Money refundDue,
                           Set<PaymentFlag> flags) {
    }
}
