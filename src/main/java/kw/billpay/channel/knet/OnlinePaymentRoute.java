package kw.billpay.channel.knet;

import kw.billpay.channel.knet.KnetPaymentPage.OnlinePaymentStarted;
import kw.billpay.channel.knet.OnlineIntake.OnlinePaymentCommand;
import kw.billpay.infra.RouteProxy;

/** The way into {@code routes/online.camel.yaml} for a back end starting a payment. */
@RouteProxy("direct:online-payment-initiation")
public interface OnlinePaymentRoute {

    /** The intent is recorded and the customer's browser is sent to KNET's page. */
    OnlinePaymentStarted start(OnlinePaymentCommand command);
}
