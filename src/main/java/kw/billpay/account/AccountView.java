package kw.billpay.account;

import kw.billpay.core.account.Account;
import kw.billpay.core.account.AccountNumbers;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import kw.billpay.core.allocation.Bucket;

/** The account as the API shows it; the account number masked to its last 4 digits. */
public record AccountView(
        String accountNumber,
        String issuer,
        String holderName,
        String currency,
        String product,
        String status,
        String creditLimit,
        StatementView statement,
        Map<String, String> buckets,
        String creditBalance,
        String totalOwed) {

    public record StatementView(LocalDate statementDate, LocalDate dueDate, String balance, String minimumDue,
                                boolean minimumDueComputed, String paidSinceStatement, String minimumDueRemaining) {
    }

    public static AccountView of(Account a) {
        Map<String, String> buckets = new LinkedHashMap<>();
        for (Bucket bucket : Bucket.values()) {
            buckets.put(bucket.name(), a.balances().get(bucket).toPlainString());
        }
        return new AccountView(
                AccountNumbers.mask(a.accountNumber()),
                a.issuerId(),
                a.holderName(),
                a.currency().getCurrencyCode(),
                a.product().name(),
                a.status().name(),
                a.creditLimit().toPlainString(),
                new StatementView(a.statementDate(), a.dueDate(), a.balances().statementBalance().toPlainString(),
                        a.minimumDue().toPlainString(), a.minimumDueComputed(), a.paidSinceStatement().toPlainString(),
                        a.minimumDueRemaining().toPlainString()),
                buckets,
                a.balances().creditBalance().toPlainString(),
                a.balances().totalOwed().toPlainString());
    }
}
