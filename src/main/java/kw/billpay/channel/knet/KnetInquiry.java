package kw.billpay.channel.knet;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * KNET's inquiry service (CONTRACT): look-up of a transaction by track id, the only word the gateway takes for a
 * capture. The call itself is made by {@code routes/online.camel.yaml} with camel-http; this class writes the request
 * and reads the answer. Any KNET that speaks the documented elements is read, with or without an XML declaration and a
 * root element around them. What the gateway cannot read is no answer at all, never "not captured": a non-2xx status,
 * an empty body, an HTML page, malformed XML, no {@code result}, KNET's {@code !ERROR!-…}, an answer about another
 * track id, a capture without its amount, or KNET not reached in time.
 */
@Component("knetInquiry")
@RequiredArgsConstructor
public class KnetInquiry {

    /** Results that mean KNET captured the money (CONTRACT); any other readable result means it did not. */
    private static final Set<String> CAPTURED = Set.of("CAPTURED", "SUCCESS");
    private static final Pattern DECLARATION = Pattern.compile("^\\s*<\\?xml[^>]*\\?>");
    private static final int PROBLEM_LENGTH = 200;

    /**
     * One parser per thread, reset before each use. {@code DocumentBuilderFactory.newInstance()} looks its
     * implementation up with a ServiceLoader scan of every jar on the class path: made per answer, that scan was an
     * eighth of the gateway's CPU in the KNET end-to-end benchmark. The JDK's own parser is taken directly.
     */
    private static final ThreadLocal<DocumentBuilder> PARSER = ThreadLocal.withInitial(KnetInquiry::newParser);

    private final KnetProperties knet;
    private final KnetPaymentPage page;

    /**
     * What an inquiry got: KNET's readable answer (its result and elements), or no answer and why.
     *
     * @param readable false when the gateway could not read an answer: the payment stays as it is
     */
    public record InquiryAnswer(boolean readable, String result, Map<String, String> fields, String problem) {
        public InquiryAnswer {
            fields = Map.copyOf(fields);
        }

        static InquiryAnswer of(String result, Map<String, String> fields) {
            return new InquiryAnswer(true, result, fields, null);
        }

        static InquiryAnswer none(String problem) {
            String shown = problem == null ? "" : problem.replaceAll("\\s+", " ").trim();
            return new InquiryAnswer(false, null, Map.of(), shown.length() > PROBLEM_LENGTH ? shown.substring(0, PROBLEM_LENGTH) : shown);
        }

        public boolean captured() {
            return readable && CAPTURED.contains(result.trim().toUpperCase());
        }

        /** KNET's result, or why there was none, as the schedule and the logs show it. */
        public String shown() {
            return readable ? result : problem;
        }
    }

    public String url() {
        return page.knetBaseUrl() + "/kpg/tranPipe.htm?param=tranInit";
    }

    /** The inquiry request for an intent: action 8, look-up by track id ({@code udf5} {@code TrackID}). */
    public String requestFor(KnetResolution.Resolution intent) {
        String trackId = intent.trackId();
        return "<id>" + htmlEscape(knet.tranportalId()) + "</id>"
                + "<password>" + htmlEscape(knet.tranportalPassword()) + "</password>"
                + "<action>8</action>"
                + "<amt>" + intent.amount().toPlainString() + "</amt>"
                + "<transid>" + trackId + "</transid>"
                + "<trackid>" + trackId + "</trackid>"
                + "<udf5>TrackID</udf5>";
    }

    /** KNET's answer to the inquiry about {@code intent}: its HTTP status and body. */
    public InquiryAnswer read(Integer status, String body, KnetResolution.Resolution intent) {
        if (status == null || status < 200 || status > 299) {
            return InquiryAnswer.none("HTTP " + status + " from KNET's inquiry service");
        }
        Map<String, String> fields = parse(body);
        if (fields == null) {
            return InquiryAnswer.none("unreadable answer: " + (body == null || body.isBlank() ? "empty" : body));
        }
        String result = fields.get("result");
        if (result == null || result.isBlank()) {
            return InquiryAnswer.none("no result in the answer");
        }
        if (result.startsWith("!ERROR!")) {
            return InquiryAnswer.none("KNET " + result);
        }
        String trackId = fields.get("trackid");
        if (trackId != null && !trackId.isEmpty() && !trackId.equals(intent.trackId())) {
            return InquiryAnswer.none("an answer about track id " + trackId);
        }
        InquiryAnswer answer = InquiryAnswer.of(result.trim(), fields);
        if (answer.captured() && (fields.get("amt") == null || fields.get("amt").isBlank())) {
            return InquiryAnswer.none("a capture without its amount");
        }
        return answer;
    }

    /** KNET was not reached, or did not answer in time. */
    public InquiryAnswer unreachable(Exception failure) {
        return InquiryAnswer.none("KNET not reached: " + failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }

    /**
     * The answer's elements, by name, the first of each name: the text of every element that holds no other, at any
     * depth, so that a root element around them changes nothing. Null when the body is not well-formed XML.
     */
    static Map<String, String> parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        // the answer is read inside a wrapper: KNET's elements have no single root; a declaration may precede them
        String elements = DECLARATION.matcher(body.strip().replace("\uFEFF", "")).replaceFirst("");
        try {
            DocumentBuilder parser = PARSER.get();
            parser.reset();
            Element root = parser.parse(new InputSource(new StringReader("<inquiry>" + elements + "</inquiry>")))
                    .getDocumentElement();
            Map<String, String> fields = new LinkedHashMap<>();
            collect(root, fields);
            return fields;
        } catch (Exception unreadable) {
            return null;
        }
    }

    private static void collect(Element parent, Map<String, String> fields) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element element) {
                if (hasChildElements(element)) {
                    collect(element, fields);
                } else {
                    fields.putIfAbsent(element.getTagName(), element.getTextContent().trim());
                }
            }
        }
    }

    private static boolean hasChildElements(Element element) {
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                return true;
            }
        }
        return false;
    }

    /** A parser that refuses DTDs (no external entities, no entity expansion) and applies the JDK's processing limits. */
    static DocumentBuilder newParser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true); // no DTD, no XXE
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser refuses secure processing", e);
        }
    }
}
