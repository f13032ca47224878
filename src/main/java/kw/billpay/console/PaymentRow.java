package kw.billpay.console;

import java.time.ZoneId;
import kw.billpay.core.payment.Payment;

/**
 * A payment as a console table shows it: the account by its last 4 digits, amounts written by {@link Shown}, enum
 * names kept as they are (the templates look their labels up in the messages).
 */
public record PaymentRow(String paymentId, String receiptNumber, String receivedAt, String channel, String method,
                         String status, String statusReason, String account, String received, String posted,
                         String teller, String institution, String branch, String chequeNumber, String chequeBank,
                         String chequeDate) {

    public static PaymentRow of(Payment p, ZoneId zone) {
        var origin = p.origin();
        return new PaymentRow(p.paymentId().toString(), p.receiptNumber(), Shown.time(p.receivedAt(), zone),
                p.channel().name(), p.method().name(), p.status().name(), p.statusReason(), Shown.account(p.accountNumber()),
                Shown.money(p.received()), Shown.money(p.posted()), origin.get("teller"), origin.get("institution"),
                origin.get("branch"), Shown.outside(origin.get("chequeNumber")), origin.get("chequeBank"), origin.get("chequeDate"));
    }
}
