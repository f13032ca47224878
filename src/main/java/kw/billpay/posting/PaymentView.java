package kw.billpay.posting;

import kw.billpay.core.payment.Payment;
import kw.billpay.core.payment.PaymentEvent;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import kw.billpay.core.account.AccountNumbers;
import kw.billpay.idempotency.IdempotencyService;
import kw.billpay.web.MoneyJson;

/** A payment as the API shows it (CONTRACT "Payments"); the account number masked to its last 4 digits. */
public record PaymentView(
        String paymentId,
        String channel,
        String method,
        String status,
        String statusReason,
        String accountNumber,
        MoneyJson received,
        MoneyJson posted,
        FxView fx,
        List<AllocationView> allocations,
        String creditBalancePart,
        OffsetDateTime valueTime,
        OffsetDateTime receivedAt,
        String reference,
        String receiptNumber,
        List<String> flags,
        Map<String, String> origin,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<PaymentEvent> history) {

    public record FxView(String from, String to, String rate, OffsetDateTime effectiveAt, String source) { }

    public record AllocationView(String bucket, String amount) { }

    public static PaymentView of(Payment p) {
        return of(p, null);
    }

    /** The payment as an idempotent request's answer: kept under the request's key, with the payment it made. */
    public static IdempotencyService.Answer answer(int status, Payment p) {
        return new IdempotencyService.Answer(status, of(p), p.paymentId());
    }

    public static PaymentView of(Payment p, List<PaymentEvent> history) {
        return new PaymentView(
                p.paymentId().toString(),
                p.channel().name(),
                p.method().name(),
                p.status().name(),
                p.statusReason(),
                AccountNumbers.mask(p.accountNumber()),
                MoneyJson.of(p.received()),
                MoneyJson.of(p.posted()),
                p.fx() == null ? null : new FxView(p.fx().from().getCurrencyCode(), p.fx().to().getCurrencyCode(),
                        p.fx().rate().toPlainString(), p.fx().effectiveAt(), p.fx().source()),
                p.allocations().stream().map(a -> new AllocationView(a.bucket().name(), a.amount().toPlainString())).toList(),
                p.creditBalancePart() == null ? null : p.creditBalancePart().toPlainString(),
                p.valueTime(),
                p.receivedAt(),
                p.reference(),
                p.receiptNumber(),
                p.flags().stream().map(Enum::name).sorted().toList(),
                p.origin(),
                history == null ? null : history.stream().map(PaymentView::masked).toList());
    }

    /** Audit details may hold the account number (the event sent to the card system); a response shows it masked. */
    private static PaymentEvent masked(PaymentEvent event) {
        if (!(event.detail().get("accountNumber") instanceof String accountNumber)) {
            return event;
        }
        Map<String, Object> detail = new java.util.LinkedHashMap<>(event.detail());
        detail.put("accountNumber", AccountNumbers.mask(accountNumber));
        return new PaymentEvent(event.id(), event.occurredAt(), event.type(), event.actor(), detail);
    }
}
