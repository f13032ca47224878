package kw.billpay.core.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** Converts a payment into the billing currency (R3). */
public final class FxConverter {

    private FxConverter() {
    }

    /**
     * The product amount x rate is exact (BigDecimal multiplication does not round); it is then rounded
     * once, HALF_UP, to the target's minor units. Rounding in steps could move the result by one minor unit.
     */
    public static Conversion convert(Money original, FxRate rate) {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(rate, "rate");
        if (!original.currency().equals(rate.from())) {
            throw new IllegalArgumentException("cannot convert " + original + " with a rate from " + rate.from());
        }
        BigDecimal convertedAmount = original.amount().multiply(rate.rate())
                .setScale(Currencies.minorUnits(rate.to()), RoundingMode.HALF_UP);
        return new Conversion(original, new Money(convertedAmount, rate.to()), rate);
    }

    /**
     * Converts with a rate quoted the other way round (from the target to the original's currency): the amount is
     * divided by the rate, rounded once, HALF_UP. For comparisons such as a refund threshold, where only the
     * opposite rate may be on file; payments are always converted with the rate for their own direction.
     */
    public static Money convertByInverse(Money original, FxRate rateFromTarget) {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(rateFromTarget, "rateFromTarget");
        if (!original.currency().equals(rateFromTarget.to())) {
            throw new IllegalArgumentException("cannot convert " + original + " by inverting a rate to " + rateFromTarget.to());
        }
        BigDecimal convertedAmount = original.amount()
                .divide(rateFromTarget.rate(), Currencies.minorUnits(rateFromTarget.from()), RoundingMode.HALF_UP);
        return new Money(convertedAmount, rateFromTarget.from());
    }
}
