package kw.billpay.channel.knet;

import jakarta.validation.constraints.NotNull;
import kw.billpay.web.MoneyJson;

/** Body of {@code POST /api/v1/online/payments}: KWD only (DOMAIN R5); the channel comes from the API key. */
public record OnlinePaymentRequest(@NotNull String accountNumber, @NotNull MoneyJson amount) {
}
