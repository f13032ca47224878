package kw.billpay.channel.banktransfer;

import com.prowidesoftware.swift.model.mx.dic.CashAccount36;
import com.prowidesoftware.swift.model.mx.dic.CashAccount39;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails8;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails9;
import com.prowidesoftware.swift.model.mx.dic.EntryStatus1Choice;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction9;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader73;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader81;
import com.prowidesoftware.swift.model.mx.dic.Party35Choice;
import com.prowidesoftware.swift.model.mx.dic.Party40Choice;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification125;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PaymentReturnReason3;
import com.prowidesoftware.swift.model.mx.dic.PaymentReturnReason5;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation15;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry9;
import com.prowidesoftware.swift.model.mx.dic.StructuredRemittanceInformation15;
import com.prowidesoftware.swift.model.mx.dic.StructuredRemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.TransactionParties4;
import com.prowidesoftware.swift.model.mx.dic.TransactionParties6;
import com.prowidesoftware.swift.model.mx.dic.TransactionReferences3;
import com.prowidesoftware.swift.model.mx.dic.TransactionReferences6;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import kw.billpay.channel.banktransfer.RawEntry.RawTransaction;

/**
 * camt.054.001.07 and 001.08: {@code Ntry/Sts} became a choice of {@code Cd} (BOOK, PDNG, INFO, FUTR) and {@code Prtry},
 * {@code BookgDt}/{@code ValDt} are DateAndDateTime2Choice, and {@code RltdPties/Dbtr} a choice whose party is
 * {@code Dbtr/Pty}. 001.07 still has TransactionReferences3; 001.08 has TransactionReferences6 (with UETR).
 */
final class Camt054V07V08Mapper {

    static final Camt054Binding<GroupHeader73, CashAccount36, ReportEntry9> V07 = new Camt054Binding<>(
            GroupHeader73.class, header -> new Camt054Binding.Header(header.getMsgId(), header.getCreDtTm()),
            CashAccount36.class, CashAccount36::getId, CashAccount36::getCcy,
            ReportEntry9.class, Camt054V07V08Mapper::v07);
    static final Camt054Binding<GroupHeader81, CashAccount39, ReportEntry10> V08 = new Camt054Binding<>(
            GroupHeader81.class, header -> new Camt054Binding.Header(header.getMsgId(), header.getCreDtTm()),
            CashAccount39.class, CashAccount39::getId, CashAccount39::getCcy,
            ReportEntry10.class, Camt054V07V08Mapper::v08);

    private Camt054V07V08Mapper() {
    }

    static RawEntry v07(ReportEntry9 e) {
        return Camt054Values.entry(e.getNtryRef(), e.getAcctSvcrRef(), e.getAmt(), e.getCdtDbtInd(), e.isRvslInd(),
                status(e.getSts()), Camt054Values.date(e.getBookgDt()), Camt054Values.date(e.getValDt()),
                e.getBkTxCd(), e.getAddtlNtryInf(), e.getNtryDtls().stream().map(EntryDetails8::getTxDtls)
                        .flatMap(List::stream).map(Camt054V07V08Mapper::v07));
    }

    private static RawTransaction v07(EntryTransaction9 t) {
        Optional<TransactionReferences3> refs = Optional.ofNullable(t.getRefs());
        Optional<RemittanceInformation15> rmt = Optional.ofNullable(t.getRmtInf());
        PaymentReturnReason3 returned = t.getRtrInf();
        return Camt054Values.transaction(
                refs.map(TransactionReferences3::getAcctSvcrRef).orElse(null),
                refs.map(TransactionReferences3::getEndToEndId).orElse(null),
                refs.map(TransactionReferences3::getTxId).orElse(null),
                t.getAmt(), t.getAmtDtls(),
                Optional.ofNullable(t.getRltdPties()).map(TransactionParties4::getDbtr).map(Party35Choice::getPty)
                        .map(PartyIdentification125::getNm).orElse(null),
                rmt.map(RemittanceInformation15::getUstrd).orElse(List.of()),
                rmt.map(r -> r.getStrd().stream()).orElse(Stream.empty())
                        .map(StructuredRemittanceInformation15::getCdtrRefInf),
                returned == null ? null : Camt054Values.returnInfo(returned.getRsn(), returned.getAddtlInf()));
    }

    static RawEntry v08(ReportEntry10 e) {
        return Camt054Values.entry(e.getNtryRef(), e.getAcctSvcrRef(), e.getAmt(), e.getCdtDbtInd(), e.isRvslInd(),
                status(e.getSts()), Camt054Values.date(e.getBookgDt()), Camt054Values.date(e.getValDt()),
                e.getBkTxCd(), e.getAddtlNtryInf(), e.getNtryDtls().stream().map(EntryDetails9::getTxDtls)
                        .flatMap(List::stream).map(Camt054V07V08Mapper::v08));
    }

    private static RawTransaction v08(EntryTransaction10 t) {
        Optional<TransactionReferences6> refs = Optional.ofNullable(t.getRefs());
        Optional<RemittanceInformation16> rmt = Optional.ofNullable(t.getRmtInf());
        PaymentReturnReason5 returned = t.getRtrInf();
        return Camt054Values.transaction(
                refs.map(TransactionReferences6::getAcctSvcrRef).orElse(null),
                refs.map(TransactionReferences6::getEndToEndId).orElse(null),
                refs.map(TransactionReferences6::getTxId).orElse(null),
                t.getAmt(), t.getAmtDtls(),
                Optional.ofNullable(t.getRltdPties()).map(TransactionParties6::getDbtr).map(Party40Choice::getPty)
                        .map(PartyIdentification135::getNm).orElse(null),
                rmt.map(RemittanceInformation16::getUstrd).orElse(List.of()),
                rmt.map(r -> r.getStrd().stream()).orElse(Stream.empty())
                        .map(StructuredRemittanceInformation16::getCdtrRefInf),
                returned == null ? null : Camt054Values.returnInfo(returned.getRsn(), returned.getAddtlInf()));
    }

    /** {@code Sts/Cd}, else {@code Sts/Prtry}. */
    private static String status(EntryStatus1Choice status) {
        if (status == null) {
            return null;
        }
        return status.getCd() != null ? status.getCd() : status.getPrtry();
    }
}
