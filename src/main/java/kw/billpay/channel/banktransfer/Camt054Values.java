package kw.billpay.channel.banktransfer;

import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.BankTransactionCodeStructure4;
import com.prowidesoftware.swift.model.mx.dic.BankTransactionCodeStructure5;
import com.prowidesoftware.swift.model.mx.dic.BankTransactionCodeStructure6;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.EntryStatus2Code;
import com.prowidesoftware.swift.model.mx.dic.ProprietaryBankTransactionCodeStructure1;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Function;
import kw.billpay.channel.banktransfer.Camt054Elements.Leaf;
import kw.billpay.channel.banktransfer.RawEntry.RawAmount;

/**
 * The types every camt.054 version 001.02 to 001.08 shares, where the paths of {@link Camt054Elements} end, and how
 * the model reads each: the only Prowide types the mapping names, so the compiler checks these reads.
 */
final class Camt054Values {

    static final Leaf<String, String> TEXT = same(String.class);
    static final Leaf<Boolean, Boolean> FLAG = same(Boolean.class);
    static final Leaf<LocalDate, LocalDate> DATE = same(LocalDate.class);
    static final Leaf<OffsetDateTime, OffsetDateTime> DATE_TIME = same(OffsetDateTime.class);
    /** An element as it is, whatever its version's class: an entry's {@code TxDtls}, or whether there is a RtrInf. */
    static final Leaf<Object, Object> ELEMENT = same(Object.class);
    /** {@code Amt Ccy="..."}: the value and the currency attribute. */
    static final Leaf<ActiveOrHistoricCurrencyAndAmount, RawAmount> AMOUNT = new Leaf<>(
            ActiveOrHistoricCurrencyAndAmount.class, amount -> new RawAmount(amount.getValue(), amount.getCcy()));
    /** {@code CdtDbtInd}: CRDT or DBIT. */
    static final Leaf<CreditDebitCode, String> CODE = new Leaf<>(CreditDebitCode.class, CreditDebitCode::value);
    /** {@code Ntry/Sts} up to 001.06: BOOK, PDNG or INFO. */
    static final Leaf<EntryStatus2Code, String> STATUS_CODE = new Leaf<>(EntryStatus2Code.class,
            EntryStatus2Code::value);
    static final Leaf<BankTransactionCodeStructure4, String> BANK_TRANSACTION_CODE = new Leaf<>(
            BankTransactionCodeStructure4.class, Camt054Values::bankTransactionCode);

    private Camt054Values() {
    }

    private static <T> Leaf<T, T> same(Class<T> type) {
        return new Leaf<>(type, Function.identity());
    }

    /** {@code BookgDt} / {@code ValDt}: its {@code DtTm} if it has one, else its {@code Dt}; null when neither. */
    static EntryDate date(LocalDate date, OffsetDateTime dateTime) {
        if (dateTime != null) {
            return new EntryDate(null, dateTime);
        }
        return date == null ? null : new EntryDate(date, null);
    }

    /** {@code BkTxCd/Domn/Cd}, {@code Fmly/Cd}, {@code Fmly/SubFmlyCd} as "PMNT/RCDT/ESCT"; else {@code BkTxCd/Prtry/Cd}. */
    private static String bankTransactionCode(BankTransactionCodeStructure4 code) {
        BankTransactionCodeStructure5 domain = code.getDomn();
        if (domain != null && domain.getCd() != null) {
            BankTransactionCodeStructure6 family = domain.getFmly();
            return family == null ? domain.getCd() : domain.getCd() + "/" + family.getCd() + "/" + family.getSubFmlyCd();
        }
        return Optional.ofNullable(code.getPrtry()).map(ProprietaryBankTransactionCodeStructure1::getCd).orElse(null);
    }
}
