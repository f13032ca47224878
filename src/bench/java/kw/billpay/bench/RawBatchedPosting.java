package kw.billpay.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * The raw reference of the file benchmarks: the same postings written directly with JDBC against the gateway's own
 * PostgreSQL, one connection, 1,000 per transaction (insert payment, update account, insert allocation; JDBC batches
 * with {@code reWriteBatchedInserts}), then undone exactly, so that the gateway's phase starts from the same balances
 * and tables of the same size.
 */
final class RawBatchedPosting {

    static final int BATCH = 1_000;

    /** One raw posting: the account and amount (KWD), and a reference for the payment. */
    record Posting(String account, BigDecimal amount, String reference) {
    }

    private RawBatchedPosting() {
    }

    /** Writes {@code count} postings of this channel and method; answers payments per second. */
    static double measure(String jdbcUrl, String password, String channel, String method, int count,
                          OffsetDateTime valueTime, IntFunction<Posting> posting) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneId.of("Asia/Kuwait"));
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", password)) {
            c.setAutoCommit(false);
            PreparedStatement payment = c.prepareStatement("""
                    insert into payment (payment_id, source_key, channel, method, status, account_number, received_amount,
                                         received_currency, billing_currency, posted_amount, credit_balance_part,
                                         value_time, received_at, reference, origin)
                    values (?, ?, ?, ?, 'POSTED', ?, ?, 'KWD', 'KWD', ?, 0, ?, ?, ?, ?::jsonb)""");
            PreparedStatement update = c.prepareStatement("""
                    update account set previous_purchases = previous_purchases - ?, paid_since_statement = paid_since_statement + ?,
                                       updated_at = now() where account_number = ?""");
            PreparedStatement allocation = c.prepareStatement(
                    "insert into allocation (payment_id, position, bucket, amount) values (?, 1, 'PREVIOUS_PURCHASES', ?)");
            long t = System.nanoTime();
            for (int i = 1; i <= count; i++) {
                Posting p = posting.apply(i);
                UUID id = UUID.randomUUID();
                payment.setObject(1, id);
                payment.setString(2, "RAW/" + i);
                payment.setString(3, channel);
                payment.setString(4, method);
                payment.setString(5, p.account());
                payment.setBigDecimal(6, p.amount());
                payment.setBigDecimal(7, p.amount());
                payment.setObject(8, valueTime);
                payment.setObject(9, now);
                payment.setString(10, p.reference());
                payment.setString(11, "{\"bank\":\"NBK\",\"reference\":\"" + p.reference() + "\"}");
                payment.addBatch();
                update.setBigDecimal(1, p.amount());
                update.setBigDecimal(2, p.amount());
                update.setString(3, p.account());
                update.addBatch();
                allocation.setObject(1, id);
                allocation.setBigDecimal(2, p.amount());
                allocation.addBatch();
                if (i % BATCH == 0 || i == count) {
                    payment.executeBatch();
                    update.executeBatch();
                    allocation.executeBatch();
                    c.commit();
                }
            }
            double rate = count * 1e9 / (System.nanoTime() - t);
            try (Statement s = c.createStatement()) {
                s.execute("""
                        update account a set previous_purchases = a.previous_purchases + r.total,
                                             paid_since_statement = a.paid_since_statement - r.total
                        from (select account_number, sum(posted_amount) as total from payment
                              where source_key like 'RAW/%' group by account_number) r
                        where a.account_number = r.account_number""");
                s.execute("delete from allocation where payment_id in (select payment_id from payment where source_key like 'RAW/%')");
                s.execute("delete from payment where source_key like 'RAW/%'");
                c.commit();
                c.setAutoCommit(true);
                s.execute("vacuum analyze");
            }
            return rate;
        }
    }
}
