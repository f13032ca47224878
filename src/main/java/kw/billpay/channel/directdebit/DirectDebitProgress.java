package kw.billpay.channel.directdebit;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import kw.billpay.core.money.Currencies;
import kw.billpay.core.money.Money;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/** What the staff console may read of the banks' result files: each file's progress and outcome, newest first. */
@Service
@RequiredArgsConstructor
public class DirectDebitProgress {

    private final DirectDebitRepository files;

    /**
     * A file as operations follow it: records done of records, posted (count and sum), refused, not collected.
     * Sums are null while the file's currency is unknown (a file rejected before its header was read).
     */
    public record FileProgress(String bank, String fileId, String fileName, String status, String reason,
                               int recordsDone, int records, int posted, Money postedSum, int refused,
                               int notCollected, Money notCollectedSum, OffsetDateTime receivedAt,
                               OffsetDateTime completedAt) { }

    public List<FileProgress> latest(int limit) {
        return files.files(null, null, limit).stream().map(f -> new FileProgress(f.bank(), f.fileId(), f.fileName(),
                f.status(), f.reason(), f.recordsDone(), f.recordCount(), f.postedCount(), money(f.postedSum(), f.currency()),
                f.refusedCount(), f.notCollectedCount(), money(f.notCollectedSum(), f.currency()), f.receivedAt(),
                f.completedAt())).toList();
    }

    private static Money money(BigDecimal amount, String currency) {
        return currency == null || amount == null ? null : new Money(amount, Currencies.parse(currency.trim()));
    }
}
