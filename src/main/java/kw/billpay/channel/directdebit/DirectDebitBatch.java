package kw.billpay.channel.directdebit;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import kw.billpay.channel.directdebit.ResultFileFormat.Detail;
import kw.billpay.infra.ReadAhead;

/**
 * A batch of a result file's D records, posted in one transaction ({@code routes/direct-debit.camel.yaml}).
 *
 * @param details the records in the file's order; once checked, a repeated seq is already refused
 */
public record DirectDebitBatch(FileRun run, List<Detail> details) {

    public DirectDebitBatch {
        details = List.copyOf(details);
    }

    public DirectDebitBatch withDetails(List<Detail> checked) {
        return new DirectDebitBatch(run, checked);
    }

    /**
     * Reads a file's D records a batch at a time, skipping the ones a run before a restart already posted. The route's
     * splitter closes it when the file is done or a batch failed.
     */
    public static final class Reader extends ReadAhead<DirectDebitBatch> implements Closeable {

        private final FileRun run;
        private final int batchSize;
        private final ResultFileReader file;
        private int toSkip;
        private boolean ended;

        Reader(FileRun run, int recordsDone, int batchSize) throws IOException {
            this.run = run;
            this.batchSize = batchSize;
            this.toSkip = recordsDone;
            this.file = new ResultFileReader(run.file());
            file.nextNonBlank(); // the header, which the first pass checked
        }

        @Override
        protected DirectDebitBatch read() {
            if (ended) {
                return null;
            }
            try {
                List<Detail> details = new ArrayList<>(batchSize);
                for (String line = file.next(); line != null; line = file.next()) {
                    String type = ResultFileFormat.type(line);
                    if (type.equals("T")) {
                        break;
                    }
                    if (!type.equals("D") || toSkip-- > 0) {
                        continue; // a blank line, or a record a run before the crash posted
                    }
                    details.add(Detail.parse(file.lineNo(), line, run.currency()));
                    if (details.size() == batchSize) {
                        return new DirectDebitBatch(run, details);
                    }
                }
                ended = true;
                return details.isEmpty() ? null : new DirectDebitBatch(run, details);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }
}
