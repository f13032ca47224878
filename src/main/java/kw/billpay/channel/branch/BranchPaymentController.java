package kw.billpay.channel.branch;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import kw.billpay.channel.branch.BranchIntake.BranchPaymentCommand;
import kw.billpay.channel.branch.BranchIntake.ClearingCommand;
import kw.billpay.channel.branch.BranchIntake.ClearingOutcome;
import kw.billpay.core.Refusal;
import kw.billpay.core.payment.Channel;
import kw.billpay.core.payment.Payment;
import kw.billpay.idempotency.IdempotentCall;
import kw.billpay.posting.PaymentIds;
import kw.billpay.posting.PaymentView;
import kw.billpay.posting.Payments;
import kw.billpay.security.Caller;
import lombok.RequiredArgsConstructor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The teller's counter (CONTRACT "Branch payments"). The flows themselves are in {@code routes/branch.camel.yaml}. */
@RestController
@RequestMapping("/api/v1/branch/payments")
@RequiredArgsConstructor
class BranchPaymentController {

    private final BranchPaymentRoute counter;
    private final BranchClearingRoute clearing;
    private final Payments payments;

    @PostMapping
    ResponseEntity<String> take(@Valid @RequestBody BranchPaymentRequest request, IdempotentCall call) {
        return call.respond(request, () -> PaymentView.answer(201,
                counter.take(new BranchPaymentCommand(request, call.caller(), call.key()))));
    }

    record ClearingRequest(@NotNull ClearingOutcome outcome, @Size(min = 1, max = 100) String reason) { }

    /** A supervisor records the clearing result of a cheque or draft. */
    @PostMapping("/{paymentId}/clearing")
    PaymentView clear(@PathVariable String paymentId, @Valid @RequestBody ClearingRequest request, Caller supervisor) {
        Payment payment = branchPayment(paymentId);
        if (request.outcome() == ClearingOutcome.RETURNED && request.reason() == null) {
            throw Refusal.validation("reason: is required when the outcome is RETURNED");
        }
        return PaymentView.of(clearing.clear(new ClearingCommand(payment.paymentId(), request.outcome(), request.reason(),
                supervisor.name())));
    }

    /** A printable receipt for the customer. */
    @GetMapping(value = "/{paymentId}/receipt", produces = MediaType.TEXT_HTML_VALUE)
    String receipt(@PathVariable String paymentId) {
        return Receipt.html(branchPayment(paymentId));
    }

    private Payment branchPayment(String paymentId) {
        return payments.find(PaymentIds.parse(paymentId))
                .filter(p -> p.channel() == Channel.BRANCH)
                .orElseThrow(() -> PaymentIds.unknown(paymentId));
    }
}
