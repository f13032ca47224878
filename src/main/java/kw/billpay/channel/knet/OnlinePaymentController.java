package kw.billpay.channel.knet;

import jakarta.validation.Valid;
import kw.billpay.channel.knet.KnetPaymentPage.OnlinePaymentStarted;
import kw.billpay.channel.knet.OnlineIntake.OnlinePaymentCommand;
import kw.billpay.idempotency.IdempotencyService;
import kw.billpay.idempotency.IdempotentCall;
import kw.billpay.core.payment.Payment;
import kw.billpay.posting.PaymentIds;
import kw.billpay.posting.Payments;
import kw.billpay.posting.PaymentView;
import kw.billpay.security.Caller;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web and mobile back ends start a KNET payment here (CONTRACT "Online and mobile payments through KNET"). The
 * flow is in {@code routes/online.camel.yaml}.
 */
@RestController
@RequestMapping("/api/v1/online/payments")
@RequiredArgsConstructor
class OnlinePaymentController {

    private final OnlinePaymentRoute online;
    private final Payments payments;

    @PostMapping
    ResponseEntity<String> start(@Valid @RequestBody OnlinePaymentRequest request, IdempotentCall call) {
        return call.respond(request, () -> {
            OnlinePaymentStarted started = online.start(new OnlinePaymentCommand(request, call.caller().channel()));
            return new IdempotencyService.Answer(201, started, PaymentIds.parse(started.paymentId()));
        });
    }

    /** An intent's status, for the channel that started it only. */
    @GetMapping("/{paymentId}")
    PaymentView get(@PathVariable String paymentId, Caller channel) {
        Payment payment = payments.find(PaymentIds.parse(paymentId))
                .filter(p -> p.channel() == channel.channel())
                .orElseThrow(() -> PaymentIds.unknown(paymentId));
        return PaymentView.of(payment);
    }
}
