package kw.billpay.web;

import java.util.Currency;
import kw.billpay.money.Currencies;
import kw.billpay.money.Money;
import kw.billpay.money.MoneyException;
import kw.billpay.money.MoneyParser;

/** Turns request fields into domain values, naming the field in every refusal. */
public final class RequestValues {

    private RequestValues() {
    }

    public static Money amount(String field, String text, Currency currency, boolean positive) {
        if (text == null) {
            throw ApiException.validation(field + ": is required");
        }
        try {
            return positive ? MoneyParser.parsePositive(text, currency) : MoneyParser.parseNonNegative(text, currency);
        } catch (MoneyException e) {
            throw ApiException.badRequest(e.code(), field + ": " + e.getMessage());
        }
    }

    public static Currency currency(String field, String code) {
        if (code == null) {
            throw ApiException.validation(field + ": is required");
        }
        try {
            return Currencies.parse(code);
        } catch (MoneyException e) {
            throw ApiException.unprocessable("UNSUPPORTED_CURRENCY", field + ": " + e.getMessage());
        }
    }
}
