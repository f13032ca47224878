package kw.billpay.channel.banktransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kw.billpay.channel.directdebit.PartnerBank;
import kw.billpay.testkit.Camt054Builder;
import kw.billpay.testkit.FailingInsert;
import kw.billpay.testkit.FailuresBeforeRestart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A camt.054 file that fails for a reason other than its content (here a database error on one of its transfers, as a
 * value too long for its column gives) is taken again after a growing back-off, a configured number of times (3 in the
 * tests), then refused as PROCESSING_FAILED and moved to error/ with its {@code .error.txt}, the attempts and the
 * failure shown to operations. It is never retried on every poll forever. What its committed batches took stays taken,
 * and taken again the file posts nothing twice.
 */
class BankTransferPoisonFileTest extends BankTransferIntegrationTest {

    private static final int MAX_ATTEMPTS = 3; // gateway.bank-transfer.max-attempts in GatewayIntegrationTest

    private final List<Path> dropped = new ArrayList<>();

    @Test
    void aFileFailingForAReasonOtherThanItsContentIsRetriedWithBackOffThenRefusedAndMovedToError() throws IOException {
        PartnerBank bank = PartnerBank.GBK;
        String account = newAccount("KWD");
        String owed = totalOwed(account);
        String run = unique();
        String name = "poison-" + run + ".xml";
        try (FailingInsert poison = poison()) {
            inInbox(Camt054Builder.message("POISON-" + run)
                    .credit("POISON-" + run + "-1", "10.000", "KWD", "2025-11-27", "card " + account)
                    .credit(poison.value, "5.000", "KWD", "2025-11-27", "card " + account)
                    .drop(folders.inbox(bank), name));
            // each failure counted with its back-off: 300 ms, then 600 ms (retry-delay-ms doubled)
            assertThat(awaitBackOff(name, 1)).isEqualTo(300);
            assertThat(awaitBackOff(name, 2)).isEqualTo(600);
            JsonNode file = awaitFile(bank, name);

            assertThat(poison.failures()).as("attempts made").isEqualTo(MAX_ATTEMPTS);
            assertThat(file.path("status").asText()).isEqualTo("REFUSED");
            assertThat(file.path("reason").asText()).isEqualTo("PROCESSING_FAILED");
            assertThat(file.path("attempts").asInt()).isEqualTo(MAX_ATTEMPTS);
            assertThat(file.path("failure").asText()).contains(poison.message);
            assertThat(file.path("progress").path("entriesDone").asInt()).isZero();
            assertThat(file.path("archivedAs").asText()).isEqualTo(name);
            String errorText = Files.readString(folders.error(bank).resolve(name + ".error.txt"));
            assertThat(errorText).contains("refused: PROCESSING_FAILED").contains("failed: 3 times")
                    .contains(poison.message).contains("Nothing of this file was taken");
            assertThat(totalOwed(account)).isEqualTo(owed);
            assertThat(getJson("/api/v1/accounts/" + account + "/payments", OPS)).isEmpty();
            assertThat(failureRows(name)).as("the file left its inbox: its failures are history").isZero();
        }
    }

    /** The attempts are counted in the database, so a gateway restarted between two of them goes on counting. */
    @Test
    void theAttemptsMadeBeforeARestartCount() throws IOException {
        PartnerBank bank = PartnerBank.KIB;
        String account = newAccount("KWD");
        String run = unique();
        String name = "poison-restart-" + run + ".xml";
        try (FailingInsert poison = poison()) {
            byte[] file = Camt054Builder.message("POISON-RESTART-" + run)
                    .credit(poison.value, "5.000", "KWD", "2025-11-27", "card " + account).text().getBytes(StandardCharsets.UTF_8);
            // what a gateway stopped after two failed attempts left in the database
            inInbox(FailuresBeforeRestart.drop(jdbc, clock, "bank_transfer_failure", folders.inbox(bank), name, file, 2));
            JsonNode refused = awaitFile(bank, name);

            assertThat(refused.path("reason").asText()).isEqualTo("PROCESSING_FAILED");
            assertThat(poison.failures()).as("attempts made after the restart").isEqualTo(1);
            assertThat(refused.path("attempts").asInt()).isEqualTo(MAX_ATTEMPTS);
        }
    }

    /**
     * A file given up after a batch was committed keeps what that batch took (the file's record shows it, and its
     * {@code .error.txt} says so). It does not hold its MsgId: moved back into the inbox once the cause is gone, it is
     * taken anew, its transfers already taken are DUPLICATEs, and only the rest is posted.
     */
    @Test
    void aFileGivenUpHalfTakenKeepsWhatWasPostedAndTakenAgainPostsNothingTwice() throws IOException {
        PartnerBank bank = PartnerBank.AUB;
        String account = newAccount("KWD");
        String run = unique();
        String name = "poison-half-" + run + ".xml";
        int entries = 1001; // batches of 1000: the second batch fails
        Path inbox = folders.inbox(bank);
        long refusedRef;
        try (FailingInsert poison = poison()) {
            Path part = inbox.resolve("." + name + ".part");
            Camt054Builder.write(part, "POISON-HALF-" + run, entries, i -> new Camt054Builder.Entry(
                    i < entries - 1 ? "HALF-" + run + "-" + i : poison.value, "0.001", "card " + account));
            inInbox(Files.move(part, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE));

            JsonNode refused = awaitFile(bank, name);
            refusedRef = refused.path("ref").asLong();
            assertThat(refused.path("status").asText()).isEqualTo("REFUSED");
            assertThat(refused.path("reason").asText()).isEqualTo("PROCESSING_FAILED");
            assertThat(refused.path("progress").path("entriesDone").asInt()).isEqualTo(1000);
            assertThat(refused.path("posted").path("count").asInt()).isEqualTo(1000);
            assertThat(poison.failures()).isEqualTo(MAX_ATTEMPTS);
            assertThat(Files.readString(folders.error(bank).resolve(name + ".error.txt")))
                    .contains("Its first 1000 of 1001 entries were taken");
            assertThat(paymentsOf(account)).isEqualTo(1000);
        }

        // the cause is gone (the trigger dropped): operations move the file back into the inbox
        Files.move(folders.error(bank).resolve(name), inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        JsonNode again = awaitFile(bank, name, refusedRef);
        assertThat(again.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(again.path("posted").path("count").asInt()).isEqualTo(1);
        assertThat(again.path("ignored").path("count").asInt()).isEqualTo(1000);
        assertThat(lines(again)).first().isEqualTo("1.1 IGNORED DUPLICATE");
        assertThat(lines(again)).last().isEqualTo("1001.1 POSTED USTRD");
        assertThat(paymentsOf(account)).isEqualTo(entries);
    }

    /** A database error on every insert of a line with the poisoned bank reference. */
    private FailingInsert poison() {
        return new FailingInsert(jdbc, "bank_transfer", "bank_reference");
    }

    /** A file dropped by the test, taken out of the inbox after it if still there: else it would hold up the inbox. */
    private void inInbox(Path file) {
        dropped.add(file);
    }

    @AfterEach
    void leaveTheInboxesEmpty() throws IOException {
        for (Path file : dropped) {
            Files.deleteIfExists(file);
        }
    }

    /** Waits for the file's failure number {@code attempt} and answers the back-off it got, in milliseconds. */
    private long awaitBackOff(String fileName, int attempt) {
        Long[] millis = new Long[1];
        await(fileName + " attempt " + attempt).atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
            millis[0] = jdbc.query("""
                    select (extract(epoch from retry_at - failed_at) * 1000)::bigint from bank_transfer_failure
                    where file_name = ? and attempts = ?""", rs -> rs.next() ? rs.getLong(1) : null, fileName, attempt);
            return millis[0] != null;
        });
        return millis[0];
    }

    private int failureRows(String fileName) {
        return jdbc.queryForObject("select count(*) from bank_transfer_failure where file_name = ?", Integer.class, fileName);
    }
}
