package kw.billpay.testkit;

import java.time.LocalDate;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import kw.billpay.core.account.Account;
import kw.billpay.core.account.AccountStatus;
import kw.billpay.core.allocation.Balances;
import kw.billpay.core.allocation.Bucket;
import kw.billpay.core.allocation.Product;
import kw.billpay.core.money.Currencies;
import kw.billpay.core.money.Money;

/**
 * A card account with its latest statement, for tests of the domain core. By default the CONTRACT's sample: a KWD
 * credit card, statement of 2026-10-25 with a balance of 500.000 (minimum 25.000) and 15.000 unbilled.
 */
public final class AccountBuilder {

    private String accountNumber = "376612345678901";
    private String issuer = "amex-kw";
    private Currency currency = Currencies.parse("KWD");
    private Product product = Product.CREDIT;
    private String creditLimit = "2000.000";
    private AccountStatus status = AccountStatus.OPEN;
    private LocalDate statementDate = LocalDate.parse("2026-10-25");
    private String minimumDue = "25.000";
    private String paidSinceStatement = "0";
    private String creditBalance = "0";
    private final Map<Bucket, String> buckets = new EnumMap<>(Map.of(
            Bucket.PREVIOUS_FEES, "5.000", Bucket.PREVIOUS_PURCHASES, "40.000", Bucket.CURRENT_INSTALMENTS, "30.000",
            Bucket.CURRENT_FEES, "2.500", Bucket.CURRENT_CASH, "100.000", Bucket.CURRENT_PURCHASES, "322.500",
            Bucket.UNBILLED, "15.000"));

    public static AccountBuilder anAccount() {
        return new AccountBuilder();
    }

    public AccountBuilder number(String value) {
        this.accountNumber = value;
        return this;
    }

    /** Billing currency; the buckets keep their amounts, so give them in this currency's minor units. */
    public AccountBuilder currency(String code) {
        this.currency = Currencies.parse(code);
        return this;
    }

    public AccountBuilder status(AccountStatus value) {
        this.status = value;
        return this;
    }

    public AccountBuilder product(Product value) {
        this.product = value;
        return this;
    }

    public AccountBuilder statementDate(String date) {
        this.statementDate = LocalDate.parse(date);
        return this;
    }

    public AccountBuilder owing(Bucket bucket, String amount) {
        buckets.put(bucket, amount);
        return this;
    }

    /** Nothing owed in any bucket. */
    public AccountBuilder owingNothing() {
        buckets.clear();
        return this;
    }

    public AccountBuilder creditBalance(String amount) {
        this.creditBalance = amount;
        return this;
    }

    public AccountBuilder paidSinceStatement(String amount) {
        this.paidSinceStatement = amount;
        return this;
    }

    public AccountBuilder minimumDue(String amount) {
        this.minimumDue = amount;
        return this;
    }

    public AccountBuilder creditLimit(String amount) {
        this.creditLimit = amount;
        return this;
    }

    public Account build() {
        Map<Bucket, Money> owed = new EnumMap<>(Bucket.class);
        buckets.forEach((bucket, amount) -> owed.put(bucket, money(amount)));
        return new Account(accountNumber, issuer, "Sample Holder", currency, product, money(creditLimit), status,
                statementDate, statementDate.plusDays(25), money(minimumDue), false, Money.zero(currency),
                money(paidSinceStatement), Balances.of(currency, owed, money(creditBalance)));
    }

    private Money money(String amount) {
        return new Money(new java.math.BigDecimal(amount).setScale(Currencies.minorUnits(currency)), currency);
    }
}
