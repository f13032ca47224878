package kw.billpay.channel.knet;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** When the gateway next asks KNET about each payment it has still to ask about (table {@code knet_inquiry_schedule}). */
@Repository
@RequiredArgsConstructor
public class KnetInquiryScheduleRepository {

    /** Why the gateway asks: an intent to resolve, or a failed payment to check again. */
    public enum Purpose { RESOLVE, RECHECK }

    /** A payment's place in the schedule; {@code stage} counts a RECHECK's asks (1 after the delay, 2 at day's end). */
    public record Entry(UUID paymentId, Purpose purpose, int stage, OffsetDateTime nextAskAt, int attempts) { }

    private final JdbcTemplate jdbc;

    /** An intent the gateway will ask about at {@code at} unless KNET resolves it before. */
    public void expect(UUID paymentId, OffsetDateTime at) {
        jdbc.update("insert into knet_inquiry_schedule (payment_id, purpose, next_ask_at) values (?, 'RESOLVE', ?)"
                + " on conflict (payment_id) do nothing", paymentId, at);
    }

    /**
     * Claims up to {@code limit} payments due at {@code now} that no run is asking about, the longest due first, until
     * {@code claimedUntil}; a run that dies leaves them to the next after that.
     */
    public List<Entry> claimDue(OffsetDateTime now, int limit, OffsetDateTime claimedUntil) {
        List<Entry> due = jdbc.query("""
                with due as (
                    select payment_id from knet_inquiry_schedule
                    where next_ask_at <= ? and (claimed_until is null or claimed_until < ?)
                    order by next_ask_at, payment_id limit ? for update skip locked)
                update knet_inquiry_schedule s set claimed_until = ? from due where s.payment_id = due.payment_id
                returning s.payment_id, s.purpose, s.stage, s.next_ask_at, s.attempts""", this::map, now, now, limit, claimedUntil);
        return due.stream().sorted(Comparator.comparing(Entry::nextAskAt).thenComparing(Entry::paymentId)).toList();
    }

    /** Claimed payments a run did not get to: due again at once, for the next run. */
    public void release(Collection<UUID> paymentIds) {
        if (!paymentIds.isEmpty()) {
            jdbc.update("update knet_inquiry_schedule set claimed_until = null where payment_id = any (?::uuid[])",
                    (Object) paymentIds.stream().map(UUID::toString).toArray(String[]::new));
        }
    }

    /** The payment's entry, locked until the transaction ends. */
    public Optional<Entry> lock(UUID paymentId) {
        return jdbc.query("select payment_id, purpose, stage, next_ask_at, attempts from knet_inquiry_schedule"
                + " where payment_id = ? for update", this::map, paymentId).stream().findFirst();
    }

    /** Asks about the payment at {@code next}: for {@code purpose} at {@code stage}, after {@code attempts} unanswered. */
    public void schedule(UUID paymentId, Purpose purpose, int stage, int attempts, OffsetDateTime next, OffsetDateTime askedAt,
                         String lastAnswer) {
        jdbc.update("""
                insert into knet_inquiry_schedule (payment_id, purpose, stage, attempts, next_ask_at, last_asked_at, last_answer)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (payment_id) do update set purpose = excluded.purpose, stage = excluded.stage,
                    attempts = excluded.attempts, next_ask_at = excluded.next_ask_at, last_asked_at = excluded.last_asked_at,
                    last_answer = excluded.last_answer, claimed_until = null""",
                paymentId, purpose.name(), stage, attempts, next, askedAt, lastAnswer);
    }

    /** Nothing more to ask about the payment. */
    public void done(UUID paymentId) {
        jdbc.update("delete from knet_inquiry_schedule where payment_id = ?", paymentId);
    }

    private Entry map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Entry(rs.getObject("payment_id", UUID.class), Purpose.valueOf(rs.getString("purpose")),
                rs.getInt("stage"), rs.getObject("next_ask_at", OffsetDateTime.class), rs.getInt("attempts"));
    }
}
