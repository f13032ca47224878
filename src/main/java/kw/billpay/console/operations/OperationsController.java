package kw.billpay.console.operations;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import kw.billpay.channel.banktransfer.BankTransferProgress;
import kw.billpay.channel.directdebit.DirectDebitProgress;
import kw.billpay.collection.CollectionRunProgress;
import kw.billpay.channel.knet.KnetCallbackReview;
import kw.billpay.console.PaymentRow;
import kw.billpay.console.Shown;
import kw.billpay.core.money.Currencies;
import kw.billpay.core.money.Money;
import kw.billpay.ops.DeadLetters;
import kw.billpay.posting.Payments;
import kw.billpay.reconciliation.ReconciliationQuery;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Operations' day: what came in today per channel and status, the reconciliation check, the banks' files and their
 * progress (refreshed in place while the page is open), KNET payments waiting for their result, the callbacks kept
 * for review, refunds due and dead letters. Read only: each part is a read service of the feature that owns it.
 */
@Controller
@RequestMapping("/console/operations")
@RequiredArgsConstructor
class OperationsController {

    static final int SHOWN = 50;

    private final ReconciliationQuery reconciliation;
    private final DirectDebitProgress files;
    private final Payments payments;
    private final KnetCallbackReview callbacks;
    private final DeadLetters deadLetters;
    private final CollectionRunProgress collections;
    private final BankTransferProgress transfers;
    private final Clock clock;

    /** A channel's total for one status today. */
    record TotalRow(String channel, String status, String received, long count) { }

    /**
     * What the page shows of any bank file, direct-debit result or camt.054 alike: its bank, its reference (the bank's
     * fileId or MsgId, none if unreadable) and name, its status, how far it has got, and when it came.
     */
    record BankFileRow(String bank, String reference, String fileName, String status, String reason, int done,
                       int total, int percent, String receivedAt) {

        boolean inProgress() {
            return status.equals("IN_PROGRESS");
        }
    }

    /** A direct-debit result file: records done of records, then its records' outcomes. */
    record FileRow(BankFileRow file, int posted, String postedSum, int refused, int notCollected) { }

    /** A camt.054 file: entries done of entries, then its lines by outcome (count, and sums per currency). */
    record TransferFileRow(BankFileRow file, int posted, String postedSums, int suspense, String suspenseSums,
                           int recalls, int ignored) { }

    record CallbackRow(long id, String receivedAt, String endpoint, String outcome, String trackId, String result) { }

    record RefundRow(String account, String amount, String createdAt, String paymentId) { }

    /** The reconciliation's conservation check of one billing currency, its amounts written as every console amount. */
    record ConservationRow(String currency, String posted, String allocated, String creditBalanceParts) { }

    record RunRow(String collectionDate, int presentation, String status, int mandatesSeen, int requested, int skipped,
                  int files, String requestedSum, String startedAt, String completedAt) { }

    @GetMapping
    String day(Model model) {
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        ZonedDateTime start = today.atStartOfDay(zone);
        model.addAttribute("today", today.toString());
        model.addAttribute("totals", reconciliation.receivedBetween(start.toOffsetDateTime(), start.plusDays(1).toOffsetDateTime())
                .stream().map(t -> new TotalRow(t.channel(), t.status(), Shown.money(t.received()), t.count())).toList());
        files(model);
        model.addAttribute("waitingKnet", payments.awaitingKnet(SHOWN).stream()
                .map(p -> PaymentRow.of(p, zone)).toList());
        model.addAttribute("callbacks", callbacks.keptForReview(SHOWN).stream()
                .map(c -> new CallbackRow(c.id(), Shown.time(c.receivedAt(), zone), c.endpoint(), c.outcome(),
                        Shown.outside(c.trackId()), Shown.outside(c.result()))).toList());
        model.addAttribute("refunds", payments.openRefundsDue(SHOWN).stream()
                .map(r -> new RefundRow(Shown.account(r.accountNumber()), Shown.money(r.amount()), Shown.time(r.createdAt(), zone),
                        r.paymentId().toString())).toList());
        DeadLetters.Page letters = deadLetters.browse(SHOWN);
        model.addAttribute("deadLetters", letters);
        model.addAttribute("deadLetterTimes", letters.letters().stream()
                .map(l -> l.deadLetteredAt() == null ? "" : Shown.time(l.deadLetteredAt().atOffset(java.time.ZoneOffset.UTC), zone))
                .toList());
        return "console/operations/day";
    }

    /** The files' progress alone, for the page to refresh in place. */
    @GetMapping("/files")
    String filesFragment(Model model) {
        files(model);
        return "console/operations/day :: files";
    }

    /** The reconciliation check, loaded after the page: it reads the whole ledger. */
    @GetMapping("/reconciliation")
    String reconciliationFragment(Model model) {
        Map<String, Object> check = reconciliation.reconcile();
        model.addAttribute("balanced", check.get("balanced"));
        model.addAttribute("conservation", ((List<?>) ((Map<?, ?>) check.get("conservation")).get("perCurrency")).stream()
                .map(row -> (Map<?, ?>) row).map(row -> {
                    String currency = (String) row.get("currency");
                    return new ConservationRow(currency, shown(row.get("posted"), currency), shown(row.get("allocated"), currency),
                            shown(row.get("creditBalanceParts"), currency));
                }).toList());
        model.addAttribute("unbalancedPayments", ((Map<?, ?>) check.get("conservation")).get("unbalancedPayments"));
        return "console/operations/day :: reconciliation";
    }

    private void files(Model model) {
        ZoneId zone = clock.getZone();
        List<FileRow> rows = files.latest(SHOWN).stream().map(f -> new FileRow(
                file(f.bank(), f.fileId(), f.fileName(), f.status(), f.reason(), f.recordsDone(), f.records(), f.receivedAt()),
                f.posted(), Shown.money(f.postedSum()), f.refused(), f.notCollected())).toList();
        model.addAttribute("files", rows);
        model.addAttribute("runs", collections.latest(10).stream().map(r -> new RunRow(r.collectionDate().toString(),
                r.presentation(), r.status(), r.mandatesSeen(), r.requested(), r.skipped(), r.files(),
                Shown.amount(r.requestedSum(), 3) + " KWD", Shown.time(r.startedAt(), zone), Shown.time(r.completedAt(), zone)))
                .toList());
        List<TransferFileRow> transferFiles = transfers.latest(SHOWN).stream().map(f -> new TransferFileRow(
                file(f.bank(), f.messageId(), f.fileName(), f.status(), f.reason(), f.entriesDone(), f.entries(), f.receivedAt()),
                f.posted().count(), sums(f.posted().sums()), f.suspense().count(), sums(f.suspense().sums()),
                f.recalls().count(), f.ignored().count())).toList();
        model.addAttribute("transferFiles", transferFiles);
        model.addAttribute("filesBusy", rows.stream().anyMatch(r -> r.file().inProgress())
                || transferFiles.stream().anyMatch(r -> r.file().inProgress())
                || collections.latest(1).stream().anyMatch(r -> r.status().equals("IN_PROGRESS")));
    }

    private BankFileRow file(String bank, String reference, String fileName, String status, String reason, int done,
                             int total, OffsetDateTime receivedAt) {
        return new BankFileRow(bank, Shown.outside(reference), Shown.outside(fileName), status, reason, done, total,
                percent(done, total), Shown.time(receivedAt, clock.getZone()));
    }

    /** The check's plain amount ("1234.500") as the console writes amounts ("1,234.500"); a sum may exceed a payment's limit. */
    private static String shown(Object plainAmount, String currency) {
        return Shown.amount(new BigDecimal((String) plainAmount), Currencies.minorUnits(Currencies.parse(currency)));
    }

    private static int percent(int done, int of) {
        return of == 0 ? 0 : (int) Math.min(100, 100L * done / of);
    }

    private static String sums(List<Money> sums) {
        return String.join(" + ", sums.stream().map(Shown::money).toList());
    }
}
