package kw.billpay.core.collection;

import static kw.billpay.testkit.AccountBuilder.anAccount;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;
import kw.billpay.core.account.AccountStatus;
import kw.billpay.core.allocation.Bucket;
import kw.billpay.core.money.Currencies;
import kw.billpay.core.money.FxRate;
import kw.billpay.core.money.FxRates;
import kw.billpay.core.money.Money;
import org.junit.jupiter.api.Test;

/** The CONTRACT's sample statement (balance 500.000, minimum 25.000, 15.000 unbilled) collected. */
class CollectionAmountsTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-27T09:00:00+03:00");
    private static final FxRates NO_RATES = (from, to, at) -> Optional.empty();

    @Test
    void minimumIsTheMinimumDueLessWhatWasPaidSinceTheStatement() {
        assertThat(CollectionAmounts.due(MandateType.MINIMUM, anAccount().build(), NO_RATES, AT))
                .isEqualTo(collect("25.000"));
        assertThat(CollectionAmounts.due(MandateType.MINIMUM, anAccount().paidSinceStatement("10.000")
                .owing(Bucket.PREVIOUS_FEES, "0").owing(Bucket.PREVIOUS_PURCHASES, "35.000").build(), NO_RATES, AT))
                .isEqualTo(collect("15.000"));
    }

    @Test
    void fullIsTheStatementBalanceStillUnpaidNotTheUnbilled() {
        assertThat(CollectionAmounts.due(MandateType.FULL, anAccount().build(), NO_RATES, AT)).isEqualTo(collect("500.000"));
    }

    @Test
    void nothingIsAskedOnceTheMinimumIsPaid() {
        assertThat(CollectionAmounts.due(MandateType.MINIMUM, anAccount().paidSinceStatement("25.000").build(), NO_RATES, AT))
                .isEqualTo(new CollectionAmount.Skip(SkipReason.NOTHING_DUE));
    }

    @Test
    void neverMoreThanTheAccountOwesInAll() {
        // a minimum of 25.000 on an account that owes 7.000 in all
        assertThat(CollectionAmounts.due(MandateType.MINIMUM, anAccount().owingNothing().owing(Bucket.UNBILLED, "7.000").build(),
                NO_RATES, AT)).isEqualTo(collect("7.000"));
    }

    @Test
    void aBlockedOrClosedAccountIsNotCollected() {
        assertThat(CollectionAmounts.due(MandateType.FULL, anAccount().status(AccountStatus.BLOCKED).build(), NO_RATES, AT))
                .isEqualTo(new CollectionAmount.Skip(SkipReason.ACCOUNT_NOT_OPEN));
    }

    @Test
    void aUsdAccountIsAskedInKwdRoundedUpToTheFils() {
        FxRates rates = (from, to, at) -> Optional.of(new FxRate(from, to, new BigDecimal("0.305000"), AT.minusDays(1), "t"));
        // 80.01 USD x 0.305 = 24.40305 KWD: 24.404 covers it, 24.403 would not
        CollectionAmount amount = CollectionAmounts.due(MandateType.MINIMUM,
                anAccount().currency("USD").minimumDue("80.01").build(), rates, AT);
        assertThat(amount).isEqualTo(new CollectionAmount.Collect(Money.of("24.404", "KWD"), Money.of("80.01", "USD"),
                new BigDecimal("0.305000")));
    }

    @Test
    void aUsdAccountUsesTheInverseOfTheKwdToUsdRateWhenOnlyThatIsOnFile() {
        FxRates rates = (from, to, at) -> from.getCurrencyCode().equals("KWD")
                ? Optional.of(new FxRate(from, to, new BigDecimal("3.250000"), AT.minusDays(1), "t")) : Optional.empty();
        CollectionAmount amount = CollectionAmounts.due(MandateType.MINIMUM,
                anAccount().currency("USD").minimumDue("65.00").build(), rates, AT);
        assertThat(((CollectionAmount.Collect) amount).asked()).isEqualTo(Money.of("20.000", "KWD"));
    }

    @Test
    void aUsdAccountWithoutARateIsReported() {
        assertThat(CollectionAmounts.due(MandateType.FULL, anAccount().currency("USD").build(), NO_RATES, AT))
                .isEqualTo(new CollectionAmount.Skip(SkipReason.NO_FX_RATE));
    }

    private static CollectionAmount collect(String kwd) {
        Money amount = new Money(new BigDecimal(kwd), Currencies.parse("KWD"));
        return new CollectionAmount.Collect(amount, amount, null);
    }
}
