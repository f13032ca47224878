package kw.billpay.core.money;

import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.Optional;

/** Where the issuer's rates are found: the latest rate for a pair in force at a time (DOMAIN R3). */
@FunctionalInterface
public interface FxRates {

    /** The latest rate for the pair whose effective time is at or before {@code at}; empty when none is in force. */
    Optional<FxRate> rateAt(Currency from, Currency to, OffsetDateTime at);
}
