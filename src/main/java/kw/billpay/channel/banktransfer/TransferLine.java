package kw.billpay.channel.banktransfer;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import kw.billpay.core.account.AccountNumbers;
import kw.billpay.core.money.Money;

/**
 * One line of a camt.054 file as the channel decides it: a transfer (money received: posted to one account or held in
 * suspense), a recall of an earlier transfer, or a line recorded and never posted. Made by {@link TransferLines} from
 * what the reader read, decided by the batch (duplicates, matching) and then recorded.
 *
 * @param detailIndex        the {@code TxDtls} of the entry, from 1; 0 for a line of the entry itself
 * @param bankReference      the transfer's identity with its bank (R28): {@code AcctSvcrRef} of the details, else of
 *                           the entry; null when the bank gave none
 * @param amount             null only for an entry that could not be read
 * @param valueTime          ValDt, else BookgDt, else the file's creation time (R26)
 * @param debtorName         masked like remittance
 * @param remittance         the remittance text as stored and shown: masked (RemittanceMasking)
 * @param unstructured       raw {@code Ustrd} lines (or {@code AddtlNtryInf}), for the matcher only: never stored or logged
 * @param creditorReferences raw {@code CdtrRefInf/Ref} values, for the matcher only
 * @param originalReferences a recall's references to the transfer it returns ({@code AcctSvcrRef}, EndToEndId, TxId)
 * @param accountNumber      the matched account, once decided
 * @param reason             the matching rule, the suspense reason, or why the line is recorded only
 */
public record TransferLine(int position, int detailIndex, Kind kind, Outcome outcome, String bankReference,
                           String endToEndId, String transactionId, Money amount, OffsetDateTime valueTime,
                           String debtorName, String remittance, List<String> unstructured,
                           List<String> creditorReferences, OriginalReferences originalReferences,
                           String accountNumber, String reason, String detail) {

    /** What the line is. */
    public enum Kind {
        /** A CRDT BOOK transfer: money received. */
        TRANSFER,
        /** A DBIT BOOK entry returning an earlier transfer ({@code RvslInd} true, or {@code RtrInf}). */
        RECALL,
        /** Recorded, never posted: a DBIT, an entry not BOOK, an unreadable entry, a transfer reported before. */
        IGNORED
    }

    /** What becomes of the line; a TRANSFER is undecided until the batch looks it up. */
    public enum Outcome { UNDECIDED, POST, SUSPENSE, RECALL, IGNORED }

    /** Suspense reasons beyond the matcher's (AccountMatch.NoMatchReason). */
    public static final String NO_BANK_REFERENCE = "NO_BANK_REFERENCE";
    public static final String POSTING_REFUSED = "POSTING_REFUSED";
    /** The matching rule of an entry without details, matched on its {@code AddtlNtryInf}. */
    public static final String ADDITIONAL_ENTRY_INFO = "ADDITIONAL_ENTRY_INFO";
    /** Why a line is recorded only. */
    public static final String DUPLICATE = "DUPLICATE";

    /**
     * What a recall says of its original: {@code AcctSvcrRef}-like words of {@code RtrInf/AddtlInf} (or of the entry's
     * {@code AddtlNtryInf}), and the EndToEndId and TxId it repeats.
     */
    public record OriginalReferences(List<String> bankReferences, String endToEndId, String transactionId) {
        public OriginalReferences {
            bankReferences = List.copyOf(bankReferences);
        }
    }

    public TransferLine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outcome, "outcome");
        unstructured = List.copyOf(unstructured);
        creditorReferences = List.copyOf(creditorReferences);
    }

    /** Posted to this account, found by this rule. */
    TransferLine toPost(String account, String rule, String why) {
        return with(Outcome.POST, account, rule, why);
    }

    /** Held in suspense: received, not posted (R27). */
    TransferLine toSuspense(String why, String words) {
        return with(Outcome.SUSPENSE, accountNumber, why, words);
    }

    /** Recorded only. */
    TransferLine ignored(String why, String words) {
        return new TransferLine(position, detailIndex, Kind.IGNORED, Outcome.IGNORED, bankReference, endToEndId,
                transactionId, amount, valueTime, debtorName, remittance, unstructured, creditorReferences,
                originalReferences, accountNumber, why, words);
    }

    private TransferLine with(Outcome newOutcome, String account, String newReason, String newDetail) {
        return new TransferLine(position, detailIndex, kind, newOutcome, bankReference, endToEndId, transactionId,
                amount, valueTime, debtorName, remittance, unstructured, creditorReferences, originalReferences,
                account, newReason, newDetail);
    }

    /** The raw remittance stays out: it may hold a card number. */
    @Override
    public String toString() {
        return "TransferLine[" + position + "." + detailIndex + " " + kind + " " + outcome + " ref=" + bankReference
                + " " + amount + " account=" + AccountNumbers.mask(accountNumber) + " reason=" + reason
                + " remittance=" + remittance + "]";
    }
}
