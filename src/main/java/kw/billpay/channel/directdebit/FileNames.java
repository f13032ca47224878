package kw.billpay.channel.directdebit;

import java.nio.charset.StandardCharsets;

/**
 * Names the gateway gives files it writes or moves (acknowledgements, archived files) after a bank's file name: the
 * bank's name with a suffix, shortened when that would pass the 255 bytes a file name may have. A shortened name keeps
 * the start of the bank's name and carries the file's record id ({@code ~<ref>}), so it is still unique.
 */
final class FileNames {

    static final int MAX_BYTES = 255;

    private FileNames() {
    }

    /** {@code name + suffix}, or the start of {@code name}, {@code ~ref}, then {@code suffix} when that is too long. */
    static String fitting(String name, String suffix, long ref) {
        if (bytes(name + suffix) <= MAX_BYTES) {
            return name + suffix;
        }
        String tail = "~" + ref + suffix;
        return start(name, MAX_BYTES - bytes(tail)) + tail;
    }

    /** The longest start of {@code text} of at most {@code maxBytes} UTF-8 bytes, never cutting a character in two. */
    private static String start(String text, int maxBytes) {
        int end = 0;
        int used = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = bytes(new String(Character.toChars(codePoint)));
            if (used + size > maxBytes) {
                break;
            }
            used += size;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
