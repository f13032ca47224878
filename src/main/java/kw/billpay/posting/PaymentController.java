package kw.billpay.posting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import kw.billpay.account.AccountService;
import kw.billpay.core.Refusal;
import kw.billpay.core.account.AccountNumbers;
import kw.billpay.core.payment.Payment;
import kw.billpay.core.payment.PaymentCommand;
import kw.billpay.idempotency.IdempotentCall;
import kw.billpay.security.Caller;
import kw.billpay.web.MoneyJson;
import kw.billpay.web.RequestValues;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@RequiredArgsConstructor
class PaymentController {

    private final PaymentRepository payments;
    private final RefundDueRepository refunds;
    private final AccountService accounts;
    private final ApplyToPaymentRoute posting;

    /** One payment with its audit trail (R25). A channel back end sees only its own channel's payments. */
    @GetMapping("/payments/{paymentId}")
    PaymentView get(@PathVariable String paymentId, Caller caller) {
        Payment payment = visible(paymentId, caller);
        return PaymentView.of(payment, payments.events(payment.paymentId()));
    }

    /** The account's payments, newest first. */
    @GetMapping("/accounts/{accountNumber}/payments")
    List<PaymentView> ofAccount(@PathVariable String accountNumber,
                                @RequestParam(defaultValue = "50") int limit) {
        AccountNumbers.requireValid("accountNumber", accountNumber);
        if (limit < 1 || limit > 500) {
            throw Refusal.validation("limit: must be 1 to 500");
        }
        accounts.get(accountNumber);
        return payments.listByAccount(accountNumber, limit).stream().map(PaymentView::of).toList();
    }

    /** Why a posted payment is undone (CONTRACT "Reversals"). */
    enum ReversalReason { CHARGEBACK, KNET_REFUND, DIRECT_DEBIT_RETURNED, CHEQUE_RETURNED, BANK_TRANSFER_RECALLED }

    record ReversalRequest(@NotNull ReversalReason reason) { }

    /**
     * Reverses a posted payment (R23): a KNET refund or chargeback, a direct debit or cheque returned after posting, a
     * recalled bank transfer. The same Idempotency-Key again returns the first answer; a second reversal under another
     * key is 409 ALREADY_REVERSED.
     */
    @PostMapping("/payments/{paymentId}/reversal")
    ResponseEntity<String> reverse(@PathVariable String paymentId, @Valid @RequestBody ReversalRequest request,
                                   IdempotentCall call) {
        Payment payment = visible(paymentId, call.requireKey().caller());
        return call.respond(List.of(payment.paymentId().toString(), request),
                () -> PaymentView.answer(200, posting.apply(new PaymentCommand.Reverse(payment.paymentId(),
                        request.reason().name(), call.caller().name()))));
    }

    /** A credit balance above the issuer's threshold, due back to the cardholder (R13), as OPS sees it. */
    record RefundDueView(long id, String accountNumber, String paymentId, MoneyJson amount, String createdAt) { }

    /** The open refund-due records, oldest first (CONTRACT "Reversals"). */
    @GetMapping("/refunds-due")
    List<RefundDueView> refundsDue(@RequestParam(defaultValue = "100") int limit) {
        RequestValues.requireLimit(limit);
        return refunds.open(limit).stream()
                .map(r -> new RefundDueView(r.id(), AccountNumbers.mask(r.accountNumber()), r.paymentId().toString(),
                        MoneyJson.of(r.amount()),
                        r.createdAt().toString()))
                .toList();
    }

    private Payment visible(String paymentId, Caller caller) {
        Payment payment = payments.find(PaymentIds.parse(paymentId)).orElseThrow(() -> PaymentIds.unknown(paymentId));
        if (caller.isChannel() && payment.channel() != caller.channel()) {
            throw PaymentIds.unknown(paymentId);
        }
        return payment;
    }
}
