package kw.billpay.channel.directdebit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import kw.billpay.channel.directdebit.Fixtures.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The first pass (CONTRACT "Direct-debit result files": what refuses a whole file), without Spring. */
class ResultFileCheckTest {

    /** The billing currencies of the shipped issuer (amex-kw: KWD and USD). */
    private static final Set<Currency> SUPPORTED = Set.of(Currency.getInstance("KWD"), Currency.getInstance("USD"));

    @TempDir
    Path dir;

    static List<Fixture> fixtures() {
        return Fixtures.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyFixtureIsRefusedForTheReasonItsAcknowledgementGivesOrAccepted(Fixture fixture) throws Exception {
        ResultFileCheck.Result result = ResultFileCheck.check(fixture.file(), fixture.inbox(), SUPPORTED);

        assertThat(result.rejection()).as(result.detail()).isEqualTo(fixture.rejection());
        assertThat(result.accepted()).isEqualTo(fixture.accepted());
        // the whole file's bytes, however early the check stopped: a file met again after a restart is known by it
        assertThat(result.sha256()).isEqualTo(sha256(fixture.bytes()));
        if (fixture.fileId().isEmpty()) {
            assertThat(result.header()).isNull();
        } else {
            assertThat(result.header().fileId()).isEqualTo(fixture.fileId());
        }
        if (fixture.accepted()) {
            assertThat(result.detail()).isNull();
            assertThat(result.trailer().recordCount()).isEqualTo(fixture.details().size());
            assertThat(result.currency()).isIn(SUPPORTED);
        } else {
            assertThat(result.detail()).isNotBlank();
        }
    }

    @Test
    void theFixturesCoverEveryWholeFileRefusalButTheDuplicateWhichOnlyTheDatabaseKnows() {
        assertThat(Fixtures.all().stream().map(Fixture::rejection).filter(r -> r != null).distinct())
                .containsExactlyInAnyOrder(Stream.of(FileRejection.values())
                        // PROCESSING_FAILED is no file's content: a file given up after failures that are not its own
                        .filter(r -> r != FileRejection.DUPLICATE_FILE && r != FileRejection.PROCESSING_FAILED)
                        .toArray(FileRejection[]::new));
    }

    @Test
    void anAcceptedFileGivesItsHeaderCurrencyAndTrailer() throws IOException {
        ResultFileCheck.Result result = ResultFileCheck.check(Fixtures.get("valid-kwd").file(), PartnerBank.NBK, SUPPORTED);

        assertThat(result.header()).isEqualTo(new ResultFileFormat.Header("NBK", "NBK-20261127-0001",
                LocalDate.of(2026, 11, 27), "KWD"));
        assertThat(result.currency()).isEqualTo(Currency.getInstance("KWD"));
        assertThat(result.trailer()).isEqualTo(new ResultFileFormat.Trailer(8, new BigDecimal("1297.750")));
    }

    static Stream<Arguments> files() {
        String h = "H,NBK,F-1,20261127,KWD\n";
        String d1 = "D,1,42420000000000001,M1,10.000,20261127,COLLECTED,\n";
        String d2 = "D,2,42420000000000002,M2,5.500,20261127,NOT_COLLECTED,AM04\n";
        return Stream.of(
                arguments("a file with no records", h + "T,0,0\n", null),
                arguments("control sum with another scale", h + d1 + d2 + "T,2,15.5\n", null),
                arguments("control sum of the amounts as written", h + d1
                        + "D,2,42420000000000002,M2,0.0005,20261127,COLLECTED,\n" + "T,2,10.0005\n", null),
                arguments("control sum of the valid amounts", h + d1
                        + "D,2,42420000000000002,M2,0.0005,20261127,COLLECTED,\n" + "T,2,10.000\n", null),
                arguments("negative amount counted as written", h + d1
                        + "D,2,42420000000000002,M2,-4.000,20261127,COLLECTED,\n" + "T,2,6.000\n", null),
                arguments("control sum of neither", h + d1
                        + "D,2,42420000000000002,M2,0.0005,20261127,COLLECTED,\n" + "T,2,10.001\n",
                        FileRejection.CONTROL_SUM_MISMATCH),
                arguments("an amount that is no number is in no sum", h + d1
                        + "D,2,42420000000000002,M2,abc,20261127,COLLECTED,\n" + "T,2,10.000\n", null),
                arguments("blank lines anywhere after the header", h + "\n" + d1 + "  \n\t\n" + d2 + "\n" + "T,2,15.500\n\n\n", null),
                arguments("a D line that is only its type", h + "D\n" + "T,1,0\n", null),
                arguments("a trailer without a line end", h + d1 + "T,1,10.000", null),
                arguments("USD amounts", "H,NBK,F-1,20261127,USD\nD,1,42420000000000001,M1,10.25,20261127,COLLECTED,\nT,1,10.25\n", null),
                arguments("USD amount with 3 decimals left out of the valid sum",
                        "H,NBK,F-1,20261127,USD\nD,1,42420000000000001,M1,10.25,20261127,COLLECTED,\n"
                                + "D,2,42420000000000001,M1,1.005,20261127,COLLECTED,\nT,2,10.25\n", null),
                // the header
                arguments("empty", "", FileRejection.MISSING_HEADER),
                arguments("only a BOM", "\uFEFF", FileRejection.MISSING_HEADER),
                arguments("only line ends", "\n\n", FileRejection.MISSING_HEADER),
                arguments("starts with a D line", d1 + "T,1,10.000\n", FileRejection.MISSING_HEADER),
                arguments("starts with the trailer", "T,0,0\n", FileRejection.MISSING_HEADER),
                arguments("starts with something else", "HDR,NBK,F-1,20261127,KWD\nT,0,0\n", FileRejection.INVALID_HEADER),
                arguments("header of 4 fields", "H,NBK,F-1,20261127\nT,0,0\n", FileRejection.INVALID_HEADER),
                arguments("header of 6 fields", "H,NBK,F-1,20261127,KWD,\nT,0,0\n", FileRejection.INVALID_HEADER),
                arguments("empty fileId", "H,NBK,,20261127,KWD\nT,0,0\n", FileRejection.INVALID_HEADER),
                arguments("fileId with a space", "H,NBK,F 1,20261127,KWD\nT,0,0\n", FileRejection.INVALID_HEADER),
                arguments("fileId with a slash", "H,NBK,../F1,20261127,KWD\nT,0,0\n", FileRejection.INVALID_HEADER),
                arguments("fileId of 65 characters", "H,NBK," + "F".repeat(65) + ",20261127,KWD\nT,0,0\n", FileRejection.INVALID_HEADER),
                arguments("fileId of 64 characters", "H,NBK," + "F".repeat(64) + ",20261127,KWD\nT,0,0\n", null),
                arguments("createdDate 30 February", "H,NBK,F-1,20260230,KWD\nT,0,0\n", FileRejection.INVALID_HEADER),
                arguments("createdDate with dashes", "H,NBK,F-1,2026-11-27,KWD\nT,0,0\n", FileRejection.INVALID_HEADER),
                arguments("bank in lower case", "H,nbk,F-1,20261127,KWD\nT,0,0\n", FileRejection.WRONG_BANK),
                arguments("another bank", "H,KFH,F-1,20261127,KWD\nT,0,0\n", FileRejection.WRONG_BANK),
                arguments("no bank", "H,,F-1,20261127,KWD\nT,0,0\n", FileRejection.WRONG_BANK),
                arguments("currency in lower case", "H,NBK,F-1,20261127,kwd\nT,0,0\n", FileRejection.UNSUPPORTED_CURRENCY),
                arguments("currency SAR (ISO, but billed by no issuer)", "H,NBK,F-1,20261127,SAR\nT,0,0\n", FileRejection.UNSUPPORTED_CURRENCY),
                arguments("currency not ISO", "H,NBK,F-1,20261127,XYZ\nT,0,0\n", FileRejection.UNSUPPORTED_CURRENCY),
                arguments("currency numeric", "H,NBK,F-1,20261127,414\nT,0,0\n", FileRejection.UNSUPPORTED_CURRENCY),
                arguments("no currency", "H,NBK,F-1,20261127,\nT,0,0\n", FileRejection.UNSUPPORTED_CURRENCY),
                // the body and the trailer
                arguments("a second header", h + d1 + h + "T,1,10.000\n", FileRejection.UNEXPECTED_LINE),
                arguments("a line of another type", h + d1 + "X,1\n" + "T,1,10.000\n", FileRejection.UNEXPECTED_LINE),
                arguments("a D in lower case", h + "d,1,42420000000000001,M1,10.000,20261127,COLLECTED,\n" + "T,1,10.000\n", FileRejection.UNEXPECTED_LINE),
                arguments("a line after the trailer", h + d1 + "T,1,10.000\n" + d2, FileRejection.UNEXPECTED_LINE),
                arguments("two trailers", h + d1 + "T,1,10.000\nT,1,10.000\n", FileRejection.UNEXPECTED_LINE),
                arguments("no trailer", h + d1 + d2, FileRejection.MISSING_TRAILER),
                arguments("only a header", h, FileRejection.MISSING_TRAILER),
                arguments("trailer of 2 fields", h + d1 + "T,1\n", FileRejection.INVALID_TRAILER),
                arguments("trailer of 4 fields", h + d1 + "T,1,10.000,\n", FileRejection.INVALID_TRAILER),
                arguments("trailer count not a number", h + d1 + "T,one,10.000\n", FileRejection.INVALID_TRAILER),
                arguments("trailer count negative", h + d1 + "T,-1,10.000\n", FileRejection.INVALID_TRAILER),
                arguments("trailer sum with exponent", h + d1 + "T,1,1e1\n", FileRejection.INVALID_TRAILER),
                arguments("trailer sum with a space", h + d1 + "T,1,10.000 \n", FileRejection.INVALID_TRAILER),
                arguments("trailer sum empty", h + d1 + "T,1,\n", FileRejection.INVALID_TRAILER),
                arguments("count too high", h + d1 + "T,2,10.000\n", FileRejection.RECORD_COUNT_MISMATCH),
                arguments("count too low", h + d1 + d2 + "T,1,15.500\n", FileRejection.RECORD_COUNT_MISMATCH),
                arguments("count with a blank line counted", h + d1 + "\n" + "T,2,10.000\n", FileRejection.RECORD_COUNT_MISMATCH),
                arguments("sum off by one fils", h + d1 + d2 + "T,2,15.501\n", FileRejection.CONTROL_SUM_MISMATCH),
                arguments("sum of the collected only", h + d1 + d2 + "T,2,10.000\n", FileRejection.CONTROL_SUM_MISMATCH),
                arguments("a line longer than any record", h + "D," + "1".repeat(ResultFileReader.MAX_LINE_CHARS) + "\nT,1,0\n",
                        FileRejection.UNEXPECTED_LINE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void wholeFileChecks(String description, String content, FileRejection expected) throws IOException {
        Path file = dir.resolve("file.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);

        ResultFileCheck.Result result = ResultFileCheck.check(file, PartnerBank.NBK, SUPPORTED);

        assertThat(result.rejection()).as(result.detail()).isEqualTo(expected);
        assertThat(result.sha256()).isEqualTo(sha256(content.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aValidHeaderFollowedByAnotherEncodingIsRefusedAsNotUtf8() throws IOException {
        Path file = dir.resolve("latin1.csv");
        // "é" in ISO-8859-1 (0xE9) in the mandate reference of an otherwise well-formed file
        byte[] bytes = ("H,NBK,F-1,20261127,KWD\nD,1,42420000000000001,CAF\u00c9,10.000,20261127,COLLECTED,\nT,1,10.000\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, bytes);

        ResultFileCheck.Result result = ResultFileCheck.check(file, PartnerBank.NBK, SUPPORTED);

        assertThat(result.rejection()).isEqualTo(FileRejection.INVALID_ENCODING);
        assertThat(result.sha256()).isEqualTo(sha256(bytes));
    }

    @Test
    void aFileInUtf16IsRefusedAsNotUtf8() throws IOException {
        Path file = dir.resolve("utf16.csv");
        byte[] bytes = "H,NBK,F-1,20261127,KWD\nT,0,0\n".getBytes(StandardCharsets.UTF_16); // with its BOM FE FF
        Files.write(file, bytes);

        assertThat(ResultFileCheck.check(file, PartnerBank.NBK, SUPPORTED).rejection()).isEqualTo(FileRejection.INVALID_ENCODING);
    }

    @Test
    void aLargeFileIsCheckedInOnePass() throws IOException {
        Path file = dir.resolve("large.csv");
        int records = 100_000;
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("H,NBK,F-LARGE,20261127,KWD\n");
            for (int i = 1; i <= records; i++) {
                out.write("D," + i + ",42420000000000001,M1,1.001,20261127,COLLECTED,\n");
            }
            out.write("T," + records + ",100100.000\n");
        }

        ResultFileCheck.Result result = ResultFileCheck.check(file, PartnerBank.NBK, SUPPORTED);

        assertThat(result.rejection()).as(result.detail()).isNull();
        assertThat(result.trailer().recordCount()).isEqualTo(records);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
