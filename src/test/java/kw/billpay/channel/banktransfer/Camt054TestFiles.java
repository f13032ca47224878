package kw.billpay.channel.banktransfer;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes camt.054 files of any supported version for tests, entry by entry (a 100,000-entry file never sits in
 * memory). Entry {@code i} is a booked credit of {@code amount(i)} KWD with the bank reference {@code REF-i}, one
 * TxDtls ({@code REF-i-1}) with a debtor, a {@code Ustrd} line and a structured creditor reference, written the way
 * the version writes them.
 */
final class Camt054TestFiles {

    private Camt054TestFiles() {
    }

    static BigDecimal amount(int i) {
        return BigDecimal.valueOf(1_000 + i % 997, 3); // 1.000 to 1.996 KWD
    }

    static void write(Path file, Camt054Version version, String messageId, int entries) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(header(version, messageId, "2025-11-27T10:00:00+03:00"));
            for (int i = 1; i <= entries; i++) {
                out.write(entry(version, i));
            }
            out.write(FOOTER);
        }
    }

    static String header(Camt054Version version, String messageId, String createdAt) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"" + version.namespace() + "\">\n"
                + "<BkToCstmrDbtCdtNtfctn><GrpHdr><MsgId>" + messageId + "</MsgId><CreDtTm>" + createdAt
                + "</CreDtTm></GrpHdr>\n<Ntfctn><Id>" + messageId + "-1</Id><Acct><Id><IBAN>"
                + "KW81CBKU0000000000001234560101</IBAN></Id><Ccy>KWD</Ccy></Acct>\n";
    }

    static final String FOOTER = "</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>\n";

    /** Entry {@code i}; an element no version has ({@code <Unknown>}) inside, which the reader passes over. */
    static String entry(Camt054Version version, int i) {
        boolean choiceStatus = version.compareTo(Camt054Version.V07) >= 0;
        String amount = "<Amt Ccy=\"KWD\">" + amount(i).toPlainString() + "</Amt>";
        String status = choiceStatus ? "<Sts><Cd>BOOK</Cd></Sts>" : "<Sts>BOOK</Sts>";
        String detailAmount = version == Camt054Version.V02 ? "<AmtDtls><TxAmt>" + amount + "</TxAmt></AmtDtls>"
                : amount + "<CdtDbtInd>CRDT</CdtDbtInd>";
        String debtor = choiceStatus ? "<Dbtr><Pty><Nm>Debtor " + i + "</Nm></Pty></Dbtr>"
                : "<Dbtr><Nm>Debtor " + i + "</Nm></Dbtr>";
        return "<Ntry><NtryRef>" + i + "</NtryRef>" + amount + "<CdtDbtInd>CRDT</CdtDbtInd>" + status
                + "<BookgDt><Dt>2025-11-27</Dt></BookgDt><ValDt><Dt>2025-11-27</Dt></ValDt>"
                + "<AcctSvcrRef>REF-" + i + "</AcctSvcrRef><Unknown>ignored</Unknown>"
                + "<NtryDtls><TxDtls><Refs><AcctSvcrRef>REF-" + i + "-1</AcctSvcrRef></Refs>" + detailAmount
                + "<RltdPties>" + debtor + "</RltdPties><RmtInf><Ustrd>card 4242 4242 4242 "
                + Integer.toString(10_000 + i % 10_000).substring(1) + "</Ustrd><Strd><CdtrRefInf><Ref>CR-" + i
                + "</Ref></CdtrRefInf></Strd></RmtInf></TxDtls></NtryDtls></Ntry>\n";
    }
}
