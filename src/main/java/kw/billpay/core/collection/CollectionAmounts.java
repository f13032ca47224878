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
    private static final int FILS = Currencies.minorUnits(KWD);

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
        Optional<FxRate> direct = rates.rateAt(billed.currency(), KWD, at);
        if (direct.isPresent()) {
            return new CollectionAmount.Collect(rounded(billed.amount().multiply(direct.get().rate())), billed, direct.get().rate());
        }
        // only the opposite rate on file: divided by it, as the issuer converts a KWD amount into this currency
        Optional<FxRate> opposite = rates.rateAt(KWD, billed.currency(), at);
        if (opposite.isEmpty()) {
            return new CollectionAmount.Skip(SkipReason.NO_FX_RATE);
        }
        BigDecimal rate = opposite.get().rate();
        return new CollectionAmount.Collect(new Money(billed.amount().divide(rate, FILS, RoundingMode.CEILING), KWD), billed,
                BigDecimal.ONE.divide(rate, 10, RoundingMode.HALF_UP));
    }

    /** Rounded up to the fils: the collection covers the amount due, never falls a fils short of it. */
    private static Money rounded(BigDecimal kwd) {
        return new Money(kwd.setScale(FILS, RoundingMode.CEILING), KWD);
    }
}
