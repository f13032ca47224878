package kw.billpay.channel.directdebit;

import static kw.billpay.web.ZonedTimes.inZone;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import kw.billpay.core.account.AccountNumbers;
import kw.billpay.channel.directdebit.DirectDebitRepository.FileRecord;
import kw.billpay.channel.directdebit.DirectDebitRepository.RecordRow;
import kw.billpay.core.money.Currencies;
import kw.billpay.core.money.Money;
import kw.billpay.web.MoneyJson;
import kw.billpay.web.RequestValues;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operations' view of the banks' result files and the collections team's list of debits not collected (OPS). */
@RestController
@RequestMapping("/api/v1/direct-debit")
@RequiredArgsConstructor
class DirectDebitController {

    private final DirectDebitRepository files;
    private final Clock clock;

    record Progress(int recordsDone, int records) { }

    record Totals(int count, MoneyJson sum) { }

    /**
     * @param attempts       how often its processing failed for a reason other than its content (0 when never)
     * @param failure        the last such failure, for operations; a file given up is REJECTED as PROCESSING_FAILED
     * @param acknowledgedAs its acknowledgement's name in outbox/ (a same-name resend's is numbered)
     */
    record FileView(long ref, String bank, String fileId, String fileName, String status, String reason,
                    String currency, LocalDate createdDate, Progress progress, Totals posted, Totals refused,
                    Totals notCollected, MoneyJson controlSum, OffsetDateTime receivedAt, OffsetDateTime completedAt,
                    String archivedAs, int attempts, String failure, String acknowledgedAs) { }

    /** Files newest first: in progress (records done of total), accepted, or rejected with the reason. */
    @GetMapping("/files")
    List<FileView> files(@RequestParam(required = false) String bank, @RequestParam(required = false) String status,
                         @RequestParam(defaultValue = "100") int limit) {
        PartnerBank.requireFileListFilters(bank, status, files.statuses(), limit);
        return files.files(bank, status, limit).stream().map(this::view).toList();
    }

    record NotCollectedView(String bank, String fileId, String seq, String accountNumber, String mandateRef,
                            MoneyJson amount, LocalDate collectionDate, String reasonCode) { }

    /** What the banks could not collect from one account, newest file first, with the banks' reason codes. */
    @GetMapping("/not-collected")
    List<NotCollectedView> notCollected(@RequestParam(required = false) String accountNumber,
                                        @RequestParam(defaultValue = "100") int limit) {
        AccountNumbers.requireValid("accountNumber", accountNumber);
        RequestValues.requireLimit(limit);
        return files.notCollected(accountNumber, limit).stream().map(this::view).toList();
    }

    private FileView view(FileRecord f) {
        boolean known = f.currency() != null;
        return new FileView(f.id(), f.bank(), f.fileId(), f.fileName(), f.status(), f.reason(), f.currency(),
                f.createdDate(), new Progress(f.recordsDone(), f.recordCount()),
                new Totals(f.postedCount(), known ? money(f.postedSum(), f.currency()) : null),
                new Totals(f.refusedCount(), null),
                new Totals(f.notCollectedCount(), known ? money(f.notCollectedSum(), f.currency()) : null),
                known && f.controlSum() != null ? new MoneyJson(f.controlSum().toPlainString(), f.currency()) : null, // as the bank wrote it
                inZone(f.receivedAt(), clock.getZone()), inZone(f.completedAt(), clock.getZone()), f.archivedAs(), f.attempts(), f.failure(), f.ackName());
    }

    private NotCollectedView view(DirectDebitRepository.NotCollected notCollected) {
        RecordRow r = notCollected.record();
        return new NotCollectedView(notCollected.bank(), notCollected.fileId(), r.seq(), AccountNumbers.mask(r.accountNumber()),
                r.mandateRef(), r.amount() == null ? null : money(r.amount(), r.currency()), r.collectionDate(), r.reason());
    }

    private static MoneyJson money(BigDecimal amount, String currency) {
        return MoneyJson.of(new Money(amount, Currencies.parse(currency)));
    }
}
