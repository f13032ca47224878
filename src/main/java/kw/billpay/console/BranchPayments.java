package kw.billpay.console;

import java.util.UUID;
import kw.billpay.core.Refusal;
import kw.billpay.core.payment.Channel;
import kw.billpay.core.payment.Payment;
import kw.billpay.posting.PaymentIds;
import kw.billpay.posting.Payments;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A branch payment named in a console URL; any other id, or a malformed one, is a page that does not exist. */
public final class BranchPayments {

    private BranchPayments() {
    }

    public static Payment find(Payments payments, String paymentId) {
        UUID id;
        try {
            id = PaymentIds.parse(paymentId);
        } catch (Refusal unknown) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return payments.find(id).filter(p -> p.channel() == Channel.BRANCH)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
