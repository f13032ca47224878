package kw.billpay.web;

import kw.billpay.core.money.Money;

/** Money on the wire: {@code {"amount": "12.345", "currency": "KWD"}}, the amount a decimal string (CONTRACT). */
public record MoneyJson(String amount, String currency) {

    public static MoneyJson of(Money money) {
        return money == null ? null : new MoneyJson(money.toPlainString(), money.currency().getCurrencyCode());
    }
}
