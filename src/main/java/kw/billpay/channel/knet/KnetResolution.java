package kw.billpay.channel.knet;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kw.billpay.channel.knet.KnetInquiry.InquiryAnswer;
import kw.billpay.core.money.Money;
import kw.billpay.core.payment.Payment;
import kw.billpay.core.payment.PaymentCommand;
import kw.billpay.core.payment.PaymentStatus;
import kw.billpay.posting.Payments;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Component;

/**
 * Resolves online payments by KNET's word: from a callback KNET made, or by asking KNET (the sweep: intents KNET never
 * called back about, inquiries not answered before, failed payments checked again). Each answer ends in the lifecycle
 * step it asks for ({@code routes/online.camel.yaml} hands it to the posting core): a capture is posted only when
 * KNET's inquiry service confirms it (DOMAIN R21), with KNET's post date as its value time (R18); a readable answer
 * that is not a capture fails the intent with KNET's result; no readable answer changes nothing.
 */
@Component("knetResolution")
@RequiredArgsConstructor
@Slf4j
public class KnetResolution {

    private static final String KNET = "knet";

    private final KnetCallbackRepository callbacks;
    private final Payments payments;
    private final KnetSecrets secrets;

    /**
     * A payment to resolve, with what its inquiry asks KNET about.
     *
     * @param trackId         the intent's track id, by which KNET is asked
     * @param amount          the intent's amount, which a capture must match
     * @param claimedResult   what KNET's callback said, or null when the gateway asks on its own
     * @param witnessedAt     the gateway's best witness of the transaction's time: the callback's arrival, else the
     *                        intent's start (KNET's post date has no time of day)
     * @param claimedPostDate the callback's {@code postdate}, used when the inquiry's answer has none
     */
    public record Resolution(UUID paymentId, String trackId, Money amount, String claimedResult, boolean needsInquiry,
                             OffsetDateTime witnessedAt, String claimedPostDate) { }

    /** What KNET's answer asks for: a lifecycle step for the posting core (none when there was no readable answer). */
    public enum Outcome { CAPTURED, NOT_CAPTURED, AMOUNT_MISMATCH, UNANSWERED }

    /** @param command the step to apply, or null */
    public record Decision(Outcome outcome, PaymentCommand command, String answer) { }

    /** What an accepted callback asks for: an inquiry when it claims a capture, else KNET's result is the answer. */
    public Resolution forCallback(String callbackId) {
        KnetCallbackRepository.StoredCallback callback = callbacks.find(Long.parseLong(callbackId));
        Payment intent = payments.find(callback.paymentId()).orElseThrow();
        boolean claimsCapture = "response".equals(callback.endpoint()) && "CAPTURED".equals(callback.result());
        return new Resolution(intent.paymentId(), intent.reference(), intent.received(), callback.result(), claimsCapture,
                callback.receivedAt(), postDateOf(callback));
    }

    /**
     * A payment the schedule says is due to be asked about, with what KNET's latest accepted callback about it claimed
     * (if one came); empty when the payment is settled and there is nothing to ask.
     */
    public Optional<Resolution> forScheduled(UUID paymentId) {
        return payments.find(paymentId)
                .filter(p -> p.status() == PaymentStatus.INITIATED || p.status() == PaymentStatus.FAILED)
                .map(p -> callbacks.latestAccepted(p.paymentId())
                        .map(c -> new Resolution(p.paymentId(), p.reference(), p.received(), c.result(), true,
                                c.receivedAt(), postDateOf(c)))
                        .orElseGet(() -> new Resolution(p.paymentId(), p.reference(), p.received(), null, true,
                                p.receivedAt(), null)));
    }

    /** A callback that claims no capture is KNET's own readable answer: not captured, with its result. */
    public InquiryAnswer callbackAnswer(Resolution resolution) {
        return InquiryAnswer.of(resolution.claimedResult(), Map.of());
    }

    /**
     * The step KNET's answer asks for: captured for the intent's amount is posted at KNET's value time; captured for
     * another amount is held back for review (the intent fails with the amounts in its reason); any other readable
     * result fails the intent; no readable answer leaves it as it is, to be asked again.
     */
    public Decision decide(Resolution resolution, InquiryAnswer answer) {
        UUID id = resolution.paymentId();
        if (!answer.readable()) {
            log.warn("KNET gave no readable answer about payment {}; asked again later: {}", id, answer.problem());
            return new Decision(Outcome.UNANSWERED, null, answer.problem());
        }
        // only the inquiry service's word is a capture; a callback's result (even CAPTURED to the error URL) never is
        boolean captured = resolution.needsInquiry() && answer.captured();
        if (captured && !KnetAmounts.matches(answer.fields().get("amt"), resolution.amount())) {
            log.warn("KNET's inquiry confirms payment {} for {} KWD, not for the intent's amount: held for review",
                    id, answer.fields().get("amt"));
            return new Decision(Outcome.AMOUNT_MISMATCH, new PaymentCommand.Fail(id,
                    "INQUIRY_AMOUNT_MISMATCH: KNET captured " + answer.fields().get("amt"), KNET), answer.result());
        }
        if (captured) {
            Map<String, String> knetDetail = new LinkedHashMap<>(secrets.mask(answer.fields()));
            knetDetail.put("confirmedBy", "inquiry");
            String postDate = present(answer.fields().get("postdate")) ? answer.fields().get("postdate") : resolution.claimedPostDate();
            OffsetDateTime valueTime = KnetValueTime.of(postDate, resolution.witnessedAt());
            return new Decision(Outcome.CAPTURED, new PaymentCommand.ConfirmCapture(id, valueTime, knetDetail, KNET), answer.result());
        }
        if (resolution.needsInquiry() && "CAPTURED".equals(resolution.claimedResult())) {
            log.warn("KNET's callback claimed a capture of payment {} that its inquiry does not confirm: {}", id, answer.result());
            return new Decision(Outcome.NOT_CAPTURED, new PaymentCommand.Fail(id, "INQUIRY_DISAGREES: " + answer.result(), KNET),
                    answer.result());
        }
        return new Decision(Outcome.NOT_CAPTURED, new PaymentCommand.Fail(id, "KNET " + answer.result(), KNET), answer.result());
    }

    private static String postDateOf(KnetCallbackRepository.StoredCallback callback) {
        return callback.plainText() == null ? null : KnetCallbacks.parseQuery(callback.plainText()).get("postdate");
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
