package kw.billpay.core.money;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.Objects;

/** The issuer's rate for one currency pair, kept on the payment with where and when it came from (R3). */
public record FxRate(Currency from, Currency to, BigDecimal rate, OffsetDateTime effectiveAt, String source) {

    public FxRate {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(effectiveAt, "effectiveAt");
        Objects.requireNonNull(source, "source");
        if (from.equals(to)) {
            throw new IllegalArgumentException("an FX rate needs two different currencies, got " + from + " to " + to);
        }
        if (rate.signum() <= 0) {
            throw new IllegalArgumentException("FX rate " + from + "->" + to
                    + " must be greater than zero, got " + rate.toPlainString());
        }
    }

    /** A rate as stored (numeric(20,10)) brought back to how rates are quoted: no trailing zeros, at least 6 decimals. */
    public static BigDecimal quoted(BigDecimal stored) {
        BigDecimal stripped = stored.stripTrailingZeros();
        return stripped.setScale(Math.max(6, stripped.scale()));
    }
}
