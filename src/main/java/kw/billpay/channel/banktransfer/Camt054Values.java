package kw.billpay.channel.banktransfer;

import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountAndCurrencyExchange3;
import com.prowidesoftware.swift.model.mx.dic.AmountAndCurrencyExchangeDetails3;
import com.prowidesoftware.swift.model.mx.dic.BankTransactionCodeStructure4;
import com.prowidesoftware.swift.model.mx.dic.BankTransactionCodeStructure5;
import com.prowidesoftware.swift.model.mx.dic.BankTransactionCodeStructure6;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.CreditorReferenceInformation2;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTimeChoice;
import com.prowidesoftware.swift.model.mx.dic.GenericAccountIdentification1;
import com.prowidesoftware.swift.model.mx.dic.ProprietaryBankTransactionCodeStructure1;
import com.prowidesoftware.swift.model.mx.dic.ReturnReason5Choice;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import kw.billpay.channel.banktransfer.RawEntry.RawAmount;
import kw.billpay.channel.banktransfer.RawEntry.RawTransaction;

/**
 * The Prowide types that every camt.054 version 001.02 to 001.08 shares (amounts, codes, account ids, return reasons),
 * taken out once for all the version mappers. Every method is null-safe: an element the bank left out is null.
 */
final class Camt054Values {

    private Camt054Values() {
    }

    /** {@code Amt Ccy="..."}: the value and the currency attribute. */
    static RawAmount amount(ActiveOrHistoricCurrencyAndAmount amount) {
        return amount == null ? null : new RawAmount(amount.getValue(), amount.getCcy());
    }

    /** {@code AmtDtls/TxAmt/Amt}: the transaction amount in the account's currency. */
    static RawAmount transactionAmount(AmountAndCurrencyExchange3 details) {
        return amount(Optional.ofNullable(details).map(AmountAndCurrencyExchange3::getTxAmt)
                .map(AmountAndCurrencyExchangeDetails3::getAmt).orElse(null));
    }

    static String code(CreditDebitCode code) {
        return code == null ? null : code.value();
    }

    /** {@code BookgDt} / {@code ValDt} of 001.02 to 001.06. */
    static EntryDate date(DateAndDateTimeChoice choice) {
        return choice == null ? null : date(choice.getDt(), choice.getDtTm());
    }

    /** {@code BookgDt} / {@code ValDt} of 001.07 and 001.08. */
    static EntryDate date(DateAndDateTime2Choice choice) {
        return choice == null ? null : date(choice.getDt(), choice.getDtTm());
    }

    private static EntryDate date(LocalDate date, OffsetDateTime dateTime) {
        if (dateTime != null) {
            return new EntryDate(null, dateTime);
        }
        return date == null ? null : new EntryDate(date, null);
    }

    /** {@code BkTxCd/Domn/Cd}, {@code Fmly/Cd}, {@code Fmly/SubFmlyCd} as "PMNT/RCDT/ESCT"; else {@code BkTxCd/Prtry/Cd}. */
    static String bankTransactionCode(BankTransactionCodeStructure4 code) {
        if (code == null) {
            return null;
        }
        BankTransactionCodeStructure5 domain = code.getDomn();
        if (domain != null && domain.getCd() != null) {
            BankTransactionCodeStructure6 family = domain.getFmly();
            return family == null ? domain.getCd() : domain.getCd() + "/" + family.getCd() + "/" + family.getSubFmlyCd();
        }
        return Optional.ofNullable(code.getPrtry()).map(ProprietaryBankTransactionCodeStructure1::getCd).orElse(null);
    }

    /** {@code Acct/Id/IBAN}. */
    static String iban(AccountIdentification4Choice id) {
        return id == null ? null : id.getIBAN();
    }

    /** {@code Acct/Id/Othr/Id}. */
    static String otherAccountId(AccountIdentification4Choice id) {
        return Optional.ofNullable(id).map(AccountIdentification4Choice::getOthr)
                .map(GenericAccountIdentification1::getId).orElse(null);
    }

    /** {@code RmtInf/Strd/CdtrRefInf/Ref} of each {@code Strd}, blank ones left out. */
    static List<String> creditorReferences(Stream<CreditorReferenceInformation2> references) {
        return references.filter(Objects::nonNull).map(CreditorReferenceInformation2::getRef)
                .filter(ref -> ref != null && !ref.isBlank()).toList();
    }

    /** {@code RmtInf/Ustrd}: the lines, null ones (an empty element) left out. */
    static List<String> lines(List<String> lines) {
        List<String> kept = new ArrayList<>(lines.size());
        for (String line : lines) {
            if (line != null) {
                kept.add(line);
            }
        }
        return kept;
    }

    /** {@code RtrInf}: {@code Rsn/Cd}, else {@code Rsn/Prtry}; {@code AddtlInf}. */
    static ReturnInfo returnInfo(ReturnReason5Choice reason, List<String> additionalInfo) {
        String code = reason == null ? null : reason.getCd() != null ? reason.getCd() : reason.getPrtry();
        return new ReturnInfo(code, lines(additionalInfo));
    }

    /** An entry from the elements every version has, its status and dates already taken out of their version's types. */
    static RawEntry entry(String entryReference, String accountServicerReference, ActiveOrHistoricCurrencyAndAmount amount,
                          CreditDebitCode creditDebit, Boolean reversal, String status, EntryDate bookingDate,
                          EntryDate valueDate, BankTransactionCodeStructure4 bankTransactionCode, String additionalInfo,
                          Stream<RawTransaction> transactions) {
        return new RawEntry(entryReference, accountServicerReference, amount(amount), code(creditDebit), reversal, status,
                bookingDate, valueDate, bankTransactionCode(bankTransactionCode), additionalInfo, transactions.toList());
    }

    /**
     * A {@code TxDtls} from what every version has, the version's own types (Refs, RltdPties, RmtInf, RtrInf) already
     * opened by its mapper. {@code amount} is {@code TxDtls/Amt}, null in 001.02 which has none.
     */
    static RawTransaction transaction(String accountServicerReference, String endToEndId, String transactionId,
                                      ActiveOrHistoricCurrencyAndAmount amount, AmountAndCurrencyExchange3 amountDetails,
                                      String debtorName, List<String> unstructured,
                                      Stream<CreditorReferenceInformation2> creditorReferences, ReturnInfo returnInfo) {
        return new RawTransaction(accountServicerReference, endToEndId, transactionId, amount(amount),
                transactionAmount(amountDetails), debtorName, lines(unstructured),
                creditorReferences(creditorReferences), returnInfo);
    }
}
