package kw.billpay.channel.knet;

import kw.billpay.channel.knet.KnetCallbacks.CallbackOutcome;
import kw.billpay.channel.knet.KnetCallbacks.KnetCallback;
import kw.billpay.infra.RouteProxy;

/** The way into {@code routes/online.camel.yaml} for KNET's calls back. */
@RouteProxy("direct:knet-callback")
public interface KnetCallbackRoute {

    /** The call is kept and checked, its resolution queued; the answer says where the browser goes. */
    CallbackOutcome receive(KnetCallback callback);
}
