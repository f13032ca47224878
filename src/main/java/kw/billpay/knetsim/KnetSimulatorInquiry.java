package kw.billpay.knetsim;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kw.billpay.knetsim.KnetSimulator.Transaction;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The simulator's inquiry service ({@code KNET_BASE_URL/kpg/tranPipe.htm?param=tranInit}, CONTRACT "Online and mobile
 * payments through KNET"). It reads a request as strictly as KNET does: {@code param=tranInit}, an XML body with the
 * terminal's id and password, {@code action} 8, {@code amt} with 3 decimals, and the look-up by track id ({@code transid}
 * and {@code trackid} both the track id, {@code udf5} {@code TrackID}); anything else is answered with KNET's
 * {@code !ERROR!-…} result. It keeps the latest requests it received, and tests can script its answer per track id.
 */
@Component
@ConditionalOnProperty(name = "gateway.knet.simulator.enabled", havingValue = "true")
@RequiredArgsConstructor
public class KnetSimulatorInquiry {

    static final int REQUESTS_KEPT = 2_000;
    private static final Pattern ELEMENT = Pattern.compile("<(\\w+)>([^<]*)</\\1>");
    private static final Pattern THREE_DECIMALS = Pattern.compile("\\d{1,12}\\.\\d{3}");
    private static final String XML = "application/xml";

    private final KnetSimulator knet;
    private final Deque<Request> requests = new ArrayDeque<>();
    private final Map<String, Map<String, String>> fieldOverrides = new ConcurrentHashMap<>();
    private final Map<String, Scripted> scripted = new ConcurrentHashMap<>();
    private final AtomicBoolean available = new AtomicBoolean(true);

    /**
     * An inquiry as it arrived.
     *
     * @param param       the {@code param} of the address's query
     * @param contentType the request's Content-Type
     * @param body        the request body, exactly as sent
     * @param elements    the body's elements
     * @param refusal     why it was refused ({@code !ERROR!-…}), or null when it was a well-formed look-up
     */
    public record Request(String param, String contentType, String body, Map<String, String> elements, String refusal) { }

    /** What the service sends back: an HTTP status, a content type, a body, after a delay. */
    public record Answer(int status, String contentType, String body, Duration delay) {
        static Answer xml(String body) {
            return new Answer(200, XML, body, Duration.ZERO);
        }
    }

    /**
     * An answer a test scripts for one track id.
     *
     * @param body from the elements KNET would have answered (empty for a track id it does not know) to the body sent
     */
    public record Scripted(int status, String contentType, UnaryOperator<String> body, Duration delay) { }

    /** Answers one inquiry; never throws. */
    public Answer answer(String param, String contentType, String body) {
        String text = body == null ? "" : body;
        Map<String, String> elements = elements(text);
        String refusal = refusal(param, contentType, elements);
        synchronized (requests) {
            requests.addLast(new Request(param, contentType, text, Map.copyOf(elements), refusal));
            if (requests.size() > REQUESTS_KEPT) {
                requests.removeFirst();
            }
        }
        String trackId = elements.getOrDefault("trackid", "");
        Scripted script = scripted.get(trackId);
        if (script != null) {
            return new Answer(script.status(), script.contentType(), script.body().apply(answerFor(trackId).orElse("")),
                    script.delay());
        }
        if (!available.get()) {
            return new Answer(503, "text/html", "<html><body><h1>503 Service Unavailable</h1></body></html>", Duration.ZERO);
        }
        if (refusal != null) {
            return Answer.xml("<result>" + refusal + "</result>");
        }
        return Answer.xml(answerFor(trackId).orElse("<result>!ERROR!-IPAY0100263-Transaction not found</result>"));
    }

    /** Why KNET would refuse this request, or null. */
    private String refusal(String param, String contentType, Map<String, String> elements) {
        if (!"tranInit".equals(param)) {
            return "!ERROR!-IPAY0100001-Invalid request: param must be tranInit";
        }
        if (contentType == null || !(contentType.startsWith(XML) || contentType.startsWith("text/xml"))) {
            return "!ERROR!-IPAY0100002-Invalid request: an XML body is expected";
        }
        if (!knet.knowsTerminal(elements.get("id"), elements.get("password"))) {
            return "!ERROR!-IPAY0100114-Invalid terminal credentials";
        }
        if (!"8".equals(elements.get("action"))) {
            return "!ERROR!-IPAY0100011-Invalid action type: an inquiry is action 8";
        }
        if (elements.get("amt") == null || !THREE_DECIMALS.matcher(elements.get("amt")).matches()) {
            return "!ERROR!-IPAY0100012-Invalid amount: KWD with 3 decimals";
        }
        String trackId = elements.get("trackid");
        if (trackId == null || trackId.isEmpty() || !trackId.equals(elements.get("transid"))
                || !"TrackID".equals(elements.get("udf5"))) {
            return "!ERROR!-IPAY0100013-Invalid search criteria: by track id, transid = trackid and udf5 = TrackID";
        }
        return null;
    }

    /** The elements KNET answers for a transaction it knows. */
    private Optional<String> answerFor(String trackId) {
        return knet.transaction(trackId).map(t -> elementsOf(t, fieldOverrides.getOrDefault(trackId, Map.of())));
    }

    private static String elementsOf(Transaction t, Map<String, String> overrides) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("result", t.result());
        fields.put("auth", t.auth());
        fields.put("ref", t.ref());
        fields.put("avr", "N");
        fields.put("postdate", t.postDate());
        fields.put("tranid", t.tranId());
        fields.put("payid", t.paymentId());
        fields.put("trackid", t.trackId());
        fields.put("amt", t.amount());
        fields.putAll(overrides);
        StringBuilder xml = new StringBuilder();
        fields.forEach((name, value) -> xml.append('<').append(name).append('>').append(value).append("</").append(name).append('>'));
        return xml.toString();
    }

    private static Map<String, String> elements(String xml) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = ELEMENT.matcher(xml);
        while (m.find()) {
            fields.putIfAbsent(m.group(1), m.group(2));
        }
        return fields;
    }

    // --- test and demo controls ---

    /** Every inquiry received about this track id (by its {@code trackid} element), oldest first. */
    public List<Request> requestsFor(String trackId) {
        synchronized (requests) {
            return requests.stream().filter(r -> trackId.equals(r.elements().get("trackid"))).toList();
        }
    }

    /** Takes the inquiry service down (it answers 503) or brings it back. */
    public void setAvailable(boolean up) {
        available.set(up);
    }

    /** The inquiry answers this result for the track id, whatever the payment's outcome was. */
    public void overrideResult(String trackId, String result) {
        overrideField(trackId, "result", result);
    }

    /** The inquiry answers this amount for the track id, whatever was paid. */
    public void overrideAmount(String trackId, String amount) {
        overrideField(trackId, "amt", amount);
    }

    /** The inquiry answers this element's value for the track id. */
    public void overrideField(String trackId, String element, String value) {
        fieldOverrides.computeIfAbsent(trackId, k -> new ConcurrentHashMap<>()).put(element, value);
    }

    /** Every inquiry about the track id gets this answer until {@link #unscript} (status, body, delay). */
    public void script(String trackId, Scripted answer) {
        scripted.put(trackId, answer);
    }

    public void unscript(String trackId) {
        scripted.remove(trackId);
    }
}
