package kw.billpay.core.payment;

import static kw.billpay.core.payment.PaymentLifecycle.Decision.PROCEED;
import static kw.billpay.core.payment.PaymentLifecycle.Decision.UNCHANGED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import kw.billpay.core.Refusal;
import kw.billpay.core.payment.PaymentLifecycle.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every status against every step: where the payment goes, when nothing changes, and each refusal with its code. */
class PaymentLifecycleTest {

    /** The whole table, written out: status, method, step, and PROCEED, UNCHANGED or the refusal's code. */
    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        PaymentMethod cheque = PaymentMethod.CHEQUE;
        PaymentMethod knet = PaymentMethod.KNET;
        PaymentMethod cash = PaymentMethod.CASH;
        // clearing: cheques and drafts only
        row(rows, PaymentStatus.PENDING_CLEARING, cheque, Step.CLEAR, "PROCEED");
        row(rows, PaymentStatus.PENDING_CLEARING, PaymentMethod.DEMAND_DRAFT, Step.CLEAR, "PROCEED");
        row(rows, PaymentStatus.POSTED, cheque, Step.CLEAR, "UNCHANGED");
        row(rows, PaymentStatus.PENDING_FX, cheque, Step.CLEAR, "UNCHANGED");
        row(rows, PaymentStatus.RETURNED, cheque, Step.CLEAR, "CLEARING_CONFLICT");
        row(rows, PaymentStatus.REVERSED, cheque, Step.CLEAR, "UNCHANGED");
        row(rows, PaymentStatus.POSTED, cash, Step.CLEAR, "NOT_CLEARABLE");
        row(rows, PaymentStatus.INITIATED, knet, Step.CLEAR, "NOT_CLEARABLE");
        row(rows, PaymentStatus.PENDING_CLEARING, cheque, Step.RETURN_UNCLEARED, "PROCEED");
        row(rows, PaymentStatus.RETURNED, cheque, Step.RETURN_UNCLEARED, "UNCHANGED");
        row(rows, PaymentStatus.POSTED, cheque, Step.RETURN_UNCLEARED, "CLEARING_CONFLICT");
        row(rows, PaymentStatus.PENDING_FX, cheque, Step.RETURN_UNCLEARED, "CLEARING_CONFLICT");
        row(rows, PaymentStatus.REVERSED, cheque, Step.RETURN_UNCLEARED, "CLEARING_CONFLICT");
        row(rows, PaymentStatus.POSTED, PaymentMethod.POS_KNET, Step.RETURN_UNCLEARED, "NOT_CLEARABLE");
        // KNET's confirmation: also of a payment failed meanwhile (R8)
        row(rows, PaymentStatus.INITIATED, knet, Step.CONFIRM_CAPTURE, "PROCEED");
        row(rows, PaymentStatus.FAILED, knet, Step.CONFIRM_CAPTURE, "PROCEED");
        row(rows, PaymentStatus.POSTED, knet, Step.CONFIRM_CAPTURE, "UNCHANGED");
        row(rows, PaymentStatus.PENDING_FX, knet, Step.CONFIRM_CAPTURE, "UNCHANGED");
        row(rows, PaymentStatus.REVERSED, knet, Step.CONFIRM_CAPTURE, "UNCHANGED");
        row(rows, PaymentStatus.PENDING_CLEARING, cheque, Step.CONFIRM_CAPTURE, "NOT_CAPTURABLE");
        row(rows, PaymentStatus.RETURNED, cheque, Step.CONFIRM_CAPTURE, "NOT_CAPTURABLE");
        // KNET's failure: only an intent not resolved yet
        row(rows, PaymentStatus.INITIATED, knet, Step.FAIL, "PROCEED");
        for (PaymentStatus resolved : EnumSet.complementOf(EnumSet.of(PaymentStatus.INITIATED))) {
            row(rows, resolved, knet, Step.FAIL, "UNCHANGED");
        }
        // a rate arrived
        row(rows, PaymentStatus.PENDING_FX, PaymentMethod.DIRECT_DEBIT, Step.RELEASE_FX, "PROCEED");
        for (PaymentStatus other : EnumSet.complementOf(EnumSet.of(PaymentStatus.PENDING_FX))) {
            row(rows, other, PaymentMethod.DIRECT_DEBIT, Step.RELEASE_FX, "UNCHANGED");
        }
        // reversal: only a POSTED payment, once
        row(rows, PaymentStatus.POSTED, cash, Step.REVERSE, "PROCEED");
        row(rows, PaymentStatus.REVERSED, cash, Step.REVERSE, "ALREADY_REVERSED");
        for (PaymentStatus notPosted : EnumSet.of(PaymentStatus.INITIATED, PaymentStatus.PENDING_CLEARING,
                PaymentStatus.PENDING_FX, PaymentStatus.FAILED, PaymentStatus.RETURNED)) {
            row(rows, notPosted, cash, Step.REVERSE, "NOT_POSTED");
        }
        return rows.stream();
    }

    private static void row(List<Arguments> rows, PaymentStatus status, PaymentMethod method, Step step, String expected) {
        rows.add(Arguments.of(status, method, step, expected));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("table")
    void decidesEveryStepInEveryStatus(PaymentStatus status, PaymentMethod method, Step step, String expected) {
        switch (expected) {
            case "PROCEED" -> assertThat(PaymentLifecycle.decide(status, method, step)).isEqualTo(PROCEED);
            case "UNCHANGED" -> assertThat(PaymentLifecycle.decide(status, method, step)).isEqualTo(UNCHANGED);
            default -> assertThatThrownBy(() -> PaymentLifecycle.decide(status, method, step))
                    .isInstanceOfSatisfying(Refusal.class, r -> {
                        assertThat(r.code()).isEqualTo(expected);
                        assertThat(r.kind()).isEqualTo(Refusal.Kind.CONFLICT);
                        assertThat(r.getMessage()).isNotBlank();
                    });
        }
    }

    @Test
    void theTableCoversEveryStatusForEveryStep() {
        for (Step step : Step.values()) {
            Set<PaymentStatus> covered = EnumSet.noneOf(PaymentStatus.class);
            table().map(Arguments::get).filter(a -> a[2] == step).forEach(a -> covered.add((PaymentStatus) a[0]));
            if (step == Step.CLEAR || step == Step.RETURN_UNCLEARED || step == Step.CONFIRM_CAPTURE) {
                continue; // statuses a payment of that method cannot have are covered by the method refusals
            }
            assertThat(covered).as("statuses covered for " + step).containsExactlyInAnyOrder(PaymentStatus.values());
        }
    }
}
