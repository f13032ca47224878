package kw.billpay.core.payment;

import static kw.billpay.core.payment.PaymentStatus.FAILED;
import static kw.billpay.core.payment.PaymentStatus.INITIATED;
import static kw.billpay.core.payment.PaymentStatus.PENDING_CLEARING;
import static kw.billpay.core.payment.PaymentStatus.PENDING_FX;
import static kw.billpay.core.payment.PaymentStatus.POSTED;
import static kw.billpay.core.payment.PaymentStatus.RETURNED;
import static kw.billpay.core.payment.PaymentStatus.REVERSED;

import java.util.EnumSet;
import java.util.Set;
import kw.billpay.core.Refusal;

/**
 * The allowed life of a payment, in one place. A payment is born INITIATED (an online intent), PENDING_CLEARING (a
 * cheque or draft), PENDING_FX (money received whose conversion has no rate yet) or POSTED; each later step either
 * moves it, leaves it as it is (the step already happened: a repeated delivery changes nothing, R22), or is refused.
 *
 * <pre>
 *   INITIATED --CONFIRM_CAPTURE--> POSTED | PENDING_FX        INITIATED --FAIL--> FAILED
 *   FAILED ----CONFIRM_CAPTURE--> POSTED | PENDING_FX         (money KNET took after all is posted, R8)
 *   PENDING_CLEARING --CLEAR--> POSTED | PENDING_FX           PENDING_CLEARING --RETURN_UNCLEARED--> RETURNED
 *   PENDING_FX --RELEASE_FX--> POSTED                          POSTED --REVERSE--> REVERSED
 * </pre>
 */
public final class PaymentLifecycle {

    private PaymentLifecycle() {
    }

    /** The steps of a payment's life after it was recorded. */
    public enum Step { CLEAR, RETURN_UNCLEARED, CONFIRM_CAPTURE, FAIL, RELEASE_FX, REVERSE }

    /** What a step does to a payment in a given status. */
    public enum Decision {
        /** The step happens: the payment moves to one of {@link #targets}. */
        PROCEED,
        /** The step already happened or no longer applies: nothing changes, the payment is answered as it is. */
        UNCHANGED
    }

    /**
     * Decides a step for a payment in {@code status} paid by {@code method}.
     *
     * @throws Refusal (CONFLICT) when the step contradicts what already happened to the payment
     */
    public static Decision decide(PaymentStatus status, PaymentMethod method, Step step) {
        return switch (step) {
            // a REVERSED cheque was cleared before it was reversed (only POSTED is reversed): a retried CLEARED is a repeat
            case CLEAR -> clearing(status, method, "CLEARED", status == PENDING_CLEARING, EnumSet.of(POSTED, PENDING_FX, REVERSED));
            case RETURN_UNCLEARED -> clearing(status, method, "RETURNED", status == PENDING_CLEARING, EnumSet.of(RETURNED));
            case CONFIRM_CAPTURE -> {
                if (status == INITIATED || status == FAILED) {
                    yield Decision.PROCEED;
                }
                if (status == POSTED || status == PENDING_FX || status == REVERSED) {
                    yield Decision.UNCHANGED; // confirmed before
                }
                throw Refusal.conflict("NOT_CAPTURABLE", "a " + method + " payment that is " + status + " is not captured by KNET");
            }
            case FAIL -> status == INITIATED ? Decision.PROCEED : Decision.UNCHANGED; // resolved before
            case RELEASE_FX -> status == PENDING_FX ? Decision.PROCEED : Decision.UNCHANGED; // released before
            case REVERSE -> {
                if (status == POSTED) {
                    yield Decision.PROCEED;
                }
                if (status == REVERSED) {
                    throw Refusal.conflict("ALREADY_REVERSED", "the payment is already reversed");
                }
                throw Refusal.conflict("NOT_POSTED", "the payment is " + status + "; only a POSTED payment can be reversed");
            }
        };
    }

    /** Clearing: only cheques and drafts; the same outcome again changes nothing, the other outcome is a conflict. */
    private static Decision clearing(PaymentStatus status, PaymentMethod method, String outcome, boolean proceeds,
                                     Set<PaymentStatus> alreadyThere) {
        if (!method.needsClearing()) {
            throw Refusal.conflict("NOT_CLEARABLE", "the payment is " + method + "; only cheques and demand drafts are cleared");
        }
        if (proceeds) {
            return Decision.PROCEED;
        }
        if (alreadyThere.contains(status)) {
            return Decision.UNCHANGED;
        }
        throw Refusal.conflict("CLEARING_CONFLICT", "the payment is already " + status + "; it cannot be " + outcome);
    }
}
