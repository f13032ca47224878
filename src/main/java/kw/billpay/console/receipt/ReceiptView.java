package kw.billpay.console.receipt;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kw.billpay.console.Shown;
import kw.billpay.core.payment.Payment;
import kw.billpay.core.payment.PaymentEvent;
import org.springframework.context.MessageSource;

/**
 * A branch payment's receipt, in English and Arabic on one page: each line has both labels and one value, written
 * the same way in both (Western digits, the currency's decimals, the account by its last 4 digits).
 */
public record ReceiptView(String paymentId, String receiptNumber, List<Line> lines, String noteEn, String noteAr) {

    static final Locale ARABIC = Locale.forLanguageTag("ar");

    /**
     * A label in each language and the value; {@code words} (a name, a status) take their direction from their own
     * letters, every other value (amounts, numbers, dates) is left to right.
     */
    public record Line(String en, String ar, String value, boolean strong, boolean words) { }

    static ReceiptView of(Payment p, String holder, List<PaymentEvent> history, ZoneId zone, MessageSource messages) {
        Lines lines = new Lines(messages);
        var origin = p.origin();
        lines.add("receipt.number", p.receiptNumber(), true);
        lines.add("receipt.date", Shown.time(p.receivedAt(), zone), false);
        lines.add("receipt.place", origin.get("institution") + " / " + origin.get("branch"), false);
        lines.add("receipt.teller", origin.get("teller"), false);
        lines.add("receipt.account", Shown.account(p.accountNumber()), false);
        lines.words("receipt.holder", holder);
        lines.addBoth("receipt.method", "method." + p.method().name());
        if (origin.containsKey("chequeNumber")) {
            lines.add("receipt.cheque", Shown.outside(origin.get("chequeNumber")) + " · " + origin.get("chequeBank") + " · "
                    + origin.get("chequeDate"), false);
            history.stream().filter(e -> e.type().equals("CHEQUE_DRAWER")).findFirst()
                    .ifPresent(e -> lines.words("receipt.drawer", String.valueOf(e.detail().get("drawer"))));
        }
        if (origin.containsKey("posReference")) {
            lines.add("receipt.pos", Shown.outside(origin.get("posReference")), false);
        }
        lines.add("receipt.received", Shown.money(p.received()), true);
        if (p.fx() != null) {
            lines.add("receipt.rate", p.fx().from().getCurrencyCode() + " → " + p.fx().to().getCurrencyCode() + " "
                    + p.fx().rate().toPlainString(), false);
        }
        if (p.posted() != null) {
            lines.add("receipt.credited", Shown.money(p.posted()), true);
        }
        lines.addBoth("receipt.status", "receipt.status." + p.status().name());
        if (p.statusReason() != null) {
            lines.add("receipt.reason", p.statusReason(), false);
        }
        return new ReceiptView(p.paymentId().toString(), p.receiptNumber(), lines.list,
                messages.getMessage("receipt.note", null, Locale.ENGLISH), messages.getMessage("receipt.note", null, ARABIC));
    }

    private static final class Lines {
        private final MessageSource messages;
        private final List<Line> list = new ArrayList<>();

        Lines(MessageSource messages) {
            this.messages = messages;
        }

        void add(String key, String value, boolean strong) {
            list.add(new Line(messages.getMessage(key, null, Locale.ENGLISH), messages.getMessage(key, null, ARABIC), value,
                    strong, false));
        }

        void words(String key, String value) {
            list.add(new Line(messages.getMessage(key, null, Locale.ENGLISH), messages.getMessage(key, null, ARABIC), value,
                    false, true));
        }

        /** A line whose value is itself words: English, then Arabic. */
        void addBoth(String key, String valueKey) {
            list.add(new Line(messages.getMessage(key, null, Locale.ENGLISH), messages.getMessage(key, null, ARABIC),
                    messages.getMessage(valueKey, null, Locale.ENGLISH) + " / " + messages.getMessage(valueKey, null, ARABIC),
                    false, true));
        }
    }
}
