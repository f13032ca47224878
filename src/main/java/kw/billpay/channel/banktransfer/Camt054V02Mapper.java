package kw.billpay.channel.banktransfer;

import com.prowidesoftware.swift.model.mx.dic.CashAccount20;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails1;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction2;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader42;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification32;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation5;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry2;
import com.prowidesoftware.swift.model.mx.dic.ReturnReasonInformation10;
import com.prowidesoftware.swift.model.mx.dic.StructuredRemittanceInformation7;
import com.prowidesoftware.swift.model.mx.dic.TransactionParty2;
import com.prowidesoftware.swift.model.mx.dic.TransactionReferences2;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import kw.billpay.channel.banktransfer.RawEntry.RawTransaction;

/**
 * camt.054.001.02 (BankToCustomerDebitCreditNotificationV02): {@code Ntry} is ReportEntry2, {@code Ntry/Sts} a plain
 * code (EntryStatus2Code), and {@code TxDtls} (EntryTransaction2) has no {@code Amt} of its own: only
 * {@code AmtDtls/TxAmt/Amt}.
 */
final class Camt054V02Mapper {

    static final Camt054Binding<GroupHeader42, CashAccount20, ReportEntry2> BINDING = new Camt054Binding<>(
            GroupHeader42.class, header -> new Camt054Binding.Header(header.getMsgId(), header.getCreDtTm()),
            CashAccount20.class, CashAccount20::getId, CashAccount20::getCcy,
            ReportEntry2.class, Camt054V02Mapper::entry);

    private Camt054V02Mapper() {
    }

    static RawEntry entry(ReportEntry2 entry) {
        return Camt054Values.entry(entry.getNtryRef(), entry.getAcctSvcrRef(), entry.getAmt(), entry.getCdtDbtInd(),
                entry.isRvslInd(), entry.getSts() == null ? null : entry.getSts().value(),
                Camt054Values.date(entry.getBookgDt()), Camt054Values.date(entry.getValDt()), entry.getBkTxCd(),
                entry.getAddtlNtryInf(), entry.getNtryDtls().stream().map(EntryDetails1::getTxDtls)
                        .flatMap(List::stream).map(Camt054V02Mapper::transaction));
    }

    private static RawTransaction transaction(EntryTransaction2 transaction) {
        Optional<TransactionReferences2> refs = Optional.ofNullable(transaction.getRefs());
        Optional<RemittanceInformation5> remittance = Optional.ofNullable(transaction.getRmtInf());
        ReturnReasonInformation10 returned = transaction.getRtrInf();
        return Camt054Values.transaction(
                refs.map(TransactionReferences2::getAcctSvcrRef).orElse(null),
                refs.map(TransactionReferences2::getEndToEndId).orElse(null),
                refs.map(TransactionReferences2::getTxId).orElse(null),
                null, transaction.getAmtDtls(),
                Optional.ofNullable(transaction.getRltdPties()).map(TransactionParty2::getDbtr)
                        .map(PartyIdentification32::getNm).orElse(null),
                remittance.map(RemittanceInformation5::getUstrd).orElse(List.of()),
                remittance.map(r -> r.getStrd().stream()).orElse(Stream.empty())
                        .map(StructuredRemittanceInformation7::getCdtrRefInf),
                returned == null ? null : Camt054Values.returnInfo(returned.getRsn(), returned.getAddtlInf()));
    }
}
