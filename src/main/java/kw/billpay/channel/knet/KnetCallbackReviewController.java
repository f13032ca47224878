package kw.billpay.channel.knet;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kw.billpay.web.RequestValues;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every call KNET made, with what the gateway made of it, for operations to review: the accepted ones and those that
 * named no intent, did not decrypt, carried another amount, or were no result of KNET's (which no payment's history
 * shows).
 */
@RestController
@RequiredArgsConstructor
class KnetCallbackReviewController {

    private static final Set<String> OUTCOMES = Set.of(KnetCallbacks.ACCEPTED, "UNDECRYPTABLE", "UNKNOWN_TRACK_ID",
            "AMOUNT_MISMATCH", KnetCallbacks.NOT_A_RESULT);

    private final KnetCallbackRepository callbacks;

    /** A callback as kept (the tranportal's id and password masked), with how often it came again and when last. */
    record CallbackView(long id, OffsetDateTime receivedAt, String endpoint, String outcome, String trackId,
                        String result, UUID paymentId, String trandata, String plainText, int repeats,
                        OffsetDateTime lastReceivedAt) { }

    @GetMapping("/api/v1/knet/callbacks")
    List<CallbackView> callbacks(@RequestParam(required = false) String outcome,
                                 @RequestParam(defaultValue = "100") int limit) {
        RequestValues.requireOneOf("outcome", outcome, OUTCOMES);
        RequestValues.requireLimit(limit);
        return callbacks.latest(outcome, limit).stream()
                .map(c -> new CallbackView(c.id(), c.receivedAt(), c.endpoint(), c.outcome(), c.trackId(), c.result(),
                        c.paymentId(), c.form().get("trandata"), c.plainText(), c.repeats(), c.lastReceivedAt()))
                .toList();
    }
}
