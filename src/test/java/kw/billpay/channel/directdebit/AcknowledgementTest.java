package kw.billpay.channel.directdebit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import kw.billpay.channel.directdebit.DirectDebitRepository.FileRecord;
import kw.billpay.channel.directdebit.DirectDebitRepository.RecordRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The acknowledgement's exact text, written whole under its final name (CONTRACT "Direct-debit result files"). */
class AcknowledgementTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-27T10:00:00+03:00");

    @TempDir
    Path outbox;

    private static FileRecord file(String status, String reason, String fileId, String currency, int posted, String postedSum,
                                   int refused, int notCollected) {
        return file(status, reason, fileId, currency, 0, posted, postedSum, refused, notCollected);
    }

    private static FileRecord file(String status, String reason, String fileId, String currency, int recordsDone, int posted,
                                   String postedSum, int refused, int notCollected) {
        return new FileRecord(1, "NBK", fileId, "f.csv", "0".repeat(64), status, reason, currency, LocalDate.of(2026, 11, 27),
                0, null, recordsDone, posted, new BigDecimal(postedSum), refused, notCollected, BigDecimal.ZERO, NOW, NOW,
                null, 0, null, null);
    }

    private static RecordRow row(int lineNo, String seq, String status, String reason, UUID paymentId) {
        return new RecordRow(1, lineNo, seq, true, status, reason, paymentId, null, null, null, "KWD", null);
    }

    @Test
    void aRejectedFileIsAHeaderWithTheReasonAndATrailerOfZeros() throws IOException {
        Path ack = Acknowledgement.write(outbox, "bad.csv.ack.csv", file("REJECTED", "CONTROL_SUM_MISMATCH", "F-1", "KWD", 0, "0", 0, 0),
                (after, limit) -> { throw new AssertionError("a rejected file has no records to read"); });

        assertThat(ack).isEqualTo(outbox.resolve("bad.csv.ack.csv"));
        assertThat(Files.readString(ack)).isEqualTo("H,NBK,F-1,REJECTED,CONTROL_SUM_MISMATCH\nT,0,0,0,0\n");
    }

    @Test
    void aRejectedFileWithoutAReadableHeaderHasAnEmptyFileId() throws IOException {
        Path ack = Acknowledgement.write(outbox, "garbage.bin.ack.csv", file("REJECTED", "INVALID_ENCODING", null, null, 0, "0", 0, 0),
                (after, limit) -> List.of());

        assertThat(Files.readString(ack)).isEqualTo("H,NBK,,REJECTED,INVALID_ENCODING\nT,0,0,0,0\n");
    }

    @Test
    void anAcceptedFileHasOneLinePerRecordInTheFilesOrderAndItsTotalsInTheCurrencysMinorUnits() throws IOException {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        List<RecordRow> rows = List.of(row(2, "1", "POSTED", null, first), row(3, "2", "NOT_COLLECTED", "AM04", null),
                row(5, "", "REFUSED", "INVALID_RECORD", null), row(6, "1", "REFUSED", "DUPLICATE_SEQ", null),
                row(7, "4", "POSTED", null, second));

        Path ack = Acknowledgement.write(outbox, "ok.csv.ack.csv", file("ACCEPTED", null, "F-2", "KWD", 2, "26.5", 2, 1),
                (after, limit) -> rows.stream().filter(r -> r.lineNo() > after).limit(limit).toList());

        assertThat(Files.readAllLines(ack)).containsExactly("H,NBK,F-2,ACCEPTED,", "R,1,POSTED," + first,
                "R,2,NOT_COLLECTED,AM04", "R,,REFUSED,INVALID_RECORD", "R,1,REFUSED,DUPLICATE_SEQ", "R,4,POSTED," + second,
                "T,2,26.500,2,1");
    }

    /** Given up half posted, a file's acknowledgement says which records were posted, and the reason. */
    @Test
    void aFileGivenUpAfterSomeRecordsWerePostedListsThem() throws IOException {
        UUID first = UUID.randomUUID();
        List<RecordRow> rows = List.of(row(2, "1", "POSTED", null, first), row(3, "2", "NOT_COLLECTED", "AM04", null));

        Path ack = Acknowledgement.write(outbox, "half.csv.ack.csv", file("REJECTED", "PROCESSING_FAILED", "F-6", "KWD", 2, 1, "5", 0, 1),
                (after, limit) -> rows.stream().filter(r -> r.lineNo() > after).limit(limit).toList());

        assertThat(Files.readAllLines(ack)).containsExactly("H,NBK,F-6,REJECTED,PROCESSING_FAILED", "R,1,POSTED," + first,
                "R,2,NOT_COLLECTED,AM04", "T,1,5.000,0,1");
    }

    @Test
    void anInProgressFileIsAcknowledgedAsAccepted() throws IOException {
        // acknowledge() writes before it marks the file ACCEPTED
        Path ack = Acknowledgement.write(outbox, "ok.csv.ack.csv", file("IN_PROGRESS", null, "F-3", "USD", 0, "0", 0, 0),
                (after, limit) -> List.of());

        assertThat(Files.readString(ack)).isEqualTo("H,NBK,F-3,ACCEPTED,\nT,0,0.00,0,0\n");
    }

    @Test
    void recordsAreReadInPagesAfterTheLastLineOfThePreviousPage() throws IOException {
        List<RecordRow> rows = IntStream.rangeClosed(2, 25_001).mapToObj(i -> row(i, Integer.toString(i - 1), "NOT_COLLECTED", "AM04", null)).toList();
        List<Integer> asked = new ArrayList<>();

        Path ack = Acknowledgement.write(outbox, "big.csv.ack.csv", file("ACCEPTED", null, "F-4", "KWD", 0, "0", 0, rows.size()),
                (after, limit) -> {
                    asked.add(after);
                    return rows.stream().filter(r -> r.lineNo() > after).limit(limit).toList();
                });

        assertThat(asked).containsExactly(0, 10_001, 20_001, 25_001);
        try (Stream<String> lines = Files.lines(ack)) {
            assertThat(lines.count()).isEqualTo(rows.size() + 2);
        }
    }

    @Test
    void anAcknowledgementWrittenAgainReplacesTheFirstWholeAndLeavesNoPartialFile() throws IOException {
        Files.writeString(outbox.resolve("again.csv.ack.csv"), "old content, longer than the new one\n".repeat(10));

        Acknowledgement.write(outbox, "again.csv.ack.csv", file("REJECTED", "MISSING_TRAILER", "F-5", "KWD", 0, "0", 0, 0),
                (after, limit) -> List.of());

        assertThat(Files.readString(outbox.resolve("again.csv.ack.csv"), StandardCharsets.UTF_8))
                .isEqualTo("H,NBK,F-5,REJECTED,MISSING_TRAILER\nT,0,0,0,0\n");
        try (Stream<Path> files = Files.list(outbox)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("again.csv.ack.csv");
        }
    }
}
