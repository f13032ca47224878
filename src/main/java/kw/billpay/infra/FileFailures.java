package kw.billpay.infra;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.regex.Pattern;
import kw.billpay.core.account.AccountNumbers;
import lombok.extern.slf4j.Slf4j;
import org.apache.camel.component.file.GenericFile;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bank files whose processing failed for a reason other than their content (their content's faults are refusals): a
 * name the file system cannot take, a value a column cannot hold, a bug. Such a file stays in its inbox and is taken
 * again after a back-off that doubles from the retry delay up to the longest one; after the maximum attempts it is
 * given up, as its channel does that ({@link ChannelFiles#giveUp}: refused as PROCESSING_FAILED and moved to error/).
 *
 * <p>Like {@link FileClaims}, one class for every channel with an inbox: each has its own failures table of the same
 * shape ({@code bank}, {@code file_name}, {@code size}, {@code modified_ms}, {@code attempts}, {@code failure},
 * {@code failed_at}, {@code retry_at}), e.g. {@code direct_debit_failure} and {@code bank_transfer_failure}, owned by
 * that channel's migration. The attempts are counted there, so a restart does not start them again. A file is known by
 * its inbox and name as it was when it failed (size, time stamp): a file changed since is another file.
 */
@Slf4j
public class FileFailures {

    private static final Pattern DIGIT_RUN = Pattern.compile("[0-9]{6,}");
    private static final int MAX_FAILURE_CHARS = 1000;

    /**
     * What a channel does with its failed files (its files service): keeps each failure on the file's record, and gives
     * up a file that failed too often.
     */
    public interface ChannelFiles {

        /** A failed attempt of a file that has its record: how often it failed, and why, for operations. */
        void noteFailure(long fileRef, int attempts, String failure);

        /**
         * The file failed for the last time: it leaves its inbox (refused as PROCESSING_FAILED unless its outcome was
         * already decided, moved to error/), so that it is not taken again.
         *
         * @param fileRef its record, null when it failed before it had one
         * @return what became of it, for the log line ({@code key=value ...})
         */
        String giveUp(Path file, Long fileRef, int attempts, String failure, OffsetDateTime now) throws IOException;
    }

    /** When a failed file in an inbox may be taken again. */
    private record Failure(long size, long modifiedMs, int attempts, OffsetDateTime retryAt) {
    }

    private final JdbcTemplate jdbc;
    private final String table;
    private final String channel;
    private final BankInboxSettings policy;
    private final ChannelFiles files;
    private final Clock clock;

    /**
     * @param table   the channel's failures table
     * @param channel the channel as its log lines name it, e.g. {@code direct-debit}
     */
    public FileFailures(JdbcTemplate jdbc, String table, String channel, BankInboxSettings policy, ChannelFiles files,
                        Clock clock) {
        this.jdbc = jdbc;
        this.table = TableNames.require(table);
        this.channel = channel;
        this.policy = policy;
        this.files = files;
        this.clock = clock;
    }

    /**
     * True when the file may be taken now: it never failed, it changed since it failed (another file of the same name),
     * or its back-off is over. The inbox's filter asks this of every file on every poll. When the database cannot say,
     * the file is taken: its processing needs the database and fails on its own.
     */
    public boolean due(GenericFile<File> file) {
        try {
            return failure(file.getFile().getParentFile().getName(), file.getFileNameOnly())
                    .map(f -> f.size() != file.getFileLength() || f.modifiedMs() != file.getLastModified()
                            || !f.retryAt().isAfter(OffsetDateTime.now(clock)))
                    .orElse(true);
        } catch (DataAccessException unavailable) {
            return true;
        }
    }

    /**
     * One failed attempt at the file (the inbox route's catch): counted, logged, and once there were max-attempts of
     * them, the file is given up.
     *
     * @param fileRef the file's record, null when it failed before it had one
     */
    public void failed(String path, Long fileRef, Exception exception) throws IOException {
        Path file = Path.of(path);
        String bank = file.getParent().getFileName().toString();
        String name = file.getFileName().toString();
        String reason = describe(exception);
        if (!Files.exists(file)) {
            log.warn("{} file failed and is gone from its inbox: bank={} file={} failure=\"{}\"", channel, bank, name, reason);
            return;
        }
        // as the inbox's filter sees the file (java.io.File), so that both know it by the same size and time stamp
        long size = file.toFile().length();
        long modifiedMs = file.toFile().lastModified();
        OffsetDateTime now = OffsetDateTime.now(clock);
        int attempts = failure(bank, name).filter(f -> f.size() == size && f.modifiedMs() == modifiedMs)
                .map(f -> f.attempts() + 1).orElse(1);
        OffsetDateTime retryAt = now.plus(backOff(attempts));
        save(bank, name, new Failure(size, modifiedMs, attempts, retryAt), reason, now);
        if (fileRef != null) {
            files.noteFailure(fileRef, attempts, reason);
        }
        if (attempts < policy.getMaxAttempts()) {
            log.warn("{} file failed, left in its inbox and taken again at {}: bank={} file={} attempt={}/{} ref={} failure=\"{}\"",
                    channel, retryAt, bank, name, attempts, policy.getMaxAttempts(), fileRef == null ? "" : fileRef, reason);
            return;
        }
        String outcome = files.giveUp(file, fileRef, attempts, reason, now);
        cleared(path);
        log.warn("{} file given up after {} attempts: bank={} file={} {} failure=\"{}\"", channel, attempts, bank, name,
                outcome, reason);
    }

    /** The file left its inbox: its failures are history (kept on its record). */
    public void cleared(String path) {
        Path file = Path.of(path);
        jdbc.update("delete from " + table + " where bank = ? and file_name = ?",
                file.getParent().getFileName().toString(), file.getFileName().toString());
    }

    /** The wait before the next attempt: retry-delay doubled with each failure, at most max-retry-delay. */
    Duration backOff(int attempts) {
        long delay = policy.getRetryDelayMs() << Math.min(attempts - 1, 30);
        return Duration.ofMillis(Math.min(delay < 0 ? Long.MAX_VALUE : delay, policy.getMaxRetryDelayMs()));
    }

    private Optional<Failure> failure(String bank, String fileName) {
        return jdbc.query("select size, modified_ms, attempts, retry_at from " + table + " where bank = ? and file_name = ?",
                (rs, i) -> new Failure(rs.getLong("size"), rs.getLong("modified_ms"), rs.getInt("attempts"),
                        rs.getObject("retry_at", OffsetDateTime.class)), bank, fileName).stream().findFirst();
    }

    private void save(String bank, String fileName, Failure failure, String reason, OffsetDateTime now) {
        jdbc.update("""
                insert into %s (bank, file_name, size, modified_ms, attempts, failure, failed_at, retry_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (bank, file_name) do update set size = excluded.size, modified_ms = excluded.modified_ms,
                    attempts = excluded.attempts, failure = excluded.failure, failed_at = excluded.failed_at,
                    retry_at = excluded.retry_at""".formatted(table),
                bank, fileName, failure.size(), failure.modifiedMs(), failure.attempts(), reason, now, failure.retryAt());
    }

    /**
     * What failed, for the log and operations: the root cause's class and message (the database's own words, not the
     * statement), digit runs masked (account numbers).
     */
    static String describe(Exception exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String text = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        text = DIGIT_RUN.matcher(text).replaceAll(m -> AccountNumbers.mask(m.group()));
        return text.length() <= MAX_FAILURE_CHARS ? text : text.substring(0, MAX_FAILURE_CHARS - 1) + "…";
    }
}
