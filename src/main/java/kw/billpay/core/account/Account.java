package kw.billpay.core.account;

import java.time.LocalDate;
import java.util.Currency;
import kw.billpay.core.allocation.Balances;
import kw.billpay.core.allocation.Product;
import kw.billpay.core.money.Money;

/**
 * A card account and its latest statement snapshot. {@code balances} holds what is owed per bucket and the credit
 * balance, in the billing currency.
 *
 * @param pastDue unpaid minimum carried into this statement's computed minimum (DOMAIN R16)
 */
public record Account(
        String accountNumber,
        String issuerId,
        String holderName,
        Currency currency,
        Product product,
        Money creditLimit,
        AccountStatus status,
        LocalDate statementDate,
        LocalDate dueDate,
        Money minimumDue,
        boolean minimumDueComputed,
        Money pastDue,
        Money paidSinceStatement,
        Balances balances) {

    public Money minimumDueRemaining() {
        Money remaining = minimumDue.minus(paidSinceStatement);
        return remaining.isNegative() ? Money.zero(currency) : remaining;
    }

    public Account withBalances(Balances newBalances, Money newPaidSinceStatement) {
        return new Account(accountNumber, issuerId, holderName, currency, product, creditLimit, status, statementDate,
                dueDate, minimumDue, minimumDueComputed, pastDue, newPaidSinceStatement, newBalances);
    }
}
