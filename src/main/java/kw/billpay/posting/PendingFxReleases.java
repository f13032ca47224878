package kw.billpay.posting;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import kw.billpay.core.payment.PaymentCommand;

/** The payments held as PENDING_FX, oldest first, as release commands, read from the ledger a page at a time. */
final class PendingFxReleases implements Iterator<PaymentCommand> {

    private static final int PAGE = 1_000;

    private final PaymentRepository ledger;
    private List<PaymentRepository.Held> page;
    private int next;

    PendingFxReleases(PaymentRepository ledger) {
        this.ledger = ledger;
        this.page = ledger.heldForFx(0, PAGE);
    }

    @Override
    public boolean hasNext() {
        if (next == page.size() && page.size() == PAGE) {
            page = ledger.heldForFx(page.get(page.size() - 1).seq(), PAGE);
            next = 0;
        }
        return next < page.size();
    }

    @Override
    public PaymentCommand next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return new PaymentCommand.ReleaseFx(page.get(next++).paymentId(), "fx-release");
    }
}
