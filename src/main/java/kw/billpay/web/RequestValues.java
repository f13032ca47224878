package kw.billpay.web;

import kw.billpay.core.Refusal;

import java.util.Currency;
import java.util.Set;
import java.util.TreeSet;
import kw.billpay.core.money.Currencies;
import kw.billpay.core.money.Money;
import kw.billpay.core.money.MoneyException;
import kw.billpay.core.money.MoneyParser;

/** Turns request fields into domain values, naming the field in every refusal. */
public final class RequestValues {

    private RequestValues() {
    }

    public static Money amount(String field, String text, Currency currency, boolean positive) {
        if (text == null) {
            throw Refusal.validation(field + ": is required");
        }
        try {
            return positive ? MoneyParser.parsePositive(text, currency) : MoneyParser.parseNonNegative(text, currency);
        } catch (MoneyException e) {
            throw Refusal.invalid(e.code(), field + ": " + e.getMessage());
        }
    }

    public static Currency currency(String field, String code) {
        if (code == null) {
            throw Refusal.validation(field + ": is required");
        }
        try {
            return Currencies.parse(code);
        } catch (MoneyException e) {
            throw Refusal.unprocessable("UNSUPPORTED_CURRENCY", field + ": " + e.getMessage());
        }
    }

    /** A list endpoint's page size: 1 to 1000. */
    public static void requireLimit(int limit) {
        if (limit < 1 || limit > 1000) {
            throw Refusal.validation("limit: must be 1 to 1000");
        }
    }

    /** An optional filter of a list endpoint: absent, or one of the values it knows. */
    public static void requireOneOf(String field, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw Refusal.validation(field + ": one of " + new TreeSet<>(allowed)); // in the same order every time
        }
    }
}
