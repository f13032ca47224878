package kw.billpay.collection;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kw.billpay.core.money.Money;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Collection runs, their request files and requests (tables {@code collection_run}, {@code _file}, {@code _request}). */
@Repository
@RequiredArgsConstructor
public class CollectionRepository {

    private static final String REQUEST_COLUMNS = """
            id, run_id, collection_date, mandate_ref, bank, account_number, debtor_account, type, amount, billed_amount,
            billing_currency, fx_rate, state, reason_code, reason_action, result_amount, result_currency, result_file,
            result_note, payment_id, result_at""";

    private final JdbcTemplate jdbc;

    /** A run, its collect phase's progress ({@code lastMandateRef}, {@code collectedAll}) and its counts. */
    public record RunRow(long id, LocalDate collectionDate, int presentation, String status, String startedBy,
                         OffsetDateTime startedAt, OffsetDateTime completedAt, String lastMandateRef, boolean collectedAll,
                         int mandatesSeen, int requested, int skippedNothingDue, int skippedNotOpen, int skippedNoRate) { }

    public record FileRow(long runId, String bank, String fileId, String fileName, String status, int recordCount,
                          BigDecimal controlSum, String error, OffsetDateTime writtenAt) { }

    /** A request as the run wrote it ({@code amount} in KWD), and the bank's result once it came. */
    public record RequestRow(long id, long runId, LocalDate collectionDate, String mandateRef, String bank,
                             String accountNumber, String debtorAccount, String type, BigDecimal amount,
                             BigDecimal billedAmount, String billingCurrency, BigDecimal fxRate, String state,
                             String reasonCode, String reasonAction, BigDecimal resultAmount, String resultCurrency,
                             String resultFile,
                             String resultNote, UUID paymentId, OffsetDateTime resultAt) { }

    // ---- runs -------------------------------------------------------------------------------------------------------

    /** Creates the date's run; empty when it exists already (the unique date decides between racing instances). */
    public Optional<RunRow> createRun(LocalDate date, int presentation, String startedBy, OffsetDateTime now) {
        return jdbc.query("""
                insert into collection_run (collection_date, presentation, status, started_by, started_at)
                values (?, ?, 'IN_PROGRESS', ?, ?) on conflict (collection_date) do nothing returning *""",
                CollectionRepository::mapRun, date, presentation, startedBy, now).stream().findFirst();
    }

    public Optional<RunRow> findRun(LocalDate date) {
        return jdbc.query("select * from collection_run where collection_date = ?", CollectionRepository::mapRun, date)
                .stream().findFirst();
    }

    public RunRow run(long id) {
        return jdbc.queryForObject("select * from collection_run where id = ?", CollectionRepository::mapRun, id);
    }

    /** The run, locked until the transaction ends: its pages are collected one after the other, each once. */
    public RunRow lockRun(long id) {
        return jdbc.queryForObject("select * from collection_run where id = ? for update", CollectionRepository::mapRun, id);
    }

    /** Newest collection date first. */
    public List<RunRow> runs(int limit) {
        return jdbc.query("select * from collection_run order by collection_date desc limit ?", CollectionRepository::mapRun, limit);
    }

    public List<Long> runsInProgress() {
        return jdbc.queryForList("select id from collection_run where status = 'IN_PROGRESS' order by id", Long.class);
    }

    /** An INCOMPLETE run (a bank's file could not be written) taken up again. */
    public boolean reopen(long id) {
        return jdbc.update("update collection_run set status = 'IN_PROGRESS' where id = ? and status = 'INCOMPLETE'", id) == 1;
    }

    /** A collected page, in its transaction: the cursor and the counts move with the requests written. */
    public void advance(long id, String lastMandateRef, boolean collectedAll, int seen, int requested, int nothingDue,
                        int notOpen, int noRate) {
        jdbc.update("""
                update collection_run set last_mandate_ref = coalesce(?, last_mandate_ref), collected_all = ?,
                       mandates_seen = mandates_seen + ?, requested = requested + ?,
                       skipped_nothing_due = skipped_nothing_due + ?, skipped_not_open = skipped_not_open + ?,
                       skipped_no_rate = skipped_no_rate + ?
                where id = ?""", lastMandateRef, collectedAll, seen, requested, nothingDue, notOpen, noRate, id);
    }

    public void finish(long id, String status, OffsetDateTime now) {
        jdbc.update("update collection_run set status = ?, completed_at = ? where id = ? and status = 'IN_PROGRESS'",
                status, now, id);
    }

    // ---- requests ---------------------------------------------------------------------------------------------------

    /** A request about to be written. */
    public record NewRequest(long runId, LocalDate collectionDate, Mandate mandate, BigDecimal amount,
                             BigDecimal billedAmount, String billingCurrency, BigDecimal fxRate) { }

    /** R31: a mandate is asked at most once per collection date, whatever asks twice. */
    public void insertRequests(List<NewRequest> requests) {
        jdbc.batchUpdate("""
                insert into collection_request (run_id, collection_date, mandate_ref, bank, account_number, debtor_account,
                                                type, amount, billed_amount, billing_currency, fx_rate, state)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')
                on conflict (mandate_ref, collection_date) do nothing""",
                requests.stream().map(r -> new Object[] {r.runId(), r.collectionDate(), r.mandate().mandateRef(),
                        r.mandate().bank().name(), r.mandate().accountNumber(), r.mandate().debtorAccount(),
                        r.mandate().type().name(), r.amount(), r.billedAmount(), r.billingCurrency(), r.fxRate()}).toList());
    }

    /**
     * The 28th's next page: active mandates whose request of the 27th came back NOT_COLLECTED with a reason presented
     * again, or has no result yet (CONTRACT), in reference order after {@code afterRef}.
     */
    public List<Mandate> rePresentPage(LocalDate firstDate, String afterRef, int limit) {
        return jdbc.query("""
                select m.mandate_ref, m.account_number, m.bank, m.debtor_account, m.type, m.status, m.status_reason,
                       m.created_at, m.updated_at
                from collection_request r join mandate m on m.mandate_ref = r.mandate_ref
                where r.collection_date = ? and m.status = 'ACTIVE' and r.mandate_ref > ?
                  and (r.state = 'PENDING' or (r.state = 'NOT_COLLECTED' and r.reason_action = 'RE_PRESENT'))
                order by r.mandate_ref limit ?""", MandateRepository::map, firstDate, afterRef == null ? "" : afterRef, limit);
    }

    /** A bank file's lines after {@code afterId}, in the order they are written. */
    public List<RequestRow> requestsForFile(long runId, String bank, long afterId, int limit) {
        return jdbc.query("select " + REQUEST_COLUMNS + " from collection_request where run_id = ? and bank = ? and id > ? order by id limit ?",
                CollectionRepository::mapRequest, runId, bank, afterId, limit);
    }

    /** Every request of these mandates, locked until the result file's batch commits. */
    public List<RequestRow> lockRequestsOf(Collection<String> mandateRefs) {
        return jdbc.query("select " + REQUEST_COLUMNS + " from collection_request where mandate_ref = any(?) order by id for update",
                CollectionRepository::mapRequest, (Object) mandateRefs.toArray(String[]::new));
    }

    /** @param result what the bank's line says, in the file's currency; null when unreadable */
    public void recordResult(long id, String state, String reasonCode, String reasonAction, Money result,
                             String resultFile, String resultNote, UUID paymentId, OffsetDateTime at) {
        jdbc.update("""
                update collection_request set state = ?, reason_code = ?, reason_action = ?, result_amount = ?,
                       result_currency = ?, result_file = ?, result_note = ?, payment_id = ?, result_at = ?
                where id = ? and state = 'PENDING'""",
                state, reasonCode, reasonAction, result == null ? null : result.amount(),
                result == null ? null : result.currency().getCurrencyCode(), resultFile, resultNote, paymentId, at, id);
    }

    /** A mandate's latest requests, newest collection date first. */
    public List<RequestRow> lastRequests(String mandateRef, int limit) {
        return jdbc.query("select " + REQUEST_COLUMNS + " from collection_request where mandate_ref = ? order by collection_date desc limit ?",
                CollectionRepository::mapRequest, mandateRef, limit);
    }

    // ---- files ------------------------------------------------------------------------------------------------------

    /**
     * The run's files, one per bank with requests ({@code COLL_<BANK>_<yyyyMMdd>}), with their counts and control
     * sums; made in one statement once the collect phase is over, and never again.
     */
    public void createFiles(long runId, String yyyyMMdd) {
        jdbc.update("""
                insert into collection_file (run_id, bank, file_id, file_name, status, record_count, control_sum)
                select run_id, bank, 'COLL_' || bank || '_' || ?, 'COLL_' || bank || '_' || ? || '.csv', 'PENDING',
                       count(*), sum(amount)
                from collection_request where run_id = ? group by run_id, bank
                on conflict (run_id, bank) do nothing""", yyyyMMdd, yyyyMMdd, runId);
    }

    public List<FileRow> files(long runId) {
        return jdbc.query("select * from collection_file where run_id = ? order by bank", CollectionRepository::mapFile, runId);
    }

    /** The file, locked until the transaction ends: one writer at a time, whatever instance. */
    public FileRow lockFile(long runId, String bank) {
        return jdbc.queryForObject("select * from collection_file where run_id = ? and bank = ? for update",
                CollectionRepository::mapFile, runId, bank);
    }

    public void markFile(long runId, String bank, String status, String error, OffsetDateTime writtenAt) {
        jdbc.update("update collection_file set status = ?, error = ?, written_at = ? where run_id = ? and bank = ?",
                status, error, writtenAt, runId, bank);
    }

    // ---- mapping ----------------------------------------------------------------------------------------------------

    private static RunRow mapRun(ResultSet rs, int row) throws SQLException {
        return new RunRow(rs.getLong("id"), rs.getObject("collection_date", LocalDate.class), rs.getInt("presentation"),
                rs.getString("status"), rs.getString("started_by"), rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("completed_at", OffsetDateTime.class), rs.getString("last_mandate_ref"),
                rs.getBoolean("collected_all"), rs.getInt("mandates_seen"), rs.getInt("requested"),
                rs.getInt("skipped_nothing_due"), rs.getInt("skipped_not_open"), rs.getInt("skipped_no_rate"));
    }

    private static FileRow mapFile(ResultSet rs, int row) throws SQLException {
        return new FileRow(rs.getLong("run_id"), rs.getString("bank"), rs.getString("file_id"), rs.getString("file_name"),
                rs.getString("status"), rs.getInt("record_count"), rs.getBigDecimal("control_sum"), rs.getString("error"),
                rs.getObject("written_at", OffsetDateTime.class));
    }

    private static RequestRow mapRequest(ResultSet rs, int row) throws SQLException {
        return new RequestRow(rs.getLong("id"), rs.getLong("run_id"), rs.getObject("collection_date", LocalDate.class),
                rs.getString("mandate_ref"), rs.getString("bank"), rs.getString("account_number"),
                rs.getString("debtor_account"), rs.getString("type"), rs.getBigDecimal("amount"),
                rs.getBigDecimal("billed_amount"), rs.getString("billing_currency"), rs.getBigDecimal("fx_rate"),
                rs.getString("state"), rs.getString("reason_code"), rs.getString("reason_action"),
                rs.getBigDecimal("result_amount"), rs.getString("result_currency"), rs.getString("result_file"),
                rs.getString("result_note"),
                rs.getObject("payment_id", UUID.class), rs.getObject("result_at", OffsetDateTime.class));
    }
}
