package kw.billpay.account;

import kw.billpay.core.account.Account;
import kw.billpay.core.account.AccountNumbers;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kw.billpay.core.allocation.Balances;
import kw.billpay.core.allocation.Bucket;
import kw.billpay.core.allocation.MinimumDueCalculator;
import kw.billpay.core.allocation.Product;
import kw.billpay.core.issuer.Issuer;
import kw.billpay.issuer.IssuerRegistry;
import kw.billpay.core.money.Money;
import kw.billpay.core.Refusal;
import kw.billpay.web.RequestValues;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Creates and replaces accounts with their latest statement snapshot. */
@Service
@RequiredArgsConstructor
public class AccountService {

    private final AccountRepository accounts;
    private final PaymentTotals payments;
    private final IssuerRegistry issuers;
    private final Clock clock;

    public record Saved(Account account, boolean created) { }

    public Account get(String accountNumber) {
        return accounts.find(accountNumber).orElseThrow(() -> unknown(accountNumber));
    }

    public Optional<Account> find(String accountNumber) {
        return accounts.find(accountNumber);
    }

    /**
     * The accounts once every payment being posted to them has committed, share-locked until the caller's transaction
     * ends (a collection run's page, R30: what was paid since the statement includes a payment posting this very
     * second). Must run inside a transaction; unknown numbers are absent.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Account> settled(Collection<String> accountNumbers) {
        return accounts.readAllSettled(accountNumbers);
    }

    /** Of these account numbers, the ones that are accounts (a bank transfer's matcher asks for a batch at once). */
    public Set<String> existing(Collection<String> accountNumbers) {
        return accounts.existing(accountNumbers);
    }

    /**
     * Creates or replaces the account. The credit balance is the gateway's own record of overpayments and survives a
     * replacement; what was paid since the statement is recomputed from the posted payments.
     */
    @Transactional
    public Saved put(String accountNumber, AccountRequest request) {
        Issuer issuer = issuers.find(request.issuer())
                .orElseThrow(() -> Refusal.unprocessable("UNKNOWN_ISSUER", "issuer: '" + request.issuer() + "' is not configured"));
        Currency currency = RequestValues.currency("currency", request.currency());
        if (!issuer.bills(currency)) {
            throw Refusal.unprocessable("UNSUPPORTED_CURRENCY",
                    "currency: " + currency + " is not a billing currency of issuer " + issuer.id() + " " + issuer.currencies());
        }
        AccountRequest.StatementRequest statement = request.statement();
        if (statement.dueDate().isBefore(statement.statementDate())) {
            throw Refusal.validation("statement.dueDate: must not be before statement.statementDate");
        }
        Money creditLimit;
        if (request.creditLimit() == null && request.product() == Product.CHARGE) {
            creditLimit = Money.zero(currency); // a charge card has no preset spending limit
        } else {
            creditLimit = RequestValues.amount("creditLimit", request.creditLimit(), currency, false);
        }
        Map<Bucket, Money> buckets = new EnumMap<>(Bucket.class);
        if (statement.buckets() != null) {
            statement.buckets().forEach((name, amount) -> {
                Bucket bucket = billedBucket(name);
                buckets.put(bucket, RequestValues.amount("statement.buckets." + name, amount, currency, false));
            });
        }
        buckets.put(Bucket.UNBILLED, request.unbilled() == null ? Money.zero(currency)
                : RequestValues.amount("unbilled", request.unbilled(), currency, false));

        Optional<Account> existing = accounts.lockForPosting(accountNumber);
        Money creditBalance = existing.filter(e -> e.currency().equals(currency))
                .map(e -> e.balances().creditBalance()).orElse(Money.zero(currency));
        if (existing.isPresent() && !existing.get().currency().equals(currency)) {
            requireNothingInTheOldCurrency(existing.get());
        }
        Balances balances = Balances.of(currency, buckets, creditBalance);

        Money pastDue = Money.zero(currency);
        Money minimumDue;
        boolean computed = statement.minimumDue() == null;
        if (computed) {
            // R16: the unpaid part of the previous statement's minimum carries into this one.
            pastDue = existing.filter(e -> e.currency().equals(currency))
                    .map(e -> statement.statementDate().isAfter(e.statementDate()) ? e.minimumDueRemaining()
                            : statement.statementDate().isEqual(e.statementDate()) ? e.pastDue() : Money.zero(currency))
                    .orElse(Money.zero(currency));
            Money statementBalance = balances.statementBalance();
            Money overLimit = statementBalance.minus(creditLimit);
            if (!overLimit.isPositive() || request.product() == Product.CHARGE) {
                overLimit = Money.zero(currency);
            }
            minimumDue = MinimumDueCalculator.minimumDue(request.product(), statementBalance,
                    issuer.minimumDueFloor(currency), issuer.minimumDuePercent(), overLimit, pastDue);
        } else {
            minimumDue = RequestValues.amount("statement.minimumDue", statement.minimumDue(), currency, false);
        }
        OffsetDateTime statementStart = statement.statementDate().atStartOfDay(clock.getZone()).toOffsetDateTime();
        Money paidSinceStatement = existing.isPresent()
                ? payments.postedSince(accountNumber, currency, statementStart) : Money.zero(currency);

        Account account = new Account(accountNumber, issuer.id(), request.holderName(), currency, request.product(),
                creditLimit, request.status(), statement.statementDate(), statement.dueDate(), minimumDue, computed,
                pastDue, paidSinceStatement, balances);
        accounts.upsert(account);
        return new Saved(account, existing.isEmpty());
    }

    /**
     * The billing currency changes only when nothing is held in the old one: no credit balance, and no payment waiting
     * (clearing, a rate, KNET) that would post in it. Asked under the account's lock, which every posting takes too.
     */
    private void requireNothingInTheOldCurrency(Account existing) {
        if (existing.balances().creditBalance().isPositive()) {
            throw Refusal.conflict("CURRENCY_CHANGE_WITH_CREDIT", "currency: the account holds a credit balance in "
                    + existing.currency() + " and cannot change its billing currency");
        }
        int pending = payments.pendingCount(existing.accountNumber());
        if (pending > 0) {
            throw Refusal.conflict("CURRENCY_CHANGE_WITH_PENDING", "currency: " + pending
                    + (pending == 1 ? " payment to the account waits" : " payments to the account wait")
                    + " (clearing, a rate or KNET) to post in " + existing.currency()
                    + "; the billing currency cannot change until nothing waits");
        }
    }

    private static Bucket billedBucket(String name) {
        try {
            Bucket bucket = Bucket.valueOf(name);
            if (bucket.billed()) {
                return bucket;
            }
            throw Refusal.validation("statement.buckets: UNBILLED is given as the top-level member 'unbilled'");
        } catch (IllegalArgumentException e) {
            throw Refusal.validation("statement.buckets: unknown bucket '" + name + "'");
        }
    }

    public static Refusal unknown(String accountNumber) {
        return Refusal.notFound("UNKNOWN_ACCOUNT", "account " + AccountNumbers.mask(accountNumber) + " is not known");
    }
}
