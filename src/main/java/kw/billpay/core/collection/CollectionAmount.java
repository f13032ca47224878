package kw.billpay.core.collection;

import java.math.BigDecimal;
import kw.billpay.core.money.Money;

/** What a run asks of one mandate's bank: an amount, or nothing and why. */
public sealed interface CollectionAmount {

    /**
     * @param asked  in KWD, as the request file carries it
     * @param billed in the account's currency, what {@code asked} covers
     * @param rate   billing currency to KWD as applied; null for a KWD account
     */
    record Collect(Money asked, Money billed, BigDecimal rate) implements CollectionAmount { }

    record Skip(SkipReason reason) implements CollectionAmount { }
}
