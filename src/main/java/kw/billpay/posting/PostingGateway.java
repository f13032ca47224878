package kw.billpay.posting;

import java.util.List;
import kw.billpay.core.payment.Payment;
import kw.billpay.core.payment.PaymentCommand;
import kw.billpay.core.payment.PaymentIntent;
import kw.billpay.core.payment.PostingResult;
import kw.billpay.infra.RouteCalls;
import lombok.RequiredArgsConstructor;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * The typed way into {@code routes/posting.camel.yaml} for Java callers (controllers, a channel's bean that holds its
 * own transaction): the same routes the channels' routes go to, so every path to the ledger passes there.
 */
@Component
@RequiredArgsConstructor
public class PostingGateway {

    private final ProducerTemplate camel;

    /** One payment whose payer waits for the answer: recorded, or its refusal thrown. */
    public Payment receive(PaymentIntent intent) {
        return RouteCalls.request(camel, "direct:post-payment", intent, Payment.class);
    }

    /** Payments already received (a batch of a bank file): each recorded or refused, in one transaction. */
    public PostingResult receive(List<PaymentIntent> intents) {
        return RouteCalls.request(camel, "direct:post-payments", intents, PostingResult.class);
    }

    /** One step of a recorded payment's life: clearing, KNET's answer, a reversal, a rate that arrived. */
    public Payment apply(PaymentCommand command) {
        return RouteCalls.request(camel, "direct:apply-to-payment", command, Payment.class);
    }

    /** Posts the payments held for a rate that now has one; answers how many were posted. */
    public int releasePendingFx() {
        Integer posted = RouteCalls.request(camel, "direct:release-pending-fx", null, Integer.class);
        return posted == null ? 0 : posted; // nothing was held
    }
}
