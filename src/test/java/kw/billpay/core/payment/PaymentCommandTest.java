package kw.billpay.core.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kw.billpay.core.Refusal;
import org.junit.jupiter.api.Test;

/** Each command names its lifecycle step, and a batch's result answers for its one payment. */
class PaymentCommandTest {

    private static final UUID ID = UUID.randomUUID();
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-21T10:15:00+03:00");

    @Test
    void everyCommandAsksForItsOwnStep() {
        List<PaymentCommand> commands = List.of(new PaymentCommand.Clear(ID, AT, "supervisor"),
                new PaymentCommand.ReturnUncleared(ID, "INSUFFICIENT_FUNDS", "supervisor"),
                new PaymentCommand.ConfirmCapture(ID, AT, Map.of("result", "CAPTURED"), "knet"),
                new PaymentCommand.Fail(ID, "NOT CAPTURED", "knet"), new PaymentCommand.ReleaseFx(ID, "fx-release"),
                new PaymentCommand.Reverse(ID, "CHARGEBACK", "ops"));

        assertThat(commands).extracting(PaymentCommand::step).containsExactly(PaymentLifecycle.Step.CLEAR,
                PaymentLifecycle.Step.RETURN_UNCLEARED, PaymentLifecycle.Step.CONFIRM_CAPTURE, PaymentLifecycle.Step.FAIL,
                PaymentLifecycle.Step.RELEASE_FX, PaymentLifecycle.Step.REVERSE);
        assertThat(commands).extracting(PaymentCommand::paymentId).containsOnly(ID);
    }

    @Test
    void aSingleResultIsItsPaymentOrItsRefusal() {
        Payment payment = new Payment(ID, "k", Channel.BRANCH, PaymentMethod.CASH, PaymentStatus.POSTED, null, "376612345678901",
                null, null, null, null, List.of(), null, AT, AT, null, null, java.util.Set.of(), Map.of());
        Refusal refusal = Refusal.unprocessable("ACCOUNT_NOT_OPEN", "closed");

        assertThat(new PostingResult(Map.of("k", payment), Map.of()).single()).isSameAs(payment);
        assertThatThrownBy(() -> new PostingResult(Map.of(), Map.of("k", refusal)).single()).isSameAs(refusal);
        assertThatThrownBy(() -> new PostingResult(Map.of(), Map.of()).single())
                .isInstanceOf(IllegalStateException.class).hasMessage("not a single payment: 0 stored, 0 refused");
        assertThatThrownBy(() -> new PostingResult(Map.of("k", payment), Map.of("j", refusal)).single())
                .isInstanceOf(IllegalStateException.class).hasMessage("not a single payment: 1 stored, 1 refused");
    }
}
