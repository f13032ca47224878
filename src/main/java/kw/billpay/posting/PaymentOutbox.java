package kw.billpay.posting;

import java.util.List;
import javax.sql.DataSource;
import kw.billpay.infra.AdvisoryLease;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The events outbox: audit entries written with {@code publish = true} in the posting transaction, waiting to be
 * relayed to the events topic by {@code routes/events.camel.yaml}. The table itself is the relay's retry store, and
 * the relay's place in it is a row of {@code event_relay_position} (migration V4 says why a place is a transaction id
 * and an event id, not an event id alone).
 *
 * <p>One relay at a time across every gateway instance sharing the database: the instance that holds the relay's
 * {@link AdvisoryLease} reads and moves the place, on the lease's connection; the others' polls find nothing to do.
 * Two relays at once sent the same events concurrently, and the broker's duplicate detection, which checks a
 * transaction's ids when it commits, let some through twice.
 */
@Component("paymentOutbox")
public class PaymentOutbox implements DisposableBean {

    private static final String RELAY = "payment-events";
    /** The relay's PostgreSQL advisory lock: any number unique among the gateway's leases. */
    static final long RELAY_LOCK = 0x6761746577617901L;

    private final AdvisoryLease lease;

    public PaymentOutbox(DataSource dataSource) {
        this.lease = new AdvisoryLease(dataSource, "the payment events relay", RELAY_LOCK);
    }

    /** Whether this instance is the one relaying events now. */
    public boolean relaying() {
        return lease.held();
    }

    @Override
    public void destroy() {
        lease.close();
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
        return lease.ifHeld(jdbc -> jdbc.query("""
                select e.id, e.tx_id::text as tx_id, cast(e.detail as text) as payload
                from payment_event e
                where e.publish
                  and (e.tx_id, e.id) > ((select tx_id from event_relay_position where relay = ?),
                                         (select id from event_relay_position where relay = ?))
                  and e.tx_id < pg_snapshot_xmin(pg_current_snapshot())
                order by e.tx_id, e.id limit ?""",
                (rs, i) -> new OutboxEvent(rs.getLong("id"), rs.getString("tx_id"), rs.getString("payload")),
                RELAY, RELAY, maximum)).orElse(List.of());
    }

    /**
     * Called once the broker has committed the batch: the relay's place moves to the batch's last event, never back.
     * A crash before this only causes a resend the broker drops.
     */
    public void markPublished(List<OutboxEvent> events) {
        OutboxEvent last = events.get(events.size() - 1);
        lease.ifHeld(jdbc -> jdbc.update("""
                update event_relay_position set tx_id = ?::xid8, id = ?, moved_at = now()
                where relay = ? and (tx_id, id) < (?::xid8, ?)""", last.txId(), last.id(), RELAY, last.txId(), last.id()))
                .orElseThrow(() -> new IllegalStateException("the events relay's lease was lost before its place moved"));
    }
}
