package kw.billpay.channel.banktransfer;

import com.prowidesoftware.swift.model.mx.adapters.IsoDateTimeAdapter;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a camt.054 file (versions 001.02 to 001.08) entry by entry, holding one {@code Ntry} at a time: a file of
 * 100,000 entries takes no more heap than a file of one. {@link #open} reads up to and including {@code GrpHdr} and
 * refuses at once a file that is not XML, has a DTD, is no camt.054 or of another version; the entries then come one by
 * one, each a {@link BankEntry} or an {@link EntryProblem}. A file that stops being well-formed further on is refused
 * when the reader gets there ({@link Camt054RefusedException} from {@link #hasNext}): only a file read to its end is a
 * well-formed one. Not thread-safe; close it (it closes the file when opened from a path).
 */
public final class Camt054Reader implements Iterator<EntryRead>, Closeable {

    private static final String MESSAGE = "BkToCstmrDbtCdtNtfctn";
    /** The zone of a date-time written without an offset, unless the caller names the bank's: Kuwait, +03:00 all year. */
    public static final ZoneId KUWAIT = ZoneId.of("Asia/Kuwait");

    private enum Where { MESSAGE, NOTIFICATION, AFTER_MESSAGE }

    private final InputStream owned;
    private final XMLStreamReader xml;
    private final Camt054Binding<?, ?, ?> binding;
    private final Unmarshaller unmarshaller;
    private final List<String> unreadable = new ArrayList<>();
    private final BankNotification header;
    private Where where = Where.MESSAGE;
    private String notificationId;
    private String copyDuplicate;
    private Camt054Binding.Account account;
    private AccountNotification notification;
    private int position;
    private EntryRead pending;
    private boolean ended;

    private Camt054Reader(InputStream in, InputStream owned, ZoneId bankZone) {
        this.owned = owned;
        XMLStreamReader raw;
        try {
            raw = Camt054Xml.parser(in);
            Camt054Version version = Camt054Xml.version(raw);
            binding = Camt054Binding.of(version);
            xml = new DocumentNamespaceHider(raw, version.namespace());
            unmarshaller = binding.context().createUnmarshaller();
            unmarshaller.setEventHandler(this::noteUnreadable);
            unmarshaller.setAdapter(IsoDateTimeAdapter.class,
                    new IsoDateTimeAdapter(new LocalDateTimeAdapter(bankZone)));
            header = readHeader(version);
        } catch (XMLStreamException e) {
            throw Camt054Xml.notWellFormed(e);
        } catch (JAXBException e) {
            throw Camt054Xml.notWellFormed(e);
        }
    }

    /** Opens a stream (not closed by {@link #close}); reads the group header. Local times are Kuwait's. */
    public static Camt054Reader open(InputStream in) {
        // the JDK's parser closes what it reads from: the caller's stream is the caller's to close
        return new Camt054Reader(new FilterInputStream(in) {
            @Override
            public void close() {
            }
        }, null, KUWAIT);
    }

    /** Opens a file; local times are Kuwait's. */
    public static Camt054Reader open(Path file) {
        return open(file, KUWAIT);
    }

    /**
     * Opens a file (closed by {@link #close}, and when it is refused at the open); reads the group header.
     *
     * @param bankZone the zone of a date-time the bank writes without an offset
     */
    public static Camt054Reader open(Path file, ZoneId bankZone) {
        InputStream in;
        try {
            in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        } catch (IOException e) {
            throw new Camt054RefusedException(Camt054Refusal.UNREADABLE, file.getFileName() + ": " + e.getMessage());
        }
        try {
            return new Camt054Reader(in, in, bankZone);
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    /** {@code GrpHdr/MsgId}, {@code GrpHdr/CreDtTm} and the version. */
    public BankNotification notification() {
        return header;
    }

    @Override
    public boolean hasNext() {
        if (pending == null && !ended) {
            pending = advance();
            ended = pending == null;
        }
        return pending != null;
    }

    @Override
    public EntryRead next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more entries");
        }
        EntryRead next = pending;
        pending = null;
        return next;
    }

    /**
     * Reads the rest of the file without binding its entries (EntryScan), several times faster than reading them; a file
     * that is not well-formed is refused here as reading it entry by entry would refuse it. Instead of reading entries.
     */
    public int countEntries() {
        if (pending != null || position > 0) {
            throw new IllegalStateException("entries were read already");
        }
        ended = true;
        return EntryScan.count(xml);
    }

    /** The remaining entries as a sequential stream; closing the stream closes this reader. */
    public Stream<EntryRead> entries() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(this::close);
    }

    @Override
    public void close() {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // nothing held but the parser's buffers
        }
        if (owned != null) {
            closeQuietly(owned);
        }
    }

    /** {@code Document/BkToCstmrDbtCdtNtfctn/GrpHdr}: the first two elements in the document. */
    private BankNotification readHeader(Camt054Version version) throws XMLStreamException, JAXBException {
        if (!nextElementIs(MESSAGE)) {
            throw new Camt054RefusedException(Camt054Refusal.NOT_CAMT_054, "the camt.054 <Document> holds <"
                    + xml.getLocalName() + ">, not <" + MESSAGE + ">");
        }
        if (!nextElementIs("GrpHdr")) {
            throw new Camt054RefusedException(Camt054Refusal.INVALID_GROUP_HEADER,
                    "<" + MESSAGE + "> starts with <" + xml.getLocalName() + ">, not <GrpHdr>");
        }
        Camt054Binding.Header read = binding.readHeader(unmarshaller, xml);
        if (!unreadable.isEmpty()) {
            throw new Camt054RefusedException(Camt054Refusal.INVALID_GROUP_HEADER, "GrpHdr: " + unreadable.get(0));
        }
        if (read.messageId() == null || read.messageId().isBlank()) {
            throw new Camt054RefusedException(Camt054Refusal.INVALID_GROUP_HEADER, "GrpHdr/MsgId is missing");
        }
        if (read.createdAt() == null) {
            throw new Camt054RefusedException(Camt054Refusal.INVALID_GROUP_HEADER, "GrpHdr/CreDtTm is missing");
        }
        return new BankNotification(read.messageId().strip(), read.createdAt(), version);
    }

    private boolean nextElementIs(String localName) throws XMLStreamException {
        int event = xml.next();
        while (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
            event = xml.next();
        }
        return event == XMLStreamConstants.START_ELEMENT && localName.equals(xml.getLocalName())
                && xml.getNamespaceURI().isEmpty();
    }

    /**
     * Walks to the next {@code Ntry} and reads it; null at the end of the document. Every branch leaves the parser on
     * an event not yet looked at (JAXB leaves it just after the element it read).
     */
    private EntryRead advance() {
        try {
            while (true) {
                int event = xml.getEventType();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    EntryRead read = startElement();
                    if (read != null) {
                        return read;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    endElement();
                    xml.next();
                } else if (event == XMLStreamConstants.END_DOCUMENT) {
                    return null;
                } else {
                    xml.next();
                }
            }
        } catch (XMLStreamException e) {
            throw Camt054Xml.notWellFormed(e);
        } catch (JAXBException e) {
            throw Camt054Xml.notWellFormed(e);
        }
    }

    private EntryRead startElement() throws XMLStreamException, JAXBException {
        boolean own = xml.getNamespaceURI().isEmpty();
        String name = xml.getLocalName();
        if (where == Where.MESSAGE && own && name.equals("Ntfctn")) {
            where = Where.NOTIFICATION;
            notificationId = copyDuplicate = null;
            account = null;
            notification = null;
            xml.next();
        } else if (where == Where.NOTIFICATION && own && name.equals("Ntry")) {
            return readEntry();
        } else if (where == Where.NOTIFICATION && own && name.equals("Acct")) {
            unreadable.clear();
            account = binding.readAccount(unmarshaller, xml); // an unreadable Acct leaves the account unknown, no more
        } else if (where == Where.NOTIFICATION && own && (name.equals("Id") || name.equals("CpyDplctInd"))) {
            String text = Camt054Xml.text(xml);
            if (name.equals("Id")) {
                notificationId = text;
            } else {
                copyDuplicate = text;
            }
        } else {
            Camt054Xml.skipElement(xml); // TxsSummry, Intrst, SplmtryData...: nothing the gateway uses
        }
        return null;
    }

    private void endElement() {
        if (where == Where.NOTIFICATION) {
            where = Where.MESSAGE; // </Ntfctn>
        } else if (where == Where.MESSAGE) {
            where = Where.AFTER_MESSAGE; // </BkToCstmrDbtCdtNtfctn>; </Document> follows
        }
    }

    private EntryRead readEntry() throws JAXBException {
        position++;
        if (notification == null) {
            notification = new AccountNotification(notificationId, account == null ? null : account.iban(),
                    account == null ? null : account.otherId(), account == null ? null : account.currency(),
                    copyDuplicate);
        }
        unreadable.clear();
        RawEntry raw = binding.readEntry(unmarshaller, xml);
        return EntryChecks.check(position, notification, raw, List.copyOf(unreadable));
    }

    /**
     * A value JAXB cannot convert (an amount "12,50", a date "27.11.2025") makes the entry unreadable; an element JAXB
     * does not know (a bank's addition, or an element of another version) is passed over, as the schema's extension
     * points are. Reading always goes on: the entry is judged when it is complete.
     */
    private boolean noteUnreadable(ValidationEvent event) {
        if (event.getLinkedException() != null || event.getSeverity() == ValidationEvent.FATAL_ERROR) {
            String where = event.getLocator() == null || event.getLocator().getLineNumber() < 0 ? ""
                    : " (line " + event.getLocator().getLineNumber() + ")";
            unreadable.add(Camt054Xml.shorten(event.getMessage()) + where);
        }
        return true;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // the file was only read
        }
    }
}
