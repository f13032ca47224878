package kw.billpay.channel.knet;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * KNET's inquiry service (CONTRACT): look-up of a transaction by track id, the only word the gateway takes for a
 * capture. The call itself is made by {@code routes/online.camel.yaml} with camel-http.
 */
@Component("knetInquiry")
public class KnetInquiry {

    /** Results that mean KNET captured the money (CONTRACT); anything else does not. */
    private static final Set<String> CAPTURED = Set.of("CAPTURED", "SUCCESS");

    /**
     * One parser per thread, reset before each use. {@code DocumentBuilderFactory.newInstance()} looks its
     * implementation up with a ServiceLoader scan of every jar on the class path: made per answer, that scan was an
     * eighth of the gateway's CPU in the KNET end-to-end benchmark. The JDK's own parser is taken directly.
     */
    private static final ThreadLocal<DocumentBuilder> PARSER = ThreadLocal.withInitial(KnetInquiry::newParser);

    private final KnetProperties knet;
    private final KnetPaymentPage page;

    public KnetInquiry(KnetProperties knet, KnetPaymentPage page) {
        this.knet = knet;
        this.page = page;
    }

    /** KNET's answer, as the elements it sent. */
    public record InquiryResult(String result, Map<String, String> fields) {
        public boolean captured() {
            return result != null && CAPTURED.contains(result.trim().toUpperCase());
        }
    }

    public String url() {
        return page.knetBaseUrl() + "/kpg/tranPipe.htm?param=tranInit";
    }

    /** The inquiry request for an intent: action 8, look-up by track id. */
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

    /** KNET answers with a sequence of elements and no single root; anything unreadable is "not captured". */
    public InquiryResult parse(String xml) {
        Map<String, String> fields = new HashMap<>();
        try {
            DocumentBuilder parser = PARSER.get();
            parser.reset();
            Element root = parser
                    .parse(new InputSource(new StringReader("<inquiry>" + (xml == null ? "" : xml) + "</inquiry>")))
                    .getDocumentElement();
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element element) {
                    fields.put(element.getTagName(), element.getTextContent().trim());
                }
            }
        } catch (Exception unreadable) {
            return new InquiryResult("UNREADABLE", Map.of());
        }
        return new InquiryResult(fields.get("result"), Map.copyOf(fields));
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
