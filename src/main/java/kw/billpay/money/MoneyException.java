package kw.billpay.money;

import java.util.Objects;

/**
 * A rejected amount, rate or currency. The message is shown to the caller (it becomes the
 * problem {@code detail}), so it names the offending input and says what was wrong with it.
 */
public class MoneyException extends RuntimeException {

    public static final String INVALID_AMOUNT = "INVALID_AMOUNT";
    public static final String INVALID_RATE = "INVALID_RATE";
    public static final String UNSUPPORTED_CURRENCY = "UNSUPPORTED_CURRENCY";

    private final String code;

    public MoneyException(String code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public String code() {
        return code;
    }
}
