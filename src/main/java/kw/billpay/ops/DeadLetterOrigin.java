package kw.billpay.ops;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.jms.JmsEndpoint;
import org.springframework.stereotype.Component;

/**
 * Run by the asynchronous routes' dead-letter channel (routes/error-handling.camel.yaml) just before a message is
 * parked: it names the queue the message was consumed from and why it failed, so that OPS sees the reason and a replay
 * sends it back where it came from ({@link DeadLetters}).
 */
@Component("deadLetterOrigin")
class DeadLetterOrigin implements Processor {

    @Override
    public void process(Exchange exchange) {
        if (exchange.getFromEndpoint() instanceof JmsEndpoint jms && !jms.isPubSubDomain()) {
            exchange.getMessage().setHeader(DeadLetters.ORIGIN_HEADER, jms.getDestinationName());
        }
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (failure != null) {
            String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
            exchange.getMessage().setHeader(DeadLetters.REASON_HEADER, reason.length() > 500 ? reason.substring(0, 500) : reason);
        }
    }
}
