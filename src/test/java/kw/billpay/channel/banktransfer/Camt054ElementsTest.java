package kw.billpay.channel.banktransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.prowidesoftware.swift.model.mx.dic.CashAccount25;
import com.prowidesoftware.swift.model.mx.dic.CashAccount36;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader58;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader73;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry3;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry8;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry9;
import jakarta.xml.bind.JAXBException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import kw.billpay.channel.banktransfer.RawEntry.RawAmount;
import kw.billpay.channel.banktransfer.RawEntry.RawTransaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The element table against every version's classes: each element the gateway reads comes out of an entry written
 * the way its version writes it, and a table that gave a version an element it does not have (or left one out that
 * it has) would not resolve.
 */
class Camt054ElementsTest {

    private static final RawAmount AMOUNT = new RawAmount(new BigDecimal("12.500"), "KWD");

    @ParameterizedTest
    @EnumSource(Camt054Version.class)
    void everyElementOfAnEntryIsReadInEveryVersion(Camt054Version version) throws Exception {
        RawEntry read = read(version, fullEntry(version));

        assertThat(read).isEqualTo(new RawEntry("N-1", "BANK-1", AMOUNT, "CRDT", true, "PDNG",
                new EntryDate(null, OffsetDateTime.parse("2025-11-27T10:15:00+03:00")),
                new EntryDate(LocalDate.parse("2025-11-28"), null), "PMNT/RCDT/ESCT", "entry info", List.of(
                        new RawTransaction("TX-1", "E2E-1", "TXID-1", version == Camt054Version.V02 ? null : AMOUNT,
                                AMOUNT, "Debtor One", List.of("line 1", "line 2"), List.of("CR-1"),
                                new ReturnInfo("AC04", List.of("closed", "account"))),
                        new RawTransaction("TX-2", null, null, null, null, null, List.of(), List.of(),
                                new ReturnInfo("OWN", List.of())))));
    }

    @ParameterizedTest
    @EnumSource(Camt054Version.class)
    void missingElementsAreNull(Camt054Version version) throws Exception {
        RawEntry read = read(version, "<Ntry><NtryDtls/></Ntry>");

        assertThat(read).isEqualTo(new RawEntry(null, null, null, null, null, null, null, null, null, null, List.of()));
    }

    @Test
    void aStatusWrittenAsProprietaryIsReadFrom001_07() throws Exception {
        String entry = "<Ntry><Sts><Prtry>HELD</Prtry></Sts></Ntry>";

        assertThat(read(Camt054Version.V07, entry).status()).isEqualTo("HELD");
        assertThat(read(Camt054Version.V08, entry).status()).isEqualTo("HELD");
    }

    @Test
    void aTableGivingAVersionAnElementItsClassesLackDoesNotResolve() {
        // 001.06's classes under 001.07's name: its Ntry/Sts is the code the table reads up to 001.06 only
        assertThatThrownBy(() -> new Camt054Elements(Camt054Version.V07, GroupHeader58.class, CashAccount25.class,
                ReportEntry8.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Sts below ReportEntry8 resolves in 001.07, which the table leaves out of its versions"
                        + " [001.02, 001.03, 001.04, 001.05, 001.06]");
        // and the reverse: 001.07's Sts is no EntryStatus2Code
        assertThatThrownBy(() -> new Camt054Elements(Camt054Version.V06, GroupHeader73.class, CashAccount36.class,
                ReportEntry9.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Sts below ReportEntry9");
    }

    @Test
    void aTableLeavingOutAnElementAVersionHasDoesNotResolve() {
        // 001.03's classes under 001.02's name: its TxDtls has an Amt, which the table reads from 001.03 only
        assertThatThrownBy(() -> new Camt054Elements(Camt054Version.V02, GroupHeader58.class, CashAccount25.class,
                ReportEntry3.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Amt below EntryTransaction3 resolves in 001.02");
    }

    private static RawEntry read(Camt054Version version, String entry) throws XMLStreamException, JAXBException {
        Camt054Binding<?, ?, ?> binding = Camt054Binding.of(version);
        XMLStreamReader xml = XMLInputFactory.newDefaultFactory().createXMLStreamReader(new StringReader(entry));
        xml.nextTag();
        return binding.readEntry(binding.context().createUnmarshaller(), xml);
    }

    /** Every element the table names, in the form and order of the version's schema. */
    private static String fullEntry(Camt054Version version) {
        boolean choices = version.compareTo(Camt054Version.V07) >= 0;
        String amount = "<Amt Ccy=\"KWD\">12.500</Amt>";
        return "<Ntry><NtryRef>N-1</NtryRef>" + amount + "<CdtDbtInd>CRDT</CdtDbtInd><RvslInd>true</RvslInd>"
                + (choices ? "<Sts><Cd>PDNG</Cd></Sts>" : "<Sts>PDNG</Sts>")
                + "<BookgDt><DtTm>2025-11-27T10:15:00+03:00</DtTm></BookgDt><ValDt><Dt>2025-11-28</Dt></ValDt>"
                + "<AcctSvcrRef>BANK-1</AcctSvcrRef><BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd>"
                + "<SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd><NtryDtls><TxDtls><Refs>"
                + "<AcctSvcrRef>TX-1</AcctSvcrRef><EndToEndId>E2E-1</EndToEndId><TxId>TXID-1</TxId></Refs>"
                + (version == Camt054Version.V02 ? "" : amount + "<CdtDbtInd>CRDT</CdtDbtInd>")
                + "<AmtDtls><TxAmt>" + amount + "</TxAmt></AmtDtls><RltdPties>"
                + (choices ? "<Dbtr><Pty><Nm>Debtor One</Nm></Pty></Dbtr>" : "<Dbtr><Nm>Debtor One</Nm></Dbtr>")
                + "</RltdPties><RmtInf><Ustrd>line 1</Ustrd><Ustrd>line 2</Ustrd>"
                + "<Strd><CdtrRefInf><Ref>CR-1</Ref></CdtrRefInf></Strd><Strd><CdtrRefInf><Ref> </Ref></CdtrRefInf>"
                + "</Strd><Strd/></RmtInf><RtrInf><Rsn><Cd>AC04</Cd></Rsn><AddtlInf>closed</AddtlInf>"
                + "<AddtlInf>account</AddtlInf></RtrInf></TxDtls>"
                + "<TxDtls><Refs><AcctSvcrRef>TX-2</AcctSvcrRef></Refs><RtrInf><Rsn><Prtry>OWN</Prtry></Rsn></RtrInf>"
                + "</TxDtls></NtryDtls><AddtlNtryInf>entry info</AddtlNtryInf></Ntry>";
    }
}
