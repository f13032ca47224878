package kw.billpay.posting;

import kw.billpay.core.payment.Payment;
import kw.billpay.core.payment.PaymentCommand;
import kw.billpay.infra.RouteProxy;

/** The way into {@code routes/posting.camel.yaml} for one step of a recorded payment's life asked from Java. */
@RouteProxy("direct:apply-to-payment")
public interface ApplyToPaymentRoute {

    /** Clearing, KNET's answer, a reversal, a rate that arrived: the payment after it, or the refusal thrown. */
    Payment apply(PaymentCommand command);
}
