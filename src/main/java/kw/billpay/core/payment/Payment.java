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

    public Payment withAllocations(List<Allocation> recorded) {
        return new Payment(paymentId, sourceKey, channel, method, status, statusReason, accountNumber, received,
                billingCurrency, posted, fx, List.copyOf(recorded), creditBalancePart, valueTime, receivedAt, reference,
                receiptNumber, flags, origin);
    }
}
