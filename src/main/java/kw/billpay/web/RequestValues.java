package kw.billpay.web;

import kw.billpay.core.Refusal;

import java.util.Currency;
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
}
