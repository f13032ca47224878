package kw.billpay.channel.banktransfer;

import com.prowidesoftware.swift.model.mx.dic.CashAccount20;
import com.prowidesoftware.swift.model.mx.dic.CashAccount25;
import com.prowidesoftware.swift.model.mx.dic.CashAccount36;
import com.prowidesoftware.swift.model.mx.dic.CashAccount39;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader42;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader58;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader73;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader81;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry2;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry3;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry4;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry7;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry8;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry9;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import javax.xml.stream.XMLStreamReader;

/**
 * How one camt.054 version's elements bind to Prowide's generated types ({@code GrpHdr}, {@code Ntfctn/Acct} and
 * {@code Ntfctn/Ntry}, whose type names change with each version) and how those map into the internal model
 * ({@link Camt054Elements}, resolved for the version). Only these three elements are ever unmarshalled, one at a time,
 * so a file's size never shows in the heap. Every version's binding is made when this class loads, so the first file
 * read checks the element table against all seven versions' classes.
 *
 * @param <H> the version's {@code GrpHdr} type (GroupHeader42 ... GroupHeader81)
 * @param <A> the version's {@code Ntfctn/Acct} type (CashAccount20 ... CashAccount39)
 * @param <E> the version's {@code Ntfctn/Ntry} type (ReportEntry2 ... ReportEntry10)
 */
final class Camt054Binding<H, A, E> {

    /** {@code GrpHdr/MsgId} and {@code GrpHdr/CreDtTm}, either may be null (the reader refuses the file then). */
    record Header(String messageId, OffsetDateTime createdAt) {
    }

    /** {@code Acct/Id/IBAN}, {@code Acct/Id/Othr/Id}, {@code Acct/Ccy}: each may be null. */
    record Account(String iban, String otherId, String currency) {
    }

    private static final Map<Camt054Version, Camt054Binding<?, ?, ?>> BY_VERSION = new EnumMap<>(Camt054Version.class);

    static {
        for (Camt054Version version : Camt054Version.values()) {
            BY_VERSION.put(version, bind(version));
        }
    }

    private final Class<H> headerType;
    private final Class<A> accountType;
    private final Class<E> entryType;
    private final Camt054Elements elements;
    private volatile JAXBContext context;

    private Camt054Binding(Camt054Version version, Class<H> headerType, Class<A> accountType, Class<E> entryType) {
        this.headerType = headerType;
        this.accountType = accountType;
        this.entryType = entryType;
        this.elements = new Camt054Elements(version, headerType, accountType, entryType);
    }

    /** Each version's classes: 001.03 to 001.06 share GroupHeader58 and CashAccount25, not their ReportEntry. */
    private static Camt054Binding<?, ?, ?> bind(Camt054Version version) {
        return switch (version) {
            case V02 -> new Camt054Binding<>(version, GroupHeader42.class, CashAccount20.class, ReportEntry2.class);
            case V03 -> new Camt054Binding<>(version, GroupHeader58.class, CashAccount25.class, ReportEntry3.class);
            case V04 -> new Camt054Binding<>(version, GroupHeader58.class, CashAccount25.class, ReportEntry4.class);
            case V05 -> new Camt054Binding<>(version, GroupHeader58.class, CashAccount25.class, ReportEntry7.class);
            case V06 -> new Camt054Binding<>(version, GroupHeader58.class, CashAccount25.class, ReportEntry8.class);
            case V07 -> new Camt054Binding<>(version, GroupHeader73.class, CashAccount36.class, ReportEntry9.class);
            case V08 -> new Camt054Binding<>(version, GroupHeader81.class, CashAccount39.class, ReportEntry10.class);
        };
    }

    static Camt054Binding<?, ?, ?> of(Camt054Version version) {
        return BY_VERSION.get(version);
    }

    /** Thread-safe and costly (about a second for the types an entry reaches): made once per version, when first needed. */
    JAXBContext context() {
        JAXBContext made = context;
        if (made == null) {
            synchronized (this) {
                made = context;
                if (made == null) {
                    try {
                        made = JAXBContext.newInstance(headerType, accountType, entryType);
                    } catch (JAXBException e) {
                        throw new IllegalStateException("Prowide's camt.054 types do not bind: " + entryType, e);
                    }
                    context = made;
                }
            }
        }
        return made;
    }

    /** The reader stands on {@code <GrpHdr>}; it stands after {@code </GrpHdr>} when this returns. */
    Header readHeader(Unmarshaller unmarshaller, XMLStreamReader reader) throws JAXBException {
        return elements.header(unmarshaller.unmarshal(reader, headerType).getValue());
    }

    /** The reader stands on {@code <Acct>}: its IBAN, other id and currency (a notification's three fields). */
    Account readAccount(Unmarshaller unmarshaller, XMLStreamReader reader) throws JAXBException {
        return elements.account(unmarshaller.unmarshal(reader, accountType).getValue());
    }

    /** The reader stands on {@code <Ntry>}; it stands after {@code </Ntry>} when this returns. */
    RawEntry readEntry(Unmarshaller unmarshaller, XMLStreamReader reader) throws JAXBException {
        return elements.entry(unmarshaller.unmarshal(reader, entryType).getValue());
    }
}
