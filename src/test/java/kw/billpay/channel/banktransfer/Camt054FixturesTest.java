package kw.billpay.channel.banktransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every camt.054 fixture in {@code src/test/resources/bank-transfer} through the reader, against the outcome its
 * {@code <case>.expected.txt} gives (the folder's README.md lists them), as moov-io/ach keeps its test files.
 */
class Camt054FixturesTest {

    static Path folder() {
        try {
            return Path.of(Camt054FixturesTest.class.getResource("/bank-transfer").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(folder())) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".xml")).sorted().toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void eachFixtureGivesTheOutcomeItsExpectedFileSays(String name) throws IOException {
        Path expected = folder().resolve(name.replace(".xml", ".expected.txt"));

        List<String> actual = FixtureRendering.render(folder().resolve(name));

        assertThat(actual).containsExactlyElementsOf(Files.readAllLines(expected, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void eachFixtureIsInTheReadmeWithItsOutcome(String name) throws IOException {
        String readme = Files.readString(folder().resolve("README.md"));
        List<String> expected = Files.readAllLines(folder().resolve(name.replace(".xml", ".expected.txt")));
        String outcome = expected.get(expected.size() - 1).startsWith("REFUSED")
                ? expected.get(expected.size() - 1).substring("REFUSED ".length()) : "ACCEPTED";

        String row = readme.lines().filter(line -> line.contains("`" + name + "`")).findFirst().orElse("");

        assertThat(row).as("README row of " + name).contains(outcome);
    }

    static Stream<String> refusedFixtures() throws IOException {
        return fixtures().filter(name -> name.startsWith("refused-"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedFixtures")
    void aRefusalSaysWhyWithoutQuotingTheFile(String name) {
        assertThatThrownBy(() -> {
            try (Camt054Reader reader = Camt054Reader.open(folder().resolve(name))) {
                reader.forEachRemaining(read -> { });
            }
        }).isInstanceOfSatisfying(Camt054RefusedException.class, e -> assertThat(e.detail()).isNotBlank()
                .doesNotContain("root:").doesNotContain("5123450000001234"));
    }

    @Test
    void tenMegabytesOfBinaryJunkAreRefusedFromTheirFirstBytes(@TempDir Path dir) throws IOException {
        byte[] junk = new byte[10 * 1024 * 1024];
        new Random(20251127).nextBytes(junk);
        Path file = Files.write(dir.resolve("junk.xml"), junk);

        assertRefusedAfterReadingLittle(file, Camt054Refusal.INVALID_ENCODING);
    }

    @Test
    void tenMegabytesOfTextJunkAreRefusedFromTheirFirstBytes(@TempDir Path dir) throws IOException {
        StringBuilder text = new StringBuilder(10 * 1024 * 1024);
        Random random = new Random(54);
        while (text.length() < 10 * 1024 * 1024) {
            text.append((char) ('a' + random.nextInt(26))).append(random.nextInt(9) == 0 ? "\n" : "");
        }
        Path file = Files.writeString(dir.resolve("junk.xml"), text);

        assertRefusedAfterReadingLittle(file, Camt054Refusal.NOT_WELL_FORMED);
    }

    /** Refused, and no more than the first megabyte read (the reader's buffers): junk is not read to its end. */
    private static void assertRefusedAfterReadingLittle(Path file, Camt054Refusal reason) throws IOException {
        long[] read = new long[1];
        try (InputStream in = new CountingStream(Files.newInputStream(file), read)) {
            assertThatThrownBy(() -> Camt054Reader.open(in).forEachRemaining(r -> { }))
                    .isInstanceOfSatisfying(Camt054RefusedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
        }
        assertThat(read[0]).isLessThan(1024 * 1024);
    }

    private static final class CountingStream extends FilterInputStream {
        private final long[] count;

        CountingStream(InputStream in, long[] count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count[0] += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count[0] += Math.max(n, 0);
            return n;
        }
    }
}
