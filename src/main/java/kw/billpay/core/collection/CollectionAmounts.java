package kw.billpay.core.collection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.Optional;
import kw.billpay.core.account.Account;
import kw.billpay.core.account.AccountStatus;
import kw.billpay.core.money.Currencies;
import kw.billpay.core.money.FxRate;
import kw.billpay.core.money.FxRates;
import kw.billpay.core.money.Money;

/**
 * How much a run asks a mandate's bank for (DOMAIN R17, R30), worked out when the run happens from the account as the
 * latest payments left it:
 * <ul>
 *   <li>{@code MINIMUM}: the statement's minimum due (given, or computed per R15 with R16's carried minimum when the
 *       account was loaded) less what was paid since the statement date;</li>
 *   <li>{@code FULL}: the statement balance still unpaid (the billed buckets, which every payment since the statement
 *       paid down first);</li>
 *   <li>never more than the account owes in all, never zero; only on an OPEN account (R29);</li>
 *   <li>in KWD: a USD account's amount converted at the rate in force, rounded up to the fils so that what is collected
 *       covers it.</li>
 * </ul>
 */
public final class CollectionAmounts {

    public static final Currency KWD = Currencies.parse("KWD");

    private CollectionAmounts() {
    }

    /** @param at when the run asks; the rate in force then converts a USD account's amount */
    public static CollectionAmount due(MandateType type, Account account, FxRates rates, OffsetDateTime at) {
        if (account.status() != AccountStatus.OPEN) {
            return new CollectionAmount.Skip(SkipReason.ACCOUNT_NOT_OPEN);
        }
        Money unpaid = type == MandateType.MINIMUM ? account.minimumDueRemaining() : account.balances().statementBalance();
        Money billed = unpaid.min(account.balances().totalOwed());
        if (!billed.isPositive()) {
            return new CollectionAmount.Skip(SkipReason.NOTHING_DUE);
        }
        if (billed.currency().equals(KWD)) {
            return new CollectionAmount.Collect(billed, billed, null);
        }
        Optional<BigDecimal> rate = rateToKwd(billed.currency(), rates, at);
        if (rate.isEmpty()) {
            return new CollectionAmount.Skip(SkipReason.NO_FX_RATE);
        }
        return new CollectionAmount.Collect(inKwd(billed, rate.get()), billed, rate.get());
    }

    /** Rounded up to the fils: the collection covers the amount due, never falls a fils short of it. */
    static Money inKwd(Money billed, BigDecimal rate) {
        return new Money(billed.amount().multiply(rate).setScale(Currencies.minorUnits(KWD), RoundingMode.CEILING), KWD);
    }

    /** The issuer's rate from the billing currency to KWD, or the inverse of the opposite one when only that is on file. */
    static Optional<BigDecimal> rateToKwd(Currency from, FxRates rates, OffsetDateTime at) {
        return rates.rateAt(from, KWD, at).map(FxRate::rate)
                .or(() -> rates.rateAt(KWD, from, at).map(r -> BigDecimal.ONE.divide(r.rate(), 10, RoundingMode.CEILING)));
    }
}
