package kw.billpay.channel.banktransfer;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The lines of the banks' files: transfers (posted or in suspense), recalls, lines recorded only (table {@code bank_transfer}). */
@Repository
@RequiredArgsConstructor
public class BankTransferRepository {

    private static final String COLUMNS = """
            t.id, t.file_ref, t.entry_position, t.detail_index, t.bank, t.kind, t.status, t.suspended, t.reason, t.detail,
            t.bank_reference, t.end_to_end_id, t.transaction_id, t.amount, t.currency, t.value_time, t.debtor_name,
            t.remittance, t.account_number, t.payment_id, t.original_ref, t.closed_by, t.closed_at, t.return_reason,
            f.file_name, f.message_id""";
    private static final String FROM = " from bank_transfer t join bank_transfer_file f on f.id = t.file_ref";

    private final JdbcTemplate jdbc;

    /** A line as written by a batch. */
    public record NewLine(long fileRef, int position, int detailIndex, String bank, String kind, String status,
                          boolean suspended, String reason, String detail, String bankReference, String endToEndId, String transactionId,
                          BigDecimal amount, String currency, OffsetDateTime valueTime, String debtorName,
                          String remittance, String accountNumber, UUID paymentId, Long originalRef) {
    }

    /** A line as stored, with its file's name and MsgId. */
    public record StoredLine(long id, long fileRef, int position, int detailIndex, String bank, String kind,
                             String status, boolean suspended, String reason, String detail, String bankReference, String endToEndId,
                             String transactionId, BigDecimal amount, String currency, OffsetDateTime valueTime,
                             String debtorName, String remittance, String accountNumber, UUID paymentId,
                             Long originalRef, String closedBy, OffsetDateTime closedAt, String returnReason,
                             String fileName, String messageId) {
    }

    /** Transfers and recalls never posted, per bank, currency and status (suspense, returned, recalled). */
    public record Unposted(String bank, String currency, String status, long count, BigDecimal amount) {
    }

    /** Of these bank references, the ones a transfer or a recall of this bank already holds, with that line's id. */
    public Map<String, Long> taken(String bank, Collection<String> references) {
        Map<String, Long> taken = new HashMap<>();
        if (references.isEmpty()) {
            return taken;
        }
        jdbc.query("""
                select bank_reference, id from bank_transfer
                where bank = ? and kind in ('TRANSFER', 'RECALL') and bank_reference = any(?)""",
                (ResultSet rs) -> {
                    taken.put(rs.getString("bank_reference"), rs.getLong("id"));
                }, bank, references.toArray(String[]::new));
        return taken;
    }

    public void insert(List<NewLine> lines) {
        jdbc.batchUpdate("""
                insert into bank_transfer (file_ref, entry_position, detail_index, bank, kind, status, suspended, reason,
                                           detail, bank_reference, end_to_end_id, transaction_id, amount, currency,
                                           value_time, debtor_name, remittance, account_number, payment_id, original_ref)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                lines.stream().map(l -> new Object[] {l.fileRef(), l.position(), l.detailIndex(), l.bank(), l.kind(),
                        l.status(), l.suspended(), l.reason(), l.detail(), l.bankReference(), l.endToEndId(), l.transactionId(),
                        l.amount(), l.currency(), l.valueTime(), l.debtorName(), l.remittance(), l.accountNumber(),
                        l.paymentId(), l.originalRef()}).toList());
    }

    /**
     * The transfers of this bank a recall may name, locked: by their own reference, else by the EndToEndId or TxId they
     * were received with.
     */
    public List<StoredLine> lockOriginals(String bank, Collection<String> bankReferences, String endToEndId,
                                          String transactionId) {
        return jdbc.query("select " + COLUMNS + FROM + """
                 where t.bank = ? and t.kind = 'TRANSFER'
                   and (t.bank_reference = any(?) or t.end_to_end_id = ? or t.transaction_id = ?)
                order by t.id for update of t""", this::map,
                bank, bankReferences.toArray(String[]::new), endToEndId, transactionId);
    }

    public Optional<StoredLine> find(long id) {
        return jdbc.query("select " + COLUMNS + FROM + " where t.id = ?", this::map, id).stream().findFirst();
    }

    /** The line, locked until the end of the transaction (an assignment, a return). */
    public Optional<StoredLine> lock(long id) {
        return jdbc.query("select " + COLUMNS + FROM + " where t.id = ? for update of t", this::map, id).stream().findFirst();
    }

    /** Transfers in one state of the suspense queue, oldest first, after an id; optionally one bank's. */
    public List<StoredLine> suspense(String status, String bank, long afterId, int limit) {
        return jdbc.query("select " + COLUMNS + FROM + " where t.suspended and t.status = ? and (?::text is null or t.bank = ?)"
                + " and t.id > ? order by t.id limit ?", this::map, status, bank, bank, afterId, limit);
    }

    /** A suspense transfer closed: assigned (with its payment), returned to the payer, or recalled by the bank. */
    public void close(long id, String status, String accountNumber, UUID paymentId, String closedBy,
                      OffsetDateTime closedAt, String returnReason) {
        jdbc.update("""
                update bank_transfer set status = ?, account_number = coalesce(?, account_number),
                       payment_id = coalesce(?, payment_id), closed_by = ?, closed_at = ?, return_reason = ?
                where id = ?""", status, accountNumber, paymentId, closedBy, closedAt, returnReason, id);
    }

    /** Transfers received and never posted (R27), per bank, currency and status. */
    public List<Unposted> unposted() {
        return jdbc.query("""
                select bank, currency, status, count(*) as n, sum(amount) as total from bank_transfer
                where suspended and payment_id is null group by bank, currency, status order by bank, currency, status""",
                (rs, i) -> new Unposted(rs.getString("bank"), rs.getString("currency").trim(), rs.getString("status"),
                        rs.getLong("n"), rs.getBigDecimal("total")));
    }

    private StoredLine map(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("currency");
        return new StoredLine(rs.getLong("id"), rs.getLong("file_ref"), rs.getInt("entry_position"),
                rs.getInt("detail_index"), rs.getString("bank"), rs.getString("kind"), rs.getString("status"),
                rs.getBoolean("suspended"), rs.getString("reason"), rs.getString("detail"), rs.getString("bank_reference"),
                rs.getString("end_to_end_id"), rs.getString("transaction_id"), rs.getBigDecimal("amount"),
                currency == null ? null : currency.trim(), rs.getObject("value_time", OffsetDateTime.class),
                rs.getString("debtor_name"), rs.getString("remittance"), rs.getString("account_number"),
                rs.getObject("payment_id", UUID.class), rs.getObject("original_ref", Long.class), rs.getString("closed_by"),
                rs.getObject("closed_at", OffsetDateTime.class), rs.getString("return_reason"),
                rs.getString("file_name"), rs.getString("message_id"));
    }
}
