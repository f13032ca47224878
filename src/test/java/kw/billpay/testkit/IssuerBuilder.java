package kw.billpay.testkit;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import kw.billpay.core.allocation.AllocationOrder;
import kw.billpay.core.allocation.Bucket;
import kw.billpay.core.issuer.Issuer;
import kw.billpay.core.money.Currencies;
import kw.billpay.core.money.Money;

/** An issuer's rules for tests of the domain core; by default the reference issuer, amex-kw (config/issuers). */
public final class IssuerBuilder {

    private AllocationOrder order = AllocationOrder.of(Bucket.PREVIOUS_FEES, Bucket.PREVIOUS_CASH, Bucket.PREVIOUS_PURCHASES,
            Bucket.PREVIOUS_INSTALMENTS, Bucket.CURRENT_INSTALMENTS, Bucket.CURRENT_FEES, Bucket.CURRENT_CASH,
            Bucket.CURRENT_PURCHASES, Bucket.UNBILLED);
    private Money onlineMinimum = Money.of("3.000", "KWD");
    private Money onlineMaximum = Money.of("5000.000", "KWD");
    private Money refundAbove = Money.of("50000.00", "USD");

    public static IssuerBuilder amexKw() {
        return new IssuerBuilder();
    }

    public IssuerBuilder order(Bucket... buckets) {
        this.order = AllocationOrder.of(buckets);
        return this;
    }

    public IssuerBuilder onlineMinimum(String amount, String currency) {
        this.onlineMinimum = Money.of(amount, currency);
        return this;
    }

    public IssuerBuilder noOnlineMaximum() {
        this.onlineMaximum = null;
        return this;
    }

    public IssuerBuilder refundAbove(String amount, String currency) {
        this.refundAbove = Money.of(amount, currency);
        return this;
    }

    public Issuer build() {
        return new Issuer("amex-kw", "American Express Kuwait", Set.of(Currencies.parse("KWD"), Currencies.parse("USD")),
                order, onlineMinimum, onlineMaximum, refundAbove, new BigDecimal("5"),
                Map.of(Currencies.parse("KWD"), Money.of("15.000", "KWD"), Currencies.parse("USD"), Money.of("50.00", "USD")));
    }
}
