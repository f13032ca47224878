package kw.billpay.channel.banktransfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every run of 12 or more digits (spaces and dashes inside allowed, as the matcher reads them) keeps its last 4. */
class RemittanceMaskingTest {

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("4242424242424242", "************4242"),
                Arguments.of("Card 4242 4242 4242 4242 Nov", "Card **** **** **** 4242 Nov"),
                Arguments.of("4242-4242-4242-4242", "****-****-****-4242"),
                Arguments.of("AMEX 3760 123456 78901", "AMEX **** ****** *8901"),
                Arguments.of("رقم البطاقة ٤٢٤٢٤٢٤٢٤٢٤٢١٢٣٤ شكرا", "رقم البطاقة ************١٢٣٤ شكرا"),
                Arguments.of("123456789012", "********9012"),
                Arguments.of("12345678901", "12345678901"),
                Arguments.of("acct 123456, phone +965 9988 7766", "acct 123456, phone +965 9988 7766"),
                Arguments.of("KW81CBKU0000000000001234560101", "KW81CBKU******************0101"),
                Arguments.of("cards 4242424242424242 and 5123450000001234",
                        "cards ************4242 and ************1234"),
                Arguments.of("4242424242424242 - 50", "**************42 - 50"),
                Arguments.of("4242.4242.4242.4242", "4242.4242.4242.4242"),
                Arguments.of("payment for November", "payment for November"),
                Arguments.of("", ""));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("texts")
    void masksRunsOfTwelveDigitsOrMoreToTheirLastFour(String text, String masked) {
        assertThat(RemittanceMasking.mask(text)).isEqualTo(masked);
    }

    @Test
    void nullStaysNull() {
        assertThat(RemittanceMasking.mask(null)).isNull();
    }

    @Test
    void aNumberCutOverTwoLinesIsMaskedAsOne() {
        assertThat(RemittanceMasking.maskLines(List.of("CARD NO 5123 4500 00", "00 1234 THANK YOU")))
                .containsExactly("CARD NO **** **** **", "** 1234 THANK YOU");
    }

    @Test
    void linesWithoutLongNumbersAreKeptAsTheyAre() {
        assertThat(RemittanceMasking.maskLines(List.of("Nov", "acct 123456"))).containsExactly("Nov", "acct 123456");
        assertThat(RemittanceMasking.maskLines(List.of())).isEmpty();
    }

    @Test
    void aTransferIsLoggedWithItsRemittanceMasked() {
        TransactionDetail detail = new TransactionDetail("REF-1", null, null, kw.billpay.core.money.Money.of("1.000", "KWD"),
                "Debtor", List.of("card 4242 4242 4242 4242"), List.of("5123450000001234"), null);

        assertThat(detail.toString()).doesNotContain("4242 4242 4242 4242").doesNotContain("5123450000001234")
                .contains("**** **** **** 4242").contains("************1234");
    }
}
