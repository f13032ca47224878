package kw.billpay.channel.directdebit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import kw.billpay.channel.directdebit.DirectDebitRepository.FileRecord;
import kw.billpay.channel.directdebit.DirectDebitRepository.RecordRow;
import kw.billpay.core.money.Currencies;
import kw.billpay.core.money.Money;

/**
 * The acknowledgement a bank reads back, {@code <original name>.ack.csv} in {@code outbox/<BANK>/} (CONTRACT
 * "Direct-debit result files"):
 * <pre>
 * H,&lt;bank&gt;,&lt;fileId&gt;,&lt;ACCEPTED|REJECTED&gt;,&lt;reason or empty&gt;
 * R,&lt;seq&gt;,&lt;POSTED|REFUSED|NOT_COLLECTED&gt;,&lt;paymentId or reason code&gt;
 * T,&lt;postedCount&gt;,&lt;postedSum&gt;,&lt;refusedCount&gt;,&lt;notCollectedCount&gt;
 * </pre>
 * A file refused whole has no R lines and a T line of zeros; one given up after some of its records were posted
 * (PROCESSING_FAILED) says which, with their R lines and totals. The R lines are written from the records as committed,
 * in the file's order, a page at a time. The acknowledgement is written under a dot name (which readers of the folder
 * skip, as the gateway does in its inboxes) and renamed when complete, so a bank never reads half of one, and a
 * gateway that writes it again after a restart replaces it whole. Its name is chosen by the caller, once per file
 * ({@link DirectDebitFiles}), so that one file's acknowledgement never replaces another's.
 */
final class Acknowledgement {

    static final String SUFFIX = ".ack.csv";
    private static final int PAGE = 10_000;

    /** The records of a file after a line, at most a page of them. */
    @FunctionalInterface
    interface RecordPages {
        List<RecordRow> after(int lineNo, int limit);
    }

    private Acknowledgement() {
    }

    static Path write(Path outbox, String ackName, FileRecord file, RecordPages records) throws IOException {
        Files.createDirectories(outbox);
        Path target = outbox.resolve(ackName);
        Path partial = outbox.resolve(".ack-" + file.id() + ".part"); // short: the final name may be near the 255-byte limit
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
             BufferedWriter out = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8))) {
            boolean rejected = file.status().equals("REJECTED");
            line(out, "H", file.bank(), nullToEmpty(file.fileId()), rejected ? "REJECTED" : "ACCEPTED",
                    rejected ? file.reason() : "");
            if (rejected && file.recordsDone() == 0) {
                line(out, "T", "0", "0", "0", "0");
            } else {
                int after = 0;
                for (List<RecordRow> page = records.after(after, PAGE); !page.isEmpty(); page = records.after(after, PAGE)) {
                    for (RecordRow r : page) {
                        line(out, "R", r.seq(), r.status(), r.status().equals("POSTED") ? r.paymentId().toString() : nullToEmpty(r.reason()));
                    }
                    after = page.get(page.size() - 1).lineNo();
                }
                Money postedSum = new Money(file.postedSum(), Currencies.parse(file.currency()));
                line(out, "T", Integer.toString(file.postedCount()), postedSum.toPlainString(),
                        Integer.toString(file.refusedCount()), Integer.toString(file.notCollectedCount()));
            }
            out.flush();
            channel.force(true); // on disk before it gets its name: a power cut never leaves an empty acknowledgement
        }
        return Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void line(BufferedWriter out, String... fields) throws IOException {
        out.write(String.join(",", fields));
        out.write('\n');
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
