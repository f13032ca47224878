package kw.billpay.posting;

import kw.billpay.core.payment.Payment;
import kw.billpay.core.payment.Channel;
import kw.billpay.core.payment.PaymentFlag;
import kw.billpay.core.payment.PaymentStatus;
import kw.billpay.core.payment.PaymentEvent;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kw.billpay.core.allocation.Allocation;
import kw.billpay.account.PaymentTotals;
import kw.billpay.metrics.PaymentMetrics;
import kw.billpay.core.money.Money;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Payments, their allocations and their audit trail (tables {@code payment}, {@code allocation}, {@code payment_event}). */
@Repository
@RequiredArgsConstructor
public class PaymentRepository implements PaymentTotals {

    private static final String COLUMNS = """
            payment_id, source_key, channel, method, status, status_reason, account_number, received_amount,
            received_currency, billing_currency, posted_amount, fx_rate, fx_effective_at, fx_source, credit_balance_part,
            value_time, received_at, reference, receipt_number, flags, origin""";
    /** A new payment; a branch payment gets its receipt number in the same statement. */
    private static final String INSERT = "insert into payment (posted_at, " + COLUMNS + """
            ) values (case when ? = 'POSTED' then now() end, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                      case when ? then 'BR' || to_char(now() at time zone ?, 'YYYYMMDD') || '-' || lpad(nextval('receipt_number_seq')::text, 8, '0') end,
                      ?, ?::jsonb)""";

    private static final String MARK_POSTED = """
            update payment set status = 'POSTED', status_reason = null, posted_amount = ?, fx_rate = ?, fx_effective_at = ?,
                   fx_source = ?, credit_balance_part = ?, value_time = ?, posted_at = now(), flags = ?
            where payment_id = ?""";
    /** A payment's allocations from two arrays, buckets and amounts, in the order the buckets were paid. */
    private static final String INSERT_ALLOCATIONS = "insert into allocation (payment_id, position, bucket, amount)"
            + " select ?, position, bucket, amount from unnest(?::varchar[], ?::numeric[]) with ordinality as a(bucket, amount, position)";
    private static final String INTO_EVENTS = "insert into payment_event (payment_id, occurred_at, type, actor, detail, publish)";
    private static final String INSERT_EVENT = INTO_EVENTS + " values (?, ?, ?, ?, ?::jsonb, ?)";

    private final JdbcTemplate jdbc;
    private final PaymentRows rows;
    private final Clock clock;
    private final PaymentMetrics metrics;

    /** Every status a payment reaches is written here, so the counters are counted here (at commit). */
    private void reached(Payment p) {
        metrics.reached(p.channel(), p.status(), p.status() == PaymentStatus.POSTED ? p.posted() : null);
    }

    /**
     * Inserts a new payment. A branch payment gets its receipt number here, in the same statement. A second payment
     * with the same source key fails on the unique index: the database, not memory, keeps a payment once (R22).
     */
    public String insert(Payment p) {
        String receipt = jdbc.queryForObject(INSERT + " returning receipt_number", String.class, insertValues(p));
        reached(p);
        return receipt;
    }

    /**
     * Writes a payment posted on arrival in one statement, so one round trip: the payment (kept once by its source key
     * as for {@link #insert}), its allocations and its audit entry. Returns the receipt number. (The account's new
     * balances are the account feature's to write, in the same transaction.)
     */
    public String insertPosted(Payment p, AuditEntry entry) {
        List<Object> args = new ArrayList<>(Arrays.asList(insertValues(p)));
        args.addAll(allocationValues(p));
        args.addAll(Arrays.asList(eventValues(entry, OffsetDateTime.now(clock))));
        // Sub-statements of one WITH run on one snapshot; the foreign keys to the new payment are checked at its end.
        String receipt = jdbc.queryForObject("with new_payment as (" + INSERT + " returning receipt_number),"
                + " new_allocations as (" + INSERT_ALLOCATIONS + "),"
                + " new_event as (" + INSERT_EVENT + ")"
                + " select receipt_number from new_payment", String.class, args.toArray());
        reached(p);
        return receipt;
    }

    /** Writes a payment not posted yet (held, or an online intent) with its audit entry in one statement. */
    public String insertWithEntry(Payment p, AuditEntry entry) {
        List<Object> args = new ArrayList<>(Arrays.asList(insertValues(p)));
        args.addAll(Arrays.asList(eventValues(entry, OffsetDateTime.now(clock))));
        String receipt = jdbc.queryForObject("with new_payment as (" + INSERT + " returning receipt_number),"
                + " new_event as (" + INSERT_EVENT + ")"
                + " select receipt_number from new_payment", String.class, args.toArray());
        reached(p);
        return receipt;
    }

    /** Inserts many payments (a bank file's batch) as one JDBC batch; each is kept once as for {@link #insert}. */
    public void insertAll(Collection<Payment> batch) {
        jdbc.batchUpdate(INSERT, batch.stream().map(this::insertValues).toList());
        batch.forEach(this::reached);
    }

    private Object[] insertValues(Payment p) {
        return new Object[] {
                p.status().name(), p.paymentId(), p.sourceKey(), p.channel().name(), p.method().name(), p.status().name(),
                p.statusReason(), p.accountNumber(), p.received().amount(), p.received().currency().getCurrencyCode(),
                p.billingCurrency().getCurrencyCode(), amount(p.posted()), p.fx() == null ? null : p.fx().rate(),
                p.fx() == null ? null : p.fx().effectiveAt(), p.fx() == null ? null : p.fx().source(),
                amount(p.creditBalancePart()), p.valueTime(), p.receivedAt(), p.reference(),
                p.channel() == Channel.BRANCH, clock.getZone().getId(), PaymentRows.flags(p.flags()), rows.toJson(p.origin())};
    }

    /**
     * Writes the posting of a payment that was held (a cleared cheque, a capture KNET confirmed, a rate that arrived)
     * in one statement, so one round trip: the payment's posted amounts, its allocations and its audit entries in the
     * order given (what led to the posting, then POSTED, which is also the outbox event).
     */
    public void markPosted(Payment p, List<AuditEntry> entries) {
        List<Object> args = new ArrayList<>(allocationValues(p));
        args.add(OffsetDateTime.now(clock));
        args.add(entries.stream().map(AuditEntry::paymentId).toArray(UUID[]::new));
        args.add(entries.stream().map(AuditEntry::type).toArray(String[]::new));
        args.add(entries.stream().map(AuditEntry::actor).toArray(String[]::new));
        args.add(entries.stream().map(e -> rows.toJson(e.detail())).toArray(String[]::new));
        args.add(entries.stream().map(AuditEntry::publish).toArray(Boolean[]::new));
        args.addAll(Arrays.asList(amount(p.posted()), p.fx() == null ? null : p.fx().rate(),
                p.fx() == null ? null : p.fx().effectiveAt(), p.fx() == null ? null : p.fx().source(),
                amount(p.creditBalancePart()), p.valueTime(), PaymentRows.flags(p.flags()), p.paymentId()));
        // Sub-statements of one WITH run on one snapshot; the entries' ids follow their order (the ordered select).
        int updated = jdbc.update("with new_allocations as (" + INSERT_ALLOCATIONS + "),"
                + " new_events as (" + INTO_EVENTS
                + " select e.payment_id, ?, e.type, e.actor, e.detail::jsonb, e.publish"
                + " from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::text[], ?::boolean[])"
                + " with ordinality as e(payment_id, type, actor, detail, publish, n) order by e.n)"
                + " " + MARK_POSTED, args.toArray());
        if (updated != 1) {
            throw new IllegalStateException("payment " + p.paymentId() + " was not marked posted");
        }
        metrics.reached(p.channel(), PaymentStatus.POSTED, p.posted());
    }

    /** The values of {@link #INSERT_ALLOCATIONS} for a payment's allocations. */
    private static List<Object> allocationValues(Payment p) {
        return List.of(p.paymentId(),
                p.allocations().stream().map(a -> a.bucket().name()).toArray(String[]::new),
                p.allocations().stream().map(a -> a.amount().amount().toPlainString()).toArray(String[]::new));
    }

    public void updateStatus(UUID paymentId, PaymentStatus status, String reason, OffsetDateTime valueTime) {
        jdbc.queryForList("update payment set status = ?, status_reason = ?, value_time = coalesce(?, value_time)"
                        + " where payment_id = ? returning channel", String.class, status.name(), reason, valueTime, paymentId)
                .forEach(channel -> metrics.reached(Channel.valueOf(channel), status, null));
    }

    /**
     * Ends a payment that was never posted (an online intent KNET did not capture, a returned cheque) with its status,
     * its reason and the audit entry saying why, in one round trip; returns the payment as it now is.
     */
    public Payment endUnposted(PaymentStatus status, String reason, AuditEntry entry) {
        List<Object> args = new ArrayList<>(Arrays.asList(eventValues(entry, OffsetDateTime.now(clock))));
        args.addAll(Arrays.asList(status.name(), reason, entry.paymentId()));
        Payment ended = jdbc.query("with new_event as (" + INSERT_EVENT + ")"
                        + " update payment set status = ?, status_reason = ? where payment_id = ? and posted_amount is null"
                        + " returning " + COLUMNS, rows::map, args.toArray())
                .stream().findFirst().orElseThrow(() -> new IllegalStateException("payment " + entry.paymentId() + " is not an unposted payment"));
        reached(ended);
        return ended;
    }

    /** The allocations of many payments as one JDBC batch, each payment's in the order its buckets were paid. */
    public void insertAllocations(Collection<Payment> payments) {
        List<Object[]> rows = new ArrayList<>();
        for (Payment payment : payments) {
            List<Allocation> allocations = payment.allocations();
            for (int i = 0; i < allocations.size(); i++) {
                Allocation a = allocations.get(i);
                rows.add(new Object[] {payment.paymentId(), i + 1, a.bucket().name(), a.amount().amount()});
            }
        }
        jdbc.batchUpdate("insert into allocation (payment_id, position, bucket, amount) values (?, ?, ?, ?)", rows);
    }

    /** One entry of a payment's audit trail; {@code publish} also puts it in the events outbox. */
    public record AuditEntry(UUID paymentId, String type, String actor, Object detail, boolean publish) { }

    public void insertEvents(Collection<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.batchUpdate(INSERT_EVENT, entries.stream().map(e -> eventValues(e, now)).toList());
    }

    private Object[] eventValues(AuditEntry e, OffsetDateTime now) {
        return new Object[] {e.paymentId(), now, e.type(), e.actor(), rows.toJson(e.detail()), e.publish()};
    }

    /** A flag found after the payment posted (a refund-due check made late), with the audit entry saying so. */
    public void addFlag(Payment payment, PaymentFlag flag, AuditEntry entry) {
        EnumSet<PaymentFlag> flagged = EnumSet.of(flag);
        flagged.addAll(payment.flags());
        jdbc.update("update payment set flags = ? where payment_id = ?", PaymentRows.flags(flagged), payment.paymentId());
        insertEvents(List.of(entry));
    }

    /** What posted payments brought in to an account since a time (value time on or after it), net of reversals. */
    @Override
    public Money postedSince(String accountNumber, Currency currency, OffsetDateTime since) {
        BigDecimal sum = jdbc.queryForObject("""
                select coalesce(sum(posted_amount), 0) from payment
                where account_number = ? and status = 'POSTED' and value_time >= ?""",
                BigDecimal.class, accountNumber, since);
        return new Money(sum, currency);
    }

    /** How many of an account's payments wait for something (clearing, a rate, KNET). */
    @Override
    public int pendingCount(String accountNumber) {
        return jdbc.queryForObject("""
                select count(*)::int from payment where account_number = ?
                and status in ('INITIATED', 'PENDING_CLEARING', 'PENDING_FX')""", Integer.class, accountNumber);
    }

    /** Online payments still waiting for KNET's result (INITIATED), oldest first. */
    public List<Payment> initiated(int limit) {
        return jdbc.query("select " + COLUMNS + " from payment where status = 'INITIATED' and method = 'KNET'"
                + " order by seq limit ?", rows::map, limit);
    }

    /**
     * Cheques and drafts waiting for clearing, oldest first, after the payment {@code after} (null: from the oldest); with
     * a {@code number} (letters and digits), those whose number ends so or is it without leading zeros (V16's rule).
     */
    public List<Payment> pendingClearing(UUID after, String number, int limit) {
        return jdbc.query("select " + COLUMNS + " from payment, (select ?::uuid as after_payment, upper(?::text) as wanted) w"
                + " where status = 'PENDING_CLEARING'"
                + " and (after_payment is null or seq > (select seq from payment where payment_id = after_payment))"
                + " and (wanted is null or upper(origin ->> 'chequeNumber') like '%' || wanted"
                + " or ltrim(upper(origin ->> 'chequeNumber'), '0') = ltrim(wanted, '0')) order by seq limit ?",
                rows::map, after, number, limit);
    }

    /** How many cheques and drafts wait for their clearing result. */
    public int countPendingClearing() {
        return jdbc.queryForObject("select count(*)::int from payment where status = 'PENDING_CLEARING'", Integer.class);
    }

    public Optional<Payment> find(UUID paymentId) {
        return one("select " + COLUMNS + " from payment where payment_id = ?", paymentId);
    }

    public Optional<Payment> findBySourceKey(String sourceKey) {
        return one("select " + COLUMNS + " from payment where source_key = ?", sourceKey);
    }

    /** The account a payment was made to. */
    public Optional<String> accountOf(UUID paymentId) {
        return jdbc.queryForList("select account_number from payment where payment_id = ?", String.class, paymentId)
                .stream().findFirst();
    }

    /** Locks the payment row; callers lock the account first, so two postings never wait on each other in a cycle. */
    public Optional<Payment> lock(UUID paymentId) {
        return one("select " + COLUMNS + " from payment where payment_id = ? for update", paymentId);
    }

    public List<Payment> listByAccount(String accountNumber, int limit) {
        List<Payment> payments = jdbc.query("select " + COLUMNS + " from payment where account_number = ? order by seq desc limit ?",
                rows::map, accountNumber, limit);
        return rows.withAllocations(jdbc, payments);
    }

    /** A payment held for its FX rate, and its place in the order payments were received. */
    public record Held(UUID paymentId, long seq) { }

    /** PENDING_FX payments received after {@code afterSeq}, oldest first: a page of them. */
    public List<Held> heldForFx(long afterSeq, int limit) {
        return jdbc.query("select payment_id, seq from payment where status = 'PENDING_FX' and seq > ? order by seq limit ?",
                (rs, i) -> new Held(rs.getObject("payment_id", UUID.class), rs.getLong("seq")), afterSeq, limit);
    }

    public List<PaymentEvent> events(UUID paymentId) {
        return jdbc.query("select id, occurred_at, type, actor, detail from payment_event where payment_id = ? order by id",
                rows::event, paymentId);
    }

    private Optional<Payment> one(String sql, Object arg) {
        return rows.withAllocations(jdbc, jdbc.query(sql, rows::map, arg)).stream().findFirst();
    }

    private static BigDecimal amount(Money money) {
        return money == null ? null : money.amount();
    }
}
