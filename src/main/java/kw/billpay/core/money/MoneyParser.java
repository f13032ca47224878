package kw.billpay.core.money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict parsing of decimal text (R1, R2): ASCII digits, optionally one dot followed by at least
 * one digit. Nothing is rounded or guessed; anything else is rejected with a reason, because a
 * lenient parser turns "1,000" or "1e3" into a wrong payment instead of an error.
 */
public final class MoneyParser {

    private static final int MAX_AMOUNT_INTEGER_DIGITS = 15;
    private static final int MAX_RATE_INTEGER_DIGITS = 6;
    private static final int MAX_RATE_DECIMALS = 10;
    // Inputs are echoed in error messages; cap what we echo so a hostile value cannot bloat responses.
    private static final int MAX_ECHO_CHARS = 40;

    private static final Pattern DECIMAL = Pattern.compile("([0-9]+)(?:\\.([0-9]+))?");
    private static final Pattern DOT_WITHOUT_DIGITS = Pattern.compile("[0-9]*\\.[0-9]*");
    private static final Pattern EXPONENT = Pattern.compile("[0-9.]+[eE][+-]?[0-9]+");

    private MoneyParser() {
    }

    /** A payment amount: must be greater than zero. */
    public static Money parsePositive(String text, Currency currency) {
        BigDecimal amount = parseAmount(text, currency, "must be greater than zero");
        if (amount.signum() == 0) {
            throw new MoneyException(MoneyException.INVALID_AMOUNT,
                    "amount \"" + text + "\" must be greater than zero");
        }
        return new Money(amount, currency);
    }

    /** A balance or bucket amount: zero allowed, negative not. */
    public static Money parseNonNegative(String text, Currency currency) {
        return new Money(parseAmount(text, currency, "must not be negative"), currency);
    }

    /** An FX rate: greater than zero, up to 6 integer digits and 10 decimals; scale kept as given. */
    public static BigDecimal parseRate(String text) {
        BigDecimal rate = parseDecimal(text, "rate", MoneyException.INVALID_RATE, "must be greater than zero",
                MAX_RATE_INTEGER_DIGITS, MAX_RATE_DECIMALS, "more than " + MAX_RATE_DECIMALS + " decimals");
        if (rate.signum() == 0) {
            throw new MoneyException(MoneyException.INVALID_RATE, "rate \"" + text + "\" must be greater than zero");
        }
        return rate;
    }

    private static BigDecimal parseAmount(String text, Currency currency, String negativeReason) {
        int minorUnits = Currencies.minorUnits(currency);
        return parseDecimal(text, "amount", MoneyException.INVALID_AMOUNT, negativeReason,
                MAX_AMOUNT_INTEGER_DIGITS, minorUnits,
                "more decimals than " + currency.getCurrencyCode() + " allows (" + minorUnits + ")");
    }

    private static BigDecimal parseDecimal(String text, String what, String code, String negativeReason,
                                           int maxIntegerDigits, int maxDecimals, String tooManyDecimals) {
        if (text == null) {
            throw new MoneyException(code, what + " is missing");
        }
        String quoted = what + " \"" + shorten(text) + "\"";
        if (text.isBlank()) {
            throw new MoneyException(code, quoted + " is blank");
        }
        if (text.chars().anyMatch(Character::isWhitespace)) {
            throw new MoneyException(code, quoted + " must not contain spaces");
        }
        if (text.startsWith("-")) {
            throw new MoneyException(code, quoted + " " + negativeReason);
        }
        if (text.startsWith("+")) {
            throw new MoneyException(code, quoted + " must not carry a '+' sign");
        }
        if (EXPONENT.matcher(text).matches()) {
            throw new MoneyException(code, quoted + " uses exponent notation; write the plain number");
        }
        if (text.indexOf(',') >= 0) {
            throw new MoneyException(code, quoted + " contains a comma; thousands separators are not accepted"
                    + " and the decimal separator is '.'");
        }
        Matcher matcher = DECIMAL.matcher(text);
        if (!matcher.matches()) {
            if (DOT_WITHOUT_DIGITS.matcher(text).matches()) {
                throw new MoneyException(code, quoted + " needs digits on both sides of the decimal point");
            }
            throw new MoneyException(code,
                    quoted + " is not a plain decimal number (ASCII digits, optionally '.' and decimals)");
        }
        if (matcher.group(1).length() > maxIntegerDigits) {
            throw new MoneyException(code, quoted + " has more than " + maxIntegerDigits + " integer digits");
        }
        String decimals = matcher.group(2);
        if (decimals != null && decimals.length() > maxDecimals) {
            throw new MoneyException(code, quoted + " has " + tooManyDecimals);
        }
        return new BigDecimal(text);
    }

    /** Echoed inputs are cut short, so that a hostile value cannot bloat a message. */
    public static String shorten(String text) {
        return text.length() <= MAX_ECHO_CHARS ? text : text.substring(0, MAX_ECHO_CHARS) + "...";
    }
}
