package kw.billpay.ops;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import kw.billpay.core.Refusal;
import kw.billpay.core.account.AccountNumbers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import kw.billpay.metrics.BacklogGauge;
import lombok.extern.slf4j.Slf4j;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.JmsException;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dead-letter queue ({@code gateway.events.dead-letter-queue}): what the gateway (Camel's asynchronous routes, after
 * their redeliveries) or the broker (after max-delivery-attempts) gave up on. OPS lists it and replays a message to the
 * queue it came from; each replay is audited in {@code dead_letter_replay}.
 */
@Component
@Slf4j
public class DeadLetters implements BacklogGauge {

    /** The header the asynchronous routes' dead-letter channel names the failed consumer's queue in (error-handling.camel.yaml). */
    public static final String ORIGIN_HEADER = "GatewayDeadLetterFrom";
    public static final String REASON_HEADER = "GatewayDeadLetterReason";
    /** What the broker sets on a message it moves to the dead-letter address itself. */
    private static final String BROKER_ORIGIN = "_AMQ_ORIG_QUEUE";
    private static final int MAX_LISTED = 500;
    private static final int MAX_COUNTED = 10_000;
    private static final Pattern LONG_DIGIT_RUN = Pattern.compile("[0-9]{12,}");

    private final JmsTemplate jms;
    private final JdbcTemplate jdbc;
    private final String queue;
    private final Counter replays;

    DeadLetters(ConnectionFactory connectionFactory, JdbcTemplate jdbc, MeterRegistry registry,
                @Value("${gateway.events.dead-letter-queue}") String queue) {
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true); // a replay receives and sends in one broker transaction
        this.jdbc = jdbc;
        this.queue = queue;
        this.replays = Counter.builder("gateway.dead.letter.replays")
                .description("Dead letters OPS replayed to the queue they came from").register(registry);
    }

    /** The dead letters, oldest first, at most {@value #MAX_LISTED}. */
    public List<DeadLetter> list() {
        return jms.browse(queue, (session, browser) -> {
            List<DeadLetter> letters = new ArrayList<>();
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements() && letters.size() < MAX_LISTED) {
                letters.add(view((Message) messages.nextElement()));
            }
            return letters;
        });
    }

    /**
     * The first dead letters (at most {@code limit}), whether more wait behind them, and whether the queue could be
     * read at all (it exists once something was dead-lettered; the broker may be away): the console's view.
     */
    public record Page(List<DeadLetter> letters, boolean more, boolean readable) { }

    public Page browse(int limit) {
        try {
            List<DeadLetter> letters = jms.browse(queue, (session, browser) -> {
                List<DeadLetter> first = new ArrayList<>();
                Enumeration<?> messages = browser.getEnumeration();
                while (messages.hasMoreElements() && first.size() <= limit) {
                    first.add(view((Message) messages.nextElement()));
                }
                return first;
            });
            if (letters == null) {
                return new Page(List.of(), false, true);
            }
            return new Page(letters.subList(0, Math.min(limit, letters.size())), letters.size() > limit, true);
        } catch (JmsException missingOrAway) {
            return new Page(List.of(), false, false);
        }
    }

    /** How many dead letters wait (counted up to {@value #MAX_COUNTED}). */
    public int count() {
        Integer counted = jms.browse(queue, (session, browser) -> Collections.list(browser.getEnumeration()).stream()
                .limit(MAX_COUNTED).toList().size());
        return counted == null ? 0 : counted;
    }

    /**
     * Moves one dead letter back to the queue it came from, in one broker transaction (it leaves the dead-letter queue
     * only as it reaches its queue), and audits who did it. The database transaction commits after the broker's: a
     * failure of the move leaves no audit row and the letter where it was.
     */
    @Transactional
    public DeadLetter replay(String messageId, String actor) {
        if (!messageId.matches("[A-Za-z0-9:_.-]{1,200}")) {
            throw Refusal.validation("messageId: not a message id");
        }
        DeadLetter replayed = jms.execute(session -> moveBack(session, messageId), true);
        if (replayed == null) {
            throw Refusal.notFound("DEAD_LETTER_NOT_FOUND", "No dead letter " + messageId + " (already replayed?)");
        }
        jdbc.update("insert into dead_letter_replay (replayed_by, message_id, destination, dead_lettered_at, reason)"
                        + " values (?, ?, ?, ?, ?)", actor, messageId, replayed.destination(),
                replayed.deadLetteredAt() == null ? null : Timestamp.from(replayed.deadLetteredAt()), replayed.reason());
        replays.increment();
        log.info("Dead letter {} replayed to {} by {}", messageId, replayed.destination(), actor);
        return replayed;
    }

    private DeadLetter moveBack(Session session, String messageId) throws JMSException {
        Queue deadLetters = session.createQueue(queue);
        try (MessageConsumer consumer = session.createConsumer(deadLetters, "JMSMessageID = 'ID:" + messageId + "'")) {
            Message message = consumer.receive(2000);
            if (message == null) {
                return null;
            }
            DeadLetter letter = view(message);
            if (letter.destination() == null) {
                session.rollback();
                throw Refusal.conflict("DEAD_LETTER_ORIGIN_UNKNOWN", "Dead letter " + messageId + " does not say which queue it came from");
            }
            session.createProducer(session.createQueue(letter.destination())).send(message);
            session.commit();
            return letter;
        }
    }

    private static DeadLetter view(Message message) {
        try {
            String body = message instanceof TextMessage text ? text.getText() : "(" + message.getClass().getSimpleName() + ")";
            String id = Optional.ofNullable(message.getJMSMessageID()).map(i -> i.startsWith("ID:") ? i.substring(3) : i).orElse("");
            return new DeadLetter(id,
                    message.getJMSTimestamp() == 0 ? null : Instant.ofEpochMilli(message.getJMSTimestamp()),
                    origin(message), message.getStringProperty(REASON_HEADER),
                    message.propertyExists("JMSXDeliveryCount") ? message.getIntProperty("JMSXDeliveryCount") : 0,
                    body == null ? null : LONG_DIGIT_RUN.matcher(body).replaceAll(m -> AccountNumbers.mask(m.group())));
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable dead letter", e);
        }
    }

    /** The queue a dead letter came from: named by the gateway's dead-letter channel, or by the broker. */
    private static String origin(Message message) throws JMSException {
        String fromGateway = message.getStringProperty(ORIGIN_HEADER);
        if (fromGateway != null && !fromGateway.isBlank()) {
            return fromGateway;
        }
        return message.getStringProperty(BROKER_ORIGIN);
    }

    /** The dashboard's gateway_dead_letters, counted on the broker. */
    @Override
    public String name() {
        return "gateway.dead.letters";
    }

    @Override
    public String description() {
        return "Messages waiting on the dead-letter queue";
    }

    @Override
    public double read() {
        return count();
    }
}
