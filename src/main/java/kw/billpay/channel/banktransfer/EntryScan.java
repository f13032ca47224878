package kw.billpay.channel.banktransfer;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Walks a camt.054 document from just after its group header to its end without binding any entry, counting the
 * {@code Ntfctn/Ntry} elements: the whole-file check of a file about to be taken. The parser and its limits are the
 * reader's (Camt054Xml), so a file it refuses here is exactly a file reading it entry by entry would refuse: every
 * whole-file refusal is a parser's or the group header's, and what is wrong inside an entry (an unreadable amount) is an
 * EntryProblem of that entry, never a refusal.
 */
final class EntryScan {

    private EntryScan() {
    }

    /** @param xml standing just after {@code GrpHdr}, in the message element, namespaces hidden as the reader hides them */
    static int count(XMLStreamReader xml) {
        try {
            int count = 0;
            boolean inNotification = false;
            int event = xml.getEventType();
            while (event != XMLStreamConstants.END_DOCUMENT) {
                if (event == XMLStreamConstants.START_ELEMENT) {
                    boolean own = xml.getNamespaceURI().isEmpty();
                    if (!inNotification && own && xml.getLocalName().equals("Ntfctn")) {
                        inNotification = true;
                        event = xml.next();
                        continue;
                    }
                    if (inNotification && own && xml.getLocalName().equals("Ntry")) {
                        count++;
                    }
                    Camt054Xml.skipElement(xml);
                    event = xml.getEventType();
                } else {
                    if (event == XMLStreamConstants.END_ELEMENT) {
                        inNotification = false; // </Ntfctn>: every element inside it was skipped whole
                    }
                    event = xml.next();
                }
            }
            return count;
        } catch (XMLStreamException e) {
            throw Camt054Xml.notWellFormed(e);
        }
    }
}
