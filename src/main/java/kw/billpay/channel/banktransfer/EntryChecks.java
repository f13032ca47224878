package kw.billpay.channel.banktransfer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import kw.billpay.channel.banktransfer.BankEntry.CreditDebit;
import kw.billpay.channel.banktransfer.BankEntry.EntryStatus;
import kw.billpay.channel.banktransfer.RawEntry.RawAmount;
import kw.billpay.channel.banktransfer.RawEntry.RawTransaction;
import kw.billpay.core.money.Currencies;
import kw.billpay.core.money.Money;
import kw.billpay.core.money.MoneyException;
import kw.billpay.core.money.MoneyParser;

/**
 * Turns an entry as mapped from any version into a {@link BankEntry}, or into the {@link EntryProblem} that keeps it
 * from being taken. Amounts follow the gateway's money rules (R1: exact, never rounded; greater than zero; at most 15
 * integer digits), not just the schema's (18 digits, 5 decimals).
 */
final class EntryChecks {

    private EntryChecks() {
    }

    /** @param unreadable what JAXB could not read inside this {@code Ntry} (empty when all was read) */
    static EntryRead check(int position, AccountNotification notification, RawEntry raw, List<String> unreadable) {
        Problems problems = new Problems(position, notification, raw);
        if (!unreadable.isEmpty()) {
            return problems.of(EntryProblemReason.UNREADABLE_VALUE, String.join("; ", unreadable));
        }
        Money amount;
        try {
            amount = money("Ntry/Amt", raw.amount());
        } catch (AmountException e) {
            return problems.of(e.reason, e.getMessage());
        }
        CreditDebit creditDebit = creditDebit(raw.creditDebit());
        if (creditDebit == null) {
            return problems.of(EntryProblemReason.MISSING_CREDIT_DEBIT,
                    "Ntry/CdtDbtInd is missing or neither CRDT nor DBIT");
        }
        if (raw.status() == null || raw.status().isBlank()) {
            return problems.of(EntryProblemReason.MISSING_STATUS,
                    "Ntry/Sts is missing (or, before 001.07, not BOOK, PDNG or INFO)");
        }
        List<TransactionDetail> details = new ArrayList<>(raw.transactions().size());
        int index = 0;
        for (RawTransaction transaction : raw.transactions()) {
            index++;
            String path = "TxDtls[" + index + "]";
            RawAmount detailAmount = transaction.amount() != null ? transaction.amount() : transaction.txAmount();
            Money money;
            if (detailAmount == null) {
                if (raw.transactions().size() > 1) {
                    return problems.of(EntryProblemReason.DETAIL_AMOUNT_MISSING, path
                            + " has neither Amt nor AmtDtls/TxAmt/Amt, and the entry has "
                            + raw.transactions().size() + " TxDtls");
                }
                money = amount; // the entry's one detail is the whole entry
            } else {
                try {
                    money = money(path + "/Amt", detailAmount);
                } catch (AmountException e) {
                    return problems.of(e.reason, e.getMessage());
                }
            }
            details.add(new TransactionDetail(transaction.accountServicerReference(), transaction.endToEndId(),
                    transaction.transactionId(), money, transaction.debtorName(), transaction.unstructured(),
                    transaction.creditorReferences(), transaction.returnInfo()));
        }
        String mismatch = sumMismatch(amount, details);
        if (mismatch != null) {
            return problems.of(EntryProblemReason.DETAILS_SUM_MISMATCH, mismatch);
        }
        return new BankEntry(position, notification, raw.entryReference(), raw.accountServicerReference(), amount,
                creditDebit, EntryStatus.of(raw.status()), raw.status(), raw.bookingDate(), raw.valueDate(),
                Boolean.TRUE.equals(raw.reversal()), raw.bankTransactionCode(), raw.additionalInfo(), details);
    }

    /**
     * The details of a batched entry must add up to it: otherwise which transfer carries what is unknown. Only checked
     * when every detail is in the entry's currency (a detail's {@code Amt} in the instructed currency of a converted
     * transfer cannot be added to the entry's).
     */
    private static String sumMismatch(Money amount, List<TransactionDetail> details) {
        if (details.size() < 2 || details.stream().anyMatch(d -> !d.amount().currency().equals(amount.currency()))) {
            return null;
        }
        Money sum = Money.zero(amount.currency());
        for (TransactionDetail detail : details) {
            sum = sum.plus(detail.amount());
        }
        return sum.equals(amount) ? null : "the " + details.size() + " TxDtls add up to " + sum.toPlainString() + " "
                + sum.currency().getCurrencyCode() + ", Ntry/Amt is " + amount.toPlainString();
    }

    private static Money money(String path, RawAmount raw) {
        if (raw == null || raw.value() == null) {
            throw new AmountException(EntryProblemReason.MISSING_AMOUNT, path + " is missing");
        }
        if (raw.currency() == null) {
            throw new AmountException(EntryProblemReason.MISSING_AMOUNT, path + " has no Ccy");
        }
        Currency currency;
        try {
            currency = Currencies.parse(raw.currency());
        } catch (MoneyException e) {
            throw new AmountException(EntryProblemReason.INVALID_CURRENCY, path + ": " + e.getMessage());
        }
        // ISO allows 5 decimals whatever the currency: "12.5000" KWD is exact and taken; "12.5001" KWD is not.
        BigDecimal value = raw.value().stripTrailingZeros();
        try {
            return MoneyParser.parsePositive(value.toPlainString(), currency);
        } catch (MoneyException e) {
            throw new AmountException(EntryProblemReason.INVALID_AMOUNT, path + ": " + e.getMessage());
        }
    }

    private static CreditDebit creditDebit(String code) {
        if ("CRDT".equals(code)) {
            return CreditDebit.CRDT;
        }
        return "DBIT".equals(code) ? CreditDebit.DBIT : null;
    }

    private record Problems(int position, AccountNotification notification, RawEntry raw) {
        EntryProblem of(EntryProblemReason reason, String detail) {
            return new EntryProblem(position, notification, raw == null ? null : raw.entryReference(),
                    raw == null ? null : raw.accountServicerReference(), reason, detail);
        }
    }

    private static final class AmountException extends RuntimeException {
        private final EntryProblemReason reason;

        AmountException(EntryProblemReason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }
}
