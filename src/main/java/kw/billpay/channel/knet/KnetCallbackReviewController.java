package kw.billpay.channel.knet;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kw.billpay.core.Refusal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every call KNET made, with what the gateway made of it, for operations to review: the accepted ones and those that
 * named no intent, did not decrypt or carried another amount (which no payment's history can show).
 */
@RestController
class KnetCallbackReviewController {

    private static final Set<String> OUTCOMES = Set.of("ACCEPTED", "UNDECRYPTABLE", "UNKNOWN_TRACK_ID", "AMOUNT_MISMATCH");

    private final KnetCallbackRepository callbacks;

    KnetCallbackReviewController(KnetCallbackRepository callbacks) {
        this.callbacks = callbacks;
    }

    record CallbackView(long id, OffsetDateTime receivedAt, String endpoint, String outcome, String trackId,
                        String result, UUID paymentId, String trandata, String plainText) { }

    @GetMapping("/api/v1/knet/callbacks")
    List<CallbackView> callbacks(@RequestParam(required = false) String outcome,
                                 @RequestParam(defaultValue = "100") int limit) {
        if (outcome != null && !OUTCOMES.contains(outcome)) {
            throw Refusal.validation("outcome: one of " + OUTCOMES);
        }
        if (limit < 1 || limit > 1000) {
            throw Refusal.validation("limit: must be 1 to 1000");
        }
        return callbacks.latest(outcome, limit).stream()
                .map(c -> new CallbackView(c.id(), c.receivedAt(), c.endpoint(), c.outcome(), c.trackId(), c.result(),
                        c.paymentId(), c.form().get("trandata"), c.plainText()))
                .toList();
    }
}
