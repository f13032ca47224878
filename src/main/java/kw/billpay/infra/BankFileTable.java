package kw.billpay.infra;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * A bank-file channel's table of the files it took ({@code direct_debit_file}, {@code bank_transfer_file}): what both
 * channels ask of it alike, written once. The channel's repository, the table's one owner, extends it with what only
 * its files have. A file is IN_PROGRESS while its batches are posted, then ACCEPTED, or refused whole under the
 * channel's own word for that (REJECTED, REFUSED).
 *
 * @param <R> a file as the channel's repository reads it
 */
public abstract class BankFileTable<R> {


    protected final JdbcTemplate jdbc;
    private final String table;
    private final String select;
    private final RowMapper<R> rows;
    private final String refused;

    /**
     * @param columns what a file's row mapper reads
     * @param refused the status of a file refused whole
     */
    protected BankFileTable(JdbcTemplate jdbc, String table, String columns, RowMapper<R> rows, String refused) {
        this.jdbc = jdbc;
        this.table = TableNames.require(table);
        this.select = "select " + columns + " from " + table + " where ";
        this.rows = rows;
        this.refused = refused;
    }

    /** The statuses a file can have, as the file list's {@code status} filter takes them. */
    public Set<String> statuses() {
        return Set.of("IN_PROGRESS", "ACCEPTED", refused);
    }

    public R file(long id) {
        return jdbc.queryForObject(select + "id = ?", rows, id);
    }

    /** Newest first, optionally one bank's or one status's. */
    public List<R> files(String bank, String status, int limit) {
        return jdbc.query(select + """
                (?::text is null or bank = ?) and (?::text is null or status = ?)
                order by id desc limit ?""", rows, bank, bank, status, status, limit);
    }

    /** The latest refusal of the same bytes under the same name: this very file met again after a restart, or not. */
    public Optional<R> lastRefusal(String bank, String fileName, String sha256) {
        return jdbc.query(select + "bank = ? and file_name = ? and sha256 = ? and status = ? order by id desc limit 1",
                rows, bank, fileName, sha256, refused).stream().findFirst();
    }

    /** The files matching a condition of the channel's own (its identity's columns, say). */
    protected List<R> filesWhere(String condition, Object... args) {
        return jdbc.query(select + condition, rows, args);
    }

    public void markAccepted(long fileRef, OffsetDateTime now) {
        jdbc.update("update " + table + " set status = 'ACCEPTED', completed_at = ? where id = ? and status = 'IN_PROGRESS'",
                now, fileRef);
    }

    public void markArchived(long fileRef, String archivedAs) {
        jdbc.update("update " + table + " set archived_as = ? where id = ?", archivedAs, fileRef);
    }

    /** A failed attempt of a file that has its record: how often it failed, and why, for operations. */
    public void noteFailure(long fileRef, int attempts, String failure) {
        jdbc.update("update " + table + " set attempts = ?, failure = ? where id = ?", attempts, failure, fileRef);
    }
}
