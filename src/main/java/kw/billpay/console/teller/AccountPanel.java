package kw.billpay.console.teller;

import kw.billpay.console.Shown;
import kw.billpay.core.account.Account;

/** What a teller sees of an account: who, its state, its statement and what is due, all in the billing currency. */
public record AccountPanel(String account, String holder, String status, String currency, String product,
                           String statementDate, String dueDate, String minimumDueRemaining, String statementBalance,
                           String totalOwed, String creditBalance, boolean open) {

    public static AccountPanel of(Account a) {
        return new AccountPanel(Shown.account(a.accountNumber()), a.holderName(), a.status().name(),
                a.currency().getCurrencyCode(), a.product().name(), a.statementDate().toString(), a.dueDate().toString(),
                Shown.money(a.minimumDueRemaining()), Shown.money(a.balances().statementBalance()),
                Shown.money(a.balances().totalOwed()), Shown.money(a.balances().creditBalance()),
                a.status() != kw.billpay.core.account.AccountStatus.CLOSED);
    }
}
