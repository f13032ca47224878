package kw.billpay.channel.directdebit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming line reader: line ends, the byte order mark, over-long lines, bytes that are not UTF-8. */
class ResultFileReaderTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    Path dir;

    static Stream<Arguments> lineEnds() {
        return Stream.of(
                arguments("LF", "a\nbb\nccc\n", List.of("a", "bb", "ccc")),
                arguments("CRLF", "a\r\nbb\r\nccc\r\n", List.of("a", "bb", "ccc")),
                arguments("CR", "a\rbb\rccc\r", List.of("a", "bb", "ccc")),
                arguments("mixed", "a\r\nbb\nccc\rdddd\n", List.of("a", "bb", "ccc", "dddd")),
                arguments("no end after the last line", "a\nbb", List.of("a", "bb")),
                arguments("CRLF, no end after the last line", "a\r\nbb", List.of("a", "bb")),
                arguments("blank lines kept as empty lines", "a\n\n\nb\n", List.of("a", "", "", "b")),
                arguments("blank CRLF lines", "a\r\n\r\nb\r\n", List.of("a", "", "b")),
                arguments("LF CR is two ends", "a\n\rb", List.of("a", "", "b")),
                arguments("CR CR LF", "a\r\r\nb", List.of("a", "", "b")),
                arguments("only a line end", "\n", List.of("")),
                arguments("empty", "", List.of()),
                arguments("spaces are kept", " a , b \n", List.of(" a , b ")),
                arguments("Arabic text", "\u0628\u0646\u0643\n\u0627\u0644\u0643\u0648\u064a\u062a\n",
                        List.of("\u0628\u0646\u0643", "\u0627\u0644\u0643\u0648\u064a\u062a")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lineEnds")
    void linesEndAtLfCrlfOrCr(String description, String content, List<String> expected) throws IOException {
        assertThat(readAll(write(content.getBytes(StandardCharsets.UTF_8)))).isEqualTo(expected);
    }

    @Test
    void aByteOrderMarkBeforeTheFirstLineIsSkipped() throws IOException {
        assertThat(readAll(write(concat(BOM, "H,NBK\r\nT,0,0\r\n".getBytes(StandardCharsets.UTF_8)))))
                .containsExactly("H,NBK", "T,0,0");
        assertThat(readAll(write(BOM))).isEmpty();
        assertThat(readAll(write(concat(BOM, "\n".getBytes(StandardCharsets.UTF_8))))).containsExactly("");
    }

    @Test
    void aByteOrderMarkElsewhereIsText() throws IOException {
        assertThat(readAll(write(concat("a\n".getBytes(StandardCharsets.UTF_8), BOM, "b\n".getBytes(StandardCharsets.UTF_8)))))
                .containsExactly("a", "\uFEFFb");
        // only one is skipped
        assertThat(readAll(write(concat(BOM, BOM, "a".getBytes(StandardCharsets.UTF_8))))).containsExactly("\uFEFFa");
    }

    @Test
    void lineNumbersCountEveryLineFromOne() throws IOException {
        try (ResultFileReader reader = new ResultFileReader(write("H\n\nD\r\nT".getBytes(StandardCharsets.UTF_8)))) {
            assertThat(reader.lineNo()).isZero();
            assertThat(reader.next()).isEqualTo("H");
            assertThat(reader.lineNo()).isEqualTo(1);
            assertThat(reader.next()).isEmpty();
            assertThat(reader.next()).isEqualTo("D");
            assertThat(reader.lineNo()).isEqualTo(3);
            assertThat(reader.next()).isEqualTo("T");
            assertThat(reader.lineNo()).isEqualTo(4);
            assertThat(reader.next()).isNull();
            assertThat(reader.next()).isNull();
            assertThat(reader.lineNo()).isEqualTo(4);
        }
    }

    /**
     * A CR LF whose two halves fall into two reads of the file is still one line end: the lines are shifted by every
     * offset over a stretch longer than a line, so that some CR is the last character of a read whatever the read size.
     */
    @Test
    void aCrlfSplitAcrossReadsIsOneLineEnd() throws IOException {
        String line = "x".repeat(997);
        for (int shift = 0; shift < 1000; shift++) {
            StringBuilder content = new StringBuilder("p".repeat(shift)).append("\r\n");
            List<String> expected = new ArrayList<>(List.of("p".repeat(shift)));
            for (int i = 0; i < 20; i++) {
                content.append(line).append(i % 10).append("\r\n");
                expected.add(line + (i % 10));
            }
            assertThat(readAll(write(content.toString().getBytes(StandardCharsets.UTF_8)))).as("shift %s", shift).isEqualTo(expected);
        }
    }

    @Test
    void aMultiByteCharacterSplitAcrossReadsIsReadWhole() throws IOException {
        String arabic = "\u0643".repeat(900); // 2 bytes each
        StringBuilder content = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String line = "z".repeat(i % 7) + arabic;
            content.append(line).append('\n');
            expected.add(line);
        }
        assertThat(readAll(write(content.toString().getBytes(StandardCharsets.UTF_8)))).isEqualTo(expected);
    }

    @Test
    void aLineOfTheMaximumLengthIsRead() throws IOException {
        String longest = "9".repeat(ResultFileReader.MAX_LINE_CHARS);
        assertThat(readAll(write((longest + "\n" + longest).getBytes(StandardCharsets.UTF_8)))).containsExactly(longest, longest);
        assertThat(readAll(write((longest + "\r\n").getBytes(StandardCharsets.UTF_8)))).containsExactly(longest);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 100_000})
    void aLongerLineRefusesTheFileWithoutReadingItWhole(int over) throws IOException {
        String tooLong = "9".repeat(ResultFileReader.MAX_LINE_CHARS + over);
        Path file = write(("H\n" + tooLong + "\nT\n").getBytes(StandardCharsets.UTF_8));
        try (ResultFileReader reader = new ResultFileReader(file)) {
            assertThat(reader.next()).isEqualTo("H");
            assertThatThrownBy(reader::next)
                    .isInstanceOfSatisfying(RejectedFileException.class,
                            e -> assertThat(e.reason()).isEqualTo(FileRejection.UNEXPECTED_LINE))
                    .hasMessageContaining("line 2");
        }
    }

    @Test
    void aFileWithNoLineEndAtAllIsRefusedOnceTooLong() throws IOException {
        Path file = write("A".repeat(5_000_000).getBytes(StandardCharsets.US_ASCII));
        try (ResultFileReader reader = new ResultFileReader(file)) {
            assertThatThrownBy(reader::next).isInstanceOfSatisfying(RejectedFileException.class,
                    e -> assertThat(e.reason()).isEqualTo(FileRejection.UNEXPECTED_LINE));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "ff",             // never in UTF-8
            "c328",           // a lead byte followed by no continuation
            "80",             // a lone continuation byte
            "c0af",           // an over-long '/'
            "eda080",         // a UTF-16 surrogate encoded in UTF-8
            "f4908080",       // above U+10FFFF
            "e282",           // a three-byte character cut at the end of the file
            "e9",             // 'é' in ISO-8859-1
            "c7e1c8e4df"})    // Arabic in Windows-1256
    void bytesThatAreNotUtf8RefuseTheFile(String hex) throws IOException {
        Path file = write(concat("H,NBK\n".getBytes(StandardCharsets.UTF_8), HexFormat.of().parseHex(hex),
                "\nT,0,0\n".getBytes(StandardCharsets.UTF_8)));
        try (ResultFileReader reader = new ResultFileReader(file)) {
            assertThatThrownBy(() -> {
                while (reader.next() != null) {
                    // read on
                }
            }).isInstanceOfSatisfying(RejectedFileException.class,
                    e -> assertThat(e.reason()).isEqualTo(FileRejection.INVALID_ENCODING));
        }
    }

    @Test
    void theBinaryFixtureIsRefusedOnItsFirstRead() throws IOException {
        try (ResultFileReader reader = new ResultFileReader(Fixtures.get("binary-garbage").file())) {
            assertThatThrownBy(reader::next).isInstanceOfSatisfying(RejectedFileException.class,
                    e -> assertThat(e.reason()).isEqualTo(FileRejection.INVALID_ENCODING));
        }
    }

    @Test
    void theSha256IsOfEveryByteWhereverReadingStopped() throws IOException {
        byte[] bytes = concat(BOM, "H,NBK\r\nD,1\nT,0,0\n".getBytes(StandardCharsets.UTF_8));
        Path file = write(bytes);
        String expected = ResultFileCheckTest.sha256(bytes);
        for (int lines = 0; lines <= 4; lines++) {
            try (ResultFileReader reader = new ResultFileReader(file)) {
                for (int i = 0; i < lines; i++) {
                    reader.next();
                }
                assertThat(reader.sha256()).as("after %s lines", lines).isEqualTo(expected);
            }
        }
        byte[] large = "D,1,42420000000000001,M1,1.000,20261127,COLLECTED,\n".repeat(20_000).getBytes(StandardCharsets.UTF_8);
        try (ResultFileReader reader = new ResultFileReader(write(large))) {
            reader.next();
            assertThat(reader.sha256()).isEqualTo(ResultFileCheckTest.sha256(large));
        }
    }

    private List<String> readAll(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        try (ResultFileReader reader = new ResultFileReader(file)) {
            for (String line = reader.next(); line != null; line = reader.next()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private int files;

    private Path write(byte[] bytes) throws IOException {
        return Files.write(dir.resolve("file-" + files++ + ".csv"), bytes);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
