package kw.billpay.channel.banktransfer;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import kw.billpay.channel.banktransfer.BankTransferRepository.NewLine;
import kw.billpay.channel.banktransfer.BankTransferRepository.StoredLine;
import kw.billpay.core.payment.Payment;
import kw.billpay.core.payment.PaymentCommand;
import kw.billpay.core.payment.PaymentStatus;
import kw.billpay.posting.ApplyToPaymentRoute;
import kw.billpay.posting.Payments;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Component;

/**
 * A later notification reports that a transfer went back to the payer (a DBIT entry with {@code RvslInd} true, or
 * {@code RtrInf}): the original, named by its AcctSvcrRef in {@code RtrInf/AddtlInf} or by the EndToEndId or TxId it
 * repeats, is undone in the batch's transaction. A posted transfer is reversed through the posting core
 * ({@code BANK_TRANSFER_RECALLED}, R23); one still in suspense is closed (RECALLED), never posted. What cannot be
 * applied (no such original, two candidates, another amount, a payment still waiting for a rate) is recorded with its
 * reason for review, and changes nothing.
 */
@Component
@RequiredArgsConstructor
@Slf4j
class Recalls {

    static final String REASON = "BANK_TRANSFER_RECALLED";

    private final BankTransferRepository transfers;
    private final Payments payments;
    private final ApplyToPaymentRoute posting;
    private final Clock clock;

    /** Applies one recall line of a batch; answers its row, APPLIED or NOT_APPLIED with the reason. */
    NewLine apply(TransferFileRun run, TransferLine recall) {
        String bank = run.bank().name();
        TransferLine.OriginalReferences named = recall.originalReferences();
        List<StoredLine> candidates = transfers.lockOriginals(bank, named.bankReferences(), named.endToEndId(),
                named.transactionId());
        // the original's own reference is the surest name; EndToEndId and TxId are the payer's, and may repeat
        List<StoredLine> byReference = candidates.stream()
                .filter(c -> c.bankReference() != null && named.bankReferences().contains(c.bankReference())).toList();
        List<StoredLine> originals = byReference.isEmpty() ? candidates : byReference;
        if (originals.isEmpty()) {
            return notApplied(run, recall, "ORIGINAL_NOT_FOUND", "no transfer of " + bank + " has the reference, "
                    + "EndToEndId or TxId this return names", null);
        }
        if (originals.size() > 1) {
            return notApplied(run, recall, "ORIGINAL_AMBIGUOUS", originals.size() + " transfers of " + bank
                    + " match what this return names (lines " + originals.stream().map(o -> Long.toString(o.id())).toList()
                    + "): none is undone", null);
        }
        StoredLine original = originals.get(0);
        if (recall.amount() == null || !recall.amount().currency().getCurrencyCode().equals(original.currency())
                || recall.amount().amount().compareTo(original.amount()) != 0) {
            return notApplied(run, recall, "AMOUNT_DIFFERS", "the return is " + recall.amount() + ", the transfer "
                    + original.amount().toPlainString() + " " + original.currency() + ": left for review", original.id());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        String actor = TransferIntents.actor(bank);
        switch (original.status()) {
            case "SUSPENSE" -> {
                transfers.close(original.id(), "RECALLED", null, null, actor, now, null);
                return applied(run, recall, "SUSPENSE_CLOSED", "the transfer was in suspense: closed, never posted",
                        original.id());
            }
            case "POSTED", "ASSIGNED" -> {
                Payment payment = payments.find(original.paymentId()).orElseThrow();
                if (payment.status() != PaymentStatus.POSTED) {
                    return notApplied(run, recall, "PAYMENT_IS_" + payment.status(), "payment " + payment.paymentId()
                            + " is " + payment.status() + ", not POSTED: left for review", original.id());
                }
                posting.apply(new PaymentCommand.Reverse(payment.paymentId(), REASON, actor));
                transfers.close(original.id(), "RECALLED", null, null, actor, now, null);
                log.info("bank transfer {} of {} recalled: payment {} reversed", original.bankReference(), bank,
                        payment.paymentId());
                return applied(run, recall, "PAYMENT_REVERSED", "payment " + payment.paymentId() + " reversed ("
                        + REASON + ")", original.id());
            }
            default -> {
                return notApplied(run, recall, "ALREADY_" + original.status(), "the transfer is already "
                        + original.status() + ": nothing to undo", original.id());
            }
        }
    }

    private static NewLine applied(TransferFileRun run, TransferLine recall, String reason, String detail, Long original) {
        return BankTransferBatches.newLine(run, recall, "RECALL", "APPLIED", false, reason, detail, null, original);
    }

    private static NewLine notApplied(TransferFileRun run, TransferLine recall, String reason, String detail, Long original) {
        log.warn("bank-transfer recall not applied: bank={} ref={} file={} reason={}", run.bank(),
                recall.bankReference(), run.fileName(), reason);
        return BankTransferBatches.newLine(run, recall, "RECALL", "NOT_APPLIED", false, reason,
                TransferLines.cut(detail, 500), null, original);
    }
}
