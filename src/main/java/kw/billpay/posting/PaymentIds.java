package kw.billpay.posting;

import java.util.UUID;
import kw.billpay.web.ApiException;

/** Payment ids in URLs: a malformed id is simply an unknown payment (404), like any id the gateway never issued. */
public final class PaymentIds {

    private PaymentIds() {
    }

    public static UUID parse(String paymentId) {
        try {
            return UUID.fromString(paymentId);
        } catch (IllegalArgumentException e) {
            throw unknown(paymentId);
        }
    }

    public static ApiException unknown(Object paymentId) {
        return ApiException.notFound("UNKNOWN_PAYMENT", "payment " + paymentId + " is not known");
    }
}
