package kw.billpay.channel.directdebit;

import java.nio.file.Path;
import java.util.Currency;

/**
 * A result file taken from an inbox, as it goes through the route: the file, its bank, its record in
 * {@code direct_debit_file}, and whether its records are posted or it is refused whole.
 *
 * @param fileId    from the header; null when the header could not be read
 * @param currency  the header's currency; null when refused before it was known
 * @param rejection null for a file being posted
 * @param seqsAscending the file's seqs are in ascending order, so none can repeat (ResultFileCheck)
 * @param resumedAt records a run before a restart had already posted (0 for a fresh file)
 * @param started   nanoTime when the gateway took the file, for the closing log line's rate
 */
public record FileRun(Path file, PartnerBank bank, long fileRef, String fileId, Currency currency,
                      FileRejection rejection, boolean seqsAscending, int resumedAt, long started) {

    public boolean accepted() {
        return rejection == null;
    }

    public String fileName() {
        return file.getFileName().toString();
    }
}
