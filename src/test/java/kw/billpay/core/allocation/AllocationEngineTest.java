package kw.billpay.core.allocation;

import static kw.billpay.core.allocation.Bucket.CURRENT_CASH;
import static kw.billpay.core.allocation.Bucket.CURRENT_FEES;
import static kw.billpay.core.allocation.Bucket.CURRENT_INSTALMENTS;
import static kw.billpay.core.allocation.Bucket.CURRENT_PURCHASES;
import static kw.billpay.core.allocation.Bucket.PREVIOUS_CASH;
import static kw.billpay.core.allocation.Bucket.PREVIOUS_FEES;
import static kw.billpay.core.allocation.Bucket.PREVIOUS_INSTALMENTS;
import static kw.billpay.core.allocation.Bucket.PREVIOUS_PURCHASES;
import static kw.billpay.core.allocation.Bucket.UNBILLED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import kw.billpay.core.money.Money;

class AllocationEngineTest {

    private static final Currency KWD = Currency.getInstance("KWD");
    private static final Currency USD = Currency.getInstance("USD");

    /** The reference issuer's order (R9, 001 §8.4 a–h, then unbilled). */
    private static final AllocationOrder AMEX_KW = AllocationOrder.of(
            PREVIOUS_FEES, PREVIOUS_CASH, PREVIOUS_PURCHASES, PREVIOUS_INSTALMENTS,
            CURRENT_INSTALMENTS, CURRENT_FEES, CURRENT_CASH, CURRENT_PURCHASES, UNBILLED);

    /** The CONTRACT sample account: statement balance 500.000, total owed 515.000 KWD. */
    private static final Balances SAMPLE = balances(KWD, "0",
            "PREVIOUS_FEES=5.000, PREVIOUS_PURCHASES=40.000, CURRENT_INSTALMENTS=30.000, CURRENT_FEES=2.500,"
                    + " CURRENT_CASH=100.000, CURRENT_PURCHASES=322.500, UNBILLED=15.000");

    static Stream<Arguments> referenceOrderOnSampleAccount() {
        return Stream.of(
                // payment, allocations in the order paid, credit-balance part
                arguments("0.001", "PREVIOUS_FEES=0.001", "0"),
                arguments("3.000", "PREVIOUS_FEES=3.000", "0"),
                arguments("5.000", "PREVIOUS_FEES=5.000", "0"),
                arguments("45.000", "PREVIOUS_FEES=5.000, PREVIOUS_PURCHASES=40.000", "0"),
                arguments("60.000", "PREVIOUS_FEES=5.000, PREVIOUS_PURCHASES=40.000, CURRENT_INSTALMENTS=15.000", "0"),
                arguments("77.500", "PREVIOUS_FEES=5.000, PREVIOUS_PURCHASES=40.000, CURRENT_INSTALMENTS=30.000,"
                        + " CURRENT_FEES=2.500", "0"),
                arguments("100.000", "PREVIOUS_FEES=5.000, PREVIOUS_PURCHASES=40.000, CURRENT_INSTALMENTS=30.000,"
                        + " CURRENT_FEES=2.500, CURRENT_CASH=22.500", "0"),
                arguments("200.000", "PREVIOUS_FEES=5.000, PREVIOUS_PURCHASES=40.000, CURRENT_INSTALMENTS=30.000,"
                        + " CURRENT_FEES=2.500, CURRENT_CASH=100.000, CURRENT_PURCHASES=22.500", "0"),
                arguments("500.000", "PREVIOUS_FEES=5.000, PREVIOUS_PURCHASES=40.000, CURRENT_INSTALMENTS=30.000,"
                        + " CURRENT_FEES=2.500, CURRENT_CASH=100.000, CURRENT_PURCHASES=322.500", "0"),
                arguments("507.250", "PREVIOUS_FEES=5.000, PREVIOUS_PURCHASES=40.000, CURRENT_INSTALMENTS=30.000,"
                        + " CURRENT_FEES=2.500, CURRENT_CASH=100.000, CURRENT_PURCHASES=322.500, UNBILLED=7.250", "0"),
                arguments("515.000", "PREVIOUS_FEES=5.000, PREVIOUS_PURCHASES=40.000, CURRENT_INSTALMENTS=30.000,"
                        + " CURRENT_FEES=2.500, CURRENT_CASH=100.000, CURRENT_PURCHASES=322.500, UNBILLED=15.000", "0"),
                arguments("600.000", "PREVIOUS_FEES=5.000, PREVIOUS_PURCHASES=40.000, CURRENT_INSTALMENTS=30.000,"
                        + " CURRENT_FEES=2.500, CURRENT_CASH=100.000, CURRENT_PURCHASES=322.500, UNBILLED=15.000", "85.000"));
    }

    @ParameterizedTest(name = "pay {0} KWD -> {1}; credit {2}")
    @MethodSource("referenceOrderOnSampleAccount")
    void referenceIssuerOrderOnTheSampleAccount(String payment, String expectedAllocations, String expectedCredit) {
        AllocationResult result = AllocationEngine.allocate(kwd(payment), SAMPLE, AMEX_KW);

        assertThat(result.allocations()).containsExactlyElementsOf(allocations(KWD, expectedAllocations));
        assertThat(result.creditBalancePart()).isEqualTo(kwd(expectedCredit));
        assertThat(result.payment()).isEqualTo(kwd(payment));
        assertThat(result.before()).isSameAs(SAMPLE);
        assertThat(result.after()).isEqualTo(minus(SAMPLE, result.allocations(), result.creditBalancePart()));
    }

    @Test
    void partlyPaidBucketKeepsTheRest() {
        AllocationResult result = AllocationEngine.allocate(kwd("60.000"), SAMPLE, AMEX_KW);

        assertThat(result.after().get(PREVIOUS_FEES)).isEqualTo(kwd("0"));
        assertThat(result.after().get(PREVIOUS_PURCHASES)).isEqualTo(kwd("0"));
        assertThat(result.after().get(CURRENT_INSTALMENTS)).isEqualTo(kwd("15.000"));
        assertThat(result.after().get(CURRENT_FEES)).isEqualTo(kwd("2.500"));
        assertThat(result.after().statementBalance()).isEqualTo(kwd("440.000"));
        assertThat(result.after().totalOwed()).isEqualTo(kwd("455.000"));
        assertThat(result.after().creditBalance()).isEqualTo(kwd("0"));
    }

    @Test
    void overpaymentBecomesCreditBalanceOnTopOfExistingCredit() {
        Balances withCredit = SAMPLE.withCreditBalance(kwd("10.000"));

        AllocationResult result = AllocationEngine.allocate(kwd("520.000"), withCredit, AMEX_KW);

        assertThat(result.creditBalancePart()).isEqualTo(kwd("5.000"));
        assertThat(result.after().creditBalance()).isEqualTo(kwd("15.000"));
        assertThat(result.after().totalOwed()).isEqualTo(kwd("0"));
    }

    @Test
    void paymentToAnAccountThatOwesNothingIsAllCredit() {
        AllocationResult result = AllocationEngine.allocate(kwd("3.000"), Balances.zero(KWD), AMEX_KW);

        assertThat(result.allocations()).isEmpty();
        assertThat(result.creditBalancePart()).isEqualTo(kwd("3.000"));
        assertThat(result.after().creditBalance()).isEqualTo(kwd("3.000"));
    }

    @Test
    void bucketsLeftOutOfTheOrderAreNeverPaid() {
        AllocationOrder order = AllocationOrder.of(PREVIOUS_FEES, PREVIOUS_PURCHASES, CURRENT_PURCHASES);

        AllocationResult result = AllocationEngine.allocate(kwd("400.000"), SAMPLE, order);

        assertThat(result.allocations()).containsExactlyElementsOf(allocations(KWD,
                "PREVIOUS_FEES=5.000, PREVIOUS_PURCHASES=40.000, CURRENT_PURCHASES=322.500"));
        assertThat(result.creditBalancePart()).isEqualTo(kwd("32.500"));
        for (Bucket untouched : List.of(CURRENT_INSTALMENTS, CURRENT_FEES, CURRENT_CASH, UNBILLED)) {
            assertThat(result.after().get(untouched)).isEqualTo(SAMPLE.get(untouched));
        }
    }

    @Test
    void anotherIssuerOrderPaysInItsOwnOrder() {
        AllocationOrder newestFirst = AllocationOrder.of(UNBILLED, CURRENT_PURCHASES, CURRENT_CASH, CURRENT_FEES,
                CURRENT_INSTALMENTS, PREVIOUS_INSTALMENTS, PREVIOUS_PURCHASES, PREVIOUS_CASH, PREVIOUS_FEES);

        AllocationResult small = AllocationEngine.allocate(kwd("20.000"), SAMPLE, newestFirst);
        AllocationResult large = AllocationEngine.allocate(kwd("470.000"), SAMPLE, newestFirst);

        assertThat(small.allocations()).containsExactlyElementsOf(allocations(KWD,
                "UNBILLED=15.000, CURRENT_PURCHASES=5.000"));
        assertThat(large.allocations()).containsExactlyElementsOf(allocations(KWD,
                "UNBILLED=15.000, CURRENT_PURCHASES=322.500, CURRENT_CASH=100.000, CURRENT_FEES=2.500,"
                        + " CURRENT_INSTALMENTS=30.000"));
        assertThat(large.after().get(PREVIOUS_FEES)).isEqualTo(kwd("5.000"));
        assertThat(large.after().get(PREVIOUS_PURCHASES)).isEqualTo(kwd("40.000"));
    }

    @Test
    void twoDecimalCurrencyAccount() {
        Balances usdAccount = balances(USD, "0", "PREVIOUS_FEES=1.25, CURRENT_CASH=10.50, UNBILLED=3");

        AllocationResult partial = AllocationEngine.allocate(usd("12.00"), usdAccount, AMEX_KW);
        AllocationResult over = AllocationEngine.allocate(usd("20.01"), usdAccount, AMEX_KW);

        assertThat(partial.allocations()).containsExactlyElementsOf(allocations(USD,
                "PREVIOUS_FEES=1.25, CURRENT_CASH=10.50, UNBILLED=0.25"));
        assertThat(partial.after().get(UNBILLED)).isEqualTo(usd("2.75"));
        assertThat(over.creditBalancePart()).isEqualTo(usd("5.26"));
        assertThat(over.after().creditBalance().toString()).isEqualTo("5.26 USD");
    }

    @Test
    void refusesAPaymentInAnotherCurrencyOrNotPositive() {
        assertThatThrownBy(() -> AllocationEngine.allocate(usd("10.00"), SAMPLE, AMEX_KW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("convert it first");
        assertThatThrownBy(() -> AllocationEngine.allocate(kwd("0"), SAMPLE, AMEX_KW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AllocationEngine.allocate(kwd("-1"), SAMPLE, AMEX_KW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reversalRestoresEveryBucketExactly() {
        for (String payment : List.of("0.001", "77.500", "200.000", "515.000", "600.000")) {
            AllocationResult result = AllocationEngine.allocate(kwd(payment), SAMPLE, AMEX_KW);

            Balances reversed = AllocationEngine.reverse(result.after(), result.allocations(), result.creditBalancePart());

            assertThat(reversed).as("reversing %s", payment).isEqualTo(SAMPLE);
        }
    }

    @Test
    void reversalAfterLaterActivityGivesBackOnlyWhatThePaymentTook() {
        AllocationResult result = AllocationEngine.allocate(kwd("45.000"), SAMPLE, AMEX_KW);
        Balances later = result.after().withBucket(PREVIOUS_FEES, kwd("1.000")); // a new fee since

        Balances reversed = AllocationEngine.reverse(later, result.allocations(), result.creditBalancePart());

        assertThat(reversed.get(PREVIOUS_FEES)).isEqualTo(kwd("6.000"));
        assertThat(reversed.get(PREVIOUS_PURCHASES)).isEqualTo(kwd("40.000"));
    }

    @Test
    void reversalWhenTheCreditWasPartlyConsumedChargesTheShortfallAsUnbilled() {
        AllocationResult result = AllocationEngine.allocate(kwd("600.000"), SAMPLE, AMEX_KW); // 85.000 to credit
        Balances creditPartlyUsed = result.after().withCreditBalance(kwd("30.000"));

        Balances reversed = AllocationEngine.reverse(creditPartlyUsed, result.allocations(), result.creditBalancePart());

        assertThat(reversed.creditBalance()).isEqualTo(kwd("0"));
        assertThat(reversed.get(UNBILLED)).isEqualTo(kwd("70.000")); // 15.000 restored + 55.000 shortfall
        assertThat(reversed.get(CURRENT_PURCHASES)).isEqualTo(kwd("322.500"));
        assertThat(reversed.statementBalance()).isEqualTo(SAMPLE.statementBalance());
    }

    @Test
    void reversalWithMoreCreditThanThePaymentMadeOnlyTakesItsPart() {
        AllocationResult result = AllocationEngine.allocate(kwd("520.000"), SAMPLE.withCreditBalance(kwd("10")), AMEX_KW);

        Balances reversed = AllocationEngine.reverse(result.after(), result.allocations(), result.creditBalancePart());

        assertThat(reversed.creditBalance()).isEqualTo(kwd("10.000"));
        assertThat(reversed).isEqualTo(SAMPLE.withCreditBalance(kwd("10")));
    }

    @Test
    void conservationGuardRefusesAnUnbalancedResult() {
        List<Allocation> allocations = allocations(KWD, "PREVIOUS_FEES=5.000");

        assertThatThrownBy(() -> new AllocationResult(kwd("6.000"), allocations, kwd("0.999"), SAMPLE, SAMPLE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not the payment 6.000 KWD");
        assertThatThrownBy(() -> new AllocationResult(kwd("4.000"), allocations, kwd("-1.000"), SAMPLE, SAMPLE))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void allocationMustBePositive() {
        assertThatThrownBy(() -> new Allocation(CURRENT_FEES, kwd("0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CURRENT_FEES");
    }

    // --- helpers -------------------------------------------------------------------------------

    private static Money kwd(String amount) {
        return new Money(new BigDecimal(amount), KWD);
    }

    private static Money usd(String amount) {
        return new Money(new BigDecimal(amount), USD);
    }

    /** "BUCKET=amount, BUCKET=amount" in the order given. */
    private static List<Allocation> allocations(Currency currency, String table) {
        List<Allocation> allocations = new ArrayList<>();
        for (String cell : table.split(",")) {
            String[] parts = cell.trim().split("=");
            allocations.add(new Allocation(Bucket.valueOf(parts[0]), new Money(new BigDecimal(parts[1]), currency)));
        }
        return allocations;
    }

    private static Balances balances(Currency currency, String credit, String table) {
        Map<Bucket, Money> buckets = new EnumMap<>(Bucket.class);
        for (Allocation cell : allocations(currency, table)) {
            buckets.put(cell.bucket(), cell.amount());
        }
        return Balances.of(currency, buckets, new Money(new BigDecimal(credit), currency));
    }

    private static Balances minus(Balances balances, List<Allocation> allocations, Money credit) {
        Balances result = balances;
        for (Allocation allocation : allocations) {
            result = result.withBucket(allocation.bucket(), result.get(allocation.bucket()).minus(allocation.amount()));
        }
        return result.withCreditBalance(result.creditBalance().plus(credit));
    }
}
