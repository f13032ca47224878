package kw.billpay.core.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import kw.billpay.core.money.Currencies;
import kw.billpay.core.money.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

class AllocationProperties {

    /** One random account, payment and issuer order, all in the same currency. */
    record Scenario(Balances balances, Money payment, AllocationOrder order) {
    }

    @Property
    void paymentIsFullyAccountedFor(@ForAll("scenarios") Scenario s) {
        AllocationResult result = AllocationEngine.allocate(s.payment(), s.balances(), s.order());

        assertThat(sum(result.allocations(), s.payment().currency()).plus(result.creditBalancePart()))
                .isEqualTo(s.payment());
        assertThat(result.after().creditBalance().minus(s.balances().creditBalance()))
                .isEqualTo(result.creditBalancePart());

        // Guard against a generator that only ever over- or under-pays.
        Statistics.label("outcome").collect(result.creditBalancePart().isPositive() ? "overpaid" : "fully allocated");
        Statistics.label("outcome").coverage(coverage -> {
            coverage.check("overpaid").percentage(percent -> percent > 10);
            coverage.check("fully allocated").percentage(percent -> percent > 10);
        });
    }

    @Property
    void noBucketGoesNegativeOrGivesMoreThanItHeld(@ForAll("scenarios") Scenario s) {
        AllocationResult result = AllocationEngine.allocate(s.payment(), s.balances(), s.order());

        result.after().buckets().values().forEach(amount -> assertThat(amount.isNegative()).isFalse());
        for (Allocation allocation : result.allocations()) {
            assertThat(allocation.amount()).isLessThanOrEqualTo(s.balances().get(allocation.bucket()));
        }
    }

    @Property
    void bucketsOutsideTheOrderAreUntouched(@ForAll("scenarios") Scenario s) {
        AllocationResult result = AllocationEngine.allocate(s.payment(), s.balances(), s.order());

        for (Bucket bucket : Bucket.values()) {
            if (!s.order().includes(bucket)) {
                assertThat(result.after().get(bucket)).isEqualTo(s.balances().get(bucket));
            }
        }
        result.allocations().forEach(allocation -> assertThat(s.order().includes(allocation.bucket())).isTrue());
    }

    @Property
    void owedFallsByExactlyWhatWasAllocated(@ForAll("scenarios") Scenario s) {
        AllocationResult result = AllocationEngine.allocate(s.payment(), s.balances(), s.order());

        assertThat(s.balances().totalOwed().minus(result.after().totalOwed()))
                .isEqualTo(sum(result.allocations(), s.payment().currency()));
    }

    @Property
    void creditOnlyOnceEveryOrderedBucketIsPaid(@ForAll("scenarios") Scenario s) {
        AllocationResult result = AllocationEngine.allocate(s.payment(), s.balances(), s.order());

        if (result.creditBalancePart().isPositive()) {
            s.order().buckets().forEach(bucket -> assertThat(result.after().get(bucket).isZero()).isTrue());
        }
    }

    @Property
    void reversingGivesBackTheOriginalBalances(@ForAll("scenarios") Scenario s) {
        AllocationResult result = AllocationEngine.allocate(s.payment(), s.balances(), s.order());

        Balances reversed = AllocationEngine.reverse(result.after(), result.allocations(), result.creditBalancePart());

        assertThat(reversed).isEqualTo(s.balances());
    }

    /** Whatever became of the credit meanwhile, a reversal takes back exactly the payment (R23, R24). */
    @Property
    void reversalAfterCreditWasConsumedStillTakesBackExactlyThePayment(
            @ForAll("scenarios") Scenario s, @ForAll("fractions") BigDecimal creditKept) {
        AllocationResult result = AllocationEngine.allocate(s.payment(), s.balances(), s.order());
        Currency currency = s.payment().currency();
        BigDecimal keptAmount = result.after().creditBalance().amount().multiply(creditKept)
                .setScale(Currencies.minorUnits(currency), RoundingMode.DOWN);
        Balances current = result.after().withCreditBalance(new Money(keptAmount, currency));

        Balances reversed = AllocationEngine.reverse(current, result.allocations(), result.creditBalancePart());

        Money netBefore = current.totalOwed().minus(current.creditBalance());
        Money netAfter = reversed.totalOwed().minus(reversed.creditBalance());
        assertThat(netAfter.minus(netBefore)).isEqualTo(s.payment());
        assertThat(reversed.creditBalance().isNegative()).isFalse();
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Arbitraries.of(Currency.getInstance("KWD"), Currency.getInstance("USD"), Currency.getInstance("SAR"))
                .flatMap(currency -> Combinators.combine(
                        balances(currency),
                        amounts(currency, 1, 1_000_000_000_000L),
                        orders()).as(Scenario::new));
    }

    @Provide
    Arbitrary<BigDecimal> fractions() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.ONE).ofScale(2);
    }

    private static Arbitrary<Balances> balances(Currency currency) {
        Arbitrary<Map<Bucket, Money>> buckets = Arbitraries.maps(
                Arbitraries.of(Bucket.class), amounts(currency, 0, 100_000_000_000L)).ofMaxSize(Bucket.values().length);
        return Combinators.combine(buckets, amounts(currency, 0, 100_000_000L))
                .as((map, credit) -> Balances.of(currency, map, credit));
    }

    /** Amounts between min and max units at a random scale the currency allows (e.g. 5, 5.1, 5.12, 5.123 for KWD). */
    private static Arbitrary<Money> amounts(Currency currency, long minUnscaled, long maxUnscaled) {
        int minorUnits = Currencies.minorUnits(currency);
        return Combinators.combine(
                        Arbitraries.longs().between(minUnscaled, maxUnscaled),
                        Arbitraries.integers().between(0, minorUnits))
                .as((unscaled, scale) -> new Money(BigDecimal.valueOf(unscaled, scale), currency));
    }

    /** Random subsets of the buckets in random order. */
    private static Arbitrary<AllocationOrder> orders() {
        return Arbitraries.of(Bucket.class).list().uniqueElements().ofMinSize(1).ofMaxSize(Bucket.values().length)
                .map(AllocationOrder::new);
    }

    private static Money sum(List<Allocation> allocations, Currency currency) {
        Money total = Money.zero(currency);
        for (Allocation allocation : allocations) {
            total = total.plus(allocation.amount());
        }
        return total;
    }
}
