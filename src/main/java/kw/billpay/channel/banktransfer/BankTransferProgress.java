package kw.billpay.channel.banktransfer;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kw.billpay.channel.banktransfer.TransferFileRepository.FileRecord;
import kw.billpay.channel.banktransfer.TransferFileRepository.Total;
import kw.billpay.core.money.Currencies;
import kw.billpay.core.money.Money;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * What the staff console may read of the banks' camt.054 files: each file's progress and outcome, newest first, with
 * the same counts and sums as {@code GET /api/v1/bank-transfers/files}.
 */
@Service
@RequiredArgsConstructor
public class BankTransferProgress {

    /** The currency of a line whose entry could not be read: counted, never summed. */
    private static final String NO_CURRENCY = "XXX";

    private final TransferFileRepository files;

    /** Lines of one outcome: how many, and their sums per currency (an unreadable entry counts, with no sum). */
    public record Outcome(int count, List<Money> sums) { }

    /**
     * A file as operations follow it: entries done of entries, then its lines by outcome. A refused file
     * ({@code REFUSED}, with its reason) changed nothing and has no lines.
     */
    public record FileProgress(long ref, String bank, String messageId, String fileName, String status, String reason,
                               int entriesDone, int entries, Outcome posted, Outcome suspense, Outcome recalls,
                               Outcome ignored, OffsetDateTime receivedAt, OffsetDateTime completedAt) { }

    public List<FileProgress> latest(int limit) {
        List<FileRecord> found = files.files(null, null, limit);
        Map<Long, List<Total>> totals = files.totals(found.stream().map(FileRecord::id).toList());
        return found.stream().map(f -> {
            List<Total> of = totals.getOrDefault(f.id(), List.of());
            return new FileProgress(f.id(), f.bank(), f.messageId(), f.fileName(), f.status(), f.reason(),
                    f.entriesDone(), f.entryCount(), outcome(of, "POSTED"), outcome(of, "SUSPENSE"),
                    outcome(of, "RECALL"), outcome(of, "IGNORED"), f.receivedAt(), f.completedAt());
        }).toList();
    }

    /** A file's lines of one outcome (POSTED, SUSPENSE, RECALL, IGNORED), from its totals per outcome and currency. */
    static Outcome outcome(List<Total> all, String outcome) {
        int count = 0;
        List<Money> sums = new ArrayList<>();
        for (Total total : all) {
            if (total.outcome().equals(outcome)) {
                count += total.count();
                if (!total.currency().equals(NO_CURRENCY)) {
                    sums.add(new Money(total.amount(), Currencies.parse(total.currency())));
                }
            }
        }
        return new Outcome(count, sums);
    }
}
