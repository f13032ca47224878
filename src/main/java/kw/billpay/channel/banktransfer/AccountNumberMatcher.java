package kw.billpay.channel.banktransfer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kw.billpay.channel.banktransfer.AccountMatch.MatchRule;
import kw.billpay.channel.banktransfer.AccountMatch.NoMatchReason;

/**
 * Finds the card account a bank transfer pays (CONTRACT "Bank transfers", Matching): the account number is a run of 6 to
 * 19 digits in {@code RmtInf/Ustrd} or {@code RmtInf/Strd/CdtrRefInf/Ref}, spaces and dashes inside it ignored; exactly
 * one known account matches, anything else goes to suspense with its reason. Pure: the caller says which numbers are
 * accounts. Decisions, each for a remittance text seen in the wild (AccountNumberMatcherTest has them):
 * <ul>
 * <li>Digits of any script count: "٤٢٤٢" (Arabic-Indic, as Arabic keyboards type) is 4242. Arabic or any text around
 * the number does not matter; direction marks inside it are ignored like spaces.</li>
 * <li>A run typed with spaces or dashes ("4242 4242 4242 4242", "4242-4242-...") is one number. Because a space may
 * as well separate two numbers ("4242424242424242 - 50" is a card and an amount), every stretch of whole groups of
 * a run is a candidate, never a part of a group: "4242424242424242 - 50" has candidates 4242424242424242 and
 * 424242424242424250. A known account found inside a longer known account of the same run counts as the longer one
 * only.</li>
 * <li>{@code Ustrd} lines are read as one text, a line break separating like a space: a number the bank cut over two
 * lines ("...4242 42" / "42 4242") is found (rule USTRD_ACROSS_LINES), and so is a number whole on one line.</li>
 * <li>An IBAN is not an account number: two letters, two check digits, 11 to 30 letters or digits (spaces between
 * its groups allowed), whose ISO 13616 check digits are right, is skipped whole. A mistyped IBAN is not recognised;
 * its digits then only matter if they happen to be a known account. An ISO 11649 creditor reference ("RF18 5390
 * 0754 7034") has the same shape and check, and is no account number either: skipped the same way.</li>
 * <li>A phone number is not an account number: "+965" or "00965" and eight digits (spaces and dashes allowed), or '+'
 * and 7 to 15 digits in one piece, is skipped. A bare eight-digit local number cannot be told from an account
 * number: it is a candidate like any other, and only a known account makes it one.</li>
 * <li>The same account written twice, or in both the reference and {@code Ustrd}, is one account, not AMBIGUOUS. Two
 * different known accounts are AMBIGUOUS even when one is in the structured reference.</li>
 * </ul>
 */
public final class AccountNumberMatcher {

    public static final int MIN_DIGITS = 6;
    public static final int MAX_DIGITS = 19;

    private static final String SEPARATOR = "[\\s\\p{Zs}\\-\\u2010-\\u2015\\u2212\\u200E\\u200F\\u061C]";
    private static final Pattern KUWAIT_PHONE = Pattern.compile(
            "(?:\\+|(?<![0-9])00)" + SEPARATOR + "*965(?:" + SEPARATOR + "*[0-9]){8}(?![0-9])");
    private static final Pattern INTERNATIONAL_PHONE = Pattern.compile("\\+[0-9]{7,15}(?![0-9])");
    private static final int IBAN_MIN = 15;
    private static final int IBAN_MAX = 34;
    private static final char HIDDEN = '#';

    private AccountNumberMatcher() {
    }

    /** The matcher on a transfer read from a camt.054 file. */
    public static AccountMatch match(TransactionDetail transfer, Predicate<String> knownAccount) {
        return match(transfer.unstructured(), transfer.creditorReferences(), knownAccount);
    }

    /**
     * @param unstructured       {@code RmtInf/Ustrd} lines, raw
     * @param creditorReferences {@code RmtInf/Strd/CdtrRefInf/Ref} values, raw
     * @param knownAccount       whether a string of 6 to 19 ASCII digits is an account of the gateway
     */
    public static AccountMatch match(List<String> unstructured, List<String> creditorReferences,
                                     Predicate<String> knownAccount) {
        List<Candidate> candidates = candidatesOf(unstructured, creditorReferences);
        if (candidates.isEmpty()) {
            return AccountMatch.unmatched(NoMatchReason.NO_NUMBER, List.of());
        }
        Map<String, Boolean> known = new HashMap<>();
        List<Candidate> hits = candidates.stream()
                .filter(c -> known.computeIfAbsent(c.digits(), knownAccount::test)).toList();
        Map<String, MatchRule> accounts = new LinkedHashMap<>();
        for (Candidate hit : hits) {
            boolean insideAnother = hits.stream().anyMatch(other -> other != hit && other.contains(hit));
            if (!insideAnother) {
                accounts.merge(hit.digits(), hit.rule(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        if (accounts.isEmpty()) {
            return AccountMatch.unmatched(NoMatchReason.UNKNOWN_NUMBER, List.of());
        }
        if (accounts.size() > 1) {
            return AccountMatch.unmatched(NoMatchReason.AMBIGUOUS, List.copyOf(accounts.keySet()));
        }
        Map.Entry<String, MatchRule> only = accounts.entrySet().iterator().next();
        return AccountMatch.matched(only.getKey(), only.getValue());
    }

    /**
     * Every number the matcher would look up, for a caller that looks them all up at once (one query per transfer):
     * {@code match(u, r, candidates(u, r)::contains)} is {@code match(u, r, isAccount)} when the set holds exactly the
     * candidates that are accounts.
     */
    public static Set<String> candidates(List<String> unstructured, List<String> creditorReferences) {
        Set<String> digits = new LinkedHashSet<>();
        candidatesOf(unstructured, creditorReferences).forEach(c -> digits.add(c.digits()));
        return digits;
    }

    /** A stretch of whole groups {@code from..to} of run {@code run} in source {@code source}. */
    private record Candidate(String digits, MatchRule rule, int source, int run, int from, int to) {
        boolean contains(Candidate other) {
            return source == other.source && run == other.run && from <= other.from && other.to <= to
                    && (from != other.from || to != other.to);
        }
    }

    private static List<Candidate> candidatesOf(List<String> unstructured, List<String> creditorReferences) {
        List<Candidate> candidates = new ArrayList<>();
        int source = 0;
        for (String reference : creditorReferences) {
            if (reference != null) {
                addCandidates(reference, MatchRule.CREDITOR_REFERENCE, source++, candidates);
            }
        }
        List<String> lines = unstructured.stream().filter(line -> line != null).toList();
        if (!lines.isEmpty()) {
            addCandidates(String.join("\n", lines), MatchRule.USTRD, source, candidates);
        }
        return candidates;
    }

    private static void addCandidates(String text, MatchRule rule, int source, List<Candidate> candidates) {
        String cleaned = hidePhoneNumbers(hideIbans(text));
        List<DigitRuns.Run> runs = DigitRuns.find(cleaned);
        for (int r = 0; r < runs.size(); r++) {
            List<DigitRuns.Group> groups = runs.get(r).groups();
            for (int from = 0; from < groups.size(); from++) {
                StringBuilder digits = new StringBuilder();
                for (int to = from; to < groups.size(); to++) {
                    digits.append(groups.get(to).digits());
                    if (digits.length() > MAX_DIGITS) {
                        break;
                    }
                    if (digits.length() >= MIN_DIGITS) {
                        boolean acrossLines = rule == MatchRule.USTRD
                                && text.substring(groups.get(from).start(), groups.get(to).end()).indexOf('\n') >= 0;
                        candidates.add(new Candidate(digits.toString(), acrossLines ? MatchRule.USTRD_ACROSS_LINES
                                : rule, source, r, from, to));
                    }
                }
            }
        }
    }

    /** The text with every valid IBAN replaced by '#', character for character (indexes stay those of the text). */
    static String hideIbans(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i + 4 <= chars.length; i++) {
            if (!isAsciiLetter(chars[i]) || !isAsciiLetter(chars[i + 1]) || DigitRuns.digit(chars[i + 2]) < 0
                    || DigitRuns.digit(chars[i + 3]) < 0 || (i > 0 && isAlphanumeric(chars[i - 1]))) {
                continue;
            }
            StringBuilder compact = new StringBuilder(IBAN_MAX);
            int[] ends = new int[IBAN_MAX];
            for (int j = i; j < chars.length && compact.length() < IBAN_MAX; j++) {
                if (isAlphanumeric(chars[j])) {
                    int digit = DigitRuns.digit(chars[j]);
                    compact.append(digit >= 0 ? (char) ('0' + digit) : Character.toUpperCase(chars[j]));
                    ends[compact.length() - 1] = j + 1;
                } else if (chars[j] != ' ' || j + 1 >= chars.length || !isAlphanumeric(chars[j + 1])) {
                    break; // an IBAN's groups are separated by single spaces
                }
            }
            for (int length = compact.length(); length >= IBAN_MIN; length--) {
                int end = ends[length - 1];
                boolean endsAWord = end == chars.length || !isAlphanumeric(chars[end]);
                if (endsAWord && ibanCheckDigitsRight(compact, length)) {
                    java.util.Arrays.fill(chars, i, end, HIDDEN);
                    i = end - 1;
                    break;
                }
            }
        }
        return new String(chars);
    }

    /** ISO 13616: the first four characters moved to the end, letters as 10 to 35, the number modulo 97 is 1. */
    private static boolean ibanCheckDigitsRight(CharSequence iban, int length) {
        int remainder = 0;
        for (int k = 0; k < length; k++) {
            char c = iban.charAt((k + 4) % length);
            int value = c <= '9' ? c - '0' : c - 'A' + 10;
            remainder = (remainder * (value < 10 ? 10 : 100) + value) % 97;
        }
        return remainder == 1;
    }

    /** The text with every phone number replaced by '#', character for character. */
    static String hidePhoneNumbers(String text) {
        StringBuilder ascii = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            int digit = DigitRuns.digit(text.charAt(i));
            ascii.append(digit >= 0 ? (char) ('0' + digit) : text.charAt(i));
        }
        StringBuilder hidden = new StringBuilder(text);
        for (Pattern phone : List.of(KUWAIT_PHONE, INTERNATIONAL_PHONE)) {
            Matcher matcher = phone.matcher(ascii);
            while (matcher.find()) {
                for (int i = matcher.start(); i < matcher.end(); i++) {
                    hidden.setCharAt(i, HIDDEN);
                    ascii.setCharAt(i, HIDDEN);
                }
            }
        }
        return hidden.toString();
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isAlphanumeric(char c) {
        return isAsciiLetter(c) || DigitRuns.digit(c) >= 0;
    }
}
