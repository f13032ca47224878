package kw.billpay.channel.banktransfer;

import jakarta.annotation.PostConstruct;
import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Optional;
import kw.billpay.channel.banktransfer.TransferFileRepository.FileRecord;
import kw.billpay.channel.directdebit.PartnerBank;
import kw.billpay.infra.FileFailures;
import kw.billpay.infra.InboxFiles;
import kw.billpay.infra.OwnerOnly;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Component;

/**
 * The steps of {@code routes/bank-transfer.camel.yaml} for one camt.054 file taken from a bank's inbox: read it whole
 * without writing anything (first pass: a file refused anywhere, even at its last byte, changes nothing), take its
 * (bank, MsgId), hand its entries to the batches, then move it to done/ or error/ (with {@code <name>.error.txt}
 * saying why). Every step can be run again after a crash and does only what is left: the database records how far the
 * file got. The file is kept, readable by the gateway's user only (it may hold card numbers). A file whose processing
 * keeps failing for a reason other than its content is given up here once {@link FileFailures} (table
 * {@code bank_transfer_failure}) says so.
 */
@Component("bankTransferFiles")
@RequiredArgsConstructor
@Slf4j
public class BankTransferFiles implements FileFailures.ChannelFiles {

    /** Why a well-formed file is refused: its bank already delivered this MsgId (R22). */
    static final String DUPLICATE_MESSAGE_ID = "DUPLICATE_MESSAGE_ID";
    /** Why a file is refused when its processing kept failing for a reason other than its content. */
    static final String PROCESSING_FAILED = "PROCESSING_FAILED";
    /** ISO 20022's Max35Text: a longer MsgId is no camt.054 group header. */
    private static final int MAX_MESSAGE_ID = 35;
    private static final DateTimeFormatter ARCHIVE_STAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmssSSS");

    private final TransferFileRepository files;
    private final BankTransferProperties properties;
    private final Clock clock;

    /** The first pass over a file: its header and its counts, or why it is refused whole. */
    private record FirstPass(String sha256, BankNotification header, int entries, Camt054RefusedException refused) {
    }

    /**
     * Reads the whole file (first pass: the parser over every byte, entries counted, not bound; nothing written but the
     * file's record) and takes its (bank, MsgId), or finds
     * the file this is the same one as, interrupted by a crash: the same bytes, not yet moved out of the inbox.
     */
    public TransferFileRun open(File dropped) throws IOException {
        long started = System.nanoTime();
        Path file = dropped.toPath();
        PartnerBank bank = PartnerBank.ofInbox(file);
        String name = file.getFileName().toString();
        OwnerOnly.file(file);
        FirstPass pass = firstPass(file);
        if (pass.refused() != null) {
            return refused(file, bank, pass, pass.refused().reason().name(), pass.refused().detail(), started);
        }
        BankNotification header = pass.header();
        Optional<Long> claimed = files.claim(bank.name(), header, name, pass.sha256(), pass.entries(), OffsetDateTime.now(clock));
        if (claimed.isPresent()) {
            log.info("bank-transfer file started: bank={} msgId={} file={} version={} entries={} ref={}",
                    bank, header.messageId(), name, header.version().label(), pass.entries(), claimed.get());
            return new TransferFileRun(file, bank, claimed.get(), header, null, 0, started);
        }
        FileRecord holder = files.holderOf(bank.name(), header.messageId()).orElseThrow(() -> new IllegalStateException(
                "MsgId " + header.messageId() + " of " + bank + " is being claimed; retried on the next poll"));
        // the same bytes, even renamed while the gateway was down, are the same file: resumed, not a duplicate
        if (holder.sha256().equals(pass.sha256()) && InboxFiles.notYetMoved(holder.archivedAs(), properties.done(bank))) {
            log.info("bank-transfer file resumed: bank={} msgId={} file={} entriesDone={} entries={} ref={}",
                    bank, header.messageId(), name, holder.entriesDone(), holder.entryCount(), holder.id());
            return new TransferFileRun(file, bank, holder.id(), header, null, holder.entriesDone(), started);
        }
        return refused(file, bank, pass, DUPLICATE_MESSAGE_ID, "MsgId " + header.messageId() + " of " + bank
                + " was already delivered in file " + holder.fileName() + " (ref " + holder.id() + ", " + holder.status()
                + "): nothing of this file is taken", started);
    }

    private FirstPass firstPass(Path file) throws IOException {
        MessageDigest sha256 = sha256();
        try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file), 64 * 1024), sha256)) {
            BankNotification header = null;
            int entries = 0;
            Camt054RefusedException refused = null;
            try (Camt054Reader reader = Camt054Reader.open(in)) {
                if (reader.notification().messageId().length() > MAX_MESSAGE_ID) {
                    throw new Camt054RefusedException(Camt054Refusal.INVALID_GROUP_HEADER,
                            "GrpHdr/MsgId is longer than " + MAX_MESSAGE_ID + " characters");
                }
                header = reader.notification();
                entries = reader.countEntries();
            } catch (Camt054RefusedException e) {
                refused = e;
            }
            in.transferTo(OutputStream.nullOutputStream()); // the rest of the bytes, for the digest of a refused file
            return new FirstPass(HexFormat.of().formatHex(sha256.digest()), header, entries, refused);
        }
    }

    private TransferFileRun refused(Path file, PartnerBank bank, FirstPass pass, String reason, String detail, long started) {
        String name = file.getFileName().toString();
        long ref = files.lastRefusal(bank.name(), name, pass.sha256())
                .filter(earlier -> InboxFiles.notYetMoved(earlier.archivedAs(), properties.error(bank))).map(FileRecord::id)
                .orElseGet(() -> files.insertRefused(bank.name(), pass.header(), name, pass.sha256(), reason,
                        TransferLines.cut(detail, 1000), OffsetDateTime.now(clock)));
        log.warn("bank-transfer file refused: bank={} msgId={} file={} reason={} detail=\"{}\" ref={}", bank,
                pass.header() == null ? "" : pass.header().messageId(), name, reason, detail, ref);
        return new TransferFileRun(file, bank, ref, pass.header(), reason, 0, started);
    }

    /** The entries not yet committed (second pass), a batch at a time, read lazily: a large file is never held whole. */
    public TransferBatch.Reader batches(TransferFileRun run) {
        return new TransferBatch.Reader(run, files.file(run.fileRef()).entriesDone(), properties.getBatchSize(), clock.getZone());
    }

    /** Every entry is committed: the file is accepted. */
    public void finish(TransferFileRun run) {
        if (run.accepted()) {
            files.markAccepted(run.fileRef(), OffsetDateTime.now(clock));
        }
    }

    /**
     * The file failed max-attempts times (FileFailures): refused as PROCESSING_FAILED (unless its outcome was already
     * decided) and moved to error/ with its {@code .error.txt}. What its committed batches took stays taken: it does
     * not hold its MsgId, so the file sent again, or moved back into the inbox once the cause is gone, is taken anew,
     * and each transfer it already took is a DUPLICATE there (R28), never posted twice.
     */
    @Override
    public String giveUp(Path file, Long fileRef, int attempts, String failure, OffsetDateTime now) throws IOException {
        PartnerBank bank = PartnerBank.ofInbox(file);
        String detail = "given up after " + attempts + " attempts that failed for a reason other than its content";
        long ref = fileRef != null ? fileRef
                : files.insertRefused(bank.name(), null, file.getFileName().toString(), sha256(file), PROCESSING_FAILED, detail, now);
        FileRecord given = files.giveUp(ref, PROCESSING_FAILED, detail, attempts, failure, now);
        Path target = moveOut(file, bank, ref, false);
        return "msgId=" + given.messageId() + " status=" + given.status() + " reason=" + given.reason() + " entriesDone="
                + given.entriesDone() + " movedTo=" + properties.getDir().relativize(target) + " ref=" + ref;
    }

    /** A failed attempt of a file that has its record, noted on it for operations (FileFailures). */
    @Override
    public void noteFailure(long fileRef, int attempts, String failure) {
        files.noteFailure(fileRef, attempts, failure);
    }

    /** Moves the file out of the inbox, to done/ or, refused, to error/ ({@link #moveOut}). */
    public void archive(TransferFileRun run) throws IOException {
        Path target = moveOut(run.file(), run.bank(), run.fileRef(), run.accepted());
        FileRecord file = files.file(run.fileRef());
        long millis = Math.max(1, (System.nanoTime() - run.started()) / 1_000_000);
        int thisRun = file.entriesDone() - run.resumedAt();
        log.info("bank-transfer file finished: bank={} msgId={} file={} status={} reason={} entries={} "
                        + "resumedAt={} millis={} entriesPerSecond={} movedTo={} ref={}",
                run.bank(), file.messageId(), run.fileName(), file.status(), file.reason() == null ? "" : file.reason(),
                file.entriesDone(), run.resumedAt(), millis, thisRun * 1000L / millis,
                properties.getDir().relativize(target), run.fileRef());
    }

    /**
     * Moves a file out of its inbox, to done/ or error/ under its own name (a time stamp after it when a file of that
     * name is already there); one moved to error/ gets {@code <name>.error.txt} beside it saying why, from its record.
     */
    Path moveOut(Path file, PartnerBank bank, long fileRef, boolean done) throws IOException {
        Path folder = done ? properties.done(bank) : properties.error(bank);
        OwnerOnly.folder(folder);
        String name = file.getFileName().toString();
        Path target = folder.resolve(name);
        if (Files.exists(target)) {
            target = folder.resolve(name + "." + OffsetDateTime.now(clock).format(ARCHIVE_STAMP));
        }
        if (!done) {
            Path reason = folder.resolve(target.getFileName() + ".error.txt");
            Files.writeString(reason, errorText(name, bank, files.file(fileRef)), StandardCharsets.UTF_8);
            OwnerOnly.file(reason);
        }
        // recorded first: a restart that finds the file still in the inbox sees it was not moved (InboxFiles.notYetMoved)
        files.markArchived(fileRef, target.getFileName().toString());
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /** Why the file is in error/, and what of it was taken: nothing, or its first entries (a file given up). */
    private static String errorText(String fileName, PartnerBank bank, FileRecord file) {
        StringBuilder text = new StringBuilder("file: ").append(fileName).append("\nbank: ").append(bank)
                .append("\nmsgId: ").append(file.messageId() == null ? "-" : file.messageId())
                .append(file.status().equals("REFUSED") ? "\nrefused: " + file.reason() : "\nstatus: " + file.status());
        if (file.detail() != null) {
            text.append("\ndetail: ").append(file.detail());
        }
        if (file.attempts() > 0) {
            text.append("\nfailed: ").append(file.attempts()).append(" times, the last: ").append(file.failure());
        }
        text.append(file.entriesDone() == 0 ? "\nNothing of this file was taken."
                : "\nIts first " + file.entriesDone() + " of " + file.entryCount() + " entries were taken (posted, held in "
                + "suspense or recorded) and stay so. Sent again, or moved back into the inbox, it takes only the rest: "
                + "a transfer is taken once by its bank reference (R28).");
        return text.append(" The gateway's record of it: GET /api/v1/bank-transfers/files (ref ").append(file.id())
                .append(").\n").toString();
    }

    /** The banks' folders, made at start so that a bank (or a person trying it out) has somewhere to drop. */
    @PostConstruct
    public void createFolders() throws IOException {
        properties.createFolders(PartnerBank.values());
    }

    /** The file's SHA-256, as its record keeps it. */
    private static String sha256(Path file) throws IOException {
        MessageDigest sha256 = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
