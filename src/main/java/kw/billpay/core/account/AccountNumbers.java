package kw.billpay.core.account;

import kw.billpay.core.Refusal;

/** Account numbers are 6 to 19 digits (CONTRACT "Common rules") and are never shown or logged in full. */
public final class AccountNumbers {

    private AccountNumbers() {
    }

    private static final java.util.regex.Pattern ACCOUNT_NUMBER = java.util.regex.Pattern.compile("[0-9]{6,19}");

    public static boolean isValid(String accountNumber) {
        return accountNumber != null && ACCOUNT_NUMBER.matcher(accountNumber).matches();
    }

    public static String requireValid(String field, String accountNumber) {
        if (!isValid(accountNumber)) {
            throw Refusal.validation(field + ": must be 6 to 19 digits");
        }
        return accountNumber;
    }

    /** All but the last 4 digits masked: {@code ***********1234}. */
    public static String mask(String accountNumber) {
        if (accountNumber == null) {
            return null;
        }
        int visible = Math.min(4, accountNumber.length());
        return "*".repeat(accountNumber.length() - visible) + accountNumber.substring(accountNumber.length() - visible);
    }

    public static String last4(String accountNumber) {
        return accountNumber.substring(Math.max(0, accountNumber.length() - 4));
    }
}
