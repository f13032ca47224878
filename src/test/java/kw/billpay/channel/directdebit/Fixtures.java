package kw.billpay.channel.directdebit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bank files under {@code src/test/resources/direct-debit/} and the acknowledgement each one must get (see the
 * README there). A fixture is {@code <case>.csv}; its expected acknowledgement is {@code <case>.ack.csv}, with the
 * placeholder {@code <paymentId>} where a payment id appears. The inbox a fixture is dropped in is the bank of the
 * expected acknowledgement's H line (the gateway always writes the inbox's bank there).
 */
final class Fixtures {

    static final String ACK_SUFFIX = ".ack.csv";
    static final String PAYMENT_ID = "<paymentId>";

    private Fixtures() {
    }

    /** One fixture: the bank file and the acknowledgement it must get. */
    record Fixture(String name, Path file, List<String> expectedAck) {

        /** The file name it is dropped under. */
        String fileName() {
            return file.getFileName().toString();
        }

        PartnerBank inbox() {
            return PartnerBank.valueOf(ackHeader()[1]);
        }

        /** The fileId the acknowledgement names; empty when the gateway could not read the header. */
        String fileId() {
            return ackHeader()[2];
        }

        boolean accepted() {
            return ackHeader()[3].equals("ACCEPTED");
        }

        /** The whole-file refusal the acknowledgement gives; null for an accepted file. */
        FileRejection rejection() {
            return accepted() ? null : FileRejection.valueOf(ackHeader()[4]);
        }

        /** The acknowledgement's R lines, split into fields (R, seq, outcome, paymentId or reason). */
        List<String[]> expectedRecords() {
            return expectedAck.stream().filter(l -> l.startsWith("R,")).map(l -> l.split(",", -1)).toList();
        }

        /** The acknowledgement's T line, split: T, postedCount, postedSum, refusedCount, notCollectedCount. */
        String[] expectedTrailer() {
            return expectedAck.get(expectedAck.size() - 1).split(",", -1);
        }

        byte[] bytes() {
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * The file's lines as text (any line ending, the BOM dropped). Only for fixtures that are UTF-8 text; the
         * gateway's own reader is not used, so that a test of it does not depend on it.
         */
        List<String> lines() {
            String text = new String(bytes(), StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return text.isEmpty() ? List.of() : List.of(text.split("\r\n|\r|\n", -1));
        }

        /** The file's D lines, split into their fields. */
        List<String[]> details() {
            return lines().stream().filter(l -> l.startsWith("D,")).map(l -> l.split(",", -1)).toList();
        }

        private String[] ackHeader() {
            return expectedAck.get(0).split(",", -1);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Path dir() {
        try {
            return Path.of(Fixtures.class.getResource("/direct-debit").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every fixture, by name. */
    static List<Fixture> all() {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".csv") && !n.endsWith(ACK_SUFFIX))
                    .sorted()
                    .map(n -> get(n.substring(0, n.length() - ".csv".length())))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Fixture get(String name) {
        Path file = dir().resolve(name + ".csv");
        try {
            return new Fixture(name, file, Files.readAllLines(dir().resolve(name + ACK_SUFFIX), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
