package kw.billpay.channel.banktransfer;

import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountAndCurrencyExchange3;
import com.prowidesoftware.swift.model.mx.dic.CashAccount25;
import com.prowidesoftware.swift.model.mx.dic.CreditorReferenceInformation2;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails2;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails3;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails6;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails7;
import com.prowidesoftware.swift.model.mx.dic.EntryStatus2Code;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction3;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction4;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction7;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction8;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader58;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification43;
import com.prowidesoftware.swift.model.mx.dic.PaymentReturnReason2;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation10;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation11;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation7;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry3;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry4;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry7;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry8;
import com.prowidesoftware.swift.model.mx.dic.StructuredRemittanceInformation12;
import com.prowidesoftware.swift.model.mx.dic.StructuredRemittanceInformation13;
import com.prowidesoftware.swift.model.mx.dic.StructuredRemittanceInformation9;
import com.prowidesoftware.swift.model.mx.dic.TransactionParties3;
import com.prowidesoftware.swift.model.mx.dic.TransactionReferences3;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import kw.billpay.channel.banktransfer.RawEntry.RawTransaction;

/**
 * camt.054.001.03 to 001.06: one family. {@code GrpHdr} is GroupHeader58, {@code Acct} CashAccount25, {@code Ntry/Sts}
 * still a plain code (EntryStatus2Code), and {@code TxDtls} has its own {@code Amt}; they share
 * {@code TxDtls/Refs} (TransactionReferences3), {@code RltdPties} (TransactionParties3, {@code Dbtr} a
 * PartyIdentification43) and {@code RtrInf} (PaymentReturnReason2). What changes per version are the names of
 * {@code Ntry}, {@code NtryDtls}, {@code TxDtls}, {@code RmtInf} and {@code RmtInf/Strd}.
 */
final class Camt054V03ToV06Mapper {

    static final Camt054Binding<GroupHeader58, CashAccount25, ReportEntry3> V03 = binding(ReportEntry3.class,
            Camt054V03ToV06Mapper::v03);
    static final Camt054Binding<GroupHeader58, CashAccount25, ReportEntry4> V04 = binding(ReportEntry4.class,
            Camt054V03ToV06Mapper::v04);
    static final Camt054Binding<GroupHeader58, CashAccount25, ReportEntry7> V05 = binding(ReportEntry7.class,
            Camt054V03ToV06Mapper::v05);
    static final Camt054Binding<GroupHeader58, CashAccount25, ReportEntry8> V06 = binding(ReportEntry8.class,
            Camt054V03ToV06Mapper::v06);

    private Camt054V03ToV06Mapper() {
    }

    private static <E> Camt054Binding<GroupHeader58, CashAccount25, E> binding(
            Class<E> entryType, java.util.function.Function<E, RawEntry> entry) {
        return new Camt054Binding<>(GroupHeader58.class,
                header -> new Camt054Binding.Header(header.getMsgId(), header.getCreDtTm()),
                CashAccount25.class, CashAccount25::getId, CashAccount25::getCcy, entryType, entry);
    }

    static RawEntry v03(ReportEntry3 e) {
        return Camt054Values.entry(e.getNtryRef(), e.getAcctSvcrRef(), e.getAmt(), e.getCdtDbtInd(), e.isRvslInd(),
                status(e.getSts()), Camt054Values.date(e.getBookgDt()), Camt054Values.date(e.getValDt()),
                e.getBkTxCd(), e.getAddtlNtryInf(), e.getNtryDtls().stream().map(EntryDetails2::getTxDtls)
                        .flatMap(List::stream).map(Camt054V03ToV06Mapper::v03));
    }

    private static RawTransaction v03(EntryTransaction3 t) {
        Optional<RemittanceInformation7> rmt = Optional.ofNullable(t.getRmtInf());
        return transaction(t.getRefs(), t.getAmt(), t.getAmtDtls(), t.getRltdPties(),
                rmt.map(RemittanceInformation7::getUstrd).orElse(List.of()),
                rmt.map(r -> r.getStrd().stream()).orElse(Stream.empty())
                        .map(StructuredRemittanceInformation9::getCdtrRefInf), t.getRtrInf());
    }

    static RawEntry v04(ReportEntry4 e) {
        return Camt054Values.entry(e.getNtryRef(), e.getAcctSvcrRef(), e.getAmt(), e.getCdtDbtInd(), e.isRvslInd(),
                status(e.getSts()), Camt054Values.date(e.getBookgDt()), Camt054Values.date(e.getValDt()),
                e.getBkTxCd(), e.getAddtlNtryInf(), e.getNtryDtls().stream().map(EntryDetails3::getTxDtls)
                        .flatMap(List::stream).map(Camt054V03ToV06Mapper::v04));
    }

    private static RawTransaction v04(EntryTransaction4 t) {
        Optional<RemittanceInformation7> rmt = Optional.ofNullable(t.getRmtInf());
        return transaction(t.getRefs(), t.getAmt(), t.getAmtDtls(), t.getRltdPties(),
                rmt.map(RemittanceInformation7::getUstrd).orElse(List.of()),
                rmt.map(r -> r.getStrd().stream()).orElse(Stream.empty())
                        .map(StructuredRemittanceInformation9::getCdtrRefInf), t.getRtrInf());
    }

    static RawEntry v05(ReportEntry7 e) {
        return Camt054Values.entry(e.getNtryRef(), e.getAcctSvcrRef(), e.getAmt(), e.getCdtDbtInd(), e.isRvslInd(),
                status(e.getSts()), Camt054Values.date(e.getBookgDt()), Camt054Values.date(e.getValDt()),
                e.getBkTxCd(), e.getAddtlNtryInf(), e.getNtryDtls().stream().map(EntryDetails6::getTxDtls)
                        .flatMap(List::stream).map(Camt054V03ToV06Mapper::v05));
    }

    private static RawTransaction v05(EntryTransaction7 t) {
        Optional<RemittanceInformation10> rmt = Optional.ofNullable(t.getRmtInf());
        return transaction(t.getRefs(), t.getAmt(), t.getAmtDtls(), t.getRltdPties(),
                rmt.map(RemittanceInformation10::getUstrd).orElse(List.of()),
                rmt.map(r -> r.getStrd().stream()).orElse(Stream.empty())
                        .map(StructuredRemittanceInformation12::getCdtrRefInf), t.getRtrInf());
    }

    static RawEntry v06(ReportEntry8 e) {
        return Camt054Values.entry(e.getNtryRef(), e.getAcctSvcrRef(), e.getAmt(), e.getCdtDbtInd(), e.isRvslInd(),
                status(e.getSts()), Camt054Values.date(e.getBookgDt()), Camt054Values.date(e.getValDt()),
                e.getBkTxCd(), e.getAddtlNtryInf(), e.getNtryDtls().stream().map(EntryDetails7::getTxDtls)
                        .flatMap(List::stream).map(Camt054V03ToV06Mapper::v06));
    }

    private static RawTransaction v06(EntryTransaction8 t) {
        Optional<RemittanceInformation11> rmt = Optional.ofNullable(t.getRmtInf());
        return transaction(t.getRefs(), t.getAmt(), t.getAmtDtls(), t.getRltdPties(),
                rmt.map(RemittanceInformation11::getUstrd).orElse(List.of()),
                rmt.map(r -> r.getStrd().stream()).orElse(Stream.empty())
                        .map(StructuredRemittanceInformation13::getCdtrRefInf), t.getRtrInf());
    }

    private static String status(EntryStatus2Code status) {
        return status == null ? null : status.value();
    }

    /** The {@code TxDtls} elements whose types the four versions share. */
    private static RawTransaction transaction(TransactionReferences3 refs, ActiveOrHistoricCurrencyAndAmount amount,
                                              AmountAndCurrencyExchange3 amountDetails, TransactionParties3 parties,
                                              List<String> unstructured,
                                              Stream<CreditorReferenceInformation2> creditorReferences,
                                              PaymentReturnReason2 returned) {
        Optional<TransactionReferences3> references = Optional.ofNullable(refs);
        return Camt054Values.transaction(
                references.map(TransactionReferences3::getAcctSvcrRef).orElse(null),
                references.map(TransactionReferences3::getEndToEndId).orElse(null),
                references.map(TransactionReferences3::getTxId).orElse(null),
                amount, amountDetails,
                Optional.ofNullable(parties).map(TransactionParties3::getDbtr).map(PartyIdentification43::getNm)
                        .orElse(null),
                unstructured, creditorReferences,
                returned == null ? null : Camt054Values.returnInfo(returned.getRsn(), returned.getAddtlInf()));
    }
}
