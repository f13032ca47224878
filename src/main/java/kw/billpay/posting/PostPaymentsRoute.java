package kw.billpay.posting;

import java.util.List;
import kw.billpay.core.payment.PaymentIntent;
import kw.billpay.core.payment.PostingResult;
import kw.billpay.infra.RouteProxy;

/** The way into {@code routes/posting.camel.yaml} for a batch of payments already received (a bank file's). */
@RouteProxy("direct:post-payments")
public interface PostPaymentsRoute {

    /** Each recorded or refused, in one transaction. */
    PostingResult post(List<PaymentIntent> intents);
}
