package kw.billpay.channel.banktransfer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The XML under {@link Camt054Reader}: a safe StAX parser over strictly decoded UTF-8, the version from the root
 * element, walking over elements, and the parser's failures as refusals of the file.
 */
final class Camt054Xml {

    private static final String DOCUMENT = "Document";
    private static final int MAX_DETAIL_CHARS = 300;
    private static final int MAX_DEPTH = 64;
    private static final int BYTE_ORDER_MARK = '\uFEFF';

    private Camt054Xml() {
    }

    /** A parser standing on the start of the document. */
    static XMLStreamReader parser(InputStream in) throws XMLStreamException {
        return xmlInputFactory().createXMLStreamReader(utf8(in));
    }

    /** No DTD at all (XXE, entity expansion); no external access. The JDK's own parser, whatever else is on the path. */
    private static XMLInputFactory xmlInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        // camt.054 nests about 15 deep (.../TxDtls/RltdPties/Dbtr/Pty/PstlAdr/...); a file nesting deeper is an attack
        factory.setProperty("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", String.valueOf(MAX_DEPTH));
        factory.setXMLReporter((message, type, info, location) -> { }); // problems come back as exceptions
        return factory;
    }

    /**
     * ISO 20022 messages are UTF-8: the bytes are decoded here, strictly (a byte that is not UTF-8 refuses the file,
     * never becomes a replacement character), a byte order mark skipped. The parser's own decoding would print bytes
     * it cannot decode to the standard error besides throwing.
     */
    private static Reader utf8(InputStream in) throws XMLStreamException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        try {
            reader.mark(1);
            if (reader.read() != BYTE_ORDER_MARK) {
                reader.reset();
            }
        } catch (IOException e) {
            throw new XMLStreamException(e.getMessage(), e);
        }
        return reader;
    }

    /** The root element's namespace names the message and its version: {@code Document} of camt.054.001.02 to .08. */
    static Camt054Version version(XMLStreamReader raw) throws XMLStreamException {
        int event = raw.getEventType();
        while (event != XMLStreamConstants.START_ELEMENT) {
            if (event == XMLStreamConstants.DTD) {
                throw new Camt054RefusedException(Camt054Refusal.DTD_NOT_ALLOWED,
                        "the file declares a document type (<!DOCTYPE ...>), which camt.054 never has");
            }
            event = raw.next();
        }
        String namespace = raw.getNamespaceURI() == null ? "" : raw.getNamespaceURI();
        String root = "<" + raw.getLocalName() + "> in namespace \"" + namespace + "\"";
        if (!DOCUMENT.equals(raw.getLocalName()) || !namespace.startsWith(Camt054Version.NAMESPACE_PREFIX)) {
            throw new Camt054RefusedException(Camt054Refusal.NOT_CAMT_054,
                    "the root element is " + root + ", not a camt.054 <Document>");
        }
        return Camt054Version.fromNamespace(namespace).orElseThrow(() -> new Camt054RefusedException(
                Camt054Refusal.UNSUPPORTED_VERSION, "camt.054 version " + namespace.substring(
                        Camt054Version.NAMESPACE_PREFIX.length() - 4) + " is not read: only 001.02 to 001.08"));
    }

    /** The text of a simple element; the parser ends after its end tag. */
    static String text(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                if (depth == 0 && text.length() < MAX_DETAIL_CHARS) {
                    text.append(xml.getText());
                }
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT && depth-- == 0) {
                xml.next();
                return text.toString().strip();
            }
        }
    }

    static void skipElement(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        xml.next();
    }

    static Camt054RefusedException notWellFormed(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CharacterCodingException) {
                return new Camt054RefusedException(Camt054Refusal.INVALID_ENCODING,
                        "the file is not UTF-8, as ISO 20022 messages are" + at(e));
            }
        }
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof XMLStreamException)) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new Camt054RefusedException(Camt054Refusal.NOT_WELL_FORMED, shorten(message.replaceAll("\\s+", " ")));
    }

    /** Where the parser stood, if an XMLStreamException in the chain says. */
    private static String at(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof XMLStreamException x && x.getLocation() != null && x.getLocation().getLineNumber() > 0) {
                return " (line " + x.getLocation().getLineNumber() + ")";
            }
        }
        return "";
    }

    /** Parser messages may quote the file: never more than a line of it, and never a whole card number. */
    static String shorten(String message) {
        String cut = message == null ? "" : message.length() <= MAX_DETAIL_CHARS ? message
                : message.substring(0, MAX_DETAIL_CHARS) + "...";
        return RemittanceMasking.mask(cut);
    }
}
