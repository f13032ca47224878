package kw.billpay.channel.knet;

import kw.billpay.channel.knet.KnetCallbacks.CallbackOutcome;
import kw.billpay.channel.knet.KnetCallbacks.KnetCallback;
import kw.billpay.channel.knet.KnetPaymentPage.OnlinePaymentStarted;
import kw.billpay.channel.knet.OnlineIntake.OnlinePaymentCommand;
import kw.billpay.infra.RouteCalls;
import lombok.RequiredArgsConstructor;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/** The typed way into {@code routes/online.camel.yaml} for the online channel's controllers. */
@Component
@RequiredArgsConstructor
public class KnetFlows {

    private final ProducerTemplate camel;

    /** A back end starts a payment: the intent is recorded and the customer's browser is sent to KNET's page. */
    public OnlinePaymentStarted start(OnlinePaymentCommand command) {
        return RouteCalls.request(camel, "direct:online-payment-initiation", command, OnlinePaymentStarted.class);
    }

    /** KNET calls back: the call is kept and checked, its resolution queued; the answer says where the browser goes. */
    public CallbackOutcome callback(KnetCallback callback) {
        return RouteCalls.request(camel, "direct:knet-callback", callback, CallbackOutcome.class);
    }
}
