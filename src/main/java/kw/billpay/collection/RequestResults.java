package kw.billpay.collection;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import kw.billpay.channel.directdebit.CollectionResults;
import kw.billpay.channel.directdebit.PartnerBank;
import kw.billpay.collection.CollectionRepository.RequestRow;
import kw.billpay.core.account.AccountNumbers;
import kw.billpay.core.collection.CollectionAmounts;
import kw.billpay.core.collection.ReasonAction;
import kw.billpay.core.collection.ReasonPolicy;
import kw.billpay.core.collection.ResultMatching;
import kw.billpay.core.collection.ResultMatching.Unexpected;
import kw.billpay.core.money.Money;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Component;

/**
 * A result file's lines matched to the requests they answer, in the result batch's transaction (CONTRACT "Direct-debit
 * mandates and collection runs"): each request gets the bank's answer (COLLECTED with its payment, or NOT_COLLECTED
 * with the reason and what the reason policy makes of it, a suspended mandate included). Both calls match the same
 * lines against the same locked requests, so they agree on every line.
 */
@Component
@RequiredArgsConstructor
@Slf4j
class RequestResults implements CollectionResults {

    /** How many of a batch's unexpected lines its log line names by seq. */
    private static final int SEQS_NAMED = 10;

    private final CollectionRepository requests;
    private final MandateService mandates;
    private final CollectionProperties properties;
    private final Clock clock;

    @Override
    public Set<Integer> unexpected(PartnerBank bank, List<Line> lines) {
        Set<Integer> flagged = new HashSet<>();
        matchAll(bank, lines, (line, match) -> {
            if (match.unexpected() != null) {
                flagged.add(line.lineNo());
            }
        });
        return flagged;
    }

    /**
     * Records the batch's lines. Operations get one WARN for the batch's unexpected collections (how many of each
     * kind, the first seqs), not one per line: a file from a bank that collected without requests would otherwise write
     * a line per record. Each line is at DEBUG.
     */
    @Override
    public void record(PartnerBank bank, String fileId, List<Line> lines) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String actor = "direct-debit:" + bank + "/" + fileId;
        ReasonPolicy policy = properties.reasonPolicy(); // once per batch, not per line
        Map<Unexpected, Integer> unexpected = new EnumMap<>(Unexpected.class);
        List<String> unexpectedSeqs = new ArrayList<>();
        matchAll(bank, lines, (line, match) -> {
            if (match.unexpected() != null && line.paymentId() != null) { // a refused line posted nothing to flag
                unexpected.merge(match.unexpected(), 1, Integer::sum);
                if (unexpectedSeqs.size() < SEQS_NAMED) {
                    unexpectedSeqs.add(line.seq());
                }
                if (log.isDebugEnabled()) { // masking costs a string per line; most batches log none
                    log.debug("unexpected direct-debit collection flagged: bank={} fileId={} seq={} mandate={} account={} "
                            + "reason={}", bank, fileId, line.seq(), line.mandateRef(),
                            AccountNumbers.mask(line.accountNumber()), match.unexpected());
                }
            }
            if (match.request() == null) {
                return;
            }
            String resultFile = bank + "/" + fileId + "/" + line.seq();
            if (line.collected()) {
                String note = line.paymentId() == null ? "NOT_POSTED:" + line.refusal()
                        : match.unexpected() == null ? null : match.unexpected().name();
                requests.recordResult(match.request().id(), "COLLECTED", null, null, line.amount(), resultFile, note,
                        line.paymentId(), now);
                return;
            }
            ReasonAction action = policy.actionFor(line.reasonCode());
            requests.recordResult(match.request().id(), "NOT_COLLECTED", line.reasonCode(), action.name(), line.amount(),
                    resultFile, null, null, now);
            if (action == ReasonAction.SUSPEND) {
                mandates.suspend(line.mandateRef(), line.reasonCode(), actor);
            }
        });
        if (!unexpected.isEmpty()) {
            int count = unexpected.values().stream().mapToInt(Integer::intValue).sum();
            log.warn("unexpected direct-debit collections posted and flagged UNEXPECTED_COLLECTION: bank={} fileId={} lines={} "
                    + "kinds={} seqs={}{}", bank, fileId, count, unexpected, unexpectedSeqs, count > SEQS_NAMED ? "…" : "");
        }
    }

    private void matchAll(PartnerBank bank, List<Line> lines, BiConsumer<Line, ResultMatching.Match> each) {
        if (lines.isEmpty()) {
            return;
        }
        List<RequestRow> rows = requests.lockRequestsOf(lines.stream().map(Line::mandateRef).distinct().toList());
        // a request asks in KWD (the request file's currency)
        ResultMatching matching = new ResultMatching(rows.stream().map(r -> new ResultMatching.Request(r.id(), r.bank(),
                r.mandateRef(), r.collectionDate(), r.accountNumber(), new Money(r.amount(), CollectionAmounts.KWD),
                ResultMatching.State.valueOf(r.state()))).toList());
        for (Line line : lines) {
            each.accept(line, matching.match(new ResultMatching.Result(bank.name(), line.mandateRef(),
                    line.accountNumber(), line.amount(), line.collectionDate(), line.collected())));
        }
    }
}
