package kw.billpay.infra;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import kw.billpay.core.account.AccountNumbers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jms.JmsException;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * The messages parked on the dead-letter queue after their retries ran out, browsed without taking them off: for
 * operations to see that something waits. Bodies are cut short and every long digit run masked (an account number).
 */
@Component
public class DeadLetters {

    private static final Pattern DIGIT_RUN = Pattern.compile("[0-9]{6,}");
    private static final int EXCERPT = 160;

    private final JmsTemplate jms;
    private final String queue;

    DeadLetters(JmsTemplate jms, @Value("${gateway.events.dead-letter-queue}") String queue) {
        this.jms = jms;
        this.queue = queue;
    }

    /** A parked message: when it was first sent, where it was going, the start of its body. */
    public record DeadLetter(String messageId, Instant sentAt, String originalAddress, String excerpt) { }

    /**
     * The first messages on the queue (at most {@code limit}), whether more wait behind them, and whether the queue
     * could be read at all (it does not exist until something was dead-lettered; the broker may be down).
     */
    public record Page(List<DeadLetter> letters, boolean more, boolean readable) { }

    public Page browse(int limit) {
        try {
            return browseQueue(limit);
        } catch (JmsException missingOrDown) {
            return new Page(Collections.emptyList(), false, false);
        }
    }

    private Page browseQueue(int limit) {
        Page page = jms.browse(queue, (session, browser) -> {
            List<DeadLetter> letters = new ArrayList<>();
            var messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                if (letters.size() == limit) {
                    return new Page(letters, true, true);
                }
                letters.add(letter((Message) messages.nextElement()));
            }
            return new Page(letters, false, true);
        });
        return page == null ? new Page(Collections.emptyList(), false, true) : page;
    }

    private static DeadLetter letter(Message message) throws JMSException {
        String body = message instanceof TextMessage text && text.getText() != null ? text.getText() : "";
        String excerpt = body.length() > EXCERPT ? body.substring(0, EXCERPT) + "…" : body;
        excerpt = DIGIT_RUN.matcher(excerpt).replaceAll(m -> AccountNumbers.mask(m.group()));
        String address = message.getStringProperty("_AMQ_ORIG_ADDRESS");
        return new DeadLetter(message.getJMSMessageID(), Instant.ofEpochMilli(message.getJMSTimestamp()),
                address, excerpt);
    }
}
