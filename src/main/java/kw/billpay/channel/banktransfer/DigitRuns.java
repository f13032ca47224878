package kw.billpay.channel.banktransfer;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the runs of digits in remittance text, the way customers type numbers: groups of digits joined by spaces and
 * dashes ("4242 4242 4242 4242", "4242-4242-4242-4242"), in any script's digits (Arabic-Indic "٤٢٤٢" is 4242),
 * with the invisible direction marks that right-to-left text carries between them. Shared by the matcher and the
 * masking, so that what is matched as one number is masked as one number.
 */
final class DigitRuns {

    /** Digits joined by separators only; {@code start} and {@code end} (exclusive) are indexes into the text. */
    record Group(int start, int end, String digits) {
    }

    /** A maximal sequence of groups with nothing but separators between them. */
    record Run(List<Group> groups) {
        int start() {
            return groups.get(0).start();
        }

        int end() {
            return groups.get(groups.size() - 1).end();
        }

        int digitCount() {
            return groups.stream().mapToInt(g -> g.digits().length()).sum();
        }
    }

    private DigitRuns() {
    }

    /** The runs of the text, in order. */
    static List<Run> find(CharSequence text) {
        List<Run> runs = new ArrayList<>();
        List<Group> groups = new ArrayList<>();
        int i = 0;
        int length = text.length();
        while (i < length) {
            if (digit(text.charAt(i)) < 0) {
                i++;
                continue;
            }
            int start = i;
            StringBuilder digits = new StringBuilder();
            while (i < length && digit(text.charAt(i)) >= 0) {
                digits.append((char) ('0' + digit(text.charAt(i))));
                i++;
            }
            groups.add(new Group(start, i, digits.toString()));
            int next = i;
            while (next < length && isSeparator(text.charAt(next))) {
                next++;
            }
            if (next == i || next == length || digit(text.charAt(next)) < 0) {
                runs.add(new Run(List.copyOf(groups))); // the run ends: no separator, or no digit after it
                groups.clear();
            }
            i = next;
        }
        return runs;
    }

    /** The value of a decimal digit of any script (ASCII, Arabic-Indic U+0660, Persian U+06F0, ...), else -1. */
    static int digit(char c) {
        return Character.isDigit(c) ? Character.digit(c, 10) : -1;
    }

    /**
     * Spaces (any width, line breaks between {@code Ustrd} lines), dashes (hyphen, en and em dash, minus), and the
     * Unicode direction marks (LRM, RLM, ALM, embeddings, isolates) that copy-paste puts around numbers in Arabic text.
     */
    static boolean isSeparator(char c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return true;
        }
        return switch (c) {
            case '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63',
                 '\uFF0D', '\u200E', '\u200F', '\u061C', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E',
                 '\u2066', '\u2067', '\u2068', '\u2069' -> true;
            default -> false;
        };
    }
}
