package kw.billpay.channel.banktransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.prowidesoftware.swift.model.mx.dic.CreditorReferenceInformation2;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction2;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import com.prowidesoftware.swift.model.mx.dic.StructuredRemittanceInformation16;
import org.junit.jupiter.api.Test;

/** Resolving a path of element names into a version's getters, and reading it. */
class ElementPathTest {

    @Test
    void aNameTheClassHasNoGetterForFailsNamingTheStep() {
        assertThatThrownBy(() -> ElementPath.resolve(EntryTransaction10.class, "RltdPties/Dbtr/Nm", String.class,
                false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RltdPties/Dbtr/Nm below EntryTransaction10: "
                        + "com.prowidesoftware.swift.model.mx.dic.Party40Choice has no element Nm");
    }

    @Test
    void aPathEndingAtAnotherTypeFails() {
        assertThatThrownBy(() -> ElementPath.resolve(ReportEntry10.class, "Sts", String.class, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Sts below ReportEntry10 is a com.prowidesoftware.swift.model.mx.dic.EntryStatus1Choice,"
                        + " not a java.lang.String");
    }

    @Test
    void aPathMustRepeatWhereTheTableSaysAndOnlyThere() {
        assertThatThrownBy(() -> ElementPath.resolve(EntryTransaction2.class, "RmtInf/Ustrd", String.class, false))
                .hasMessage("RmtInf/Ustrd below EntryTransaction2 repeats");
        assertThatThrownBy(() -> ElementPath.resolve(EntryTransaction2.class, "Refs/TxId", String.class, true))
                .hasMessage("Refs/TxId below EntryTransaction2 repeats nowhere");
        assertThat(ElementPath.resolves(EntryTransaction2.class, "RmtInf/Ustrd", String.class, true)).isTrue();
    }

    @Test
    void aBooleanIsReadThroughItsIsGetter() {
        ReportEntry10 entry = new ReportEntry10().setRvslInd(true);

        assertThat(ElementPath.resolve(ReportEntry10.class, "RvslInd", Boolean.class, false).one(entry))
                .isEqualTo(true);
    }

    @Test
    void anAbsentStepEndsThePathAtNull() {
        ElementPath debtor = ElementPath.resolve(EntryTransaction10.class, "RltdPties/Dbtr/Pty/Nm", String.class,
                false);

        assertThat(debtor.one(new EntryTransaction10())).isNull();
    }

    @Test
    void aRepeatedPathGivesEveryItemInOrderLeavingOutAbsentOnes() {
        EntryTransaction10 transaction = new EntryTransaction10().setRmtInf(new RemittanceInformation16()
                .addUstrd("one").addUstrd(null).addUstrd("two").addStrd(structured("CR-1"))
                .addStrd(new StructuredRemittanceInformation16()).addStrd(structured("CR-2")));

        assertThat(ElementPath.resolve(EntryTransaction10.class, "RmtInf/Ustrd", String.class, true).all(transaction))
                .containsExactly("one", "two");
        assertThat(ElementPath.resolve(EntryTransaction10.class, "RmtInf/Strd/CdtrRefInf/Ref", String.class, true)
                .all(transaction)).containsExactly("CR-1", "CR-2");
        assertThat(ElementPath.resolve(EntryTransaction10.class, "RmtInf/Ustrd", String.class, true)
                .all(new EntryTransaction10())).isEmpty();
    }

    @Test
    void anAbsentPathReadsAsNothing() {
        assertThat(ElementPath.absent().one(new EntryTransaction10())).isNull();
        assertThat(ElementPath.absent().all(new EntryTransaction10())).isEmpty();
    }

    private static StructuredRemittanceInformation16 structured(String reference) {
        return new StructuredRemittanceInformation16()
                .setCdtrRefInf(new CreditorReferenceInformation2().setRef(reference));
    }
}
