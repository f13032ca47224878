package kw.billpay.channel.knet;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kw.billpay.core.payment.Payment;
import kw.billpay.posting.Payments;
import kw.billpay.web.PublicUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * KNET's calls to {@code /knet/response} and {@code /knet/error}: each is kept as received (encrypted and decrypted)
 * before it is answered, checked against the intent it names, and answered with the page the customer goes to next.
 * Nothing is posted here: a callback is only a claim until KNET's inquiry service confirms it.
 */
@Component("knetCallbacks")
public class KnetCallbacks {

    private static final Logger log = LoggerFactory.getLogger(KnetCallbacks.class);

    private final KnetCallbackRepository callbacks;
    private final Payments payments;
    private final PublicUrl publicUrl;
    private final KnetCipher cipher;

    public KnetCallbacks(KnetCallbackRepository callbacks, Payments payments, PublicUrl publicUrl, KnetProperties knet) {
        this.callbacks = callbacks;
        this.payments = payments;
        this.publicUrl = publicUrl;
        this.cipher = new KnetCipher(knet.resourceKey());
    }

    /** A call from KNET: which endpoint it came to, and its form fields. */
    public record KnetCallback(String endpoint, Map<String, String> form) { }

    /**
     * What the gateway made of a callback.
     *
     * @param resolve true when the intent is now to be resolved (by inquiry when KNET claims a capture)
     */
    public record CallbackOutcome(long callbackId, UUID paymentId, String outcome, boolean resolve, String redirectUrl) { }

    /** The callback is kept, with its audit entry, in one transaction: it is durable once this returns. */
    @Transactional
    public CallbackOutcome record(KnetCallback callback) {
        Optional<String> plain = cipher.decrypt(callback.form().get("trandata"));
        Map<String, String> fields = plain.map(KnetCallbacks::parseQuery).orElse(Map.of());
        String trackId = fields.get("trackid");
        String result = fields.getOrDefault("result", callback.form().get("Error"));
        Payment intent = trackId == null ? null : payments.findBySourceKey("KNET:" + trackId).orElse(null);
        String outcome;
        if (plain.isEmpty()) {
            outcome = "UNDECRYPTABLE";
        } else if (intent == null) {
            outcome = "UNKNOWN_TRACK_ID";
        } else if (!KnetAmounts.matches(fields.get("amt"), intent.received())) {
            outcome = "AMOUNT_MISMATCH";
        } else {
            outcome = "ACCEPTED";
        }
        UUID paymentId = intent == null ? null : intent.paymentId();
        long id = callbacks.insert(callback.endpoint(), callback.form(), plain.orElse(null), trackId, paymentId, result, outcome);
        if (intent != null) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("endpoint", callback.endpoint());
            detail.put("outcome", outcome);
            detail.put("result", result == null ? "" : result);
            detail.put("knetPaymentId", fields.getOrDefault("paymentid", ""));
            detail.put("callbackId", id);
            payments.addToHistory(paymentId, "KNET_CALLBACK", "knet", detail);
        }
        if (!outcome.equals("ACCEPTED")) {
            log.warn("KNET callback {} to /knet/{} recorded for review: {}", id, callback.endpoint(), outcome);
        }
        boolean captured = "response".equals(callback.endpoint()) && "CAPTURED".equals(result);
        String next = outcome.equals("ACCEPTED") && captured
                ? publicUrl.get() + "/knet/receipt/" + paymentId
                : publicUrl.get() + "/knet/failed/" + (paymentId == null ? "unknown" : paymentId);
        return new CallbackOutcome(id, paymentId, outcome, outcome.equals("ACCEPTED"), next);
    }

    static Map<String, String> parseQuery(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                fields.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                fields.put(key, value);
            }
        }
        return fields;
    }

}
