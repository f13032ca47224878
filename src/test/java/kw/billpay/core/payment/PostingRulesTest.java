package kw.billpay.core.payment;

import static kw.billpay.testkit.AccountBuilder.anAccount;
import static kw.billpay.testkit.IssuerBuilder.amexKw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kw.billpay.core.Refusal;
import kw.billpay.core.account.Account;
import kw.billpay.core.account.AccountStatus;
import kw.billpay.core.allocation.Allocation;
import kw.billpay.core.allocation.Bucket;
import kw.billpay.core.money.Currencies;
import kw.billpay.core.money.FxRate;
import kw.billpay.core.money.FxRates;
import kw.billpay.core.money.Money;
import kw.billpay.core.money.MoneyException;
import org.junit.jupiter.api.Test;

/** The posting rules on their own: conversion (R3), allocation (R9-R12), refund due (R13), review flags (R8), limits (R6, R7). */
class PostingRulesTest {

    private static final ZoneId KUWAIT = ZoneId.of("Asia/Kuwait");
    private static final OffsetDateTime NOV_21 = OffsetDateTime.parse("2026-11-21T10:15:00+03:00");
    private static final Currency KWD = Currencies.parse("KWD");
    private static final Currency USD = Currencies.parse("USD");
    private static final FxRate USD_KWD = new FxRate(USD, KWD, new BigDecimal("0.305000"),
            OffsetDateTime.parse("2026-11-01T00:00:00+03:00"), "ops");
    private static final FxRate KWD_USD = new FxRate(KWD, USD, new BigDecimal("3.270000"),
            OffsetDateTime.parse("2026-11-01T00:00:00+03:00"), "ops");

    /** Rates in force from their effective time on; nothing before. */
    private static FxRates rates(FxRate... known) {
        return (from, to, at) -> List.of(known).stream()
                .filter(r -> r.from().equals(from) && r.to().equals(to) && !r.effectiveAt().isAfter(at)).findFirst();
    }

    private static final FxRates NO_RATES = (from, to, at) -> Optional.empty();

    private final PostingRules rules = new PostingRules(amexKw().build(), rates(USD_KWD, KWD_USD), KUWAIT);

    @Test
    void aPaymentInTheBillingCurrencyPaysTheBucketsInTheIssuersOrder() {
        Posting posting = rules.posting(anAccount().build(), Money.of("50.000", "KWD"), NOV_21, Set.of()).orElseThrow();

        assertThat(posting.conversion()).isNull();
        assertThat(posting.amount()).isEqualTo(Money.of("50.000", "KWD"));
        assertThat(posting.allocation().allocations()).containsExactly(
                new Allocation(Bucket.PREVIOUS_FEES, Money.of("5.000", "KWD")),
                new Allocation(Bucket.PREVIOUS_PURCHASES, Money.of("40.000", "KWD")),
                new Allocation(Bucket.CURRENT_INSTALMENTS, Money.of("5.000", "KWD")));
        assertThat(posting.refundDue()).isNull();
        assertThat(posting.flags()).isEmpty();
    }

    @Test
    void anotherCurrencyIsConvertedAtTheRateInForceAtTheValueTimeOnce() {
        Posting posting = rules.posting(anAccount().build(), Money.of("10.00", "USD"), NOV_21, Set.of()).orElseThrow();

        assertThat(posting.conversion().rate()).isEqualTo(USD_KWD);
        assertThat(posting.amount()).isEqualTo(Money.of("3.050", "KWD"));
        assertThat(posting.allocation().allocations()).containsExactly(new Allocation(Bucket.PREVIOUS_FEES, Money.of("3.050", "KWD")));
    }

    @Test
    void noRateInForceAtTheValueTimeMeansTheMoneyWaits() {
        OffsetDateTime beforeTheRate = OffsetDateTime.parse("2026-10-31T23:59:59+03:00");

        assertThat(rules.posting(anAccount().build(), Money.of("10.00", "USD"), beforeTheRate, Set.of())).isEmpty();
    }

    @Test
    void anAmountThatConvertsToNothingIsRefused() {
        Account usd = anAccount().currency("USD").owingNothing().build();

        assertThatThrownBy(() -> rules.posting(usd, Money.of("0.001", "KWD"), NOV_21, Set.of()))
                .isInstanceOfSatisfying(MoneyException.class, e -> assertThat(e.code()).isEqualTo("INVALID_AMOUNT"));
    }

    @Test
    void whatIsLeftAfterTheLastBucketBecomesCreditBalance() {
        Posting posting = rules.posting(anAccount().build(), Money.of("600.000", "KWD"), NOV_21, Set.of()).orElseThrow();

        assertThat(posting.allocation().creditBalancePart()).isEqualTo(Money.of("85.000", "KWD"));
        assertThat(posting.allocation().after().creditBalance()).isEqualTo(Money.of("85.000", "KWD"));
    }

    @Test
    void aCreditBalanceAboveTheThresholdIsDueBackForThePartThisPaymentAdded() {
        PostingRules lowThreshold = new PostingRules(amexKw().refundAbove("100.000", "KWD").build(), NO_RATES, KUWAIT);
        Account account = anAccount().owingNothing().creditBalance("80.000").build();

        Posting posting = lowThreshold.posting(account, Money.of("50.000", "KWD"), NOV_21, Set.of()).orElseThrow();

        assertThat(posting.refundDue()).isEqualTo(Money.of("30.000", "KWD")); // 130 - 100
        assertThat(posting.flags()).containsExactly(PaymentFlag.REFUND_DUE);
    }

    @Test
    void theRefundThresholdInAnotherCurrencyIsConvertedDirectlyOrThroughTheInverseRate() {
        Account account = anAccount().owingNothing().creditBalance("15300.000").build(); // 50,000 USD = 15,290.520 KWD by inverse
        PostingRules inverseOnly = new PostingRules(amexKw().build(), rates(KWD_USD), KUWAIT);

        Posting posting = inverseOnly.posting(account, Money.of("10.000", "KWD"), NOV_21, Set.of()).orElseThrow();

        assertThat(posting.refundDue()).isNotNull();
        assertThat(posting.refundDue().currency()).isEqualTo(KWD);
        assertThat(inverseOnly.refundCheckNeedsRate(KWD, posting.allocation(), NOV_21)).isFalse();
        PostingRules noRate = new PostingRules(amexKw().build(), NO_RATES, KUWAIT);
        Posting unchecked = noRate.posting(account, Money.of("10.000", "KWD"), NOV_21, Set.of()).orElseThrow();
        assertThat(unchecked.refundDue()).isNull();
        assertThat(noRate.refundCheckNeedsRate(KWD, unchecked.allocation(), NOV_21)).isTrue();
    }

    @Test
    void receivedMoneyBelowTheMinimumIsFlaggedNotRefused() {
        assertThat(rules.reviewFlags(Money.of("2.999", "KWD"), NOV_21, Set.of())).containsExactly(PaymentFlag.BELOW_MINIMUM);
        assertThat(rules.reviewFlags(Money.of("3.000", "KWD"), NOV_21, Set.of())).isEmpty();
        assertThat(rules.reviewFlags(Money.of("9.00", "USD"), NOV_21, Set.of())).containsExactly(PaymentFlag.BELOW_MINIMUM); // 3 KWD = 9.81 USD
        assertThat(rules.reviewFlags(Money.of("9.81", "USD"), NOV_21, Set.of(PaymentFlag.LATE_CAPTURE)))
                .containsExactly(PaymentFlag.LATE_CAPTURE);
    }

    @Test
    void onlineLimitsAreComparedInThePaymentsCurrency() {
        rules.requireWithinOnlineLimits(Money.of("3.000", "KWD"), NOV_21);
        rules.requireWithinOnlineLimits(Money.of("5000.000", "KWD"), NOV_21);
        assertRefused(() -> rules.requireWithinOnlineLimits(Money.of("2.999", "KWD"), NOV_21), "BELOW_MINIMUM_PAYMENT");
        assertRefused(() -> rules.requireWithinOnlineLimits(Money.of("5000.001", "KWD"), NOV_21), "ABOVE_MAXIMUM_PAYMENT");
        assertRefused(() -> new PostingRules(amexKw().build(), NO_RATES, KUWAIT)
                .requireWithinOnlineLimits(Money.of("10.00", "USD"), NOV_21), "NO_FX_RATE");
        new PostingRules(amexKw().noOnlineMaximum().build(), NO_RATES, KUWAIT)
                .requireWithinOnlineLimits(Money.of("99999.000", "KWD"), NOV_21);
        // a minimum in the payment's currency but a maximum in another, with no rate for it
        assertRefused(() -> new PostingRules(amexKw().onlineMinimum("9.00", "USD").build(), NO_RATES, KUWAIT)
                .requireWithinOnlineLimits(Money.of("10.00", "USD"), NOV_21), "NO_FX_RATE");
    }

    @Test
    void aClosedAccountOrAMissingRateRefusesMoneyThePayerCanTakeBack() {
        assertRefused(() -> PostingRules.requireOpen(anAccount().status(AccountStatus.CLOSED).build()), "ACCOUNT_NOT_OPEN");
        PostingRules.requireOpen(anAccount().status(AccountStatus.BLOCKED).build());
        assertRefused(() -> new PostingRules(amexKw().build(), NO_RATES, KUWAIT)
                .requireRate(USD, anAccount().build(), NOV_21), "NO_FX_RATE");
        rules.requireRate(USD, anAccount().build(), NOV_21);
        new PostingRules(amexKw().build(), NO_RATES, KUWAIT).requireRate(KWD, anAccount().build(), NOV_21);
    }

    @Test
    void aPaymentOnOrAfterTheStatementDateCountsTowardTheMinimumDue() {
        Account account = anAccount().build();
        Posting posting = rules.posting(account, Money.of("10.000", "KWD"), NOV_21, Set.of()).orElseThrow();

        assertThat(rules.after(account, NOV_21, posting).paidSinceStatement()).isEqualTo(Money.of("10.000", "KWD"));
        OffsetDateTime dayBefore = OffsetDateTime.parse("2026-10-24T23:59:59+03:00");
        assertThat(rules.after(account, dayBefore, posting).paidSinceStatement()).isEqualTo(Money.zero(KWD));
        assertThat(rules.after(account, OffsetDateTime.parse("2026-10-25T00:00:00+03:00"), posting).paidSinceStatement())
                .isEqualTo(Money.of("10.000", "KWD"));
    }

    @Test
    void aReversalRestoresTheBucketsAndTakesBackWhatWasPaidSinceTheStatement() {
        Account account = anAccount().build();
        Posting posting = rules.posting(account, Money.of("600.000", "KWD"), NOV_21, Set.of()).orElseThrow();
        Account after = rules.after(account, NOV_21, posting);
        Payment posted = new Payment(java.util.UUID.randomUUID(), "k", Channel.BRANCH, PaymentMethod.CASH, PaymentStatus.POSTED,
                null, account.accountNumber(), Money.of("600.000", "KWD"), KWD, posting.amount(), null,
                posting.allocation().allocations(), posting.allocation().creditBalancePart(), NOV_21, NOV_21, "r", null,
                Set.of(), java.util.Map.of());

        Account reversed = rules.afterReversal(after, posted);

        assertThat(reversed.balances().buckets()).isEqualTo(account.balances().buckets());
        assertThat(reversed.balances().creditBalance()).isEqualTo(Money.zero(KWD));
        assertThat(reversed.paidSinceStatement()).isEqualTo(Money.zero(KWD));
    }

    @Test
    void moneyReceivedForAClosedAccountIsPostedAndFlaggedForReview() {
        Posting closed = rules.posting(anAccount().status(AccountStatus.CLOSED).build(), Money.of("10.000", "KWD"), NOV_21,
                Set.of(PaymentFlag.BELOW_MINIMUM)).orElseThrow();
        Posting blocked = rules.posting(anAccount().status(AccountStatus.BLOCKED).build(), Money.of("10.000", "KWD"), NOV_21,
                Set.of()).orElseThrow();

        assertThat(closed.flags()).containsExactlyInAnyOrder(PaymentFlag.ACCOUNT_CLOSED, PaymentFlag.BELOW_MINIMUM);
        assertThat(closed.allocation().allocations()).isNotEmpty();
        assertThat(blocked.flags()).isEmpty();
    }

    @Test
    void reversingAPaymentMadeBeforeTheStatementLeavesWhatWasPaidSinceTheStatement() {
        Account account = anAccount().paidSinceStatement("20.000").build();
        OffsetDateTime beforeStatement = OffsetDateTime.parse("2026-10-20T10:00:00+03:00");
        Posting posting = rules.posting(account, Money.of("5.000", "KWD"), beforeStatement, Set.of()).orElseThrow();
        Payment posted = new Payment(java.util.UUID.randomUUID(), "k", Channel.BRANCH, PaymentMethod.CASH, PaymentStatus.POSTED,
                null, account.accountNumber(), Money.of("5.000", "KWD"), KWD, posting.amount(), null,
                posting.allocation().allocations(), posting.allocation().creditBalancePart(), beforeStatement,
                beforeStatement, "r", null, Set.of(), java.util.Map.of());

        Account reversed = rules.afterReversal(rules.after(account, beforeStatement, posting), posted);

        assertThat(reversed.paidSinceStatement()).isEqualTo(Money.of("20.000", "KWD"));
        assertThat(reversed.balances().buckets()).isEqualTo(account.balances().buckets());

        // the same payment made after the statement date: only its own part of what was paid is taken back
        Posting later = rules.posting(account, Money.of("5.000", "KWD"), NOV_21, Set.of()).orElseThrow();
        Payment laterPosted = new Payment(java.util.UUID.randomUUID(), "k2", Channel.BRANCH, PaymentMethod.CASH,
                PaymentStatus.POSTED, null, account.accountNumber(), Money.of("5.000", "KWD"), KWD, later.amount(), null,
                later.allocation().allocations(), later.allocation().creditBalancePart(), NOV_21, NOV_21, "r", null,
                Set.of(), java.util.Map.of());
        Account afterLater = rules.after(account, NOV_21, later);
        assertThat(afterLater.paidSinceStatement()).isEqualTo(Money.of("25.000", "KWD"));
        assertThat(rules.afterReversal(afterLater, laterPosted).paidSinceStatement()).isEqualTo(Money.of("20.000", "KWD"));
    }

    @Test
    void theLedgerHoldsAmountsAndBalancesUpToItsMaximumAndNotAFilsMore() {
        Money max = new Money(PostingRules.LEDGER_MAXIMUM, KWD);
        Money fils = Money.of("0.001", "KWD");
        Money one = Money.of("1.000", "KWD");

        // exactly the maximum: the amount, the credit balance it leaves and what was paid since the statement
        rules.posting(anAccount().owingNothing().build(), max, NOV_21, Set.of()).orElseThrow();
        rules.posting(anAccount().owingNothing().creditBalance("1.000").build(), max.minus(one), NOV_21, Set.of()).orElseThrow();
        rules.posting(anAccount().paidSinceStatement("1.000").build(), max.minus(one), NOV_21, Set.of()).orElseThrow();

        assertTooLarge(() -> rules.posting(anAccount().build(), max.plus(fils), NOV_21, Set.of()), "amount posted");
        assertTooLarge(() -> rules.posting(anAccount().owingNothing().creditBalance("1.000").build(), max.minus(one).plus(fils),
                NOV_21, Set.of()), "credit balance");
        assertTooLarge(() -> rules.posting(anAccount().paidSinceStatement("1.000").build(), max.minus(one).plus(fils), NOV_21,
                Set.of()), "paid since statement");
    }

    private static void assertTooLarge(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String what) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.code()).isEqualTo("AMOUNT_TOO_LARGE");
            assertThat(r.getMessage()).contains("would take the account's " + what + " past");
        });
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo(code));
    }
}
