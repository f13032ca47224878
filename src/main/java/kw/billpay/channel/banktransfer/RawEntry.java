package kw.billpay.channel.banktransfer;

import java.math.BigDecimal;
import java.util.List;

/**
 * An entry as {@link Camt054Elements} takes it out of Prowide's types, before any check: the one shape every version
 * maps to, so that {@link EntryChecks} is written once. Nothing of Prowide in it.
 */
record RawEntry(String entryReference, String accountServicerReference, RawAmount amount, String creditDebit,
                Boolean reversal, String status, EntryDate bookingDate, EntryDate valueDate,
                String bankTransactionCode, String additionalInfo, List<RawTransaction> transactions) {

    /** {@code TxDtls}: {@code amount} is {@code TxDtls/Amt} (001.03 on), {@code txAmount} {@code AmtDtls/TxAmt/Amt}. */
    record RawTransaction(String accountServicerReference, String endToEndId, String transactionId, RawAmount amount,
                          RawAmount txAmount, String debtorName, List<String> unstructured,
                          List<String> creditorReferences, ReturnInfo returnInfo) {
    }

    /** An {@code ActiveOrHistoricCurrencyAndAmount}: the value and its {@code Ccy} attribute, either possibly null. */
    record RawAmount(BigDecimal value, String currency) {
    }
}
