package kw.billpay.channel.knet;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kw.billpay.channel.knet.KnetCallbackRepository.NewCallback;
import kw.billpay.channel.knet.KnetCallbackRepository.StoredCallback;
import kw.billpay.core.payment.Payment;
import kw.billpay.posting.Payments;
import kw.billpay.security.Hashing;
import kw.billpay.web.PublicUrl;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * KNET's calls to {@code /knet/response} and {@code /knet/error}: each is kept (encrypted and decrypted, the
 * tranportal's secrets masked) before it is answered, checked against the intent it names, and answered with the page
 * the customer goes to next. Nothing is posted here: a callback is only a claim until KNET's inquiry service confirms
 * it. Only KNET's result is a result: a {@code trandata} that decrypts but carries no {@code result}, {@code paymentid}
 * and {@code tranid} (such as the gateway's own payment request, which the customer's browser holds) changes nothing,
 * and {@code result} is read from the decrypted text only. A repeat of a callback is answered from what is stored.
 */
@Component("knetCallbacks")
@RequiredArgsConstructor
@Slf4j
public class KnetCallbacks {

    static final String ACCEPTED = "ACCEPTED";
    static final String NOT_A_RESULT = "NOT_A_RESULT";

    private final KnetCallbackRepository callbacks;
    private final Payments payments;
    private final PublicUrl publicUrl;
    private final KnetCipher cipher;
    private final KnetSecrets secrets;

    /** A call from KNET: which endpoint it came to, and its form fields. */
    public record KnetCallback(String endpoint, Map<String, String> form) { }

    /**
     * What the gateway made of a callback.
     *
     * @param resolve true when the intent is now to be resolved (by inquiry when KNET claims a capture); never for a repeat
     */
    public record CallbackOutcome(long callbackId, UUID paymentId, String outcome, boolean resolve, String redirectUrl) { }

    /** The callback is kept, with its audit entry, in one transaction: it is durable once this returns. */
    @Transactional
    public CallbackOutcome record(KnetCallback callback) {
        String trandata = callback.form().get("trandata");
        String digest = trandata == null || trandata.isEmpty() ? null : Hashing.sha256Hex(callback.endpoint() + "\n" + trandata);
        if (digest != null) {
            Optional<StoredCallback> earlier = callbacks.repeated(callback.endpoint(), digest);
            if (earlier.isPresent()) {
                return answeredAgain(earlier.get());
            }
        }
        Optional<String> plain = cipher.decrypt(trandata);
        Map<String, String> fields = plain.map(KnetCallbacks::parseQuery).orElse(Map.of());
        String trackId = fields.get("trackid");
        boolean knetsResult = present(fields.get("result")) && present(fields.get("paymentid")) && present(fields.get("tranid"));
        String result = knetsResult ? fields.get("result") : null;
        Payment intent = trackId == null ? null : payments.findBySourceKey("KNET:" + trackId).orElse(null);
        String outcome;
        if (plain.isEmpty()) {
            outcome = "UNDECRYPTABLE";
        } else if (!knetsResult) {
            outcome = NOT_A_RESULT;
        } else if (intent == null) {
            outcome = "UNKNOWN_TRACK_ID";
        } else if (!KnetAmounts.matches(fields.get("amt"), intent.received())) {
            outcome = "AMOUNT_MISMATCH";
        } else {
            outcome = ACCEPTED;
        }
        UUID paymentId = intent == null ? null : intent.paymentId();
        Optional<Long> kept = callbacks.insert(new NewCallback(callback.endpoint(), digest, secrets.mask(callback.form()),
                plain.map(secrets::maskQuery).orElse(null), trackId, paymentId, result, outcome));
        if (kept.isEmpty()) { // a twin of this callback was kept first, a moment ago
            return answeredAgain(callbacks.findByDigest(callback.endpoint(), digest).orElseThrow());
        }
        long id = kept.get();
        if (intent != null && !outcome.equals(NOT_A_RESULT)) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("endpoint", callback.endpoint());
            detail.put("outcome", outcome);
            detail.put("result", result);
            detail.put("knetPaymentId", fields.get("paymentid"));
            detail.put("callbackId", id);
            payments.addToHistory(paymentId, "KNET_CALLBACK", "knet", detail);
        }
        if (!outcome.equals(ACCEPTED)) {
            log.warn("KNET callback {} to /knet/{} recorded for review: {}", id, callback.endpoint(), outcome);
        }
        return new CallbackOutcome(id, paymentId, outcome, outcome.equals(ACCEPTED),
                redirect(callback.endpoint(), outcome, result, paymentId));
    }

    /** A repeat changes nothing and asks KNET nothing: it gets the answer its first arrival got. */
    private CallbackOutcome answeredAgain(StoredCallback earlier) {
        return new CallbackOutcome(earlier.id(), earlier.paymentId(), earlier.outcome(), false,
                redirect(earlier.endpoint(), earlier.outcome(), earlier.result(), earlier.paymentId()));
    }

    /** The receipt for a capture KNET claims; the error page for anything else (naming no intent for a non-result). */
    private String redirect(String endpoint, String outcome, String result, UUID paymentId) {
        if (outcome.equals(ACCEPTED) && "response".equals(endpoint) && "CAPTURED".equals(result)) {
            return publicUrl.get() + "/knet/receipt/" + paymentId;
        }
        boolean named = paymentId != null && !outcome.equals(NOT_A_RESULT);
        return publicUrl.get() + "/knet/failed/" + (named ? paymentId : "unknown");
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
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
