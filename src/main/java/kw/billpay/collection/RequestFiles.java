package kw.billpay.collection;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import kw.billpay.channel.directdebit.PartnerBank;
import kw.billpay.collection.CollectionRepository.FileRow;
import kw.billpay.collection.CollectionRepository.RequestRow;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A run's request file for one bank, {@code requests/<BANK>/COLL_<BANK>_<yyyyMMdd>.csv} (CONTRACT):
 * <pre>
 * H,&lt;bank&gt;,&lt;fileId&gt;,&lt;collectionDate yyyyMMdd&gt;,KWD
 * D,&lt;seq&gt;,&lt;accountNumber&gt;,&lt;mandateRef&gt;,&lt;amount&gt;,&lt;collectionDate yyyyMMdd&gt;,&lt;debtorAccount&gt;
 * T,&lt;recordCount&gt;,&lt;controlSum&gt;
 * </pre>
 * Written once: under its dot name while incomplete, then renamed. The file's row says how far it got
 * (PENDING, RENAMING once complete under the dot name, WRITTEN once renamed), so a writer stopped anywhere leaves
 * either no file for the bank or the one file; one that finds a RENAMING file without its dot name knows it was
 * renamed (and perhaps already taken by the bank) and never writes it again.
 */
@Component("requestFiles")
@RequiredArgsConstructor
@Slf4j
public class RequestFiles {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final int PAGE = 5_000;

    private final CollectionRepository runs;
    private final CollectionProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    /** One bank's file of a run. */
    public record Target(long runId, String bank, LocalDate collectionDate) { }

    /**
     * Writes the bank's file unless it is written. A folder that cannot be written marks this file FAILED, with the
     * error, and the run goes on with the other banks.
     */
    public void write(Target target) {
        String status = transaction.execute(tx -> {
            FileRow file = runs.lockFile(target.runId(), target.bank());
            if (file.status().equals("WRITTEN") || file.status().equals("RENAMING")) {
                return file.status();
            }
            try {
                writeWhole(file, target.collectionDate());
                runs.markFile(target.runId(), target.bank(), "RENAMING", null, null);
                return "RENAMING";
            } catch (IOException e) {
                return failed(file, e);
            }
        });
        if ("RENAMING".equals(status)) {
            transaction.executeWithoutResult(tx -> rename(runs.lockFile(target.runId(), target.bank())));
        }
    }

    /** Every line under the dot name, forced to disk, checked against the counts the run recorded. */
    private void writeWhole(FileRow file, LocalDate collectionDate) throws IOException {
        Path folder = properties.requests(PartnerBank.valueOf(file.bank()));
        Files.createDirectories(folder);
        Path dot = folder.resolve("." + file.fileName());
        String date = collectionDate.format(DATE);
        int count = 0;
        BigDecimal sum = BigDecimal.ZERO;
        try (FileChannel channel = FileChannel.open(dot, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
             Writer out = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8), 1 << 16)) {
            out.write("H," + file.bank() + "," + file.fileId() + "," + date + ",KWD\n");
            long after = 0;
            for (List<RequestRow> page = runs.requestsForFile(file.runId(), file.bank(), after, PAGE); !page.isEmpty();
                 page = runs.requestsForFile(file.runId(), file.bank(), after, PAGE)) {
                for (RequestRow r : page) {
                    count++;
                    sum = sum.add(r.amount());
                    out.write("D," + count + "," + r.accountNumber() + "," + r.mandateRef() + ","
                            + r.amount().setScale(3).toPlainString() + "," + date + "," + r.debtorAccount() + "\n");
                }
                after = page.get(page.size() - 1).id();
            }
            out.write("T," + count + "," + sum.setScale(3).toPlainString() + "\n");
            out.flush();
            channel.force(true);
        }
        if (count != file.recordCount() || sum.compareTo(file.controlSum()) != 0) {
            throw new IllegalStateException("request file " + file.fileName() + " has " + count + " lines summing "
                    + sum + " but the run recorded " + file.recordCount() + " summing " + file.controlSum());
        }
    }

    /** The complete file takes its name; a dot file already gone was renamed by an earlier attempt. */
    private void rename(FileRow file) {
        if (!file.status().equals("RENAMING")) {
            return;
        }
        Path folder = properties.requests(PartnerBank.valueOf(file.bank()));
        try {
            Files.move(folder.resolve("." + file.fileName()), folder.resolve(file.fileName()), StandardCopyOption.ATOMIC_MOVE);
            forceFolder(folder);
        } catch (NoSuchFileException renamedBefore) {
            log.info("request file {} was renamed before a restart; not written again", file.fileName());
        } catch (IOException e) {
            failed(file, e);
            return;
        }
        runs.markFile(file.runId(), file.bank(), "WRITTEN", null, OffsetDateTime.now(clock));
        log.info("collection request file written: bank={} file={} records={} controlSum={} KWD run={}", file.bank(),
                properties.requestsDir().relativize(folder.resolve(file.fileName())), file.recordCount(),
                file.controlSum().toPlainString(), file.runId());
    }

    private String failed(FileRow file, IOException e) {
        String error = (e.getClass().getSimpleName() + ": " + e.getMessage());
        runs.markFile(file.runId(), file.bank(), "FAILED", error.length() > 500 ? error.substring(0, 500) : error, null);
        log.warn("collection request file for {} could not be written, the other banks' files go on: {} run={}",
                file.bank(), error, file.runId());
        return "FAILED";
    }

    /** The rename itself made durable: the folder's entry is on disk before the file counts as written. */
    private static void forceFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            log.debug("could not force folder {}: {}", folder, e.getMessage());
        }
    }
}
