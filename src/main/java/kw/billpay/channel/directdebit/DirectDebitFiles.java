package kw.billpay.channel.directdebit;

import jakarta.annotation.PostConstruct;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import kw.billpay.channel.directdebit.DirectDebitRepository.FileRecord;
import kw.billpay.channel.directdebit.ResultFileFormat.Header;
import kw.billpay.infra.FileFailures;
import kw.billpay.infra.InboxFiles;
import kw.billpay.issuer.IssuerRegistry;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Component;

/**
 * The steps of {@code routes/direct-debit.camel.yaml} for one file taken from a bank's inbox: check it whole, post its
 * records, acknowledge it, move it to done/ or error/. Every step can be run again after a crash and does only what
 * is left: the database records how far the file got. A file whose processing keeps failing for a reason other than
 * its content is given up here once {@link FileFailures} (table {@code direct_debit_failure}) says so.
 */
@Component("directDebitFiles")
@Slf4j
public class DirectDebitFiles implements FileFailures.ChannelFiles {

    private static final DateTimeFormatter ARCHIVE_STAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmssSSS");

    private final DirectDebitRepository files;
    private final DirectDebitProperties properties;
    private final Set<Currency> supported;
    private final Clock clock;

    public DirectDebitFiles(DirectDebitRepository files, DirectDebitProperties properties, IssuerRegistry issuers,
                            Clock clock) {
        this.files = files;
        this.properties = properties;
        this.supported = issuers.all().stream().flatMap(i -> i.currencies().stream()).collect(Collectors.toUnmodifiableSet());
        this.clock = clock;
    }

    /**
     * Checks the whole file (first pass) and takes its (bank, fileId), or finds the file this is the same one as,
     * interrupted by a crash: the same bytes, not yet moved out of the inbox.
     */
    public FileRun open(File dropped) throws IOException {
        long started = System.nanoTime();
        Path file = dropped.toPath();
        PartnerBank bank = PartnerBank.ofInbox(file);
        String name = file.getFileName().toString();
        ResultFileCheck.Result check = ResultFileCheck.check(file, bank, supported);
        Header header = check.header();
        if (!check.accepted()) {
            return rejected(file, bank, check, check.rejection(), check.detail(), started);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<Long> claimed = files.claim(bank.name(), header.fileId(), name, check.sha256(),
                check.currency().getCurrencyCode(), header.createdDate(), check.trailer().recordCount(),
                check.trailer().controlSum(), now);
        if (claimed.isPresent()) {
            log.info("direct-debit file started: bank={} fileId={} file={} records={} controlSum={} currency={} ref={}",
                    bank, header.fileId(), name, check.trailer().recordCount(), check.trailer().controlSum().toPlainString(),
                    check.currency().getCurrencyCode(), claimed.get());
            return new FileRun(file, bank, claimed.get(), header.fileId(), check.currency(), null, check.seqsAscending(), 0, started);
        }
        FileRecord holder = files.holderOf(bank.name(), header.fileId())
                .orElseThrow(() -> new IllegalStateException("fileId " + header.fileId() + " of " + bank + " is being claimed; retried on the next poll"));
        // the same bytes, even renamed while the gateway was down, are the same file: resumed, not a duplicate; so is a
        // file given up half posted that operations moved back into the inbox once its cause was gone
        boolean givenUp = holder.status().equals("REJECTED");
        if (holder.sha256().equals(check.sha256())
                && InboxFiles.notYetMoved(holder.archivedAs(), givenUp ? properties.error(bank) : properties.done(bank))) {
            if (givenUp) {
                files.reopen(holder.id());
            }
            log.info("direct-debit file resumed: bank={} fileId={} file={} status={} recordsDone={} records={} ref={}",
                    bank, header.fileId(), name, holder.status(), holder.recordsDone(), holder.recordCount(), holder.id());
            return new FileRun(file, bank, holder.id(), header.fileId(), check.currency(), null, check.seqsAscending(),
                    holder.recordsDone(), started);
        }
        return rejected(file, bank, check, FileRejection.DUPLICATE_FILE, "fileId " + header.fileId() + " of " + bank
                + " was already taken by file " + holder.fileName() + " (ref " + holder.id() + ", " + holder.status() + ")", started);
    }

    private FileRun rejected(Path file, PartnerBank bank, ResultFileCheck.Result check, FileRejection reason,
                             String detail, long started) {
        String name = file.getFileName().toString();
        String fileId = check.header() == null ? null : check.header().fileId();
        String currency = check.currency() == null ? null : check.currency().getCurrencyCode();
        long ref = files.lastRefusal(bank.name(), name, check.sha256())
                .filter(earlier -> InboxFiles.notYetMoved(earlier.archivedAs(), properties.error(bank))).map(FileRecord::id)
                .orElseGet(() -> files.insertRejected(bank.name(), fileId, name, check.sha256(), currency,
                        check.header() == null ? null : check.header().createdDate(), reason, OffsetDateTime.now(clock)));
        log.warn("direct-debit file rejected: bank={} fileId={} file={} reason={} detail=\"{}\" ref={}",
                bank, fileId, name, reason, detail, ref);
        return new FileRun(file, bank, ref, fileId, check.currency(), reason, false, 0, started);
    }

    /**
     * The records not yet posted (second pass), a batch at a time in the file's order, read lazily so that a large file
     * is never held whole. After a crash the file's records_done says how many D records are done; those are skipped.
     */
    public DirectDebitBatch.Reader batches(FileRun run) throws IOException {
        return new DirectDebitBatch.Reader(run, files.file(run.fileRef()).recordsDone(), properties.getBatchSize());
    }

    /** Writes the acknowledgement whole, from what was committed; then the file's outcome is final. */
    public void acknowledge(FileRun run) throws IOException {
        writeAcknowledgement(run.bank(), run.fileName(), run.fileRef());
        if (run.accepted()) {
            files.markAccepted(run.fileRef(), OffsetDateTime.now(clock));
        }
    }

    /**
     * Writes a file's acknowledgement under the name chosen for it once: {@code <name>.ack.csv}, or, when an earlier
     * file's acknowledgement has that name (a same-name resend), {@code <name>.<n>.ack.csv} with the first n free. An
     * acknowledgement is never written over another file's. A name too long for the file system is shortened
     * ({@link FileNames}).
     */
    void writeAcknowledgement(PartnerBank bank, String fileName, long fileRef) throws IOException {
        Path outbox = properties.outbox(bank);
        FileRecord file = files.file(fileRef);
        String ackName = file.ackName();
        if (ackName == null) {
            String candidate = FileNames.fitting(fileName, Acknowledgement.SUFFIX, fileRef);
            for (int n = 1; Files.exists(outbox.resolve(candidate)); n++) {
                candidate = FileNames.fitting(fileName, "." + n + Acknowledgement.SUFFIX, fileRef);
            }
            ackName = files.recordAckName(fileRef, candidate);
        }
        Acknowledgement.write(outbox, ackName, file, (after, limit) -> files.records(fileRef, after, limit));
    }

    /**
     * Moves the file out of the inbox, to done/ or error/ under its own name; when a file of that name is already
     * there (a bank that names every day's file alike), the new one gets a time stamp after its name.
     */
    public void archive(FileRun run) throws IOException {
        Path target = moveOut(run.file(), run.accepted() ? properties.done(run.bank()) : properties.error(run.bank()), run.fileRef());
        FileRecord file = files.file(run.fileRef());
        long millis = Math.max(1, (System.nanoTime() - run.started()) / 1_000_000);
        int thisRun = file.recordsDone() - run.resumedAt();
        log.info("direct-debit file finished: bank={} fileId={} file={} status={} reason={} records={} posted={} postedSum={} "
                        + "refused={} notCollected={} notCollectedSum={} resumedAt={} millis={} recordsPerSecond={} movedTo={} ref={}",
                run.bank(), file.fileId(), run.fileName(), run.accepted() ? "ACCEPTED" : "REJECTED",
                file.reason() == null ? "" : file.reason(), file.recordsDone(), file.postedCount(),
                file.postedSum().toPlainString(), file.refusedCount(), file.notCollectedCount(),
                file.notCollectedSum().toPlainString(), run.resumedAt(), millis, thisRun * 1000L / millis,
                properties.getDir().relativize(target), run.fileRef());
    }

    /**
     * Moves a file out of its inbox into {@code folder} under its own name, or, when that is taken, with a time stamp
     * after it (shortened to fit, {@link FileNames}).
     */
    Path moveOut(Path file, Path folder, long fileRef) throws IOException {
        Files.createDirectories(folder);
        String name = file.getFileName().toString();
        Path target = folder.resolve(FileNames.fitting(name, "", fileRef));
        if (Files.exists(target)) {
            String stamp = "." + OffsetDateTime.now(clock).format(ARCHIVE_STAMP);
            target = folder.resolve(FileNames.fitting(name, stamp, fileRef));
            if (Files.exists(target)) {
                target = folder.resolve(FileNames.fitting(name, stamp + "-" + fileRef, fileRef));
            }
        }
        // recorded first: a restart that finds the file still in the inbox sees it was not moved (InboxFiles.notYetMoved)
        files.markArchived(fileRef, target.getFileName().toString());
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /**
     * The file failed max-attempts times (FileFailures): refused as PROCESSING_FAILED (unless its outcome was already
     * decided), acknowledged, and moved to error/, so that it no longer waits in its inbox.
     */
    @Override
    public String giveUp(Path file, Long fileRef, int attempts, String failure, OffsetDateTime now) throws IOException {
        PartnerBank bank = PartnerBank.ofInbox(file);
        long ref = fileRef != null ? fileRef : files.insertRejected(bank.name(), null, file.getFileName().toString(),
                sha256(file), null, null, FileRejection.PROCESSING_FAILED, now);
        FileRecord given = files.giveUp(ref, attempts, failure, now);
        if (!given.status().equals("ACCEPTED")) { // an accepted file's acknowledgement was written before it failed
            writeAcknowledgement(bank, file.getFileName().toString(), ref);
        }
        Path target = moveOut(file, properties.error(bank), ref);
        return "fileId=" + given.fileId() + " status=" + given.status() + " reason=" + given.reason() + " recordsDone="
                + given.recordsDone() + " movedTo=" + properties.getDir().relativize(target) + " ref=" + ref;
    }

    /** A failed attempt of a file that has its record, noted on it for operations (FileFailures). */
    @Override
    public void noteFailure(long fileRef, int attempts, String failure) {
        files.noteFailure(fileRef, attempts, failure);
    }

    private static String sha256(Path file) throws IOException {
        try (ResultFileReader reader = new ResultFileReader(file)) {
            return reader.sha256();
        }
    }

    /** The banks' folders, made at start so that a bank (or a person trying it out) has somewhere to drop. */
    @PostConstruct
    public void createFolders() throws IOException {
        properties.createFolders(PartnerBank.values());
        for (PartnerBank bank : PartnerBank.values()) {
            Files.createDirectories(properties.outbox(bank));
        }
    }
}
