package kw.billpay.channel.directdebit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.stream.Stream;
import kw.billpay.channel.directdebit.ResultFileFormat.Collection;
import kw.billpay.channel.directdebit.ResultFileFormat.Detail;
import kw.billpay.channel.directdebit.ResultFileFormat.Header;
import kw.billpay.channel.directdebit.ResultFileFormat.Trailer;
import kw.billpay.core.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The H, D and T lines one at a time: what each field of a D line makes of the record. */
class ResultFileFormatTest {

    private static final Currency KWD = Currency.getInstance("KWD");
    private static final Currency USD = Currency.getInstance("USD");
    private static final String ACCOUNT = "42420000000000001";

    /** A D line from its eight fields after the type. */
    private static String d(String seq, String account, String mandate, String amount, String date, String status, String reason) {
        return String.join(",", "D", seq, account, mandate, amount, date, status, reason);
    }

    private static String collected(String amount) {
        return d("1", ACCOUNT, "M-1", amount, "20261127", "COLLECTED", "");
    }

    @Test
    void aCollectedRecordIsReadWhole() {
        Detail detail = Detail.parse(7, d("12", ACCOUNT, "NBK/MND_0001-a.b", "26.5", "20261127", "COLLECTED", ""), KWD);

        assertThat(detail).isEqualTo(new Detail(7, "12", ACCOUNT, "NBK/MND_0001-a.b", Money.of("26.500", "KWD"),
                LocalDate.of(2026, 11, 27), Collection.COLLECTED, null, null));
        assertThat(detail.amount().toPlainString()).isEqualTo("26.500");
    }

    @Test
    void aCollectedRecordMayLeaveOutItsEmptyReasonCode() {
        Detail detail = Detail.parse(2, "D,1," + ACCOUNT + ",M-1,10.000,20261127,COLLECTED", KWD);

        assertThat(detail.refusal()).isNull();
        assertThat(detail.status()).isEqualTo(Collection.COLLECTED);
        assertThat(detail.amount()).isEqualTo(Money.of("10.000", "KWD"));
    }

    @Test
    void aCollectedRecordWithAReasonCodeIsPostedAndTheCodeDropped() {
        Detail detail = Detail.parse(2, d("1", ACCOUNT, "M-1", "10.000", "20261127", "COLLECTED", "AM04"), KWD);

        assertThat(detail.refusal()).isNull();
        assertThat(detail.reasonCode()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"AM04", "AC04", "MD01", "MS03", ""})
    void aNotCollectedRecordKeepsTheBanksReasonCode(String reason) {
        Detail detail = Detail.parse(3, d("2", ACCOUNT, "M-2", "25.000", "20261127", "NOT_COLLECTED", reason), KWD);

        assertThat(detail.refusal()).isNull();
        assertThat(detail.status()).isEqualTo(Collection.NOT_COLLECTED);
        assertThat(detail.reasonCode()).isEqualTo(reason);
        assertThat(detail.amount()).isEqualTo(Money.of("25.000", "KWD"));
        assertThat(detail.accountNumber()).isEqualTo(ACCOUNT);
    }

    /** Nothing of a NOT_COLLECTED record is posted, so its fields are kept as far as they can be read, never refused. */
    @Test
    void aNotCollectedRecordWithBadFieldsIsStillRecorded() {
        Detail detail = Detail.parse(3, d("2", "12AB", "M-2", "1.2345", "20261131", "NOT_COLLECTED", "AM04"), KWD);

        assertThat(detail.refusal()).isNull();
        assertThat(detail.accountNumber()).isNull();
        assertThat(detail.amount()).isNull();
        assertThat(detail.collectionDate()).isNull();
        assertThat(detail.reasonCode()).isEqualTo("AM04");
    }

    static Stream<Arguments> amounts() {
        return Stream.of(
                arguments("12.345", KWD, "12.345"),
                arguments("0.001", KWD, "0.001"),
                arguments("7", KWD, "7.000"),
                arguments("7.5", KWD, "7.500"),
                arguments("007.500", KWD, "7.500"),
                arguments("999999999999999.999", KWD, "999999999999999.999"),
                arguments("10.25", USD, "10.25"),
                arguments("0.01", USD, "0.01"),
                arguments("1.2345", KWD, null),
                arguments("10.005", USD, null),
                arguments("0", KWD, null),
                arguments("0.000", KWD, null),
                arguments("-5.000", KWD, null),
                arguments("+5.000", KWD, null),
                arguments("1e3", KWD, null),
                arguments("1E3", KWD, null),
                arguments(".500", KWD, null),
                arguments("5.", KWD, null),
                arguments("", KWD, null),
                arguments(" 5.000", KWD, null),
                arguments("5.000 ", KWD, null),
                arguments("KWD5", KWD, null),
                arguments("5 000", KWD, null),
                arguments("\u0665.000", KWD, null),          // an Arabic-Indic digit
                arguments("NaN", KWD, null),
                arguments("1000000000000000.000", KWD, null)); // 16 integer digits
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("amounts")
    void theAmountOfACollectedRecord(String amount, Currency currency, String expected) {
        Detail detail = Detail.parse(2, collected(amount), currency);

        if (expected == null) {
            assertThat(detail.refusal()).isEqualTo(RecordRefusal.INVALID_AMOUNT);
            assertThat(detail.amount()).isNull();
        } else {
            assertThat(detail.refusal()).isNull();
            assertThat(detail.amount()).isEqualTo(new Money(new BigDecimal(expected), currency));
        }
        assertThat(detail.seq()).isEqualTo("1");
        assertThat(detail.accountNumber()).isEqualTo(ACCOUNT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"20261131", "20260229", "20261300", "20261100", "2026-11-27", "27112026", "261127", "2026112",
            "202611270", "", "        ", "yyyyMMdd", "+2026112"})
    void aCollectedRecordWithoutARealCollectionDateIsRefused(String date) {
        Detail detail = Detail.parse(2, d("1", ACCOUNT, "M-1", "10.000", date, "COLLECTED", ""), KWD);

        assertThat(detail.refusal()).isEqualTo(RecordRefusal.INVALID_DATE);
        assertThat(detail.collectionDate()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"20280229", "20261127", "20261231", "20270101"})
    void realDates(String date) {
        assertThat(Detail.parse(2, d("1", ACCOUNT, "M-1", "10.000", date, "COLLECTED", ""), KWD).collectionDate())
                .isEqualTo(LocalDate.parse(date, java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "12345678901234567890", "4242A000000000001", " 42420000000000001",
            "4242-0000-0000-0001", "\u0664\u0662\u0664\u0662\u0660\u0660\u0660\u0660"})
    void aCollectedRecordForSomethingThatIsNoAccountNumberIsAnUnknownAccount(String account) {
        Detail detail = Detail.parse(2, d("1", account, "M-1", "10.000", "20261127", "COLLECTED", ""), KWD);

        assertThat(detail.refusal()).isEqualTo(RecordRefusal.UNKNOWN_ACCOUNT);
        assertThat(detail.accountNumber()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456", "1234567890123456789"})
    void accountNumbersOf6To19DigitsAreRead(String account) {
        Detail detail = Detail.parse(2, d("1", account, "M-1", "10.000", "20261127", "COLLECTED", ""), KWD);

        assertThat(detail.refusal()).isNull();
        assertThat(detail.accountNumber()).isEqualTo(account);
    }

    @Test
    void whenSeveralFieldsAreBadTheDateIsReportedFirstThenTheAmountThenTheAccount() {
        assertThat(Detail.parse(2, d("1", "x", "M-1", "x", "x", "COLLECTED", ""), KWD).refusal()).isEqualTo(RecordRefusal.INVALID_DATE);
        assertThat(Detail.parse(2, d("1", "x", "M-1", "x", "20261127", "COLLECTED", ""), KWD).refusal()).isEqualTo(RecordRefusal.INVALID_AMOUNT);
        assertThat(Detail.parse(2, d("1", "x", "M-1", "1.000", "20261127", "COLLECTED", ""), KWD).refusal()).isEqualTo(RecordRefusal.UNKNOWN_ACCOUNT);
    }

    static Stream<Arguments> malformed() {
        String ok = d("5", ACCOUNT, "M-1", "10.000", "20261127", "COLLECTED", "");
        return Stream.of(
                arguments("only the type", "D", null),
                arguments("6 fields", "D,5," + ACCOUNT + ",M-1,10.000,20261127", "5"),
                arguments("9 fields", ok + ",", "5"),
                arguments("a quoted field with a comma", "D,5," + ACCOUNT + ",\"M,1\",10.000,20261127,COLLECTED,", "5"),
                arguments("status in lower case", ok.replace("COLLECTED", "collected"), "5"),
                arguments("status unknown", ok.replace("COLLECTED", "PAID"), "5"),
                arguments("status empty", ok.replace("COLLECTED", ""), "5"),
                arguments("status with a space", ok.replace("COLLECTED", "COLLECTED "), "5"),
                arguments("mandateRef with a space", ok.replace("M-1", "M 1"), "5"),
                arguments("mandateRef of 65 characters", ok.replace("M-1", "M".repeat(65)), "5"),
                arguments("reasonCode with a dash", d("5", ACCOUNT, "M-1", "10.000", "20261127", "NOT_COLLECTED", "AM-04"), "5"),
                arguments("reasonCode of 36 characters", d("5", ACCOUNT, "M-1", "10.000", "20261127", "NOT_COLLECTED", "A".repeat(36)), "5"),
                arguments("seq empty", ok.replace("D,5,", "D,,"), null),
                arguments("seq with a space", ok.replace("D,5,", "D,5 5,"), null),
                arguments("seq with a dash", ok.replace("D,5,", "D,5-1,"), null),
                arguments("seq of 36 characters", ok.replace("D,5,", "D," + "9".repeat(36) + ","), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void aLineThatIsNoRecordIsRefusedAsInvalidAndKeepsItsSeqWhenReadable(String description, String line, String seq) {
        Detail detail = Detail.parse(4, line, KWD);

        assertThat(detail.refusal()).isEqualTo(RecordRefusal.INVALID_RECORD);
        assertThat(detail.seq()).isEqualTo(seq);
        assertThat(detail.seqOrEmpty()).isEqualTo(seq == null ? "" : seq);
        assertThat(detail.lineNo()).isEqualTo(4);
        assertThat(detail.amount()).isNull();
        assertThat(detail.accountNumber()).isNull();
    }

    @Test
    void limitsOfTheTextFields() {
        String seq = "A1".repeat(17) + "Z"; // 35
        String mandate = "M".repeat(64);
        String reason = "R".repeat(35);
        Detail detail = Detail.parse(2, d(seq, ACCOUNT, mandate, "1.000", "20261127", "NOT_COLLECTED", reason), KWD);

        assertThat(detail.refusal()).isNull();
        assertThat(detail.seq()).isEqualTo(seq);
        assertThat(detail.mandateRef()).isEqualTo(mandate);
        assertThat(detail.reasonCode()).isEqualTo(reason);
        assertThat(Detail.parse(2, d("1", ACCOUNT, "", "1.000", "20261127", "COLLECTED", ""), KWD).refusal())
                .as("an empty mandateRef").isNull();
    }

    @Test
    void aRefusedCopyKeepsEveryField() {
        Detail detail = Detail.parse(9, collected("3.000"), KWD);

        Detail refused = detail.refused(RecordRefusal.DUPLICATE_SEQ);

        assertThat(refused.refusal()).isEqualTo(RecordRefusal.DUPLICATE_SEQ);
        assertThat(refused).usingRecursiveComparison().ignoringFields("refusal").isEqualTo(detail);
    }

    @Test
    void headers() {
        assertThat(Header.parse("H,NBK,NBK-2026.11_27,20261127,KWD"))
                .isEqualTo(new Header("NBK", "NBK-2026.11_27", LocalDate.of(2026, 11, 27), "KWD"));
        assertThat(Header.parse("H,anything,F,20261127,what")).isEqualTo(new Header("anything", "F", LocalDate.of(2026, 11, 27), "what"));
        for (String bad : new String[] {"H", "H,NBK,F,20261127", "H,NBK,F,20261127,KWD,", "H,NBK,,20261127,KWD",
                "H,NBK,F/1,20261127,KWD", "H,NBK,F,20261127 ,KWD", "H,NBK,F,,KWD", "H,NBK,F,20261332,KWD"}) {
            assertThatThrownBy(() -> Header.parse(bad)).as(bad).isInstanceOfSatisfying(RejectedFileException.class,
                    e -> assertThat(e.reason()).isEqualTo(FileRejection.INVALID_HEADER));
        }
    }

    @Test
    void trailers() {
        assertThat(Trailer.parse("T,3,121.000")).isEqualTo(new Trailer(3, new BigDecimal("121.000")));
        assertThat(Trailer.parse("T,0,0")).isEqualTo(new Trailer(0, BigDecimal.ZERO));
        assertThat(Trailer.parse("T,007,-1.5")).isEqualTo(new Trailer(7, new BigDecimal("-1.5")));
        for (String bad : new String[] {"T", "T,1", "T,1,1,", "T,,1", "T,1,", "T,-1,1", "T,1234567890,1", "T,1,1e3",
                "T,1,1,000", "T,1,.5", "T,1,+1", "T,1, 1"}) {
            assertThatThrownBy(() -> Trailer.parse(bad)).as(bad).isInstanceOfSatisfying(RejectedFileException.class,
                    e -> assertThat(e.reason()).isEqualTo(FileRejection.INVALID_TRAILER));
        }
    }

    @Test
    void theAmountAsWrittenForTheControlSum() {
        assertThat(ResultFileFormat.amountAsWritten(collected("12.345"))).isEqualByComparingTo("12.345");
        assertThat(ResultFileFormat.amountAsWritten(collected("1.2345"))).isEqualByComparingTo("1.2345");
        assertThat(ResultFileFormat.amountAsWritten(collected("-5"))).isEqualByComparingTo("-5");
        assertThat(ResultFileFormat.amountAsWritten("D,1,2,3,4.5")).isEqualByComparingTo("4.5");
        assertThat(ResultFileFormat.amountAsWritten(collected("1e3"))).isNull();
        assertThat(ResultFileFormat.amountAsWritten(collected(""))).isNull();
        assertThat(ResultFileFormat.amountAsWritten("D,1,2,3")).isNull();
        assertThat(ResultFileFormat.amountAsWritten("D")).isNull();
    }

    @Test
    void theRecordType() {
        assertThat(ResultFileFormat.type("H,NBK")).isEqualTo("H");
        assertThat(ResultFileFormat.type("D")).isEqualTo("D");
        assertThat(ResultFileFormat.type("")).isEmpty();
        assertThat(ResultFileFormat.type(",x")).isEmpty();
    }
}
