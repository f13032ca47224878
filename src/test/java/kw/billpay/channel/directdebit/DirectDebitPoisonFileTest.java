package kw.billpay.channel.directdebit;

import static kw.billpay.channel.directdebit.BankFiles.ACK_WAIT;
import static kw.billpay.channel.directdebit.BankFiles.awaitAck;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import kw.billpay.support.GatewayIntegrationTest;
import kw.billpay.testkit.FailingInsert;
import kw.billpay.testkit.FailuresBeforeRestart;
import kw.billpay.testkit.ResultFileBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A bank file that fails for a reason other than its content (here a database error on one of its records, as a value
 * too long for its column gives) is taken again after a growing back-off, a configured number of times (3 in the
 * tests), then refused whole as PROCESSING_FAILED, acknowledged and moved to error/, with the reason for operations.
 * It never stays IN_PROGRESS retried on every poll. Names too long for an acknowledgement or for the archive, and an
 * archive name clash, are no failure at all.
 */
class DirectDebitPoisonFileTest extends GatewayIntegrationTest {

    private static final int MAX_ATTEMPTS = 3; // gateway.direct-debit.max-attempts in GatewayIntegrationTest

    @Autowired
    DirectDebitProperties folders;

    @Test
    void aFileFailingForAReasonOtherThanItsContentIsRetriedWithBackOffThenRefusedAndMovedToError() throws IOException {
        String account = newAccount("KWD");
        JsonNode before = getJson("/api/v1/accounts/" + account, OPS);
        String fileId = "IT-POISON-" + UUID.randomUUID();
        String name = fileId + ".csv";
        try (Poison poison = new Poison()) {
            long started = System.nanoTime();
            Path dropped = BankFiles.drop(folders, PartnerBank.GBK, name, ResultFileBuilder.file("GBK", fileId)
                    .collected(account, "M-1", "10.000", "20261127")
                    .collected(account, poison.mandate, "5.000", "20261127").bytes());
            try {
                List<String> ack = awaitAck(folders, PartnerBank.GBK, name + ".ack.csv");
                long millis = (System.nanoTime() - started) / 1_000_000;

                assertThat(ack).containsExactly("H,GBK," + fileId + ",REJECTED,PROCESSING_FAILED", "T,0,0,0,0");
                await().atMost(ACK_WAIT).until(() -> Files.exists(folders.error(PartnerBank.GBK).resolve(name)) && !Files.exists(dropped));
                assertThat(poison.failures()).as("attempts made").isEqualTo(MAX_ATTEMPTS);
                // taken again after 300 ms, then after 600 ms: never on every poll (100 ms here)
                assertThat(millis).isGreaterThanOrEqualTo(900);
                JsonNode view = fileView(PartnerBank.GBK, name);
                assertThat(view.path("status").asText()).isEqualTo("REJECTED");
                assertThat(view.path("reason").asText()).isEqualTo("PROCESSING_FAILED");
                assertThat(view.path("attempts").asInt()).isEqualTo(MAX_ATTEMPTS);
                assertThat(view.path("failure").asText()).contains(poison.message);
                assertThat(view.path("acknowledgedAs").asText()).isEqualTo(name + ".ack.csv");
                assertThat(view.path("archivedAs").asText()).isEqualTo(name);
                assertThat(getJson("/api/v1/accounts/" + account, OPS)).isEqualTo(before);
                assertThat(getJson("/api/v1/accounts/" + account + "/payments", OPS)).isEmpty();
                // nothing was posted, so the bank may send the file again under the same fileId
                assertThat(jdbc.queryForObject("select count(*) from direct_debit_file where file_id = ? and status <> 'REJECTED'",
                        Integer.class, fileId)).isZero();
            } finally {
                Files.deleteIfExists(dropped);
            }
        }
    }

    /** The attempts are counted in the database, so a gateway restarted between two of them goes on counting. */
    @Test
    void theAttemptsMadeBeforeARestartCount() throws IOException {
        String account = newAccount("KWD");
        String fileId = "IT-POISON-RESTART-" + UUID.randomUUID();
        String name = fileId + ".csv";
        try (Poison poison = new Poison()) {
            byte[] file = ResultFileBuilder.file("KIB", fileId).collected(account, poison.mandate, "5.000", "20261127").bytes();
            // what a gateway stopped after two failed attempts left in the database
            Path dropped = FailuresBeforeRestart.drop(jdbc, clock, "direct_debit_failure", folders.inbox(PartnerBank.KIB), name, file, 2);
            try {
                assertThat(awaitAck(folders, PartnerBank.KIB, name + ".ack.csv").get(0))
                        .isEqualTo("H,KIB," + fileId + ",REJECTED,PROCESSING_FAILED");
                assertThat(poison.failures()).as("attempts made after the restart").isEqualTo(1);
                assertThat(fileView(PartnerBank.KIB, name).path("attempts").asInt()).isEqualTo(MAX_ATTEMPTS);
                await().atMost(ACK_WAIT).until(() -> !Files.exists(dropped));
            } finally {
                Files.deleteIfExists(dropped);
            }
        }
    }

    /**
     * A file that failed after some of its records were posted is acknowledged with what was posted, and keeps its
     * fileId: the same file sent again is a DUPLICATE_FILE. Moved back into the inbox once the cause is gone, it goes
     * on where it stopped, and the first acknowledgement stays as the bank read it.
     */
    @Test
    void aFileThatFailedHalfPostedKeepsItsFileIdAndResumesWhenMovedBack() throws IOException {
        String account = newAccount("KWD");
        String fileId = "IT-POISON-HALF-" + UUID.randomUUID();
        String name = fileId + ".csv";
        int records = 1001; // batches of 1000: the second batch fails
        byte[] file;
        Path dropped;
        Path inbox = folders.inbox(PartnerBank.AUB);
        try (Poison poison = new Poison()) {
            ResultFileBuilder details = ResultFileBuilder.file("AUB", fileId);
            while (details.size() < records - 1) {
                details.collected(account, "M-1", "0.001", "20261127");
            }
            file = details.collected(account, poison.mandate, "0.001", "20261127").bytes(); // the control sum: 1.001
            dropped = BankFiles.drop(folders, PartnerBank.AUB, name, file);

            List<String> ack = awaitAck(folders, PartnerBank.AUB, name + ".ack.csv");
            assertThat(ack.get(0)).isEqualTo("H,AUB," + fileId + ",REJECTED,PROCESSING_FAILED");
            assertThat(ack).hasSize(records + 1); // the 1000 records posted, none of the rest
            assertThat(ack.get(1)).matches("R,1,POSTED,[0-9a-f-]{36}");
            assertThat(ack.get(records - 1)).startsWith("R,1000,POSTED,");
            assertThat(ack.get(records)).isEqualTo("T,1000,1.000,0,0");
            await().atMost(ACK_WAIT).until(() -> Files.exists(folders.error(PartnerBank.AUB).resolve(name)) && !Files.exists(dropped));
            JsonNode view = fileView(PartnerBank.AUB, name);
            assertThat(view.path("status").asText()).isEqualTo("REJECTED");
            assertThat(view.path("progress").path("recordsDone").asInt()).isEqualTo(1000);

            String copy = fileId + "-again.csv";
            Path again = BankFiles.drop(folders, PartnerBank.AUB, copy, file);
            assertThat(awaitAck(folders, PartnerBank.AUB, copy + ".ack.csv"))
                    .containsExactly("H,AUB," + fileId + ",REJECTED,DUPLICATE_FILE", "T,0,0,0,0");
            await().atMost(ACK_WAIT).until(() -> !Files.exists(again));
            assertThat(jdbc.queryForObject("select count(*) from payment where account_number = ?", Integer.class, account)).isEqualTo(1000);
        } catch (AssertionError | RuntimeException e) {
            Files.deleteIfExists(inbox.resolve(name)); // else it would hold up the inbox for the tests after this one
            Files.deleteIfExists(inbox.resolve(fileId + "-again.csv"));
            throw e;
        }

        // the cause is gone (the trigger dropped): operations move the file back into the inbox
        Files.move(folders.error(PartnerBank.AUB).resolve(name), folders.inbox(PartnerBank.AUB).resolve(name), StandardCopyOption.ATOMIC_MOVE);
        try {
            List<String> second = awaitAck(folders, PartnerBank.AUB, name + ".1.ack.csv");
            assertThat(second.get(0)).isEqualTo("H,AUB," + fileId + ",ACCEPTED,");
            assertThat(second).hasSize(records + 2);
            assertThat(second.get(records + 1)).isEqualTo("T,1001,1.001,0,0");
            List<String> first = Files.readAllLines(folders.outbox(PartnerBank.AUB).resolve(name + ".ack.csv"), StandardCharsets.UTF_8);
            assertThat(first.get(0)).as("the first acknowledgement is never overwritten").endsWith(",REJECTED,PROCESSING_FAILED");
            assertThat(second.subList(1, records)).isEqualTo(first.subList(1, records));
            await().atMost(ACK_WAIT).until(() -> Files.exists(folders.done(PartnerBank.AUB).resolve(name)));
            assertThat(jdbc.queryForObject("select count(*) from payment where account_number = ?", Integer.class, account)).isEqualTo(records);
            JsonNode view = fileView(PartnerBank.AUB, name);
            assertThat(view.path("status").asText()).isEqualTo("ACCEPTED");
            assertThat(view.path("acknowledgedAs").asText()).isEqualTo(name + ".1.ack.csv");
        } finally {
            Files.deleteIfExists(folders.inbox(PartnerBank.AUB).resolve(name));
        }
    }

    /**
     * A name too long to take ".ack.csv" (the file system allows 255 bytes) and an archive name clash whose time-stamped
     * name would be too long: both files are posted, acknowledged and moved, each under a name that fits.
     */
    @Test
    void namesTooLongForTheAcknowledgementOrTheArchiveAreShortenedNotFailed() throws IOException {
        String account = newAccount("KWD");
        String name = "L".repeat(240) + UUID.randomUUID().toString().substring(0, 6) + ".csv"; // 250 bytes
        List<JsonNode> views = new ArrayList<>();
        for (int n = 1; n <= 2; n++) {
            String fileId = "IT-LONG-" + n + "-" + UUID.randomUUID();
            Path dropped = BankFiles.drop(folders, PartnerBank.BBK, name, ResultFileBuilder.file("BBK", fileId)
                    .collected(account, "M-1", "1.000", "20261127").bytes());
            try {
                await().atMost(ACK_WAIT).until(() -> !Files.exists(dropped)
                        && views(PartnerBank.BBK).stream().anyMatch(v -> v.path("fileId").asText().equals(fileId)
                        && v.path("archivedAs").isTextual()));
            } finally {
                Files.deleteIfExists(dropped);
            }
            JsonNode view = views(PartnerBank.BBK).stream().filter(v -> v.path("fileId").asText().equals(fileId)).findFirst().orElseThrow();
            assertThat(view.path("status").asText()).isEqualTo("ACCEPTED");
            String ackName = view.path("acknowledgedAs").asText();
            assertThat(ackName.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
            assertThat(ackName).startsWith(name.substring(0, 200)).endsWith(".ack.csv");
            assertThat(Files.readAllLines(folders.outbox(PartnerBank.BBK).resolve(ackName)).get(0)).isEqualTo("H,BBK," + fileId + ",ACCEPTED,");
            assertThat(Files.exists(folders.done(PartnerBank.BBK).resolve(view.path("archivedAs").asText()))).isTrue();
            views.add(view);
        }
        assertThat(views.get(0).path("archivedAs").asText()).isEqualTo(name);
        assertThat(views.get(1).path("archivedAs").asText()).isNotEqualTo(name).startsWith(name.substring(0, 200));
        assertThat(views.get(1).path("acknowledgedAs").asText()).isNotEqualTo(views.get(0).path("acknowledgedAs").asText());
        assertThat(getJson("/api/v1/accounts/" + account + "/payments", OPS)).hasSize(2);
    }

    /** A database error on one mandate reference, as a value too long for its column gives (FailingInsert). */
    private final class Poison extends FailingInsert {

        final String mandate = value;

        Poison() {
            super(jdbc, "direct_debit_record", "mandate_ref");
        }
    }

    private List<JsonNode> views(PartnerBank bank) {
        return StreamSupport.stream(getJson("/api/v1/direct-debit/files?limit=1000&bank=" + bank, OPS).spliterator(), false).toList();
    }

    /** The newest record of this file name in this bank. */
    private JsonNode fileView(PartnerBank bank, String fileName) {
        return views(bank).stream().filter(v -> v.path("fileName").asText().equals(fileName)).findFirst()
                .orElseThrow(() -> new AssertionError("no file " + fileName + " in " + bank));
    }
}
