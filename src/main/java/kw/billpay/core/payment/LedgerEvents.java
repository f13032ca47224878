package kw.billpay.core.payment;

import java.util.List;
import kw.billpay.core.account.Account;

/**
 * The messages downstream systems (the card system, notifications) receive for a payment, written to the events
 * outbox in the posting transaction. The card system needs the full account number to post, so it is not masked here;
 * every view of these messages for staff masks it.
 */
public final class LedgerEvents {

    private LedgerEvents() {
    }

    /** Where some of the payment went, in the billing currency. */
    public record AllocationLine(String bucket, String amount) { }

    /** A payment posted to an account. */
    public record PaymentPosted(String type, String paymentId, String accountNumber, String issuer, String channel,
                                String method, String amount, String currency, List<AllocationLine> allocations,
                                String creditBalancePart, String valueTime, String reference) { }

    /** A posted payment undone (R23), with why. */
    public record PaymentReversed(String type, String paymentId, String accountNumber, String issuer, String channel,
                                  String method, String amount, String currency, List<AllocationLine> allocations,
                                  String creditBalancePart, String valueTime, String reference, String reason) { }

    public static PaymentPosted posted(Payment p, Account account) {
        return new PaymentPosted("PAYMENT_POSTED", p.paymentId().toString(), account.accountNumber(), account.issuerId(),
                p.channel().name(), p.method().name(), p.posted().toPlainString(), p.posted().currency().getCurrencyCode(),
                lines(p), p.creditBalancePart().toPlainString(), p.valueTime().toString(),
                p.reference() == null ? "" : p.reference());
    }

    public static PaymentReversed reversed(Payment p, Account account, String reason) {
        return new PaymentReversed("PAYMENT_REVERSED", p.paymentId().toString(), account.accountNumber(),
                account.issuerId(), p.channel().name(), p.method().name(), p.posted().toPlainString(),
                p.posted().currency().getCurrencyCode(), lines(p), p.creditBalancePart().toPlainString(),
                p.valueTime().toString(), p.reference() == null ? "" : p.reference(), reason);
    }

    private static List<AllocationLine> lines(Payment p) {
        return p.allocations().stream().map(a -> new AllocationLine(a.bucket().name(), a.amount().toPlainString())).toList();
    }
}
