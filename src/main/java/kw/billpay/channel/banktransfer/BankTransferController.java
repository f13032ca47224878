package kw.billpay.channel.banktransfer;

import static kw.billpay.web.ZonedTimes.inZone;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import kw.billpay.channel.banktransfer.TransferFileRepository.FileRecord;
import kw.billpay.channel.banktransfer.TransferFileRepository.Total;
import kw.billpay.channel.directdebit.PartnerBank;
import kw.billpay.web.MoneyJson;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operations' view of the banks' camt.054 files: status, progress, counts and sums by outcome (OPS). */
@RestController
@RequestMapping("/api/v1/bank-transfers")
@RequiredArgsConstructor
class BankTransferController {

    private final TransferFileRepository files;
    private final Clock clock;

    record Progress(int entriesDone, int entries) { }

    /** Lines of one outcome: how many, and their sums per currency (an unreadable entry counts, with no sum). */
    record Totals(int count, List<MoneyJson> sums) { }

    /**
     * @param attempts how often its processing failed for a reason other than its content (the back-off, then
     *                 PROCESSING_FAILED); {@code failure} the last such failure
     */
    record FileView(long ref, String bank, String msgId, String fileName, String version, OffsetDateTime createdAt,
                    String status, String reason, String detail, Progress progress, Totals posted, Totals suspense,
                    Totals recalls, Totals ignored, OffsetDateTime receivedAt, OffsetDateTime completedAt,
                    String archivedAs, int attempts, String failure) { }

    /** Files newest first: in progress (entries done of all), accepted, or refused with the reason. */
    @GetMapping("/files")
    List<FileView> files(@RequestParam(required = false) String bank, @RequestParam(required = false) String status,
                         @RequestParam(defaultValue = "100") int limit) {
        PartnerBank.requireFileListFilters(bank, status, files.statuses(), limit);
        List<FileRecord> found = files.files(bank, status, limit);
        Map<Long, List<Total>> totals = files.totals(found.stream().map(FileRecord::id).toList());
        return found.stream().map(f -> view(f, totals.getOrDefault(f.id(), List.of()))).toList();
    }

    private FileView view(FileRecord f, List<Total> totals) {
        return new FileView(f.id(), f.bank(), f.messageId(), f.fileName(), f.version(), inZone(f.createdAt(), clock.getZone()), f.status(),
                f.reason(), f.detail(), new Progress(f.entriesDone(), f.entryCount()),
                totals(totals, "POSTED"), totals(totals, "SUSPENSE"), totals(totals, "RECALL"), totals(totals, "IGNORED"),
                inZone(f.receivedAt(), clock.getZone()), inZone(f.completedAt(), clock.getZone()), f.archivedAs(), f.attempts(), f.failure());
    }

    private static Totals totals(List<Total> all, String outcome) {
        BankTransferProgress.Outcome lines = BankTransferProgress.outcome(all, outcome);
        return new Totals(lines.count(), lines.sums().stream().map(MoneyJson::of).toList());
    }
}
