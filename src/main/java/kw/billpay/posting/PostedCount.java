package kw.billpay.posting;

import kw.billpay.core.payment.Payment;
import kw.billpay.core.payment.PaymentStatus;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** Counts the payments a split posted ({@code routes/posting.camel.yaml}, the release of PENDING_FX payments). */
@Component("postedCount")
class PostedCount implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange counted, Exchange next) {
        boolean posted = next.getMessage().getBody() instanceof Payment p && p.status() == PaymentStatus.POSTED;
        if (counted == null) {
            next.getMessage().setBody(posted ? 1 : 0);
            return next;
        }
        counted.getMessage().setBody(counted.getMessage().getBody(Integer.class) + (posted ? 1 : 0));
        return counted;
    }
}
