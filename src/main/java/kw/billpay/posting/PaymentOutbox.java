package kw.billpay.posting;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The events outbox: audit entries written with {@code publish = true} in the posting transaction, waiting to be
 * relayed to the events topic by {@code routes/events.camel.yaml}. The table itself is the relay's retry store.
 */
@Component("paymentOutbox")
public class PaymentOutbox {

    private final JdbcTemplate jdbc;

    public PaymentOutbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One event to relay: its outbox id (the broker's duplicate id is made from it) and its JSON. */
    public record OutboxEvent(long id, String payload) { }

    /** The oldest unpublished events, in the order they were posted. */
    public List<OutboxEvent> nextBatch(int maximum) {
        return jdbc.query("""
                select id, cast(detail as text) as payload from payment_event
                where publish and published_at is null order by id limit ?""",
                (rs, i) -> new OutboxEvent(rs.getLong("id"), rs.getString("payload")), maximum);
    }

    /** Called once the broker has committed the batch; a crash before this only causes a resend the broker drops. */
    public void markPublished(List<OutboxEvent> events) {
        jdbc.update("update payment_event set published_at = now() where id = any(?)",
                (Object) events.stream().map(OutboxEvent::id).toArray(Long[]::new));
    }
}
