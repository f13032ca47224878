package kw.billpay.core.money;

import java.util.Objects;

/** A converted payment with everything needed to explain it later (R3, R25). */
public record Conversion(Money original, Money converted, FxRate rate) {

    public Conversion {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(converted, "converted");
        Objects.requireNonNull(rate, "rate");
        if (!original.currency().equals(rate.from()) || !converted.currency().equals(rate.to())) {
            throw new IllegalArgumentException("conversion " + original + " -> " + converted
                    + " does not match rate " + rate.from() + "->" + rate.to());
        }
    }
}
