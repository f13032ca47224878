package kw.billpay.channel.banktransfer;

import static kw.billpay.channel.banktransfer.Camt054Elements.Root.ACCT;
import static kw.billpay.channel.banktransfer.Camt054Elements.Root.GRP_HDR;
import static kw.billpay.channel.banktransfer.Camt054Elements.Root.NTRY;
import static kw.billpay.channel.banktransfer.Camt054Elements.Root.TX_DTLS;
import static kw.billpay.channel.banktransfer.Camt054Values.AMOUNT;
import static kw.billpay.channel.banktransfer.Camt054Values.BANK_TRANSACTION_CODE;
import static kw.billpay.channel.banktransfer.Camt054Values.CODE;
import static kw.billpay.channel.banktransfer.Camt054Values.DATE;
import static kw.billpay.channel.banktransfer.Camt054Values.DATE_TIME;
import static kw.billpay.channel.banktransfer.Camt054Values.ELEMENT;
import static kw.billpay.channel.banktransfer.Camt054Values.FLAG;
import static kw.billpay.channel.banktransfer.Camt054Values.STATUS_CODE;
import static kw.billpay.channel.banktransfer.Camt054Values.TEXT;
import static kw.billpay.channel.banktransfer.Camt054Version.V02;
import static kw.billpay.channel.banktransfer.Camt054Version.V03;
import static kw.billpay.channel.banktransfer.Camt054Version.V06;
import static kw.billpay.channel.banktransfer.Camt054Version.V07;
import static kw.billpay.channel.banktransfer.Camt054Version.V08;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import kw.billpay.channel.banktransfer.RawEntry.RawAmount;
import kw.billpay.channel.banktransfer.RawEntry.RawTransaction;

/**
 * Which elements of a camt.054 file the gateway reads, in every version 001.02 to 001.08, and where each goes in the
 * model: the one table. Prowide generates a class per version for each of them (ReportEntry2 ... ReportEntry10,
 * EntryTransaction2 ... EntryTransaction10, RemittanceInformation5 ... RemittanceInformation16) and they share no
 * supertype, although nearly every element keeps its name and place across the versions. So the table names elements,
 * and an instance is the table resolved against one version's classes ({@link ElementPath}), once, when the version's
 * binding is made: a name or a type a version lacks fails then, not while a file is read. Each path ends at a type
 * every version shares, read into the model by a {@link Leaf} of {@link Camt054Values}.
 */
final class Camt054Elements {

    /** What a path starts from: the three elements unmarshalled one at a time, and each {@code TxDtls} of an entry. */
    enum Root { GRP_HDR, ACCT, NTRY, TX_DTLS }

    /**
     * The type a path ends at in every version ({@code type}, checked when the path is resolved) and how the model
     * reads it; {@code read} is never given null.
     */
    record Leaf<P, M>(Class<P> type, Function<P, M> read) {

        M apply(Object value) {
            return read.apply(type.cast(value));
        }
    }

    /** One element read, below its root, in the given versions; a repeated one is read as a list. */
    record Element<M>(int index, Root root, String path, Leaf<?, M> leaf, boolean repeated,
                      Set<Camt054Version> versions) {
    }

    /*
     * The versions an element is in: 001.02 has no TxDtls/Amt (only AmtDtls/TxAmt/Amt); 001.07 made Ntry/Sts a choice
     * of Cd (BOOK, PDNG, INFO, FUTR) or Prtry, where it was a code (EntryStatus2Code), and RltdPties/Dbtr a choice whose
     * party is Dbtr/Pty. An element outside its versions must not resolve there, so that one that moved cannot go
     * unread.
     */
    private static final Set<Camt054Version> ALL = EnumSet.allOf(Camt054Version.class);
    private static final Set<Camt054Version> FROM_V03 = EnumSet.range(V03, V08);
    private static final Set<Camt054Version> TO_V06 = EnumSet.range(V02, V06);
    private static final Set<Camt054Version> FROM_V07 = EnumSet.range(V07, V08);

    private static final List<Element<?>> TABLE = new ArrayList<>();

    private static final Element<String> MESSAGE_ID = one(GRP_HDR, "MsgId", TEXT, ALL);
    private static final Element<OffsetDateTime> CREATED_AT = one(GRP_HDR, "CreDtTm", DATE_TIME, ALL);
    private static final Element<String> ACCOUNT_IBAN = one(ACCT, "Id/IBAN", TEXT, ALL);
    private static final Element<String> ACCOUNT_OTHER_ID = one(ACCT, "Id/Othr/Id", TEXT, ALL);
    private static final Element<String> ACCOUNT_CURRENCY = one(ACCT, "Ccy", TEXT, ALL);
    private static final Element<String> ENTRY_REFERENCE = one(NTRY, "NtryRef", TEXT, ALL);
    private static final Element<String> ENTRY_SERVICER_REFERENCE = one(NTRY, "AcctSvcrRef", TEXT, ALL);
    private static final Element<RawAmount> ENTRY_AMOUNT = one(NTRY, "Amt", AMOUNT, ALL);
    private static final Element<String> CREDIT_DEBIT = one(NTRY, "CdtDbtInd", CODE, ALL);
    private static final Element<Boolean> REVERSAL = one(NTRY, "RvslInd", FLAG, ALL);
    private static final Element<String> STATUS = one(NTRY, "Sts", STATUS_CODE, TO_V06);
    private static final Element<String> STATUS_CHOICE_CODE = one(NTRY, "Sts/Cd", TEXT, FROM_V07);
    private static final Element<String> STATUS_CHOICE_PROPRIETARY = one(NTRY, "Sts/Prtry", TEXT, FROM_V07);
    private static final Element<LocalDate> BOOKING_DATE = one(NTRY, "BookgDt/Dt", DATE, ALL);
    private static final Element<OffsetDateTime> BOOKING_TIME = one(NTRY, "BookgDt/DtTm", DATE_TIME, ALL);
    private static final Element<LocalDate> VALUE_DATE = one(NTRY, "ValDt/Dt", DATE, ALL);
    private static final Element<OffsetDateTime> VALUE_TIME = one(NTRY, "ValDt/DtTm", DATE_TIME, ALL);
    private static final Element<String> BANK_CODE = one(NTRY, "BkTxCd", BANK_TRANSACTION_CODE, ALL);
    private static final Element<String> ENTRY_INFO = one(NTRY, "AddtlNtryInf", TEXT, ALL);
    private static final Element<Object> TRANSACTIONS = many(NTRY, "NtryDtls/TxDtls", ELEMENT, ALL); // TX_DTLS's root
    private static final Element<String> SERVICER_REFERENCE = one(TX_DTLS, "Refs/AcctSvcrRef", TEXT, ALL);
    private static final Element<String> END_TO_END_ID = one(TX_DTLS, "Refs/EndToEndId", TEXT, ALL);
    private static final Element<String> TRANSACTION_ID = one(TX_DTLS, "Refs/TxId", TEXT, ALL);
    private static final Element<RawAmount> AMOUNT_OWN = one(TX_DTLS, "Amt", AMOUNT, FROM_V03);
    private static final Element<RawAmount> AMOUNT_DETAILS = one(TX_DTLS, "AmtDtls/TxAmt/Amt", AMOUNT, ALL);
    private static final Element<String> DEBTOR_NAME = one(TX_DTLS, "RltdPties/Dbtr/Nm", TEXT, TO_V06);
    private static final Element<String> DEBTOR_PARTY_NAME = one(TX_DTLS, "RltdPties/Dbtr/Pty/Nm", TEXT, FROM_V07);
    private static final Element<String> UNSTRUCTURED = many(TX_DTLS, "RmtInf/Ustrd", TEXT, ALL);
    private static final Element<String> CREDITOR_REFERENCES = many(TX_DTLS, "RmtInf/Strd/CdtrRefInf/Ref", TEXT, ALL);
    private static final Element<Object> RETURN = one(TX_DTLS, "RtrInf", ELEMENT, ALL);
    private static final Element<String> RETURN_CODE = one(TX_DTLS, "RtrInf/Rsn/Cd", TEXT, ALL);
    private static final Element<String> RETURN_PROPRIETARY = one(TX_DTLS, "RtrInf/Rsn/Prtry", TEXT, ALL);
    private static final Element<String> RETURN_INFO = many(TX_DTLS, "RtrInf/AddtlInf", TEXT, ALL);

    /** The table's paths resolved for this version, by {@link Element#index}. */
    private final ElementPath[] paths = new ElementPath[TABLE.size()];

    /**
     * @param header  the version's {@code GrpHdr} class (GroupHeader42 ... GroupHeader81)
     * @param account its {@code Ntfctn/Acct} class (CashAccount20 ... CashAccount39)
     * @param entry   its {@code Ntfctn/Ntry} class (ReportEntry2 ... ReportEntry10)
     * @throws IllegalArgumentException an element the table gives this version that its classes lack, or the reverse
     */
    Camt054Elements(Camt054Version version, Class<?> header, Class<?> account, Class<?> entry) {
        Class<?> transaction = ElementPath.resolve(entry, TRANSACTIONS.path(), Object.class, true).type();
        for (Element<?> element : TABLE) {
            Class<?> root = switch (element.root()) {
                case GRP_HDR -> header;
                case ACCT -> account;
                case NTRY -> entry;
                case TX_DTLS -> transaction;
            };
            paths[element.index()] = resolve(version, element, root);
        }
    }

    private static ElementPath resolve(Camt054Version version, Element<?> element, Class<?> root) {
        Class<?> type = element.leaf().type();
        if (element.versions().contains(version)) {
            return ElementPath.resolve(root, element.path(), type, element.repeated());
        }
        if (ElementPath.resolves(root, element.path(), type, element.repeated())) {
            throw new IllegalArgumentException(element.path() + " below " + root.getSimpleName() + " resolves in "
                    + version.label() + ", which the table leaves out of its versions "
                    + element.versions().stream().map(Camt054Version::label).toList());
        }
        return ElementPath.absent();
    }

    Camt054Binding.Header header(Object groupHeader) {
        return new Camt054Binding.Header(read(MESSAGE_ID, groupHeader), read(CREATED_AT, groupHeader));
    }

    Camt054Binding.Account account(Object account) {
        return new Camt054Binding.Account(read(ACCOUNT_IBAN, account), read(ACCOUNT_OTHER_ID, account),
                read(ACCOUNT_CURRENCY, account));
    }

    RawEntry entry(Object ntry) {
        String status = or(read(STATUS, ntry),
                or(read(STATUS_CHOICE_CODE, ntry), read(STATUS_CHOICE_PROPRIETARY, ntry)));
        return new RawEntry(read(ENTRY_REFERENCE, ntry), read(ENTRY_SERVICER_REFERENCE, ntry),
                read(ENTRY_AMOUNT, ntry), read(CREDIT_DEBIT, ntry), read(REVERSAL, ntry), status,
                Camt054Values.date(read(BOOKING_DATE, ntry), read(BOOKING_TIME, ntry)),
                Camt054Values.date(read(VALUE_DATE, ntry), read(VALUE_TIME, ntry)), read(BANK_CODE, ntry),
                read(ENTRY_INFO, ntry), readAll(TRANSACTIONS, ntry).stream().map(this::transaction).toList());
    }

    private RawTransaction transaction(Object tx) {
        ReturnInfo returned = read(RETURN, tx) == null ? null : new ReturnInfo(
                or(read(RETURN_CODE, tx), read(RETURN_PROPRIETARY, tx)), readAll(RETURN_INFO, tx));
        return new RawTransaction(read(SERVICER_REFERENCE, tx), read(END_TO_END_ID, tx), read(TRANSACTION_ID, tx),
                read(AMOUNT_OWN, tx), read(AMOUNT_DETAILS, tx), or(read(DEBTOR_NAME, tx), read(DEBTOR_PARTY_NAME, tx)),
                readAll(UNSTRUCTURED, tx),
                readAll(CREDITOR_REFERENCES, tx).stream().filter(reference -> !reference.isBlank()).toList(),
                returned);
    }

    private static String or(String first, String second) {
        return first != null ? first : second;
    }

    /** The element, read into the model; null where the file (or the version) has none. */
    private <M> M read(Element<M> element, Object node) {
        Object value = paths[element.index()].one(node);
        return value == null ? null : element.leaf().apply(value);
    }

    /** Every occurrence of a repeated element, read into the model, in document order (a list of its own). */
    @SuppressWarnings("unchecked") // each item replaced by what the element's leaf reads: an M
    private <M> List<M> readAll(Element<M> element, Object node) {
        List<Object> values = paths[element.index()].all(node);
        for (int i = 0; i < values.size(); i++) {
            values.set(i, element.leaf().apply(values.get(i)));
        }
        return (List<M>) (List<?>) values;
    }

    private static <M> Element<M> one(Root root, String path, Leaf<?, M> leaf, Set<Camt054Version> versions) {
        return add(new Element<>(TABLE.size(), root, path, leaf, false, versions));
    }

    private static <M> Element<M> many(Root root, String path, Leaf<?, M> leaf, Set<Camt054Version> versions) {
        return add(new Element<>(TABLE.size(), root, path, leaf, true, versions));
    }

    private static <M> Element<M> add(Element<M> element) {
        TABLE.add(element);
        return element;
    }
}
