package kw.billpay.channel.directdebit;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kw.billpay.core.money.Money;

/**
 * What the collection side makes of a result file's lines (CONTRACT "Direct-debit mandates and collection runs"): each
 * line updates the request it answers. Both calls run in the batch's transaction ({@code direct-debit-batch}), so a
 * request's state, the line's payment and the file's progress commit together. The collection feature implements it.
 */
public interface CollectionResults {

    /**
     * A D line whose mandate reference and status could be read.
     *
     * @param amount    in the file's currency; null when unreadable
     * @param paymentId the payment it was posted as; null when not (yet) posted
     * @param refusal   why a COLLECTED line was not posted (its acknowledgement's reason); null when posted or unknown yet
     */
    record Line(int lineNo, String seq, String mandateRef, String accountNumber, Money amount, LocalDate collectionDate,
                boolean collected, String reasonCode, UUID paymentId, String refusal) { }

    /**
     * The lines (their numbers) collected without an open request asking exactly that, to be flagged
     * UNEXPECTED_COLLECTION; the requests the lines answer stay locked until the batch commits.
     */
    Set<Integer> unexpected(PartnerBank bank, List<Line> lines);

    /** Records on each request what the line answering it said, once the batch's collected lines are posted. */
    void record(PartnerBank bank, String fileId, List<Line> lines);
}
