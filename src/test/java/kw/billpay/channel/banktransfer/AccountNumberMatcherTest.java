package kw.billpay.channel.banktransfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kw.billpay.channel.banktransfer.AccountMatch.NoMatchReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The matching rule on remittance texts as customers and banks write them. Each row: what is typed (Ustrd lines,
 * structured creditor references) and the outcome: an account (by its letter below) and the rule that found it, or
 * the reason the transfer goes to suspense.
 */
class AccountNumberMatcherTest {

    /** The gateway's accounts in these rows, by letter. */
    static final Map<String, String> ACCOUNTS = Map.of(
            "A", "4242424242424242",      // a 16-digit card
            "B", "5123450000001234",      // another card
            "C", "376012345678901",       // an Amex card: 15 digits, typed 4-6-5
            "D", "123456",                // the shortest account number (6 digits)
            "E", "1234567890123456789",   // the longest (19 digits)
            "F", "99887766",              // 8 digits: looks like a Kuwaiti mobile number
            "G", "1234560101",            // the tail of the IBAN KW81CBKU0000000000001234560101
            "H", "42424242");             // a short account inside card A's digits
    static final Set<String> KNOWN = Set.copyOf(ACCOUNTS.values());

    static Stream<Arguments> remittanceTexts() {
        return Stream.of(
                row("card number as one run", u("4242424242424242"), r(), "A USTRD"),
                row("card number in groups of four", u("4242 4242 4242 4242"), r(), "A USTRD"),
                row("card number with dashes", u("4242-4242-4242-4242"), r(), "A USTRD"),
                row("card number with words around it", u("Card no. 4242 4242 4242 4242 payment Nov"), r(),
                        "A USTRD"),
                row("Arabic text around the number", u("سداد البطاقة 4242424242424242 شكرا"), r(), "A USTRD"),
                row("Arabic-Indic digits", u("رقم البطاقة ٤٢٤٢٤٢٤٢٤٢٤٢٤٢٤٢"), r(), "A USTRD"),
                row("Arabic-Indic digits with dashes", u("بطاقة ٤٢٤٢-٤٢٤٢-٤٢٤٢-٤٢٤٢"), r(), "A USTRD"),
                row("Persian digits in groups", u("۴۲۴۲ ۴۲۴۲ ۴۲۴۲ ۴۲۴۲"), r(), "A USTRD"),
                row("right-to-left marks between the groups", u("\u200F4242 \u200F4242\u200F 4242 4242"), r(),
                        "A USTRD"),
                row("no-break spaces and an en dash", u("4242\u00A04242 \u2013 4242\u00A04242"), r(), "A USTRD"),
                row("digits glued to a word", u("card4242424242424242"), r(), "A USTRD"),
                row("card number and the amount after a dash", u("4242424242424242 - 50 KWD"), r(), "A USTRD"),
                row("the amount with decimals before the card", u("KWD 150.500 5123450000001234"), r(), "B USTRD"),
                row("a date with dashes before the card", u("27-11-2025 card 5123 4500 0000 1234"), r(), "B USTRD"),
                row("the same number written twice", u("4242424242424242 / 4242 4242 4242 4242"), r(), "A USTRD"),
                row("the same number in the reference and the text", u("4242424242424242"),
                        r("4242 4242 4242 4242"), "A CREDITOR_REFERENCE"),
                row("only in the structured creditor reference", u("Card payment"), r("5123450000001234"),
                        "B CREDITOR_REFERENCE"),
                row("Amex written 4-6-5 in the reference", u(), r("3760 123456 78901"), "C CREDITOR_REFERENCE"),
                row("two different cards", u("4242424242424242 and 5123450000001234"), r(), "AMBIGUOUS A,B"),
                row("one card in the reference, another in the text", u("5123450000001234"),
                        r("4242424242424242"), "AMBIGUOUS A,B"),
                row("an account number and a card number", u("acct 123456 card 4242424242424242"), r(),
                        "AMBIGUOUS D,A"),
                row("number split over two lines at a space", u("PAYMENT CARD 4242 4242", "4242 4242"), r(),
                        "A USTRD_ACROSS_LINES"),
                row("number cut inside a group by the line break", u("card 42424242424", "24242 thanks"), r(),
                        "A USTRD_ACROSS_LINES"),
                row("number whole on the second line", u("PAYMENT FOR NOVEMBER", "4242424242424242"), r(),
                        "A USTRD"),
                row("a short account inside the card's groups counts as the card",
                        u("4242 4242 4242 4242"), r(), "A USTRD"),
                row("the short account alone", u("4242 4242"), r(), "H USTRD"),
                row("an IBAN whose digits end in an account number", u("from KW81CBKU0000000000001234560101"), r(),
                        "NO_NUMBER"),
                row("an IBAN in groups of four", u("KW81 CBKU 0000 0000 0000 1234 5601 01"), r(), "NO_NUMBER"),
                row("an IBAN in lower case", u("iban kw81cbku0000000000001234560101"), r(), "NO_NUMBER"),
                row("an IBAN and the card number", u("KW81 CBKU 0000 0000 0000 1234 5601 01 card 4242424242424242"),
                        r(), "A USTRD"),
                row("a mistyped IBAN is not recognised: its digits are numbers",
                        u("KW82 CBKU 0000 0000 0000 1234 5601 01"), r(), "G USTRD"),
                row("a Kuwaiti mobile number with +965", u("call me +965 9988 7766"), r(), "NO_NUMBER"),
                row("a Kuwaiti mobile number with 00965", u("mob 00965 99887766"), r(), "NO_NUMBER"),
                row("a foreign phone number in one piece", u("tel +447946095800"), r(), "NO_NUMBER"),
                row("a phone number and the card", u("mob +96599887766 card 4242 4242 4242 4242"), r(), "A USTRD"),
                row("a bare local number that is an account is taken", u("tel 99887766"), r(), "F USTRD"),
                row("an unknown card number", u("5555 6666 7777 8888"), r(), "UNKNOWN_NUMBER"),
                row("an ISO 11649 creditor reference (IBAN check digits) is no account", u(), r("RF18 5390 0754 7034"),
                        "NO_NUMBER"),
                row("no number at all", u("payment for November"), r(), "NO_NUMBER"),
                row("five digits are no account number", u("ref 12345"), r(), "NO_NUMBER"),
                row("the shortest account number", u("acct 123456"), r(), "D USTRD"),
                row("the longest account number", u("1234567890123456789"), r(), "E USTRD"),
                row("twenty digits in one piece are no account number", u("12345678901234567890"), r(),
                        "NO_NUMBER"),
                row("dots do not join groups", u("4242.4242.4242.4242"), r(), "NO_NUMBER"),
                row("nothing given", u(), r(), "NO_NUMBER"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("remittanceTexts")
    void matchesAsTheContractSays(String description, List<String> unstructured, List<String> references,
                                  String expected) {
        AccountMatch match = AccountNumberMatcher.match(unstructured, references, KNOWN::contains);

        assertThat(describe(match)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("remittanceTexts")
    void lookingUpAllCandidatesAtOnceGivesTheSameOutcome(String description, List<String> unstructured,
                                                         List<String> references, String expected) {
        Set<String> candidates = AccountNumberMatcher.candidates(unstructured, references);
        Set<String> knownCandidates = candidates.stream().filter(KNOWN::contains).collect(Collectors.toSet());

        AccountMatch match = AccountNumberMatcher.match(unstructured, references, knownCandidates::contains);

        assertThat(describe(match)).isEqualTo(expected);
        assertThat(candidates).allSatisfy(c -> assertThat(c).matches("[0-9]{6,19}"));
    }

    @Test
    void theMatcherIsGivenAsciiDigitsWhateverTheCustomerTyped() {
        List<String> asked = new ArrayList<>();

        AccountNumberMatcher.match(List.of("٥١٢٣ ٤٥٠٠ ٠٠٠٠ ١٢٣٤"), List.of(), number -> asked.add(number));

        assertThat(asked).contains("5123450000001234").allSatisfy(n -> assertThat(n).matches("[0-9]+"));
    }

    @Test
    void aMatchIsLoggedWithMaskedNumbers() {
        AccountMatch matched = AccountNumberMatcher.match(List.of("4242424242424242"), List.of(), KNOWN::contains);
        AccountMatch ambiguous = AccountNumberMatcher.match(List.of("4242424242424242 5123450000001234"), List.of(),
                KNOWN::contains);

        assertThat(matched.toString()).isEqualTo("MATCHED ************4242 by USTRD");
        assertThat(ambiguous.toString()).isEqualTo("AMBIGUOUS [************4242, ************1234]");
    }

    private static String describe(AccountMatch match) {
        Map<String, String> letters = ACCOUNTS.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
        if (match.matched()) {
            return letters.get(match.accountNumber()) + " " + match.rule();
        }
        if (match.reason() == NoMatchReason.AMBIGUOUS) {
            return "AMBIGUOUS " + match.accounts().stream().map(letters::get).collect(Collectors.joining(","));
        }
        return match.reason().name();
    }

    private static Arguments row(String description, List<String> unstructured, List<String> references,
                                 String expected) {
        return Arguments.of(description, unstructured, references, expected);
    }

    private static List<String> u(String... lines) {
        return Arrays.asList(lines);
    }

    private static List<String> r(String... references) {
        return Arrays.asList(references);
    }
}
