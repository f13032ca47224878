package kw.billpay.core.collection;

import java.util.Map;
import java.util.Objects;

/**
 * What each ISO 20022 reason code of a NOT_COLLECTED result leads to; codes not named get {@code otherwise}.
 * Configured ({@code gateway.collection.reasons}); {@link #standard()} is the default.
 */
public record ReasonPolicy(Map<String, ReasonAction> actions, ReasonAction otherwise) {

    public ReasonPolicy {
        actions = Map.copyOf(actions);
        Objects.requireNonNull(otherwise, "otherwise");
    }

    /**
     * What was not collected is tried again on the 28th (CONTRACT, R31), AM04 insufficient funds and any code not named;
     * AC04 account closed, MD01 no mandate and MD07 debtor deceased end the mandate, which no second try could collect.
     */
    public static ReasonPolicy standard() {
        return new ReasonPolicy(Map.of("AM04", ReasonAction.RE_PRESENT, "AC04", ReasonAction.SUSPEND,
                "MD01", ReasonAction.SUSPEND, "MD07", ReasonAction.SUSPEND), ReasonAction.RE_PRESENT);
    }

    /** A missing or empty code is treated like an unknown one. */
    public ReasonAction actionFor(String reasonCode) {
        return reasonCode == null ? otherwise : actions.getOrDefault(reasonCode, otherwise);
    }
}
