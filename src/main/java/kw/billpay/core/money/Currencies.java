package kw.billpay.core.money;

import java.util.Currency;
import java.util.regex.Pattern;

/** Strict ISO 4217 currency lookup (R1). */
public final class Currencies {

    // Currency.getInstance accepts only exact codes, but we check the shape first so that
    // "kwd" or " KWD" get a clear message instead of a generic "unknown code".
    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    private Currencies() {
    }

    /**
     * @throws MoneyException UNSUPPORTED_CURRENCY if the code is not three uppercase letters, is not
     *                        a known ISO 4217 code, or has no minor units (e.g. XAU, XXX)
     */
    public static Currency parse(String code) {
        if (code == null) {
            throw unsupported("currency is missing");
        }
        if (!CODE.matcher(code).matches()) {
            throw unsupported("currency \"" + MoneyParser.shorten(code)
                    + "\" is not an ISO 4217 code (three uppercase letters, e.g. KWD)");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw unsupported("currency \"" + code + "\" is not a known ISO 4217 code");
        }
        minorUnits(currency);
        return currency;
    }

    /** ISO 4217 minor units: KWD 3, USD 2, SAR 2. */
    public static int minorUnits(Currency currency) {
        int minorUnits = currency.getDefaultFractionDigits();
        if (minorUnits < 0) {
            // Metals and test codes have no minor units, so no amount in them can be exact.
            throw unsupported("currency \"" + currency.getCurrencyCode()
                    + "\" has no minor units and cannot carry money");
        }
        return minorUnits;
    }

    private static MoneyException unsupported(String message) {
        return new MoneyException(MoneyException.UNSUPPORTED_CURRENCY, message);
    }
}
