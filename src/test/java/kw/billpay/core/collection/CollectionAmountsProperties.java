package kw.billpay.core.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import kw.billpay.core.account.Account;
import kw.billpay.core.account.AccountStatus;
import kw.billpay.core.allocation.AllocationEngine;
import kw.billpay.core.allocation.AllocationOrder;
import kw.billpay.core.allocation.AllocationResult;
import kw.billpay.core.allocation.Balances;
import kw.billpay.core.allocation.Bucket;
import kw.billpay.core.allocation.MinimumDueCalculator;
import kw.billpay.core.allocation.Product;
import kw.billpay.core.money.Currencies;
import kw.billpay.core.money.FxRate;
import kw.billpay.core.money.FxRates;
import kw.billpay.core.money.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * R15-R17, R30 over random accounts: a statement (its minimum computed per R15 with a carried unpaid minimum, R16),
 * then payments since the statement applied by the allocation engine as the posting core applies them.
 */
class CollectionAmountsProperties {

    private static final Currency KWD = Currencies.parse("KWD");
    private static final Currency USD = Currencies.parse("USD");
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-27T09:00:00+03:00");
    private static final AllocationOrder ORDER = AllocationOrder.of(Bucket.PREVIOUS_FEES, Bucket.PREVIOUS_CASH,
            Bucket.PREVIOUS_PURCHASES, Bucket.PREVIOUS_INSTALMENTS, Bucket.CURRENT_INSTALMENTS, Bucket.CURRENT_FEES,
            Bucket.CURRENT_CASH, Bucket.CURRENT_PURCHASES, Bucket.UNBILLED);

    /** An account as a run finds it, the mandate's type, and the USD->KWD rate on file (none for a KWD account). */
    record Scenario(Account account, MandateType type, BigDecimal rate) {
        FxRates rates() {
            return (from, to, at) -> rate == null ? Optional.empty()
                    : Optional.of(new FxRate(from, to, rate, AT.minusDays(30), "test"));
        }
    }

    @Property(tries = 300)
    void neverZeroAndNeverMoreThanOwed(@ForAll("scenarios") Scenario s) {
        CollectionAmount amount = CollectionAmounts.due(s.type(), s.account(), s.rates(), AT);
        Statistics.label("outcome").collect(amount instanceof CollectionAmount.Collect ? "collect"
                : ((CollectionAmount.Skip) amount).reason().name());
        Statistics.label("outcome").coverage(c -> {
            c.check("collect").percentage(p -> p > 30);
            c.check("NOTHING_DUE").percentage(p -> p > 5);
        });
        if (amount instanceof CollectionAmount.Collect collect) {
            assertThat(collect.asked().isPositive()).isTrue();
            assertThat(collect.asked().currency()).isEqualTo(KWD);
            assertThat(collect.billed().isPositive()).isTrue();
            assertThat(collect.billed()).isLessThanOrEqualTo(s.account().balances().totalOwed());
        }
    }

    @Property(tries = 300)
    void minimumIsTheStatementsMinimumLessWhatWasPaid(@ForAll("scenarios") Scenario s) {
        Account a = s.account();
        Money expected = a.minimumDue().minus(a.paidSinceStatement()).max(Money.zero(a.currency())).min(a.balances().totalOwed());
        assertThat(billed(MandateType.MINIMUM, s)).isEqualTo(expected.isPositive() ? Optional.of(expected) : Optional.empty());
    }

    @Property(tries = 300)
    void fullIsTheStatementBalanceStillUnpaid(@ForAll("scenarios") Scenario s) {
        Money unpaid = s.account().balances().statementBalance();
        assertThat(billed(MandateType.FULL, s)).isEqualTo(unpaid.isPositive() ? Optional.of(unpaid) : Optional.empty());
    }

    @Property(tries = 300)
    void aUsdAmountIsConvertedRoundedUpToTheFils(@ForAll("scenarios") Scenario s) {
        if (!(CollectionAmounts.due(s.type(), s.account(), s.rates(), AT) instanceof CollectionAmount.Collect collect)) {
            return;
        }
        if (s.account().currency().equals(KWD)) {
            assertThat(collect.asked()).isEqualTo(collect.billed());
            assertThat(collect.rate()).isNull();
            return;
        }
        BigDecimal exact = collect.billed().amount().multiply(s.rate());
        assertThat(collect.asked().amount()).isGreaterThanOrEqualTo(exact);
        assertThat(collect.asked().amount().subtract(exact)).isLessThan(new BigDecimal("0.001"));
        assertThat(collect.rate()).isEqualByComparingTo(s.rate());
    }

    @Property(tries = 300)
    void payingMoreNeverAsksForMore(@ForAll("scenarios") Scenario s, @ForAll("payments") long extraMinor) {
        Account a = s.account();
        AllocationResult paid = AllocationEngine.allocate(Money.ofMinor(extraMinor, a.currency()), a.balances(), ORDER);
        Account after = a.withBalances(paid.after(), a.paidSinceStatement().plus(paid.payment()));
        Money before = billed(s.type(), s).orElse(Money.zero(a.currency()));
        Money then = billed(s.type(), new Scenario(after, s.type(), s.rate())).orElse(Money.zero(a.currency()));
        assertThat(then).isLessThanOrEqualTo(before);
    }

    @Property(tries = 300)
    void onlyAnOpenAccountIsCollected(@ForAll("scenarios") Scenario s, @ForAll AccountStatus status) {
        Account a = s.account();
        Account other = new Account(a.accountNumber(), a.issuerId(), a.holderName(), a.currency(), a.product(),
                a.creditLimit(), status, a.statementDate(), a.dueDate(), a.minimumDue(), a.minimumDueComputed(),
                a.pastDue(), a.paidSinceStatement(), a.balances());
        CollectionAmount amount = CollectionAmounts.due(s.type(), other, s.rates(), AT);
        if (status != AccountStatus.OPEN) {
            assertThat(amount).isEqualTo(new CollectionAmount.Skip(SkipReason.ACCOUNT_NOT_OPEN));
        }
    }

    private static Optional<Money> billed(MandateType type, Scenario s) {
        return CollectionAmounts.due(type, s.account(), s.rates(), AT) instanceof CollectionAmount.Collect c
                ? Optional.of(c.billed()) : Optional.empty();
    }

    @Provide
    Arbitrary<Long> payments() {
        return Arbitraries.longs().between(1, 2_000_000);
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Currency> currency = Arbitraries.of(KWD, KWD, USD);
        Arbitrary<long[]> billed = Arbitraries.longs().between(0, 400_000).array(long[].class).ofSize(8);
        Arbitrary<Long> unbilled = Arbitraries.longs().between(0, 100_000);
        Arbitrary<Long> pastDue = Arbitraries.longs().between(0, 50_000).injectDuplicates(0.4).map(v -> v % 3 == 0 ? 0 : v);
        Arbitrary<Long> paid = Arbitraries.longs().between(0, 3_000_000).edgeCases(e -> e.add(0L));
        Arbitrary<Product> product = Arbitraries.of(Product.class);
        Arbitrary<BigDecimal> rate = Arbitraries.bigDecimals().between(new BigDecimal("0.290000"), new BigDecimal("0.320000")).ofScale(6);
        return Combinators.combine(currency, billed, unbilled, pastDue, paid, product, Arbitraries.of(MandateType.class), rate)
                .as((c, b, u, past, p, prod, type, r) -> new Scenario(account(c, b, u, past, p, prod), type,
                        c.equals(KWD) ? null : r));
    }

    /** A statement whose minimum is computed (R15, R16), then {@code paidMinor} paid since it, allocated in order. */
    private static Account account(Currency currency, long[] billedMinor, long unbilledMinor, long pastDueMinor,
                                   long paidMinor, Product product) {
        Map<Bucket, Money> buckets = new EnumMap<>(Bucket.class);
        Bucket[] billedBuckets = {Bucket.PREVIOUS_FEES, Bucket.PREVIOUS_CASH, Bucket.PREVIOUS_PURCHASES,
                Bucket.PREVIOUS_INSTALMENTS, Bucket.CURRENT_INSTALMENTS, Bucket.CURRENT_FEES, Bucket.CURRENT_CASH,
                Bucket.CURRENT_PURCHASES};
        for (int i = 0; i < billedBuckets.length; i++) {
            buckets.put(billedBuckets[i], Money.ofMinor(i % 3 == 1 ? 0 : billedMinor[i], currency));
        }
        buckets.put(Bucket.UNBILLED, Money.ofMinor(unbilledMinor, currency));
        Balances statement = Balances.of(currency, buckets, Money.zero(currency));
        Money creditLimit = Money.ofMinor(1_000_000, currency);
        Money statementBalance = statement.statementBalance();
        Money overLimit = statementBalance.minus(creditLimit).max(Money.zero(currency));
        Money pastDue = Money.ofMinor(pastDueMinor, currency).min(statementBalance);
        Money floor = Money.ofMinor(currency.equals(KWD) ? 15_000 : 5_000, currency);
        Money minimum = MinimumDueCalculator.minimumDue(product, statementBalance, floor, BigDecimal.valueOf(5),
                product == Product.CHARGE ? Money.zero(currency) : overLimit, pastDue);
        AllocationResult paid = paidMinor == 0 ? null
                : AllocationEngine.allocate(Money.ofMinor(paidMinor, currency), statement, ORDER);
        return new Account("376612345678901", "amex-kw", "Holder", currency, product, creditLimit, AccountStatus.OPEN,
                LocalDate.parse("2026-10-25"), LocalDate.parse("2026-11-19"), minimum, true, pastDue,
                paid == null ? Money.zero(currency) : paid.payment(), paid == null ? statement : paid.after());
    }
}
