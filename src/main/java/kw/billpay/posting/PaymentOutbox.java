package kw.billpay.posting;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The events outbox: audit entries written with {@code publish = true} in the posting transaction, waiting to be
 * relayed to the events topic by {@code routes/events.camel.yaml}. The table itself is the relay's retry store, and
 * the relay's place in it is a row of {@code event_relay_position} (migration V4 says why a place is a transaction id
 * and an event id, not an event id alone).
 */
@Component("paymentOutbox")
public class PaymentOutbox {

    private static final String RELAY = "payment-events";

    private final JdbcTemplate jdbc;

    public PaymentOutbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One event to relay: its outbox id (the broker's duplicate id is made from it), the id of the transaction that
     * wrote it (as text: an {@code xid8} can exceed a signed long), and its JSON.
     */
    public record OutboxEvent(long id, String txId, String payload) { }

    /**
     * The next events after the relay's place, in the order of the transactions that wrote them. Only events of
     * transactions older than every transaction still running are read: no event can commit behind them later. The
     * place is read by two one-value subqueries, so that it is a constant of the index scan and a backlog is read from
     * the index in order, a batch at a time, instead of sorted whole.
     */
    public List<OutboxEvent> nextBatch(int maximum) {
        return jdbc.query("""
                select e.id, e.tx_id::text as tx_id, cast(e.detail as text) as payload
                from payment_event e
                where e.publish
                  and (e.tx_id, e.id) > ((select tx_id from event_relay_position where relay = ?),
                                         (select id from event_relay_position where relay = ?))
                  and e.tx_id < pg_snapshot_xmin(pg_current_snapshot())
                order by e.tx_id, e.id limit ?""",
                (rs, i) -> new OutboxEvent(rs.getLong("id"), rs.getString("tx_id"), rs.getString("payload")),
                RELAY, RELAY, maximum);
    }

    /**
     * Called once the broker has committed the batch: the relay's place moves to the batch's last event, never back.
     * A crash before this only causes a resend the broker drops.
     */
    public void markPublished(List<OutboxEvent> events) {
        OutboxEvent last = events.get(events.size() - 1);
        jdbc.update("""
                update event_relay_position set tx_id = ?::xid8, id = ?, moved_at = now()
                where relay = ? and (tx_id, id) < (?::xid8, ?)""", last.txId(), last.id(), RELAY, last.txId(), last.id());
    }
}
