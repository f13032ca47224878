package kw.billpay.posting;

import kw.billpay.core.payment.Payment;
import kw.billpay.core.payment.PaymentIntent;
import kw.billpay.infra.RouteProxy;

/**
 * The way into {@code routes/posting.camel.yaml} for Java callers that hold a payment whose payer waits (the suspense
 * queue's assignment): the same route the channels' routes go to, so every path to the ledger passes there.
 */
@RouteProxy("direct:post-payment")
public interface PostPaymentRoute {

    /** Recorded, or its refusal thrown. */
    Payment post(PaymentIntent intent);
}
