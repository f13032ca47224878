package kw.billpay.collection;

import static kw.billpay.web.ZonedTimes.inZone;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import kw.billpay.collection.CollectionRepository.FileRow;
import kw.billpay.collection.CollectionRepository.RunRow;
import kw.billpay.web.MoneyJson;

/** A collection run as operations see it: its progress, what it skipped, and its files with their counts and sums. */
record RunView(long runId, LocalDate collectionDate, int presentation, String status, String startedBy,
               OffsetDateTime startedAt, OffsetDateTime completedAt, Mandates mandates, Totals requested,
               List<FileView> files) {

    /** {@code seen}: mandates the run looked at so far (on the 28th, those the 27th did not collect). */
    record Mandates(int seen, int requested, int nothingDue, int accountNotOpen, int noFxRate) { }

    record Totals(int count, MoneyJson sum) { }

    /** {@code error}: why a FAILED file's folder could not be written. */
    record FileView(String bank, String fileId, String fileName, String status, int recordCount, MoneyJson controlSum,
                    String error, OffsetDateTime writtenAt) { }

    static RunView of(RunRow run, List<FileRow> files, ZoneId zone) {
        BigDecimal sum = files.stream().map(FileRow::controlSum).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new RunView(run.id(), run.collectionDate(), run.presentation(), run.status(), run.startedBy(),
                inZone(run.startedAt(), zone), inZone(run.completedAt(), zone),
                new Mandates(run.mandatesSeen(), run.requested(), run.skippedNothingDue(), run.skippedNotOpen(), run.skippedNoRate()),
                new Totals(files.stream().mapToInt(FileRow::recordCount).sum(), kwd(sum)),
                files.stream().map(f -> new FileView(f.bank(), f.fileId(), f.fileName(), f.status(), f.recordCount(),
                        kwd(f.controlSum()), f.error(), inZone(f.writtenAt(), zone))).toList());
    }

    static MoneyJson kwd(BigDecimal amount) {
        return amount == null ? null : new MoneyJson(amount.setScale(3).toPlainString(), "KWD");
    }

}
