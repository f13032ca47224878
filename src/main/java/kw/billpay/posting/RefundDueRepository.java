package kw.billpay.posting;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import kw.billpay.core.money.Currencies;
import kw.billpay.core.money.Money;
import kw.billpay.web.ZonedTimes;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What the ledger owes cardholders back (R13): refund-due records (table {@code refund_due}), and the checks that
 * waited for a rate (table {@code refund_check_pending}: a payment that added credit balance while no rate converted
 * the issuer's refund threshold, with the credit balance it found and the one it left).
 */
@Repository
@RequiredArgsConstructor
public class RefundDueRepository {

    /** A check to make: the payment, and the account's credit balance before and after it, in its billing currency. */
    record Check(UUID paymentId, BigDecimal creditBefore, BigDecimal creditAfter) { }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    /** The excess above the threshold a payment added, due back to the cardholder. */
    void insert(String accountNumber, UUID paymentId, Money amount) {
        jdbc.update("insert into refund_due (account_number, payment_id, amount, currency) values (?, ?, ?, ?)",
                accountNumber, paymentId, amount.amount(), amount.currency().getCurrencyCode());
    }

    /** A reversed payment's refund-due records no longer stand (R13, R23); what they held in {@code currency}. */
    Money cancelFor(UUID paymentId, Currency currency) {
        return jdbc.queryForList("""
                update refund_due set cancelled_at = ? where payment_id = ? and cancelled_at is null
                returning amount, currency""", OffsetDateTime.now(clock), paymentId).stream()
                .filter(row -> currency.getCurrencyCode().equals(row.get("currency")))
                .map(row -> new Money((BigDecimal) row.get("amount"), currency))
                .reduce(Money.zero(currency), Money::plus);
    }

    /** An account's open refund-due records in a currency, newest first (the posting that reads them holds the account). */
    List<RefundDue> openFor(String accountNumber, Currency currency) {
        return jdbc.query("""
                select id, account_number, payment_id, amount, currency, created_at from refund_due
                where account_number = ? and currency = ? and cancelled_at is null order by id desc""", this::map,
                accountNumber, currency.getCurrencyCode());
    }

    /** A record cut by a reversal of another payment (R13, R23): to a smaller amount, or cancelled at zero. */
    void cut(long id, Money amount) {
        if (amount.isPositive()) {
            jdbc.update("update refund_due set amount = ? where id = ?", amount.amount(), id);
        } else {
            jdbc.update("update refund_due set cancelled_at = ? where id = ?", OffsetDateTime.now(clock), id);
        }
    }

    /** A credit balance due back to a cardholder (R13), not cancelled by a reversal. */
    public record RefundDue(long id, String accountNumber, UUID paymentId, Money amount, OffsetDateTime createdAt) { }

    /** The open refund-due records, oldest first. */
    public List<RefundDue> open(int limit) {
        return jdbc.query("""
                select id, account_number, payment_id, amount, currency, created_at from refund_due
                where cancelled_at is null order by id limit ?""", this::map, limit);
    }

    private RefundDue map(ResultSet rs, int row) throws SQLException {
        return new RefundDue(rs.getLong("id"), rs.getString("account_number"), rs.getObject("payment_id", UUID.class),
                new Money(rs.getBigDecimal("amount"), Currencies.parse(rs.getString("currency"))),
                ZonedTimes.inZone(rs.getObject("created_at", OffsetDateTime.class), clock.getZone()));
    }

    /** Recorded in the posting's transaction, so a check is never lost between the posting and the rate. */
    void insertChecks(Collection<Check> checks) {
        jdbc.batchUpdate("insert into refund_check_pending (payment_id, credit_before, credit_after) values (?, ?, ?)",
                checks.stream().map(c -> new Object[] {c.paymentId(), c.creditBefore(), c.creditAfter()}).toList());
    }

    /** The checks of payments after {@code after} (by id), a page of them; null for the first page. */
    List<Check> checksAfter(UUID after, int limit) {
        return jdbc.query("""
                select payment_id, credit_before, credit_after from refund_check_pending
                where (?::uuid is null or payment_id > ?::uuid) order by payment_id limit ?""",
                (rs, i) -> new Check(rs.getObject("payment_id", UUID.class), rs.getBigDecimal("credit_before"),
                        rs.getBigDecimal("credit_after")), after, after, limit);
    }

    void checkDone(UUID paymentId) {
        jdbc.update("delete from refund_check_pending where payment_id = ?", paymentId);
    }
}
