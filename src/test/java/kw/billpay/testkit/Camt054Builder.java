package kw.billpay.testkit;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * camt.054.001.08 bank-transfer notifications for tests and benchmarks: a group header, then booked entries written
 * one at a time (a 100,000-entry file is streamed, never held), the way a bank writes them. Every entry has its bank
 * reference ({@code AcctSvcrRef}) unless said otherwise. Drop a file as a bank does with {@link #drop}.
 */
public final class Camt054Builder {

    public static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.08";
    private static final String FOOTER = "</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>\n";

    private final String messageId;
    private final List<String> entries = new ArrayList<>();

    private Camt054Builder(String messageId) {
        this.messageId = messageId;
    }

    public static Camt054Builder message(String messageId) {
        return new Camt054Builder(messageId);
    }

    /** A booked credit with one transaction detail: {@code ustrd} lines as the payer typed them. */
    public Camt054Builder credit(String reference, String amount, String currency, String valueDate, String... ustrd) {
        entries.add(credit(reference, amount, currency, valueDate, null, List.of(ustrd)));
        return this;
    }

    /** A booked credit without a bank reference ({@code AcctSvcrRef}) anywhere. */
    public Camt054Builder creditWithoutReference(String amount, String currency, String valueDate, String... ustrd) {
        entries.add(credit(null, amount, currency, valueDate, null, List.of(ustrd)));
        return this;
    }

    /** A booked credit whose payer gave an EndToEndId. */
    public Camt054Builder creditWithEndToEndId(String reference, String endToEndId, String amount, String currency,
                                               String valueDate, String... ustrd) {
        entries.add(credit(reference, amount, currency, valueDate, endToEndId, List.of(ustrd)));
        return this;
    }

    /** A booked return of an earlier transfer: DBIT, {@code RvslInd} true, its reference quoted in {@code RtrInf/AddtlInf}. */
    public Camt054Builder returnOf(String reference, String originalReference, String amount, String currency) {
        entries.add("<Ntry><Amt Ccy=\"" + currency + "\">" + amount + "</Amt><CdtDbtInd>DBIT</CdtDbtInd>"
                + "<RvslInd>true</RvslInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2025-11-28</Dt></BookgDt>"
                + "<AcctSvcrRef>" + reference + "</AcctSvcrRef><NtryDtls><TxDtls><Refs><AcctSvcrRef>" + reference
                + "</AcctSvcrRef></Refs><Amt Ccy=\"" + currency + "\">" + amount + "</Amt><CdtDbtInd>DBIT</CdtDbtInd>"
                + "<RtrInf><Rsn><Cd>AC04</Cd></Rsn><AddtlInf>ORIGINAL REF " + originalReference
                + "</AddtlInf></RtrInf></TxDtls></NtryDtls></Ntry>\n");
        return this;
    }

    /** A pending credit (Sts PDNG): recorded, never posted. */
    public Camt054Builder pending(String reference, String amount, String currency, String... ustrd) {
        entries.add(credit(reference, amount, currency, "2025-11-28", null, List.of(ustrd))
                .replace("<Sts><Cd>BOOK</Cd></Sts>", "<Sts><Cd>PDNG</Cd></Sts>"));
        return this;
    }

    public String text() {
        StringBuilder text = new StringBuilder(header(messageId, "2025-11-27T10:00:00+03:00"));
        entries.forEach(text::append);
        return text.append(FOOTER).toString();
    }

    /** Drops the file in {@code inbox} as a bank does (BankInbox). */
    public Path drop(Path inbox, String fileName) {
        return BankInbox.drop(inbox, fileName, text());
    }

    /** What one entry of a large generated file is: its bank reference, amount (KWD) and remittance line. */
    public record Entry(String reference, String amount, String ustrd) {
    }

    /** Writes a large file entry by entry: {@code count} entries, entry {@code i} (from 0) as {@code entry} says. */
    public static void write(Path file, String messageId, int count, java.util.function.IntFunction<Entry> entry)
            throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(header(messageId, "2025-11-27T10:00:00+03:00"));
            for (int i = 0; i < count; i++) {
                Entry e = entry.apply(i);
                out.write(credit(e.reference(), e.amount(), "KWD", "2025-11-27", null, List.of(e.ustrd())));
            }
            out.write(FOOTER);
        }
    }

    private static String header(String messageId, String createdAt) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"" + NAMESPACE + "\">\n"
                + "<BkToCstmrDbtCdtNtfctn><GrpHdr><MsgId>" + messageId + "</MsgId><CreDtTm>" + createdAt
                + "</CreDtTm></GrpHdr>\n<Ntfctn><Id>" + messageId + "-1</Id><Acct><Id><IBAN>"
                + "KW81CBKU0000000000001234560101</IBAN></Id></Acct>\n";
    }

    private static String credit(String reference, String amount, String currency, String valueDate, String endToEndId,
                                 List<String> ustrd) {
        StringBuilder entry = new StringBuilder(400);
        entry.append("<Ntry><Amt Ccy=\"").append(currency).append("\">").append(amount).append("</Amt>")
                .append("<CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>").append(valueDate)
                .append("</Dt></BookgDt><ValDt><Dt>").append(valueDate).append("</Dt></ValDt>");
        if (reference != null) {
            entry.append("<AcctSvcrRef>").append(reference).append("</AcctSvcrRef>");
        }
        entry.append("<NtryDtls><TxDtls><Refs>");
        if (reference != null) {
            entry.append("<AcctSvcrRef>").append(reference).append("</AcctSvcrRef>");
        }
        entry.append("<EndToEndId>").append(endToEndId == null ? "NOTPROVIDED" : endToEndId).append("</EndToEndId></Refs>")
                .append("<Amt Ccy=\"").append(currency).append("\">").append(amount).append("</Amt>")
                .append("<CdtDbtInd>CRDT</CdtDbtInd><RltdPties><Dbtr><Pty><Nm>Payer</Nm></Pty></Dbtr></RltdPties><RmtInf>");
        for (String line : ustrd) {
            entry.append("<Ustrd>").append(line).append("</Ustrd>");
        }
        return entry.append("</RmtInf></TxDtls></NtryDtls></Ntry>\n").toString();
    }
}
