package kw.billpay.channel.banktransfer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kw.billpay.account.AccountService;
import kw.billpay.channel.banktransfer.BankTransferRepository.NewLine;
import kw.billpay.channel.banktransfer.TransferFileRepository.Total;
import kw.billpay.channel.banktransfer.TransferLine.Kind;
import kw.billpay.channel.banktransfer.TransferLine.Outcome;
import kw.billpay.core.Refusal;
import kw.billpay.core.payment.Payment;
import kw.billpay.core.payment.PaymentIntent;
import kw.billpay.core.payment.PostingResult;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Component;

/**
 * The steps of a camt.054 file's batch ({@code routes/bank-transfer.camel.yaml}), one transaction: each transfer
 * decided (reported before, matched to one account, or held in suspense), the matched ones handed to the posting core,
 * then every line, the recalls and the file's progress written. So a gateway killed anywhere leaves each batch wholly
 * done or not at all, and the restart goes on from the first entry not done.
 */
@Component("bankTransferBatches")
@RequiredArgsConstructor
@Slf4j
public class BankTransferBatches {

    /** ISO 4217 "no currency": the total of lines whose amount could not be read. */
    private static final String NO_CURRENCY = "XXX";

    private final BankTransferRepository transfers;
    private final TransferFileRepository files;
    private final AccountService accounts;
    private final Recalls recalls;

    /**
     * Decides every transfer of the batch: a bank reference this bank reported before (in an earlier file, an earlier
     * batch or earlier in this one) is recorded as a DUPLICATE and never posted again (R28); the others are matched to
     * one account (CONTRACT "Matching", every candidate number of the batch looked up in one query) or held in suspense
     * with the reason.
     */
    public TransferBatch check(TransferBatch batch) {
        String bank = batch.run().bank().name();
        Set<String> references = new HashSet<>();
        Set<String> candidates = new HashSet<>();
        for (TransferLine line : batch.lines()) {
            if (line.kind() != Kind.IGNORED && line.bankReference() != null) {
                references.add(line.bankReference());
            }
            if (line.kind() == Kind.TRANSFER) {
                candidates.addAll(AccountNumberMatcher.candidates(line.unstructured(), line.creditorReferences()));
            }
        }
        Map<String, Long> taken = transfers.taken(bank, references);
        Set<String> known = accounts.existing(candidates);
        Set<String> seen = new HashSet<>();
        List<TransferLine> decided = new ArrayList<>(batch.lines().size());
        for (TransferLine line : batch.lines()) {
            String reference = line.bankReference();
            if (line.kind() != Kind.IGNORED && reference != null && (taken.containsKey(reference) || !seen.add(reference))) {
                decided.add(line.ignored(TransferLine.DUPLICATE, "AcctSvcrRef " + reference + " of " + bank
                        + " was received before" + (taken.containsKey(reference) ? " (line " + taken.get(reference) + ")"
                        : " earlier in this file") + ": recorded, never taken twice (R28)"));
            } else if (line.kind() == Kind.TRANSFER) {
                decided.add(TransferMatching.decide(line, known));
            } else {
                decided.add(line);
            }
        }
        return batch.withLines(decided);
    }

    /** The matched transfers to post: money already received (R8: never refused for a closed account or a missing rate). */
    public List<PaymentIntent> toPost(TransferBatch batch) {
        return batch.lines().stream().filter(l -> l.outcome() == Outcome.POST)
                .map(l -> TransferIntents.matched(batch.run(), l)).toList();
    }

    /** Every line's outcome, the batch's recalls, and the file's progress. */
    public void record(TransferBatch batch, PostingResult posted) {
        TransferFileRun run = batch.run();
        Map<List<String>, Total> totals = new LinkedHashMap<>();
        List<NewLine> rows = new ArrayList<>(batch.lines().size());
        List<TransferLine> recallLines = new ArrayList<>();
        for (TransferLine line : batch.lines()) {
            if (line.outcome() == Outcome.RECALL) {
                recallLines.add(line);
                continue;
            }
            NewLine row = row(run, line, posted);
            rows.add(row);
            add(totals, row.status().equals("POSTED") ? "POSTED" : row.suspended() ? "SUSPENSE" : "IGNORED", line);
        }
        transfers.insert(rows);
        if (!recallLines.isEmpty()) {
            List<NewLine> recalled = recallLines.stream().map(line -> recalls.apply(run, line)).toList();
            transfers.insert(recalled);
            recallLines.forEach(line -> add(totals, "RECALL", line));
        }
        files.addProgress(run.fileRef(), batch.lastPosition(), totals.values());
        log.debug("batch of {} lines of bank-transfer file {} recorded, up to entry {}", batch.lines().size(),
                run.fileRef(), batch.lastPosition());
    }

    private static NewLine row(TransferFileRun run, TransferLine line, PostingResult posted) {
        String status;
        boolean suspended = false;
        String reason = line.reason();
        String detail = line.detail();
        Payment payment = null;
        if (line.outcome() == Outcome.POST) {
            String key = TransferIntents.sourceKey(run.bank().name(), line.bankReference());
            payment = posted.stored().get(key);
            if (payment == null) {
                Refusal refusal = posted.refused().get(key);
                status = "SUSPENSE";
                suspended = true;
                reason = TransferLine.POSTING_REFUSED;
                detail = TransferLines.cut("matched by " + line.reason() + ", but the posting refused it: "
                        + refusal.code() + " " + refusal.getMessage(), 500);
            } else {
                status = "POSTED";
            }
        } else if (line.outcome() == Outcome.SUSPENSE) {
            status = "SUSPENSE";
            suspended = true;
        } else {
            status = "IGNORED";
        }
        return newLine(run, line, line.kind() == Kind.TRANSFER ? "TRANSFER" : "IGNORED", status, suspended, reason,
                detail, payment == null ? null : payment.paymentId(), null);
    }

    static NewLine newLine(TransferFileRun run, TransferLine line, String kind, String status, boolean suspended,
                           String reason, String detail, UUID paymentId, Long originalRef) {
        return new NewLine(run.fileRef(), line.position(), line.detailIndex(), run.bank().name(), kind, status,
                suspended, reason, detail, line.bankReference(), line.endToEndId(), line.transactionId(),
                line.amount() == null ? null : line.amount().amount(),
                line.amount() == null ? null : line.amount().currency().getCurrencyCode(), line.valueTime(),
                line.debtorName(), line.remittance(), line.accountNumber(), paymentId, originalRef);
    }

    private static void add(Map<List<String>, Total> totals, String outcome, TransferLine line) {
        String currency = line.amount() == null ? NO_CURRENCY : line.amount().currency().getCurrencyCode();
        BigDecimal amount = line.amount() == null ? BigDecimal.ZERO : line.amount().amount();
        totals.merge(List.of(outcome, currency), new Total(outcome, currency, 1, amount),
                (a, b) -> new Total(outcome, currency, a.count() + 1, a.amount().add(b.amount())));
    }
}
