package kw.billpay.channel.banktransfer;

import java.io.Closeable;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import kw.billpay.infra.ReadAhead;

/**
 * Consecutive entries of a file, taken in one transaction ({@code routes/bank-transfer.camel.yaml}): their lines, and
 * the position of the last entry, which the file's progress records.
 *
 * @param lines the entries' lines in the file's order; once checked, each decided (TransferLine.Outcome)
 */
public record TransferBatch(TransferFileRun run, List<TransferLine> lines, int lastPosition) {

    public TransferBatch {
        lines = List.copyOf(lines);
    }

    public TransferBatch withLines(List<TransferLine> decided) {
        return new TransferBatch(run, decided, lastPosition);
    }

    /**
     * Reads a file's entries a batch at a time (second pass), skipping those a run before a restart committed. A batch
     * ends with the entry that brings it to the batch size in lines, so an entry is never split. The route's splitter
     * closes it when the file is done or a batch failed.
     */
    public static final class Reader extends ReadAhead<TransferBatch> implements Closeable {

        private final TransferFileRun run;
        private final int batchSize;
        private final int skipUpTo;
        private final ZoneId zone;
        private final Camt054Reader file;

        Reader(TransferFileRun run, int entriesDone, int batchSize, ZoneId zone) {
            this.run = run;
            this.batchSize = batchSize;
            this.skipUpTo = entriesDone;
            this.zone = zone;
            this.file = Camt054Reader.open(run.file());
        }

        @Override
        protected TransferBatch read() {
            List<TransferLine> lines = new ArrayList<>(batchSize + 16);
            int last = 0;
            while (file.hasNext()) {
                EntryRead entry = file.next();
                if (entry.position() <= skipUpTo) {
                    continue; // committed by a run before the restart
                }
                lines.addAll(TransferLines.of(entry, run.header(), zone));
                last = entry.position();
                if (lines.size() >= batchSize) {
                    return new TransferBatch(run, lines, last);
                }
            }
            return last == 0 ? null : new TransferBatch(run, lines, last);
        }

        @Override
        public void close() {
            file.close();
        }
    }
}
