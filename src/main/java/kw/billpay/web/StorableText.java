package kw.billpay.web;

/**
 * Text the gateway can keep. PostgreSQL stores no NUL character, and a lone UTF-16 surrogate is no character at all
 * (the driver would silently turn it into '?'); the other control characters, but tab, line feed and carriage return,
 * have no place in any field the gateway takes and would corrupt its logs, pages and bank files.
 */
public final class StorableText {

    private StorableText() {
    }

    /** Why {@code text} cannot be taken, or null when it can. Never repeats the text itself. */
    public static String problem(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "contains a NUL character";
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return "contains a control character (U+%04X)".formatted((int) c);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "is not valid Unicode (an unpaired surrogate)";
            }
        }
        return null;
    }
}
