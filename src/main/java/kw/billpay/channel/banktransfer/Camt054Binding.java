package kw.billpay.channel.banktransfer;

import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import java.time.OffsetDateTime;
import java.util.function.Function;
import javax.xml.stream.XMLStreamReader;
import lombok.RequiredArgsConstructor;

/**
 * How one camt.054 version's elements bind to Prowide's generated types ({@code GrpHdr}, {@code Ntfctn/Acct} and
 * {@code Ntfctn/Ntry}, whose type names change with each version) and how those map into the internal model. Only these
 * three elements are ever unmarshalled, one at a time, so a file's size never shows in the heap.
 *
 * @param <H> the version's {@code GrpHdr} type (GroupHeader42 ... GroupHeader81)
 * @param <A> the version's {@code Ntfctn/Acct} type (CashAccount20 ... CashAccount39)
 * @param <E> the version's {@code Ntfctn/Ntry} type (ReportEntry2 ... ReportEntry10)
 */
@RequiredArgsConstructor
final class Camt054Binding<H, A, E> {

    /** {@code GrpHdr/MsgId} and {@code GrpHdr/CreDtTm}, either may be null (the reader refuses the file then). */
    record Header(String messageId, OffsetDateTime createdAt) {
    }

    /** {@code Acct/Id/IBAN}, {@code Acct/Id/Othr/Id}, {@code Acct/Ccy}: each may be null. */
    record Account(String iban, String otherId, String currency) {
    }

    private final Class<H> headerType;
    private final Function<H, Header> header;
    private final Class<A> accountType;
    private final Function<A, AccountIdentification4Choice> accountId;
    private final Function<A, String> accountCurrency;
    private final Class<E> entryType;
    private final Function<E, RawEntry> entry;
    private volatile JAXBContext context;

    static Camt054Binding<?, ?, ?> of(Camt054Version version) {
        return switch (version) {
            case V02 -> Camt054V02Mapper.BINDING;
            case V03 -> Camt054V03ToV06Mapper.V03;
            case V04 -> Camt054V03ToV06Mapper.V04;
            case V05 -> Camt054V03ToV06Mapper.V05;
            case V06 -> Camt054V03ToV06Mapper.V06;
            case V07 -> Camt054V07V08Mapper.V07;
            case V08 -> Camt054V07V08Mapper.V08;
        };
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
        return header.apply(unmarshaller.unmarshal(reader, headerType).getValue());
    }

    /** The reader stands on {@code <Acct>}: its IBAN, other id and currency (a notification's three fields). */
    Account readAccount(Unmarshaller unmarshaller, XMLStreamReader reader) throws JAXBException {
        A account = unmarshaller.unmarshal(reader, accountType).getValue();
        AccountIdentification4Choice id = accountId.apply(account);
        return new Account(Camt054Values.iban(id), Camt054Values.otherAccountId(id), accountCurrency.apply(account));
    }

    /** The reader stands on {@code <Ntry>}; it stands after {@code </Ntry>} when this returns. */
    RawEntry readEntry(Unmarshaller unmarshaller, XMLStreamReader reader) throws JAXBException {
        return entry.apply(unmarshaller.unmarshal(reader, entryType).getValue());
    }
}
