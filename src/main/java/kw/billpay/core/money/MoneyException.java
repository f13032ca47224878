package kw.billpay.core.money;

import kw.billpay.core.Refusal;

/**
 * A rejected amount, rate or currency. The message is shown to the caller (it becomes the
 * problem {@code detail}), so it names the offending input and says what was wrong with it.
 * A malformed amount or rate is invalid input; a currency the gateway does not take is a business refusal.
 */
public class MoneyException extends Refusal {

    public static final String INVALID_AMOUNT = "INVALID_AMOUNT";
    public static final String INVALID_RATE = "INVALID_RATE";
    public static final String UNSUPPORTED_CURRENCY = "UNSUPPORTED_CURRENCY";

    public MoneyException(String code, String message) {
        super(UNSUPPORTED_CURRENCY.equals(code) ? Kind.UNPROCESSABLE : Kind.INVALID, code, message);
    }
}
