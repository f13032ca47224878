package kw.billpay.core.payment;

import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kw.billpay.core.allocation.Allocation;
import kw.billpay.core.money.FxRate;
import kw.billpay.core.money.Money;

/**
 * A payment as stored. {@code posted}, {@code allocations} and {@code creditBalancePart} are in the account's billing
 * currency and are set once the payment is posted; {@code fx} is null when no conversion happened.
 */
public record Payment(
        UUID paymentId,
        String sourceKey,
        Channel channel,
        PaymentMethod method,
        PaymentStatus status,
        String statusReason,
        String accountNumber,
        Money received,
        Currency billingCurrency,
        Money posted,
        FxRate fx,
        List<Allocation> allocations,
        Money creditBalancePart,
        OffsetDateTime valueTime,
        OffsetDateTime receivedAt,
        String reference,
        String receiptNumber,
        Set<PaymentFlag> flags,
        Map<String, String> origin) {

    /** A new payment for an intent, as it is recorded on arrival: not posted yet. */
    public static Payment of(PaymentIntent intent, Currency billingCurrency, PaymentStatus status, OffsetDateTime receivedAt) {
        return new Payment(UUID.randomUUID(), intent.sourceKey(), intent.channel(), intent.method(), status, null,
                intent.accountNumber(), intent.received(), billingCurrency, null, null, List.of(), null,
                intent.valueTime(), receivedAt, intent.reference(), null, intent.flags(), intent.origin());
    }

    /** This payment with a posting applied: its posted amount, conversion, allocations, credit-balance part and flags. */
    public Payment posted(Posting posting, PaymentStatus newStatus, OffsetDateTime newValueTime) {
        return new Payment(paymentId, sourceKey, channel, method, newStatus, null, accountNumber, received,
                billingCurrency, posting.amount(), posting.conversion() == null ? null : posting.conversion().rate(),
                posting.allocation().allocations(), posting.allocation().creditBalancePart(), newValueTime, receivedAt,
                reference, receiptNumber, posting.flags(), origin);
    }

    public Payment withReceiptNumber(String number) {
        return new Payment(paymentId, sourceKey, channel, method, status, statusReason, accountNumber, received,
                billingCurrency, posted, fx, allocations, creditBalancePart, valueTime, receivedAt, reference, number,
                flags, origin);
    }

    public Payment withAllocations(List<Allocation> recorded) {
        return new Payment(paymentId, sourceKey, channel, method, status, statusReason, accountNumber, received,
                billingCurrency, posted, fx, List.copyOf(recorded), creditBalancePart, valueTime, receivedAt, reference,
                receiptNumber, flags, origin);
    }
}
