package kw.billpay.channel.banktransfer;

import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * Shows the elements of the document's own namespace (e.g. {@code urn:iso:std:iso:20022:tech:xsd:camt.054.001.08}) as
 * elements without a namespace. Prowide's generated types are shared by every message and version, so they bind
 * unqualified names ({@code <Ntry>}, not {@code <camt:Ntry>}); Prowide's own reader strips namespaces the same way.
 * Elements of any other namespace (a bank's {@code SplmtryData/Envlp} content) keep theirs.
 */
final class DocumentNamespaceHider extends StreamReaderDelegate {

    private final String namespace;

    DocumentNamespaceHider(XMLStreamReader reader, String namespace) {
        super(reader);
        this.namespace = namespace;
    }

    @Override
    public String getNamespaceURI() {
        String uri = super.getNamespaceURI();
        return namespace.equals(uri) ? XMLConstants.NULL_NS_URI : uri;
    }

    @Override
    public QName getName() {
        QName name = super.getName();
        return namespace.equals(name.getNamespaceURI()) ? new QName(name.getLocalPart()) : name;
    }

    @Override
    public String getPrefix() {
        return namespace.equals(super.getNamespaceURI()) ? XMLConstants.DEFAULT_NS_PREFIX : super.getPrefix();
    }
}
