package kw.billpay.channel.directdebit;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kw.billpay.infra.BankFileTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Result files and their records (tables {@code direct_debit_file}, {@code direct_debit_record}). */
@Repository
public class DirectDebitRepository extends BankFileTable<DirectDebitRepository.FileRecord> {

    private static final String FILE_COLUMNS = """
            id, bank, file_id, file_name, sha256, status, reason, currency, created_date, record_count, control_sum,
            records_done, posted_count, posted_sum, refused_count, not_collected_count, not_collected_sum, received_at,
            completed_at, archived_as, attempts, failure, ack_name""";
    /** The files that hold their (bank, fileId): being or having been posted (index direct_debit_file_once). */
    private static final String HOLDS_FILE_ID = "status in ('IN_PROGRESS', 'ACCEPTED') or (status = 'REJECTED' and records_done > 0)";

    public DirectDebitRepository(JdbcTemplate jdbc) {
        super(jdbc, "direct_debit_file", FILE_COLUMNS, DirectDebitRepository::mapFile, "REJECTED");
    }

    /**
     * A file as recorded: its identity, its progress and, once done, its outcome and totals.
     *
     * @param attempts how often its processing failed for a reason other than its content; {@code failure} the last
     * @param ackName  its acknowledgement's name in outbox/, once chosen
     */
    public record FileRecord(long id, String bank, String fileId, String fileName, String sha256, String status,
                             String reason, String currency, LocalDate createdDate, int recordCount,
                             BigDecimal controlSum, int recordsDone, int postedCount, BigDecimal postedSum,
                             int refusedCount, int notCollectedCount, BigDecimal notCollectedSum,
                             OffsetDateTime receivedAt, OffsetDateTime completedAt, String archivedAs, int attempts,
                             String failure, String ackName) {
    }

    /** One D line's outcome, as the acknowledgement's R line and the collections team see it. */
    public record RecordRow(long fileRef, int lineNo, String seq, boolean firstOfSeq, String status, String reason,
                            UUID paymentId, String accountNumber, String mandateRef, BigDecimal amount, String currency,
                            LocalDate collectionDate) {
    }

    /**
     * Takes (bank, fileId) for a file about to be posted. Empty when a file being or having been posted holds it: the
     * unique index decides, so two instances claiming the same fileId at once get one winner.
     */
    public Optional<Long> claim(String bank, String fileId, String fileName, String sha256, String currency,
                                LocalDate createdDate, long recordCount, BigDecimal controlSum, OffsetDateTime now) {
        return jdbc.queryForList("""
                insert into direct_debit_file (bank, file_id, file_name, sha256, status, currency, created_date,
                                               record_count, control_sum, received_at)
                values (?, ?, ?, ?, 'IN_PROGRESS', ?, ?, ?, ?, ?)
                on conflict (bank, file_id) where %s do nothing
                returning id""".formatted(HOLDS_FILE_ID), Long.class,
                bank, fileId, fileName, sha256, currency, createdDate, recordCount, controlSum, now).stream().findFirst();
    }

    /** The file being or having been posted under this (bank, fileId). */
    public Optional<FileRecord> holderOf(String bank, String fileId) {
        return filesWhere("bank = ? and file_id = ? and (" + HOLDS_FILE_ID + ")", bank, fileId).stream().findFirst();
    }

    /** A file given up half posted, taken again from where it stopped: in progress once more, to be acknowledged anew. */
    public void reopen(long fileRef) {
        jdbc.update("""
                update direct_debit_file set status = 'IN_PROGRESS', reason = null, completed_at = null, archived_as = null,
                       ack_name = null
                where id = ? and status = 'REJECTED'""", fileRef);
    }

    public long insertRejected(String bank, String fileId, String fileName, String sha256, String currency,
                               LocalDate createdDate, FileRejection reason, OffsetDateTime now) {
        return jdbc.queryForObject("""
                insert into direct_debit_file (bank, file_id, file_name, sha256, status, reason, currency, created_date,
                                               received_at, completed_at)
                values (?, ?, ?, ?, 'REJECTED', ?, ?, ?, ?, ?) returning id""", Long.class,
                bank, fileId, fileName, sha256, reason.name(), currency, createdDate, now, now);
    }

    /** Of these seqs, the ones an earlier line of the file already took. */
    public Set<String> seqsTaken(long fileRef, Collection<String> seqs) {
        return new HashSet<>(jdbc.queryForList(
                "select seq from direct_debit_record where file_ref = ? and first_of_seq and seq = any(?)",
                String.class, fileRef, seqs.toArray(String[]::new)));
    }

    public void insertRecords(List<RecordRow> rows) {
        jdbc.batchUpdate("""
                insert into direct_debit_record (file_ref, line_no, seq, first_of_seq, status, reason, payment_id,
                                                 account_number, mandate_ref, amount, currency, collection_date)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                rows.stream().map(r -> new Object[] {r.fileRef(), r.lineNo(), r.seq(), r.firstOfSeq(), r.status(),
                        r.reason(), r.paymentId(), r.accountNumber(), r.mandateRef(), r.amount(), r.currency(),
                        r.collectionDate()}).toList());
    }

    /** Adds a committed batch to the file's progress, in the batch's own transaction. */
    public void addProgress(long fileRef, int records, int posted, BigDecimal postedSum, int refused, int notCollected,
                            BigDecimal notCollectedSum) {
        jdbc.update("""
                update direct_debit_file set records_done = records_done + ?, posted_count = posted_count + ?,
                       posted_sum = posted_sum + ?, refused_count = refused_count + ?,
                       not_collected_count = not_collected_count + ?, not_collected_sum = not_collected_sum + ?
                where id = ?""", records, posted, postedSum, refused, notCollected, notCollectedSum, fileRef);
    }

    /** The records of a file in its order, from a line on: read in pages so that a large file is never held whole. */
    public List<RecordRow> records(long fileRef, int afterLineNo, int limit) {
        return jdbc.query("""
                select file_ref, line_no, seq, first_of_seq, status, reason, payment_id, account_number, mandate_ref,
                       amount, currency, collection_date
                from direct_debit_record where file_ref = ? and line_no > ? order by line_no limit ?""",
                this::mapRecord, fileRef, afterLineNo, limit);
    }

    /** A record the bank could not collect, with the bank and fileId of its file. */
    public record NotCollected(String bank, String fileId, RecordRow record) { }

    /** What the banks could not collect from an account, newest file first (for the collections team). */
    public List<NotCollected> notCollected(String accountNumber, int limit) {
        return jdbc.query("""
                select f.bank, f.file_id, r.file_ref, r.line_no, r.seq, r.first_of_seq, r.status, r.reason, r.payment_id,
                       r.account_number, r.mandate_ref, r.amount, r.currency, r.collection_date
                from direct_debit_record r join direct_debit_file f on f.id = r.file_ref
                where r.account_number = ? and r.status = 'NOT_COLLECTED'
                order by r.file_ref desc, r.line_no limit ?""",
                (rs, i) -> new NotCollected(rs.getString("bank"), rs.getString("file_id"), mapRecord(rs, i)),
                accountNumber, limit);
    }

    /** Records the acknowledgement's name, unless one was chosen before (a restart writes it again under that name). */
    public String recordAckName(long fileRef, String ackName) {
        return jdbc.queryForObject("update direct_debit_file set ack_name = coalesce(ack_name, ?) where id = ? returning ack_name",
                String.class, ackName, fileRef);
    }

    /**
     * A file given up: one still in progress is refused as PROCESSING_FAILED (one that was already refused for its
     * content, or acknowledged as accepted, keeps its outcome); the failure is kept either way.
     */
    public FileRecord giveUp(long fileRef, int attempts, String failure, OffsetDateTime now) {
        jdbc.update("""
                update direct_debit_file
                set status = case when status = 'IN_PROGRESS' then 'REJECTED' else status end,
                    reason = case when status = 'IN_PROGRESS' then ? else reason end,
                    completed_at = coalesce(completed_at, ?), attempts = ?, failure = ?
                where id = ?""", FileRejection.PROCESSING_FAILED.name(), now, attempts, failure, fileRef);
        return file(fileRef);
    }

    private static FileRecord mapFile(ResultSet rs, int row) throws SQLException {
        return new FileRecord(rs.getLong("id"), rs.getString("bank"), rs.getString("file_id"), rs.getString("file_name"),
                rs.getString("sha256"), rs.getString("status"), rs.getString("reason"), rs.getString("currency"),
                rs.getObject("created_date", LocalDate.class), rs.getInt("record_count"), rs.getBigDecimal("control_sum"),
                rs.getInt("records_done"), rs.getInt("posted_count"), rs.getBigDecimal("posted_sum"),
                rs.getInt("refused_count"), rs.getInt("not_collected_count"), rs.getBigDecimal("not_collected_sum"),
                rs.getObject("received_at", OffsetDateTime.class), rs.getObject("completed_at", OffsetDateTime.class),
                rs.getString("archived_as"), rs.getInt("attempts"), rs.getString("failure"), rs.getString("ack_name"));
    }

    private RecordRow mapRecord(ResultSet rs, int row) throws SQLException {
        return new RecordRow(rs.getLong("file_ref"), rs.getInt("line_no"), rs.getString("seq"),
                rs.getBoolean("first_of_seq"), rs.getString("status"), rs.getString("reason"),
                rs.getObject("payment_id", UUID.class), rs.getString("account_number"), rs.getString("mandate_ref"),
                rs.getBigDecimal("amount"), rs.getString("currency"), rs.getObject("collection_date", LocalDate.class));
    }
}
