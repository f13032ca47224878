package kw.billpay.channel.directdebit;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import kw.billpay.channel.directdebit.DirectDebitRepository.RecordRow;
import kw.billpay.channel.directdebit.ResultFileFormat.Collection;
import kw.billpay.channel.directdebit.ResultFileFormat.Detail;
import kw.billpay.core.payment.Channel;
import kw.billpay.core.payment.Payment;
import kw.billpay.core.payment.PaymentFlag;
import kw.billpay.core.payment.PaymentIntent;
import kw.billpay.core.payment.PaymentMethod;
import kw.billpay.core.payment.PostingResult;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Component;

/**
 * The steps of a result file's batch ({@code routes/direct-debit.camel.yaml}), one transaction: repeated seqs refused,
 * the collected records handed to the posting core, then every record's outcome and the file's progress written. So a
 * gateway killed anywhere leaves each batch wholly done or not at all, and the restart goes on from the first batch not
 * done.
 */
@Component("directDebitBatches")
@RequiredArgsConstructor
@Slf4j
public class DirectDebitBatches {

    private final DirectDebitRepository files;
    private final CollectionResults collections;
    private final Clock clock;

    /** A record's identity (bank, fileId, seq): the payment's unique source key, so it is posted at most once ever (R22). */
    static String sourceKey(FileRun run, String seq) {
        return "DD/" + run.bank() + "/" + run.fileId() + "/" + seq;
    }

    /** The batch with every repeated seq refused (DUPLICATE_SEQ), whatever else the line holds. */
    public DirectDebitBatch check(DirectDebitBatch batch) {
        return batch.withDetails(withRepeatsRefused(batch.run(), batch.details()));
    }

    /**
     * The collected records to post: money already taken from the customer's bank account. One that answers no open
     * collection request, or for another amount, is posted all the same (R8) and flagged UNEXPECTED_COLLECTION.
     */
    public List<PaymentIntent> toPost(DirectDebitBatch batch) {
        Set<Integer> unexpected = collections.unexpected(batch.run().bank(),
                collectionLines(batch.details(), d -> null));
        return batch.details().stream().filter(Detail::toPost)
                .map(d -> intent(batch.run(), d, unexpected.contains(d.lineNo()))).toList();
    }

    /** Every record's outcome, as the acknowledgement's R lines will say it, and the file's progress. */
    public void record(DirectDebitBatch batch, PostingResult posted) {
        FileRun run = batch.run();
        List<RecordRow> rows = new ArrayList<>(batch.details().size());
        int postedCount = 0;
        int refused = 0;
        int notCollected = 0;
        BigDecimal postedSum = BigDecimal.ZERO;
        BigDecimal notCollectedSum = BigDecimal.ZERO;
        String currency = run.currency().getCurrencyCode();
        for (Detail d : batch.details()) {
            boolean first = d.seq() != null && d.refusal() != RecordRefusal.DUPLICATE_SEQ;
            BigDecimal amount = d.amount() == null ? null : d.amount().amount();
            String sourceKey = d.toPost() ? sourceKey(run, d.seq()) : null;
            Payment payment = d.toPost() ? posted.stored().get(sourceKey) : null;
            Detail outcome = d.toPost() && payment == null
                    ? d.refused(RecordRefusal.valueOf(posted.refused().get(sourceKey).code())) : d;
            String status;
            String reason;
            if (outcome.refusal() != null) {
                status = "REFUSED";
                reason = outcome.refusal().name();
                refused++;
            } else if (outcome.status() == Collection.NOT_COLLECTED) {
                status = "NOT_COLLECTED";
                reason = outcome.reasonCode();
                notCollected++;
                notCollectedSum = amount == null ? notCollectedSum : notCollectedSum.add(amount);
            } else {
                status = "POSTED";
                reason = null;
                postedCount++;
                postedSum = postedSum.add(amount);
            }
            rows.add(new RecordRow(run.fileRef(), d.lineNo(), d.seqOrEmpty(), first, status, reason,
                    payment == null ? null : payment.paymentId(), d.accountNumber(), d.mandateRef(), amount, currency,
                    d.collectionDate()));
        }
        files.insertRecords(rows);
        files.addProgress(run.fileRef(), rows.size(), postedCount, postedSum, refused, notCollected, notCollectedSum);
        Map<Integer, RecordRow> byLine = rows.stream().collect(Collectors.toMap(RecordRow::lineNo, r -> r));
        collections.record(run.bank(), run.fileId(), collectionLines(batch.details(), d -> byLine.get(d.lineNo())));
        log.debug("batch of {} records of file {} recorded", rows.size(), run.fileRef());
    }

    /**
     * A seq an earlier batch or an earlier line of this batch took makes the line a DUPLICATE_SEQ, whatever else it
     * holds. In a file whose seqs ascend no seq repeats, and the earlier batches need not be asked.
     */
    private List<Detail> withRepeatsRefused(FileRun run, List<Detail> batch) {
        Set<String> taken = run.seqsAscending() ? Set.of() : files.seqsTaken(run.fileRef(),
                batch.stream().map(Detail::seq).filter(Objects::nonNull).collect(Collectors.toSet()));
        Set<String> seen = new HashSet<>();
        List<Detail> checked = new ArrayList<>(batch.size());
        for (Detail d : batch) {
            boolean repeat = d.seq() != null && (taken.contains(d.seq()) || !seen.add(d.seq()));
            checked.add(repeat ? d.refused(RecordRefusal.DUPLICATE_SEQ) : d);
        }
        return checked;
    }

    /**
     * The lines that answer a collection request: a mandate reference and a status could be read, and the line is not
     * a repeated seq (whose first line already answered). {@code outcome} gives the line's recorded outcome, or null.
     */
    private static List<CollectionResults.Line> collectionLines(List<Detail> details, Function<Detail, RecordRow> outcome) {
        List<CollectionResults.Line> lines = new ArrayList<>();
        for (Detail d : details) {
            if (d.status() == null || d.mandateRef() == null || d.mandateRef().isEmpty()
                    || d.refusal() == RecordRefusal.DUPLICATE_SEQ) {
                continue;
            }
            RecordRow row = outcome.apply(d);
            lines.add(new CollectionResults.Line(d.lineNo(), d.seqOrEmpty(), d.mandateRef(), d.accountNumber(),
                    d.amount(), d.collectionDate(), d.status() == Collection.COLLECTED,
                    d.reasonCode(), row == null ? null : row.paymentId(),
                    row != null && row.status().equals("REFUSED") ? row.reason() : null));
        }
        return lines;
    }

    /** R18: a direct debit's value time is the collection date in the bank's file (the start of that day in Kuwait). */
    private PaymentIntent intent(FileRun run, Detail d, boolean unexpected) {
        return new PaymentIntent(sourceKey(run, d.seq()), Channel.DIRECT_DEBIT, PaymentMethod.DIRECT_DEBIT,
                d.accountNumber(), d.amount(), d.collectionDate().atStartOfDay(clock.getZone()).toOffsetDateTime(),
                d.mandateRef().isEmpty() ? null : d.mandateRef(),
                Map.of("bank", run.bank().name(), "fileId", run.fileId(), "file", run.fileName(), "seq", d.seq(),
                        "line", Integer.toString(d.lineNo())),
                unexpected ? Set.of(PaymentFlag.UNEXPECTED_COLLECTION) : Set.of(), "direct-debit:" + run.bank(), false);
    }
}
