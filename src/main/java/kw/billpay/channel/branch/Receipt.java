package kw.billpay.channel.branch;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.time.format.DateTimeFormatter;
import kw.billpay.core.account.AccountNumbers;
import kw.billpay.core.payment.Payment;

/** The customer's printable receipt for a branch payment; the account shown by its last 4 digits only. */
final class Receipt {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    private Receipt() {
    }

    static String html(Payment p) {
        StringBuilder rows = new StringBuilder();
        row(rows, "Receipt number", p.receiptNumber());
        row(rows, "Date", WHEN.format(p.receivedAt()));
        row(rows, "Institution / branch", p.origin().get("institution") + " / " + p.origin().get("branch"));
        row(rows, "Teller", p.origin().get("teller"));
        row(rows, "Card account", "ending " + AccountNumbers.last4(p.accountNumber()));
        row(rows, "Method", p.method().name());
        if (p.origin().containsKey("chequeNumber")) {
            row(rows, "Cheque", p.origin().get("chequeNumber") + ", " + p.origin().get("chequeBank") + ", dated " + p.origin().get("chequeDate"));
        }
        if (p.origin().containsKey("posReference")) {
            row(rows, "POS reference", p.origin().get("posReference"));
        }
        row(rows, "Amount received", p.received().toPlainString() + " " + p.received().currency());
        if (p.fx() != null) {
            row(rows, "Exchange rate", p.fx().from() + "/" + p.fx().to() + " " + p.fx().rate().toPlainString());
        }
        if (p.posted() != null) {
            row(rows, "Credited", p.posted().toPlainString() + " " + p.posted().currency());
        }
        row(rows, "Status", switch (p.status()) {
            case POSTED -> "Credited to the card account";
            case PENDING_CLEARING -> "Received; credited once the cheque clears";
            case RETURNED -> "Returned unpaid" + (p.statusReason() == null ? "" : " (" + p.statusReason() + ")");
            default -> p.status().name();
        });
        row(rows, "Payment id", p.paymentId().toString());
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Receipt %s</title>
                <style>body{font-family:sans-serif;max-width:32em;margin:2em auto}td{padding:.2em .6em}
                td:first-child{color:#555}@media print{button{display:none}}</style></head>
                <body><h1>Payment receipt</h1><table>%s</table>
                <p>Keep this receipt. Payments are credited when received by the issuer.</p>
                <button onclick="window.print()">Print</button></body></html>
                """.formatted(htmlEscape(String.valueOf(p.receiptNumber())), rows);
    }

    private static void row(StringBuilder rows, String label, String value) {
        rows.append("<tr><td>").append(htmlEscape(label)).append("</td><td>")
                .append(htmlEscape(String.valueOf(value))).append("</td></tr>");
    }
}
