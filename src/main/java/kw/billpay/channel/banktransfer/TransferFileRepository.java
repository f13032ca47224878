package kw.billpay.channel.banktransfer;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kw.billpay.infra.BankFileTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** camt.054 files taken from the inboxes and their totals (tables {@code bank_transfer_file}, {@code bank_transfer_file_total}). */
@Repository
public class TransferFileRepository extends BankFileTable<TransferFileRepository.FileRecord> {

    private static final String COLUMNS = """
            id, bank, message_id, file_name, sha256, status, reason, detail, version, created_at, entry_count,
            entries_done, received_at, completed_at, archived_as, attempts, failure""";

    public TransferFileRepository(JdbcTemplate jdbc) {
        super(jdbc, "bank_transfer_file", COLUMNS, TransferFileRepository::map, "REFUSED");
    }

    /**
     * A file as recorded: its identity, its progress and, once done, its outcome.
     *
     * @param attempts how often its processing failed for a reason other than its content; {@code failure} the last
     */
    public record FileRecord(long id, String bank, String messageId, String fileName, String sha256, String status,
                             String reason, String detail, String version, OffsetDateTime createdAt, int entryCount,
                             int entriesDone, OffsetDateTime receivedAt, OffsetDateTime completedAt,
                             String archivedAs, int attempts, String failure) {
    }

    /** The lines of a file with one outcome (POSTED, SUSPENSE, RECALL, IGNORED) in one currency. */
    public record Total(String outcome, String currency, int count, BigDecimal amount) {
    }

    /**
     * Takes (bank, MsgId) for a file about to be posted. Empty when a file being or having been posted holds it: the
     * unique index decides between two instances.
     */
    public Optional<Long> claim(String bank, BankNotification header, String fileName, String sha256, int entries,
                                OffsetDateTime now) {
        return jdbc.queryForList("""
                insert into bank_transfer_file (bank, message_id, file_name, sha256, status, version, created_at,
                                                entry_count, received_at)
                values (?, ?, ?, ?, 'IN_PROGRESS', ?, ?, ?, ?)
                on conflict (bank, message_id) where status in ('IN_PROGRESS', 'ACCEPTED') do nothing
                returning id""", Long.class, bank, header.messageId(), fileName, sha256,
                header.version().label(), header.createdAt(), entries, now).stream().findFirst();
    }

    /** The file being or having been posted under this (bank, MsgId). */
    public Optional<FileRecord> holderOf(String bank, String messageId) {
        return filesWhere("bank = ? and message_id = ? and status in ('IN_PROGRESS', 'ACCEPTED')", bank, messageId)
                .stream().findFirst();
    }

    public long insertRefused(String bank, BankNotification header, String fileName, String sha256, String reason,
                              String detail, OffsetDateTime now) {
        return jdbc.queryForObject("""
                insert into bank_transfer_file (bank, message_id, file_name, sha256, status, reason, detail, version,
                                                created_at, received_at, completed_at)
                values (?, ?, ?, ?, 'REFUSED', ?, ?, ?, ?, ?, ?) returning id""", Long.class,
                bank, header == null ? null : header.messageId(), fileName, sha256, reason, detail,
                header == null ? null : header.version().label(), header == null ? null : header.createdAt(), now, now);
    }

    /** The totals of these files, by file. */
    public Map<Long, List<Total>> totals(Collection<Long> fileRefs) {
        Map<Long, List<Total>> totals = new LinkedHashMap<>();
        jdbc.query("""
                select file_ref, outcome, currency, count, amount from bank_transfer_file_total
                where file_ref = any(?) order by file_ref, outcome, currency""", (ResultSet rs) -> {
                    totals.computeIfAbsent(rs.getLong("file_ref"), k -> new java.util.ArrayList<>())
                            .add(new Total(rs.getString("outcome"), rs.getString("currency"), rs.getInt("count"),
                                    rs.getBigDecimal("amount")));
                }, (Object) fileRefs.toArray(Long[]::new));
        return totals;
    }

    /** A committed batch: the file's entries up to {@code lastPosition} are done, with their totals added. */
    public void addProgress(long fileRef, int lastPosition, Collection<Total> batchTotals) {
        jdbc.batchUpdate("""
                insert into bank_transfer_file_total as t (file_ref, outcome, currency, count, amount)
                values (?, ?, ?, ?, ?)
                on conflict (file_ref, outcome, currency)
                do update set count = t.count + excluded.count, amount = t.amount + excluded.amount""",
                batchTotals.stream().map(t -> new Object[] {fileRef, t.outcome(), t.currency(), t.count(), t.amount()})
                        .toList());
        jdbc.update("update bank_transfer_file set entries_done = ? where id = ?", lastPosition, fileRef);
    }

    /**
     * A file given up: one still in progress is refused for this reason (one that was already refused for its content,
     * or accepted, keeps its outcome); the failure is kept either way.
     */
    public FileRecord giveUp(long fileRef, String reason, String detail, int attempts, String failure, OffsetDateTime now) {
        jdbc.update("""
                update bank_transfer_file
                set status = case when status = 'IN_PROGRESS' then 'REFUSED' else status end,
                    reason = case when status = 'IN_PROGRESS' then ? else reason end,
                    detail = case when status = 'IN_PROGRESS' then ? else detail end,
                    completed_at = coalesce(completed_at, ?), attempts = ?, failure = ?
                where id = ?""", reason, detail, now, attempts, failure, fileRef);
        return file(fileRef);
    }

    private static FileRecord map(ResultSet rs, int row) throws SQLException {
        return new FileRecord(rs.getLong("id"), rs.getString("bank"), rs.getString("message_id"),
                rs.getString("file_name"), rs.getString("sha256"), rs.getString("status"), rs.getString("reason"),
                rs.getString("detail"), rs.getString("version"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getInt("entry_count"), rs.getInt("entries_done"),
                rs.getObject("received_at", OffsetDateTime.class), rs.getObject("completed_at", OffsetDateTime.class),
                rs.getString("archived_as"), rs.getInt("attempts"), rs.getString("failure"));
    }
}
