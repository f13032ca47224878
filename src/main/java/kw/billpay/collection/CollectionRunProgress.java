package kw.billpay.collection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/** What the staff console may read of the collection runs: each run's progress and what it asked the banks for. */
@Service
@RequiredArgsConstructor
public class CollectionRunProgress {

    private final CollectionRepository runs;

    /**
     * A run as operations follow it: mandates looked at, debits requested, mandates skipped (nothing due, account not
     * open, no rate), and the request files written with their total in KWD.
     */
    public record RunProgress(LocalDate collectionDate, int presentation, String status, int mandatesSeen,
                              int requested, int skipped, int files, BigDecimal requestedSum, OffsetDateTime startedAt,
                              OffsetDateTime completedAt) { }

    /** Newest collection date first. */
    public List<RunProgress> latest(int limit) {
        return runs.runs(limit).stream().map(r -> {
            List<CollectionRepository.FileRow> files = runs.files(r.id());
            BigDecimal sum = files.stream().map(CollectionRepository.FileRow::controlSum)
                    .filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
            return new RunProgress(r.collectionDate(), r.presentation(), r.status(), r.mandatesSeen(), r.requested(),
                    r.skippedNothingDue() + r.skippedNotOpen() + r.skippedNoRate(), files.size(), sum, r.startedAt(),
                    r.completedAt());
        }).toList();
    }
}
