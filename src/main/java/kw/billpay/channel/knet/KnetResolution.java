package kw.billpay.channel.knet;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kw.billpay.channel.knet.KnetInquiry.InquiryResult;
import kw.billpay.core.money.Money;
import kw.billpay.core.payment.Payment;
import kw.billpay.core.payment.PaymentCommand;
import kw.billpay.posting.Payments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Resolves online intents: from a callback KNET made, or, for intents KNET never called back about, by asking KNET
 * (the sweep). Each resolution ends in the lifecycle step it asks for ({@code routes/online.camel.yaml} hands it to the
 * posting core): a capture is posted only when KNET's inquiry service confirms it (DOMAIN R21); anything else fails
 * the intent with KNET's result.
 */
@Component("knetResolution")
public class KnetResolution {

    private static final Logger log = LoggerFactory.getLogger(KnetResolution.class);
    private static final String KNET = "knet";

    private final KnetCallbackRepository callbacks;
    private final Payments payments;
    private final KnetProperties knet;
    private final Clock clock;

    public KnetResolution(KnetCallbackRepository callbacks, Payments payments, KnetProperties knet, Clock clock) {
        this.callbacks = callbacks;
        this.payments = payments;
        this.knet = knet;
        this.clock = clock;
    }

    /**
     * An intent to resolve, with what its inquiry asks KNET about.
     *
     * @param trackId       the intent's track id, by which KNET is asked
     * @param amount        the intent's amount, which a capture must match
     * @param claimedResult what KNET's callback said, or null when the sweep asks on its own
     * @param observedAt    when the capture was seen: the callback's arrival, else the time of the inquiry
     */
    public record Resolution(UUID paymentId, String trackId, Money amount, String claimedResult, boolean needsInquiry,
                             OffsetDateTime observedAt) { }

    /** What an accepted callback asks for: an inquiry when it claims a capture, else the intent's failure. */
    public Resolution forCallback(String callbackId) {
        KnetCallbackRepository.StoredCallback callback = callbacks.find(Long.parseLong(callbackId));
        Payment intent = payments.find(callback.paymentId()).orElseThrow();
        String result = callback.result();
        boolean claimsCapture = "response".equals(callback.endpoint()) && "CAPTURED".equals(result);
        return new Resolution(intent.paymentId(), intent.reference(), intent.received(), result == null ? "ERROR" : result,
                claimsCapture, callback.receivedAt());
    }

    /** Online intents still INITIATED after {@code KNET_RESOLVE_AFTER}: the gateway asks KNET itself. */
    public List<Resolution> overdue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return payments.initiatedBefore(now.minus(knet.resolveAfter()), 500).stream()
                .map(p -> new Resolution(p.paymentId(), p.reference(), p.received(), null, true, now))
                .toList();
    }

    /** A callback that claims no capture: the intent fails with KNET's result (R21). */
    public PaymentCommand failure(Resolution resolution) {
        return new PaymentCommand.Fail(resolution.paymentId(), "KNET " + resolution.claimedResult(), KNET);
    }

    /**
     * The step KNET's inquiry answer asks for: captured for the intent's amount is posted; captured for another amount
     * is held back for review (the intent fails with the amounts in its reason); anything else fails the intent.
     */
    public PaymentCommand decide(Resolution resolution, InquiryResult inquiry) {
        if (inquiry.captured() && !KnetAmounts.matches(inquiry.fields().get("amt"), resolution.amount())) {
            log.warn("KNET's inquiry confirms payment {} for {} KWD, not for the intent's amount: held for review",
                    resolution.paymentId(), inquiry.fields().get("amt"));
            return new PaymentCommand.Fail(resolution.paymentId(), "INQUIRY_AMOUNT_MISMATCH: KNET captured "
                    + inquiry.fields().get("amt"), KNET);
        }
        if (inquiry.captured()) {
            Map<String, String> knetDetail = new LinkedHashMap<>(inquiry.fields());
            knetDetail.put("confirmedBy", "inquiry");
            return new PaymentCommand.ConfirmCapture(resolution.paymentId(), resolution.observedAt(), knetDetail, KNET);
        }
        if ("CAPTURED".equals(resolution.claimedResult())) {
            log.warn("KNET's callback claimed a capture of payment {} that its inquiry does not confirm: {}",
                    resolution.paymentId(), inquiry.result());
            return new PaymentCommand.Fail(resolution.paymentId(), "INQUIRY_DISAGREES: " + inquiry.result(), KNET);
        }
        return new PaymentCommand.Fail(resolution.paymentId(), "KNET " + inquiry.result(), KNET);
    }
}
