package kw.billpay.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kw.billpay.testkit.AccountJson;
import kw.billpay.testkit.Camt054Builder;
import kw.billpay.testkit.GatewayProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Exactly once with a real crash, for a bank's camt.054 notification (R22, R28): the gateway is killed with SIGKILL
 * twice while it takes a file of 100,000 transfers in batches, restarts each time on the same data directory, takes
 * the file up again once the dead instance's claim has expired, and goes on from the first entry the database does not
 * hold. In the end every transfer is posted or in suspense exactly once, every balance is exact, and the books balance.
 */
@Tag("crash")
@Execution(ExecutionMode.CONCURRENT) // beside the in-process tests (pom.xml, surefire)
class BankTransferCrashTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPS = "ops:ops-demo";
    private static final String BANK = "KFH";
    private static final String MSG_ID = "KFH-CRASH-20261120";
    private static final String FILE_NAME = "KFH_CAMT054_20261120.xml";
    private static final int ACCOUNTS = 300;
    private static final int ENTRIES = 100_000;
    private static final int BATCH_SIZE = 1000;
    private static final String ACCOUNT_PREFIX = "3766500000";           // + 5 digits: 15-digit account numbers
    private static final BigDecimal OWED = new BigDecimal("20100.000");   // above what the file pays an account

    @Test
    void killedTwiceMidFileThenRestartedEveryTransferIsPostedOrInSuspenseOnce() throws Exception {
        Path dataDir = Path.of("target", "bank-transfer-crash-data").toAbsolutePath();
        GatewayProcess.deleteRecursively(dataDir);
        Path inbox = dataDir.resolve("bank-transfer").resolve("inbox").resolve(BANK);
        Path done = dataDir.resolve("bank-transfer").resolve("done").resolve(BANK);
        try (GatewayProcess gateway = GatewayProcess.onTestClassPath(dataDir)
                .log(GatewayProcess.freshLog("bank-transfer-crash-gateway.log")).env(Map.of(
                        "GATEWAY_BANKTRANSFER_BATCHSIZE", String.valueOf(BATCH_SIZE),
                        "GATEWAY_BANKTRANSFER_CLAIMMAXAGEMS", "3000",
                        "GATEWAY_BANKTRANSFER_CLAIMKEEPALIVEMS", "500",
                        "GATEWAY_BANKTRANSFER_CLAIMRELEASEDELAYMS", "1000",
                        "GATEWAY_BANKTRANSFER_POLLDELAYMS", "200",
                        "GATEWAY_BANKTRANSFER_STABLEMINAGEMS", "300",
                        "GATEWAY_BANKTRANSFER_STABLECHECKINTERVALMS", "100")).build()) {
            gateway.start();
            createAccounts(gateway);

            // written under a dot .part name, then renamed, as the contract asks of the banks
            Path part = inbox.resolve("." + FILE_NAME + ".part");
            Files.createDirectories(inbox);
            Camt054Builder.write(part, MSG_ID, ENTRIES, BankTransferCrashTest::entry);
            Files.move(part, inbox.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE);

            int firstKill = killWhenDone(gateway, ENTRIES / 5);
            assertThat(firstKill).as("the first kill landed mid-file").isBetween(ENTRIES / 5, ENTRIES - 1);
            gateway.start();
            int secondKill = killWhenDone(gateway, Math.max(ENTRIES * 3 / 5, firstKill + 2 * BATCH_SIZE));
            assertThat(secondKill).as("the second kill landed mid-file, after progress").isBetween(firstKill + 1, ENTRIES - 1);
            gateway.start();
            await("file accepted and archived").atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        JsonNode file = fileView(gateway);
                        return file != null && file.path("status").asText().equals("ACCEPTED")
                                && Files.exists(done.resolve(FILE_NAME));
                    });

            Map<String, BigDecimal> expectedByAccount = new HashMap<>();
            int expectedSuspense = 0;
            for (int i = 0; i < ENTRIES; i++) {
                Camt054Builder.Entry e = entry(i);
                if (matched(i)) {
                    expectedByAccount.merge(account(i % ACCOUNTS), new BigDecimal(e.amount()), BigDecimal::add);
                } else {
                    expectedSuspense++;
                }
            }
            int expectedPosted = ENTRIES - expectedSuspense;
            try (Connection db = gateway.database()) {
                assertThat(GatewayProcess.count(db, "select count(*) from bank_transfer")).isEqualTo(ENTRIES);
                assertThat(GatewayProcess.count(db, "select count(distinct bank_reference) from bank_transfer")).isEqualTo(ENTRIES);
                assertThat(GatewayProcess.count(db, "select count(*) from bank_transfer where status = 'POSTED'")).isEqualTo(expectedPosted);
                assertThat(GatewayProcess.count(db, "select count(*) from bank_transfer where status = 'SUSPENSE'")).isEqualTo(expectedSuspense);
                assertThat(GatewayProcess.count(db, "select count(*) from payment where channel = 'BANK_TRANSFER'")).isEqualTo(expectedPosted);
                assertThat(GatewayProcess.count(db, """
                        select count(*) from payment p join bank_transfer t using (payment_id)
                        where p.source_key = 'BT/KFH/' || t.bank_reference and p.account_number = t.account_number
                          and p.received_amount = t.amount and p.status = 'POSTED'""")).isEqualTo(expectedPosted);
                Map<String, BigDecimal> postedByAccount = new HashMap<>();
                try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(
                        "select account_number, sum(posted_amount) from payment where channel = 'BANK_TRANSFER' group by 1")) {
                    while (rs.next()) {
                        postedByAccount.put(rs.getString(1), rs.getBigDecimal(2));
                    }
                }
                assertThat(postedByAccount.keySet()).isEqualTo(expectedByAccount.keySet());
                expectedByAccount.forEach((account, sum) -> assertThat(postedByAccount.get(account))
                        .as(account).isEqualByComparingTo(sum));
                await("claims released").atMost(Duration.ofSeconds(15))
                        .until(() -> GatewayProcess.count(db, "select count(*) from bank_transfer_claim") == 0);
            }
            JsonNode file = fileView(gateway);
            assertThat(file.path("progress").path("entriesDone").asInt()).isEqualTo(ENTRIES);
            assertThat(file.path("posted").path("count").asInt()).isEqualTo(expectedPosted);
            assertThat(file.path("suspense").path("count").asInt()).isEqualTo(expectedSuspense);
            for (int n = 0; n < ACCOUNTS; n += 37) {
                JsonNode view = JSON.readTree(gateway.send("GET", "/api/v1/accounts/" + account(n), OPS, null, null).body());
                assertThat(new BigDecimal(view.path("totalOwed").asText())).as(account(n))
                        .isEqualByComparingTo(OWED.subtract(expectedByAccount.getOrDefault(account(n), BigDecimal.ZERO)));
            }
            JsonNode reconciliation = JSON.readTree(gateway.send("GET", "/api/v1/reconciliation", OPS, null, null).body());
            assertThat(reconciliation.path("balanced").asBoolean()).as(reconciliation.toString()).isTrue();
        }
        GatewayProcess.deleteRecursively(dataDir); // kept for a look when the test failed
    }

    /** One transfer in twenty names no known account: it goes to suspense. */
    private static boolean matched(int i) {
        return i % 20 != 7;
    }

    private static Camt054Builder.Entry entry(int i) {
        String amount = BigDecimal.valueOf(1_000 + (i * 7919L) % 24_001, 3).toPlainString();
        String ustrd = !matched(i) ? (i % 40 == 7 ? "card 37665999" + String.format("%07d", i) : "for the card, thanks")
                : i % 3 == 0 ? "AMEX " + account(i % ACCOUNTS) : "card " + account(i % ACCOUNTS).substring(0, 4) + " "
                        + account(i % ACCOUNTS).substring(4, 10) + " " + account(i % ACCOUNTS).substring(10);
        return new Camt054Builder.Entry("CRASH-" + i, amount, ustrd);
    }

    private static String account(int n) {
        return ACCOUNT_PREFIX + String.format("%05d", n);
    }

    private static void createAccounts(GatewayProcess gateway) throws Exception {
        Map<String, Object> body = AccountJson.sample().holder("Bank Transfer Crash").creditLimit("50000.000")
                .unbilled("0.000").computedMinimumDue()
                .buckets(Map.of("PREVIOUS_FEES", "100.000", "CURRENT_PURCHASES", "20000.000")).json();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<HttpResponse<String>>> created = new ArrayList<>();
            for (int n = 0; n < ACCOUNTS; n++) {
                String path = "/api/v1/accounts/" + account(n);
                created.add(clients.submit(() -> gateway.send("PUT", path, OPS, body, null)));
            }
            for (Future<HttpResponse<String>> answer : created) {
                assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(201);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /**
     * Waits until at least {@code entries} entries are committed, kills the gateway with SIGKILL and returns how many
     * the database holds as done, checking that what was committed is whole batches: the file's progress, its lines
     * and their payments moved together.
     */
    private int killWhenDone(GatewayProcess gateway, int entries) throws Exception {
        await("file at " + entries + " entries").atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    JsonNode file = fileView(gateway);
                    return file != null && file.path("progress").path("entriesDone").asInt() >= entries;
                });
        gateway.kill();
        try (Connection db = gateway.database()) {
            // one snapshot: a COMMIT the gateway sent just before it died may still complete in the orphaned server
            db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            db.setAutoCommit(false);
            int done = (int) GatewayProcess.count(db, "select entries_done from bank_transfer_file where status = 'IN_PROGRESS'");
            assertThat(done % BATCH_SIZE).as("whole batches: %d", done).isZero();
            assertThat(GatewayProcess.count(db, "select count(*) from bank_transfer")).isEqualTo(done);
            assertThat(GatewayProcess.count(db, "select count(*) from payment where channel = 'BANK_TRANSFER'"))
                    .isEqualTo(GatewayProcess.count(db, "select count(*) from bank_transfer where status = 'POSTED'"));
            return done;
        }
    }

    /** The file as GET /api/v1/bank-transfers/files shows it, or null before the gateway took it. */
    private static JsonNode fileView(GatewayProcess gateway) throws IOException, InterruptedException {
        HttpResponse<String> answer = gateway.send("GET", "/api/v1/bank-transfers/files?bank=" + BANK, OPS, null, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        for (JsonNode file : JSON.readTree(answer.body())) {
            if (file.path("msgId").asText().equals(MSG_ID) && !file.path("status").asText().equals("REFUSED")) {
                return file;
            }
        }
        return null;
    }
}
