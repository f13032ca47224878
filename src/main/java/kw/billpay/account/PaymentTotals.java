package kw.billpay.account;

import java.time.OffsetDateTime;
import java.util.Currency;
import kw.billpay.core.money.Money;

/**
 * What the account feature needs to know of an account's payments, answered by the ledger that owns them (the posting
 * feature implements it): the account feature does not read the payment tables itself.
 */
public interface PaymentTotals {

    /** What posted payments brought in since a time (value time on or after it), net of reversals (R15, R16). */
    Money postedSince(String accountNumber, Currency currency, OffsetDateTime since);

    /** How many of the account's payments are still waiting for clearing, a rate or KNET. */
    int pendingCount(String accountNumber);
}
