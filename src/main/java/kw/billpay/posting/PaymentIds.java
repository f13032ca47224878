package kw.billpay.posting;


import java.util.UUID;
import kw.billpay.core.Refusal;

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

    public static Refusal unknown(Object paymentId) {
        return Refusal.notFound("UNKNOWN_PAYMENT", "payment " + paymentId + " is not known");
    }
}
