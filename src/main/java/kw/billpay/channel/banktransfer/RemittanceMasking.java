package kw.billpay.channel.banktransfer;

import java.util.List;

/**
 * Masks card numbers in remittance text before it is stored or shown (CONTRACT "Bank transfers": "every run of 12 or
 * more digits masked to its last 4"). A run is as the matcher sees one ({@link DigitRuns}): "4242 4242 4242 4242"
 * is one run of 16 digits and becomes "**** **** **** 4242"; spaces, dashes and the text around stay as written.
 * Only the matcher, in memory, sees the raw text.
 */
public final class RemittanceMasking {

    /** Runs of this many digits or more are masked (a card number has 15 or 16; an account number up to 19). */
    public static final int MASKED_FROM_DIGITS = 12;
    private static final int VISIBLE_DIGITS = 4;

    private RemittanceMasking() {
    }

    /** The text with every digit of a run of 12 or more digits but the last 4 replaced by '*'; null stays null. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder masked = null;
        for (DigitRuns.Run run : DigitRuns.find(text)) {
            int toMask = run.digitCount() - VISIBLE_DIGITS;
            if (run.digitCount() < MASKED_FROM_DIGITS) {
                continue;
            }
            if (masked == null) {
                masked = new StringBuilder(text);
            }
            for (int i = run.start(); i < run.end() && toMask > 0; i++) {
                if (DigitRuns.digit(text.charAt(i)) >= 0) {
                    masked.setCharAt(i, '*');
                    toMask--;
                }
            }
        }
        return masked == null ? text : masked.toString();
    }

    /**
     * {@code RmtInf/Ustrd} lines, masked as one text: a card number the bank broke over two lines is still one run
     * (line breaks separate like spaces), so neither half is shown.
     */
    public static List<String> maskLines(List<String> lines) {
        if (lines.isEmpty()) {
            return List.of();
        }
        String joined = String.join("\n", lines);
        String masked = mask(joined);
        if (masked.equals(joined)) {
            return List.copyOf(lines);
        }
        // A line holding '\n' itself would split differently: mask such lines one by one instead.
        if (lines.stream().anyMatch(line -> line.indexOf('\n') >= 0)) {
            return lines.stream().map(RemittanceMasking::mask).toList();
        }
        return List.of(masked.split("\n", -1));
    }
}
