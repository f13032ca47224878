package kw.billpay.channel.branch;

import kw.billpay.core.Refusal;
import kw.billpay.core.payment.Payment;

/** A cheque or draft is cleared or returned by someone other than the teller who took it over the counter. */
public final class FourEyes {

    private FourEyes() {
    }

    public static void requireNotTakenBy(Payment held, String supervisor) {
        if (supervisor != null && supervisor.equals(held.origin().get("teller"))) {
            throw Refusal.forbidden("OWN_PAYMENT", "payment " + held.paymentId()
                    + " was taken by " + supervisor + ", who may not also record its clearing result");
        }
    }
}
