package kw.billpay.posting;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * R13 checks that waited for a rate (table {@code refund_check_pending}): a payment that added credit balance while no
 * rate converted the issuer's refund threshold, with the credit balance it found and the one it left.
 */
@Repository
class PendingRefundChecks {

    /** A check to make: the payment, and the account's credit balance before and after it, in its billing currency. */
    record Check(UUID paymentId, BigDecimal creditBefore, BigDecimal creditAfter) { }

    private final JdbcTemplate jdbc;

    PendingRefundChecks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Recorded in the posting's transaction, so a check is never lost between the posting and the rate. */
    void insertAll(Collection<Check> checks) {
        jdbc.batchUpdate("insert into refund_check_pending (payment_id, credit_before, credit_after) values (?, ?, ?)",
                checks.stream().map(c -> new Object[] {c.paymentId(), c.creditBefore(), c.creditAfter()}).toList());
    }

    /** The checks of payments after {@code after} (by id), a page of them; null for the first page. */
    List<Check> after(UUID after, int limit) {
        return jdbc.query("""
                select payment_id, credit_before, credit_after from refund_check_pending
                where (?::uuid is null or payment_id > ?::uuid) order by payment_id limit ?""",
                (rs, i) -> new Check(rs.getObject("payment_id", UUID.class), rs.getBigDecimal("credit_before"),
                        rs.getBigDecimal("credit_after")), after, after, limit);
    }

    void done(UUID paymentId) {
        jdbc.update("delete from refund_check_pending where payment_id = ?", paymentId);
    }
}
