package kw.billpay.console;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import kw.billpay.core.account.AccountNumbers;
import kw.billpay.core.money.Currencies;
import kw.billpay.core.money.Money;

/**
 * How the console writes amounts, times and account numbers, the same in English and Arabic, on screen and on the
 * receipt: Western digits (0-9, as Kuwaiti banks print card numbers and amounts), a comma between thousands, every
 * minor unit of the currency (KWD 3 decimals, USD 2), ISO dates. The pages isolate each of these left to right.
 */
public final class Shown {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final java.util.regex.Pattern LONG_DIGIT_RUN = java.util.regex.Pattern.compile("[0-9]{12,}");

    private Shown() {
    }

    /** "1,234.500" for KWD, "1,234.50" for USD; never rounded. */
    public static String amount(Money money) {
        return money == null ? null : amount(money.amount(), Currencies.minorUnits(money.currency()));
    }

    /** "1,234.500 KWD"; null for no amount. */
    public static String money(Money money) {
        return money == null ? null : amount(money) + " " + money.currency().getCurrencyCode();
    }

    public static String amount(BigDecimal amount, int minorUnits) {
        DecimalFormat format = new DecimalFormat(minorUnits == 0 ? "#,##0" : "#,##0." + "0".repeat(minorUnits),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setParseBigDecimal(true);
        return format.format(amount);
    }

    /** The account by its last 4 digits only ("•••• 1234"): a page never shows a full card number. */
    public static String account(String accountNumber) {
        return accountNumber == null ? "" : "•••• " + AccountNumbers.last4(accountNumber);
    }

    /**
     * Text that came from outside (a KNET callback's track id or result): every run of 12 or more digits, which could
     * be a card number, shown by its last 4 digits only.
     */
    public static String outside(String text) {
        return text == null ? null : LONG_DIGIT_RUN.matcher(text).replaceAll(m -> account(m.group()));
    }

    /**
     * An amount, a card number or a date inside a sentence of either language, kept left to right as a whole (Unicode
     * isolates, LRI … PDI): what {@code <bdi dir="ltr">} does in a page, for a message built around it.
     */
    public static String ltr(String text) {
        return text == null ? null : "\u2066" + text + "\u2069";
    }

    /** A name or a text from outside inside a sentence: isolated in the direction of its own first letter (FSI … PDI). */
    public static String isolated(String text) {
        return text == null ? null : "\u2068" + text + "\u2069";
    }

    public static String time(OffsetDateTime time, ZoneId zone) {
        return time == null ? "" : TIME.format(time.atZoneSameInstant(zone));
    }
}
