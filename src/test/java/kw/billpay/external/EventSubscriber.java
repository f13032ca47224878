package kw.billpay.external;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A downstream system (the card system) reading payment events from its durable queue on the standalone broker,
 * {@code payments.events::card-system} (config/broker.xml): counts every PAYMENT_POSTED event per payment id.
 */
final class EventSubscriber {

    static final String QUEUE = "payments.events::card-system";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Engines engines;

    EventSubscriber(Engines engines) {
        this.engines = engines;
    }

    /** Reads the queue until it stays empty for {@code quiet}: posted events per payment id. */
    Map<String, Integer> drainPosted(Duration quiet) throws JMSException {
        Map<String, Integer> posted = new HashMap<>();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(engines.artemisUrl, engines.artemisUser, engines.artemisPassword);
             Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE));
            Message message;
            while ((message = consumer.receive(quiet.toMillis())) != null) {
                JsonNode event = read(((TextMessage) message).getText());
                if ("PAYMENT_POSTED".equals(event.path("type").asText())) {
                    posted.merge(event.path("paymentId").asText(), 1, Integer::sum);
                }
            }
        }
        return posted;
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("an event that is not JSON: " + text, e);
        }
    }
}
