package kw.billpay.posting;

import kw.billpay.core.payment.Payment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import kw.billpay.core.account.AccountNumbers;
import kw.billpay.account.AccountRepository;
import kw.billpay.account.AccountService;
import kw.billpay.security.Caller;
import kw.billpay.core.Refusal;
import org.apache.camel.ProducerTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class PaymentController {

    private final PaymentRepository payments;
    private final AccountRepository accounts;
    private final ProducerTemplate camel;

    PaymentController(PaymentRepository payments, AccountRepository accounts, ProducerTemplate camel) {
        this.payments = payments;
        this.accounts = accounts;
        this.camel = camel;
    }

    /** One payment with its audit trail (R25). A channel back end sees only its own channel's payments. */
    @GetMapping("/payments/{paymentId}")
    PaymentView get(@PathVariable String paymentId, Authentication authentication) {
        Payment payment = visible(paymentId, Caller.of(authentication));
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
        accounts.find(accountNumber).orElseThrow(() -> AccountService.unknown(accountNumber));
        return payments.listByAccount(accountNumber, limit).stream().map(PaymentView::of).toList();
    }

    record ReversalRequest(@NotBlank @Size(max = 100) String reason) { }

    /** Reverses a posted payment (R23): a KNET refund or chargeback, a direct debit returned after posting. */
    @PostMapping("/payments/{paymentId}/reversal")
    PaymentView reverse(@PathVariable String paymentId, @Valid @RequestBody ReversalRequest request, Authentication authentication) {
        Payment payment = visible(paymentId, Caller.of(authentication));
        Payment reversed = camel.requestBodyAndHeaders("direct:reverse-payment", payment.paymentId(),
                java.util.Map.of("reason", request.reason(), "actor", Caller.of(authentication).name()), Payment.class);
        return PaymentView.of(reversed);
    }

    private Payment visible(String paymentId, Caller caller) {
        Payment payment = payments.find(PaymentIds.parse(paymentId)).orElseThrow(() -> PaymentIds.unknown(paymentId));
        if (caller.isChannel() && payment.channel() != caller.channel()) {
            throw PaymentIds.unknown(paymentId);
        }
        return payment;
    }
}
