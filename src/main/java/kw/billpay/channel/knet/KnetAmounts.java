package kw.billpay.channel.knet;

import kw.billpay.core.money.Money;
import kw.billpay.core.money.MoneyException;
import kw.billpay.core.money.MoneyParser;

/** KNET states amounts as decimal text ({@code amt}); it matches an intent only when it is exactly the same money. */
final class KnetAmounts {

    private KnetAmounts() {
    }

    static boolean matches(String knetAmount, Money expected) {
        try {
            return knetAmount != null && MoneyParser.parsePositive(knetAmount, expected.currency()).equals(expected);
        } catch (MoneyException malformed) {
            return false;
        }
    }
}
