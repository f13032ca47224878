package kw.billpay.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/online/payments} (CONTRACT "Online and mobile payments through KNET"), as the web
 * or mobile back end sends it to start a KNET payment.
 */
public final class OnlinePaymentJson {

    private final Map<String, Object> body = new LinkedHashMap<>();

    private OnlinePaymentJson(String accountNumber, String amount, String currency) {
        body.put("accountNumber", accountNumber);
        body.put("amount", Map.of("amount", amount, "currency", currency));
    }

    public static OnlinePaymentJson of(String accountNumber, String amount, String currency) {
        return new OnlinePaymentJson(accountNumber, amount, currency);
    }

    public OnlinePaymentJson with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    public Map<String, Object> json() {
        return new LinkedHashMap<>(body);
    }
}
