package kw.billpay.channel.directdebit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;
import kw.billpay.channel.directdebit.DirectDebitRepository.Failure;
import kw.billpay.channel.directdebit.DirectDebitRepository.FileRecord;
import kw.billpay.core.account.AccountNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A bank file whose processing failed for a reason other than its content (its content's faults are refusals, whole or
 * per record): a name the file system cannot take, a value a column cannot hold, a bug. The file stays in its inbox and
 * is taken again after a back-off that doubles from {@code retry-delay-ms} up to {@code max-retry-delay-ms}; after
 * {@code max-attempts} failures it is given up: refused as PROCESSING_FAILED (unless its outcome was already decided),
 * acknowledged, and moved to error/, with the reason on its record for operations. The attempts are counted in the
 * database (table {@code direct_debit_failure}), so a restart does not start them again.
 */
@Component("directDebitFailures")
public class FileFailures {

    private static final Logger log = LoggerFactory.getLogger(FileFailures.class);
    private static final Pattern DIGIT_RUN = Pattern.compile("[0-9]{6,}");
    private static final int MAX_FAILURE_CHARS = 1000;

    private final DirectDebitRepository files;
    private final DirectDebitFiles steps;
    private final DirectDebitProperties properties;
    private final Clock clock;

    public FileFailures(DirectDebitRepository files, DirectDebitFiles steps, DirectDebitProperties properties, Clock clock) {
        this.files = files;
        this.steps = steps;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * True when the file may be taken now: it never failed, it changed since it failed (another file of the same name),
     * or its back-off is over. The inbox's filter asks this of every file on every poll.
     */
    boolean due(String bank, String fileName, long size, long modifiedMs) {
        return files.failure(bank, fileName)
                .map(f -> f.size() != size || f.modifiedMs() != modifiedMs || !f.retryAt().isAfter(OffsetDateTime.now(clock)))
                .orElse(true);
    }

    /**
     * One failed attempt at the file (the route's catch): counted, logged, and once there were max-attempts of them,
     * the file is given up.
     *
     * @param run the file's run, null when it failed before it had one
     */
    public void failed(String path, FileRun run, Exception exception) throws IOException {
        Path file = Path.of(path);
        String bank = file.getParent().getFileName().toString();
        String name = file.getFileName().toString();
        String reason = describe(exception);
        if (!Files.exists(file)) {
            log.warn("direct-debit file failed and is gone from its inbox: bank={} file={} failure=\"{}\"", bank, name, reason);
            return;
        }
        // as the inbox's filter sees the file (java.io.File), so that both know it by the same size and time stamp
        long size = file.toFile().length();
        long modifiedMs = file.toFile().lastModified();
        OffsetDateTime now = OffsetDateTime.now(clock);
        int attempts = files.failure(bank, name).filter(f -> f.size() == size && f.modifiedMs() == modifiedMs)
                .map(f -> f.attempts() + 1).orElse(1);
        OffsetDateTime retryAt = now.plus(backOff(attempts));
        files.saveFailure(bank, name, new Failure(size, modifiedMs, attempts, retryAt), reason, now);
        if (run != null) {
            files.noteFailure(run.fileRef(), attempts, reason);
        }
        if (attempts < properties.maxAttempts()) {
            log.warn("direct-debit file failed, left in its inbox and taken again at {}: bank={} file={} attempt={}/{} ref={} failure=\"{}\"",
                    retryAt, bank, name, attempts, properties.maxAttempts(), run == null ? "" : run.fileRef(), reason);
            return;
        }
        giveUp(file, PartnerBank.valueOf(bank), run, attempts, reason, now);
    }

    /** Refused (unless already decided), acknowledged and moved to error/: the file no longer waits in its inbox. */
    private void giveUp(Path file, PartnerBank bank, FileRun run, int attempts, String reason, OffsetDateTime now) throws IOException {
        String name = file.getFileName().toString();
        long ref = run != null ? run.fileRef()
                : files.insertRejected(bank.name(), null, name, sha256(file), null, null, FileRejection.PROCESSING_FAILED, now);
        FileRecord given = files.giveUp(ref, attempts, reason, now);
        if (!given.status().equals("ACCEPTED")) { // an accepted file's acknowledgement was written before it failed
            steps.writeAcknowledgement(bank, name, ref);
        }
        Path target = steps.moveOut(file, properties.error(bank), ref);
        log.warn("direct-debit file given up after {} attempts: bank={} fileId={} file={} status={} reason={} recordsDone={} "
                        + "movedTo={} ref={} failure=\"{}\"", attempts, bank, given.fileId(), name, given.status(),
                given.reason(), given.recordsDone(), properties.dir().relativize(target), ref, reason);
    }

    /** The wait before the next attempt: retry-delay doubled with each failure, at most max-retry-delay. */
    Duration backOff(int attempts) {
        long delay = properties.retryDelayMs() << Math.min(attempts - 1, 30);
        return Duration.ofMillis(Math.min(delay < 0 ? Long.MAX_VALUE : delay, properties.maxRetryDelayMs()));
    }

    /**
     * What failed, for the log and operations: the root cause's class and message (the database's own words, not the
     * statement), digit runs masked (account numbers).
     */
    private static String describe(Exception exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String text = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        text = DIGIT_RUN.matcher(text).replaceAll(m -> AccountNumbers.mask(m.group()));
        return text.length() <= MAX_FAILURE_CHARS ? text : text.substring(0, MAX_FAILURE_CHARS - 1) + "…";
    }

    private static String sha256(Path file) throws IOException {
        try (ResultFileReader reader = new ResultFileReader(file)) {
            return reader.sha256();
        }
    }
}
