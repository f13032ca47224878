package kw.billpay.core.payment;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * Something that happens to a payment already recorded: each is one step of its lifecycle ({@link PaymentLifecycle}),
 * applied by the posting core in one transaction under the account's lock.
 */
public sealed interface PaymentCommand {

    UUID paymentId();

    /** The lifecycle step this command asks for. */
    PaymentLifecycle.Step step();

    /** Who or what asked for it, for the audit trail (R25). */
    String actor();

    /** A held cheque or draft cleared: posted with the clearing time as its value time (R18, R19). */
    record Clear(UUID paymentId, OffsetDateTime clearedAt, String actor) implements PaymentCommand {
        public PaymentLifecycle.Step step() {
            return PaymentLifecycle.Step.CLEAR;
        }
    }

    /** A held cheque or draft bounced: never posted (R19). */
    record ReturnUncleared(UUID paymentId, String reason, String actor) implements PaymentCommand {
        public PaymentLifecycle.Step step() {
            return PaymentLifecycle.Step.RETURN_UNCLEARED;
        }
    }

    /**
     * KNET's inquiry confirmed the capture (R21): posted with KNET's transaction time as its value time (R18).
     *
     * @param knet what KNET said (its payment id, reference, result…), kept in the audit trail
     * @param late true when the payment had already failed: money received is still posted (R8), flagged for review
     */
    record ConfirmCapture(UUID paymentId, OffsetDateTime capturedAt, Map<String, String> knet, String actor)
            implements PaymentCommand {
        public ConfirmCapture {
            knet = Map.copyOf(knet);
        }

        public PaymentLifecycle.Step step() {
            return PaymentLifecycle.Step.CONFIRM_CAPTURE;
        }
    }

    /** KNET did not capture the money: the intent fails with KNET's result and is never posted (R21). */
    record Fail(UUID paymentId, String result, String actor) implements PaymentCommand {
        public PaymentLifecycle.Step step() {
            return PaymentLifecycle.Step.FAIL;
        }
    }

    /** A rate for a held payment's conversion may have arrived: posted if it did (R3). */
    record ReleaseFx(UUID paymentId, String actor) implements PaymentCommand {
        public PaymentLifecycle.Step step() {
            return PaymentLifecycle.Step.RELEASE_FX;
        }
    }

    /** A posted payment undone (R23): every bucket restored from its allocations. */
    record Reverse(UUID paymentId, String reason, String actor) implements PaymentCommand {
        public PaymentLifecycle.Step step() {
            return PaymentLifecycle.Step.REVERSE;
        }
    }
}
