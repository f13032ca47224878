package kw.billpay.core.payment;

import java.util.Map;
import kw.billpay.core.Refusal;

/**
 * What the posting core made of the payments a channel handed in, by their source keys: the payments it recorded
 * (posted, held for clearing or held for a rate) and the ones it refused, each with its refusal.
 */
public record PostingResult(Map<String, Payment> stored, Map<String, Refusal> refused) {

    public PostingResult {
        stored = Map.copyOf(stored);
        refused = Map.copyOf(refused);
    }

    /** The one payment handed in: recorded, or its refusal thrown (a channel whose caller waits for the answer). */
    public Payment single() {
        if (stored.size() + refused.size() != 1) {
            throw new IllegalStateException("not a single payment: " + stored.size() + " stored, " + refused.size() + " refused");
        }
        if (!refused.isEmpty()) {
            throw refused.values().iterator().next();
        }
        return stored.values().iterator().next();
    }
}
