package kw.billpay.core.payment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import kw.billpay.core.Refusal;
import kw.billpay.core.account.Account;
import kw.billpay.core.account.AccountNumbers;
import kw.billpay.core.account.AccountStatus;
import kw.billpay.core.allocation.AllocationEngine;
import kw.billpay.core.allocation.AllocationResult;
import kw.billpay.core.allocation.Balances;
import kw.billpay.core.allocation.CreditBalancePolicy;
import kw.billpay.core.issuer.Issuer;
import kw.billpay.core.money.Conversion;
import kw.billpay.core.money.FxConverter;
import kw.billpay.core.money.FxRate;
import kw.billpay.core.money.FxRates;
import kw.billpay.core.money.Money;
import kw.billpay.core.money.MoneyException;

/**
 * The posting rules of one issuer: what a payment to an account does (conversion R3, allocation R9-R12, credit balance
 * and refund due R10/R13, review flags R8, money for a closed account among them), what an account looks like after a
 * posting or a reversal (R15, R23), and what refuses a payment the payer can still take back (R5-R7, CONTRACT
 * "Accounts", "FX rates"). Plain Java: the posting service loads and locks, these rules decide.
 */
public final class PostingRules {

    /** The most an amount or a balance of the ledger holds: its columns are numeric(19,3) (V1__posting_core.sql). */
    public static final BigDecimal LEDGER_MAXIMUM = new BigDecimal("9999999999999999.999");

    private final Issuer issuer;
    private final FxRates rates;
    private final ZoneId zone;

    /**
     * @param rates where rates are found (a batch passes a cache in front of the database)
     * @param zone  the business day's time zone: a statement date starts at midnight there (R15)
     */
    public PostingRules(Issuer issuer, FxRates rates, ZoneId zone) {
        this.issuer = issuer;
        this.rates = rates;
        this.zone = zone;
    }

    /**
     * What posting {@code received} to the account at {@code valueTime} does; empty when the conversion it needs has no
     * rate in force yet (the money is then held as PENDING_FX, never dropped).
     *
     * @throws MoneyException INVALID_AMOUNT when the amount converts to less than the billing currency can hold
     */
    public Optional<Posting> posting(Account account, Money received, OffsetDateTime valueTime, Set<PaymentFlag> flags) {
        Conversion conversion = null;
        Money amount = received;
        if (!received.currency().equals(account.currency())) {
            Optional<FxRate> rate = rates.rateAt(received.currency(), account.currency(), valueTime);
            if (rate.isEmpty()) {
                return Optional.empty();
            }
            conversion = FxConverter.convert(received, rate.get());
            amount = conversion.converted();
            if (!amount.isPositive()) {
                throw new MoneyException(MoneyException.INVALID_AMOUNT, "amount " + received + " converts to " + amount
                        + " at " + rate.get().rate().toPlainString() + ": less than the account's currency can hold");
            }
        }
        AllocationResult allocation = AllocationEngine.allocate(amount, account.balances(), issuer.allocationOrder());
        requireWithinLedger(account, received, amount, allocation);
        EnumSet<PaymentFlag> allFlags = EnumSet.noneOf(PaymentFlag.class);
        allFlags.addAll(flags);
        if (account.status() == AccountStatus.CLOSED) {
            allFlags.add(PaymentFlag.ACCOUNT_CLOSED); // only money already received gets this far (R8)
        }
        Money refundDue = refundDue(account.currency(), allocation, valueTime).orElse(null);
        if (refundDue != null) {
            allFlags.add(PaymentFlag.REFUND_DUE);
        }
        return Optional.of(new Posting(conversion, amount, allocation, refundDue, allFlags));
    }

    /**
     * An amount, or a balance it leaves, that the ledger cannot hold is refused as AMOUNT_TOO_LARGE: for a bank file,
     * that record alone; at the counter, the request.
     */
    private static void requireWithinLedger(Account account, Money received, Money amount, AllocationResult allocation) {
        String beyond = amount.amount().compareTo(LEDGER_MAXIMUM) > 0 ? "amount posted"
                : allocation.after().creditBalance().amount().compareTo(LEDGER_MAXIMUM) > 0 ? "credit balance"
                : account.paidSinceStatement().amount().add(amount.amount()).compareTo(LEDGER_MAXIMUM) > 0 ? "paid since statement"
                : null;
        if (beyond != null) {
            throw Refusal.unprocessable("AMOUNT_TOO_LARGE", "amount: " + received + " would take the account's " + beyond
                    + " past " + LEDGER_MAXIMUM.toPlainString() + ", the most the ledger holds");
        }
    }

    /**
     * R8: money already received is posted even below the issuer's minimum payment, and flagged BELOW_MINIMUM for
     * review. The minimum is compared in the currency the money came in, at the rate in force.
     */
    public Set<PaymentFlag> reviewFlags(Money received, OffsetDateTime at, Set<PaymentFlag> flags) {
        Optional<Money> minimum = thresholdIn(issuer.onlineMinimum(), received.currency(), at);
        if (minimum.isEmpty() || received.compareTo(minimum.get()) >= 0 || flags.contains(PaymentFlag.BELOW_MINIMUM)) {
            return flags;
        }
        EnumSet<PaymentFlag> flagged = EnumSet.of(PaymentFlag.BELOW_MINIMUM);
        flagged.addAll(flags);
        return flagged;
    }

    /**
     * R13: the part of the credit balance above the issuer's threshold that this allocation added. Empty when it added
     * none, or when no rate converts the threshold (it is in the issuer's currency, USD for amex-kw).
     */
    public Optional<Money> refundDue(Currency currency, AllocationResult allocation, OffsetDateTime at) {
        if (!allocation.creditBalancePart().isPositive()) {
            return Optional.empty();
        }
        return refundDue(allocation.before().creditBalance(), allocation.after().creditBalance(), at);
    }

    /**
     * R13 from the credit balance a payment found and the one it left (a check made later, when a rate arrived): the
     * part above the threshold, converted at {@code at}, that the payment added. Empty when none, or when no rate
     * converts the threshold.
     */
    public Optional<Money> refundDue(Money creditBefore, Money creditAfter, OffsetDateTime at) {
        Currency currency = creditAfter.currency();
        return thresholdIn(issuer.creditBalanceRefundAbove(), currency, at).flatMap(threshold -> {
            Money after = CreditBalancePolicy.refundDue(creditAfter, threshold).orElse(Money.zero(currency));
            Money before = CreditBalancePolicy.refundDue(creditBefore, threshold).orElse(Money.zero(currency));
            Money added = after.minus(before);
            return added.isPositive() ? Optional.of(added) : Optional.empty();
        });
    }

    /**
     * R13: the part of {@code creditBalance} above the issuer's threshold, converted at {@code at} (zero when none is).
     * Empty when no rate converts the threshold.
     */
    public Optional<Money> creditAboveThreshold(Money creditBalance, OffsetDateTime at) {
        Money none = Money.zero(creditBalance.currency());
        return thresholdIn(issuer.creditBalanceRefundAbove(), creditBalance.currency(), at)
                .map(threshold -> CreditBalancePolicy.refundDue(creditBalance, threshold).orElse(none));
    }

    /** True when the refund-due check of R13 cannot be made now for want of a rate for the threshold. */
    public boolean refundCheckNeedsRate(Currency currency, AllocationResult allocation, OffsetDateTime at) {
        return allocation.creditBalancePart().isPositive() && !refundThresholdKnown(currency, at);
    }

    /** True when a rate in force at {@code at} converts the issuer's refund threshold into {@code currency}. */
    public boolean refundThresholdKnown(Currency currency, OffsetDateTime at) {
        return thresholdIn(issuer.creditBalanceRefundAbove(), currency, at).isPresent();
    }

    /** The account once the posting is applied: its buckets, and what was paid since its statement (R15). */
    public Account after(Account account, OffsetDateTime valueTime, Posting posting) {
        Money paid = account.paidSinceStatement();
        if (countsForStatement(account, valueTime)) {
            paid = paid.plus(posting.amount());
        }
        return account.withBalances(posting.allocation().after(), paid);
    }

    /** The account once a posted payment is undone (R23): its buckets restored, its part of what was paid removed. */
    public Account afterReversal(Account account, Payment posted) {
        Balances restored = AllocationEngine.reverse(account.balances(), posted.allocations(), posted.creditBalancePart());
        Money paid = account.paidSinceStatement();
        if (countsForStatement(account, posted.valueTime())) {
            paid = paid.minus(posted.posted());
            paid = paid.isNegative() ? Money.zero(account.currency()) : paid;
        }
        return account.withBalances(restored, paid);
    }

    /** A payment counts toward the statement's minimum due when its value time is on or after the statement date. */
    private boolean countsForStatement(Account account, OffsetDateTime valueTime) {
        return !valueTime.isBefore(account.statementDate().atStartOfDay(zone).toOffsetDateTime());
    }

    /** Payments to a CLOSED account are refused while the payer can take the money back; a BLOCKED one is still paid off. */
    public static void requireOpen(Account account) {
        if (account.status() == AccountStatus.CLOSED) {
            throw Refusal.unprocessable("ACCOUNT_NOT_OPEN", "account " + AccountNumbers.mask(account.accountNumber()) + " is closed");
        }
    }

    /** A payment in another currency than the account's needs a rate in force now (CONTRACT "FX rates"). */
    public void requireRate(Currency from, Account account, OffsetDateTime at) {
        if (!from.equals(account.currency()) && rates.rateAt(from, account.currency(), at).isEmpty()) {
            throw noRate(from, account.currency());
        }
    }

    /** R6, R7, compared in the payment's currency (at the rate in force when the issuer states a limit in another). */
    public void requireWithinOnlineLimits(Money amount, OffsetDateTime at) {
        Money minimum = thresholdIn(issuer.onlineMinimum(), amount.currency(), at)
                .orElseThrow(() -> noRate(issuer.onlineMinimum().currency(), amount.currency()));
        if (amount.compareTo(minimum) < 0) {
            throw Refusal.unprocessable("BELOW_MINIMUM_PAYMENT",
                    "amount: " + amount + " is below the minimum online payment of " + minimum);
        }
        if (issuer.onlineMaximum() != null) {
            Money maximum = thresholdIn(issuer.onlineMaximum(), amount.currency(), at)
                    .orElseThrow(() -> noRate(issuer.onlineMaximum().currency(), amount.currency()));
            if (amount.compareTo(maximum) > 0) {
                throw Refusal.unprocessable("ABOVE_MAXIMUM_PAYMENT", "amount: " + amount
                        + " is above the maximum online payment of " + maximum + "; the customer may pay in several payments");
            }
        }
    }

    /** Refused at initiation rather than held: the payer can still take the money back (CONTRACT "FX rates"). */
    public static Refusal noRate(Currency from, Currency to) {
        return Refusal.unprocessable("NO_FX_RATE", "no " + from + "->" + to + " rate is in force; the payment cannot be taken in " + from);
    }

    /** An issuer's amount in another currency, at the direct rate in force, else through the inverse of the opposite one. */
    private Optional<Money> thresholdIn(Money threshold, Currency currency, OffsetDateTime at) {
        if (threshold.currency().equals(currency)) {
            return Optional.of(threshold);
        }
        return rates.rateAt(threshold.currency(), currency, at)
                .map(rate -> FxConverter.convert(threshold, rate).converted())
                .or(() -> rates.rateAt(currency, threshold.currency(), at)
                        .map(rate -> FxConverter.convertByInverse(threshold, rate)));
    }
}
