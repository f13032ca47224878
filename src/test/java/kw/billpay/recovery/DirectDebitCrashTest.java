package kw.billpay.recovery;

import kw.billpay.testkit.AccountJson;
import kw.billpay.testkit.BankInbox;
import kw.billpay.testkit.GatewayProcess;
import kw.billpay.testkit.ResultFileBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Exactly once with a real crash, for a bank's direct-debit result file: the gateway is killed with SIGKILL twice
 * while it posts a file of 20,000 records in batches, restarts each time on the same data directory, takes the file up
 * again once the dead instance's claim has expired, and finishes it where the database says it got. In the end every
 * collected record is posted once, every balance is exact, and the bank gets one complete acknowledgement.
 */
@Tag("crash")
@Execution(ExecutionMode.CONCURRENT) // beside the in-process tests (pom.xml, surefire)
class DirectDebitCrashTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPS = "ops:ops-demo";

    private static final String BANK = "KFH";
    private static final String FILE_ID = "KFH-DD-20261120-01";
    private static final String FILE_NAME = "KFH_DD_20261120_01.csv";
    private static final String COLLECTION_DATE = "20261120";
    private static final int ACCOUNTS = 300;
    private static final int RECORDS = 20_000;
    private static final int BATCH_SIZE = 500;
    private static final String ACCOUNT_PREFIX = "3766500000";          // + 5 digits: 15-digit account numbers
    private static final String UNKNOWN_ACCOUNT = "376659999999999";    // well formed, never created
    private static final String[] REASON_CODES = {"AM04", "AC04", "MD01"};
    private static final BigDecimal OWED = new BigDecimal("20100.000");  // far above what the file pays an account

    private static final String FILES = "/api/v1/direct-debit/files?bank=" + BANK;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** One D line as written, and what the acknowledgement must say of it. */
    private record Line(String seq, String account, String amount, String date, String status, String reasonCode,
                        String expectedStatus, String expectedReason) {

        String mandate() {
            return "MND-" + account.substring(account.length() - 5) + "-" + seq;
        }
    }

    @Test
    void killedTwiceMidFileThenRestartedEveryRecordIsPostedOnceAndAcknowledgedOnce() throws Exception {
        Path dataDir = Path.of("target", "direct-debit-crash-data").toAbsolutePath();
        GatewayProcess.deleteRecursively(dataDir);
        Path log = GatewayProcess.freshLog("direct-debit-crash-gateway.log");
        Path directDebit = dataDir.resolve("direct-debit");
        Path inbox = directDebit.resolve("inbox").resolve(BANK);
        Path done = directDebit.resolve("done").resolve(BANK);
        Path outbox = directDebit.resolve("outbox").resolve(BANK);

        List<Line> lines = resultFile();
        try (GatewayProcess gateway = GatewayProcess.onTestClassPath(dataDir).log(log).env(Map.of(
                "GATEWAY_DIRECTDEBIT_BATCHSIZE", String.valueOf(BATCH_SIZE),
                "GATEWAY_DIRECTDEBIT_CLAIMMAXAGEMS", "3000",
                "GATEWAY_DIRECTDEBIT_CLAIMKEEPALIVEMS", "500",
                "GATEWAY_DIRECTDEBIT_CLAIMRELEASEDELAYMS", "1000",
                "GATEWAY_DIRECTDEBIT_POLLDELAYMS", "200",
                "GATEWAY_DIRECTDEBIT_STABLEMINAGEMS", "300",
                "GATEWAY_DIRECTDEBIT_STABLECHECKINTERVALMS", "100")).build()) {
            gateway.start();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            try {
                List<Future<HttpResponse<String>>> created = new ArrayList<>();
                for (int n = 0; n < ACCOUNTS; n++) {
                    String path = "/api/v1/accounts/" + account(n);
                    created.add(clients.submit(() -> gateway.send("PUT", path, OPS, account(), null)));
                }
                for (Future<HttpResponse<String>> answer : created) {
                    assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(201);
                    assertThat(new BigDecimal(JSON.readTree(answer.get().body()).path("totalOwed").asText())).isEqualByComparingTo(OWED);
                }
            } finally {
                clients.shutdownNow();
            }

            // The bank drops its file the way the contract asks: written under a dot .part name, then renamed.
            BankInbox.drop(inbox, FILE_NAME, fileText(lines));

            // First kill: a fifth of the file posted. The orphaned PostgreSQL still answers, so the state is read there.
            int firstKill = killWhenDone(gateway, RECORDS / 5);
            assertThat(firstKill).as("the first kill landed mid-file").isBetween(RECORDS / 5, RECORDS - 1);

            // Restarted, the gateway is healthy (UP) while it resumes the file: the inbox consumer, whose first poll
            // lasts as long as the file, is left out of Camel's readiness check.
            gateway.start();
            // Second kill: the restarted gateway resumed the file and got further, but not to its end.
            int secondKill = killWhenDone(gateway, Math.max(RECORDS * 3 / 5, firstKill + 2 * BATCH_SIZE));
            assertThat(secondKill).as("the second kill landed mid-file, after progress").isBetween(firstKill + 1, RECORDS - 1);

            gateway.start();
            Path ack = outbox.resolve(FILE_NAME + ".ack.csv");
            // archivedAs is recorded just before the file is moved: the move is waited for too
            await("file accepted and archived").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        JsonNode file = fileView(gateway);
                        return file != null && file.path("status").asText().equals("ACCEPTED")
                                && file.path("archivedAs").asText().equals(FILE_NAME) && Files.exists(done.resolve(FILE_NAME));
                    });

            // The acknowledgement: one, complete, the records in the file's order.
            assertThat(Files.exists(ack)).isTrue();
            try (Stream<Path> left = Files.list(outbox)) {
                assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactly(FILE_NAME + ".ack.csv");
            }
            List<String> ackLines = Files.readAllLines(ack, StandardCharsets.UTF_8);
            assertThat(ackLines).hasSize(RECORDS + 2);
            assertThat(ackLines.get(0)).isEqualTo("H," + BANK + "," + FILE_ID + ",ACCEPTED,");
            Map<String, BigDecimal> postedByAccount = new HashMap<>();
            Map<String, String> paymentIdBySeq = new HashMap<>();
            BigDecimal postedSum = BigDecimal.ZERO;
            int posted = 0;
            int refused = 0;
            int notCollected = 0;
            for (int i = 0; i < RECORDS; i++) {
                Line line = lines.get(i);
                String[] r = ackLines.get(i + 1).split(",", -1);
                assertThat(r).as("R line %d: %s", i + 1, ackLines.get(i + 1)).hasSize(4);
                assertThat(r[0]).isEqualTo("R");
                assertThat(r[1]).as("R line %d", i + 1).isEqualTo(line.seq());
                assertThat(r[2]).as("R line %d (seq %s)", i + 1, line.seq()).isEqualTo(line.expectedStatus());
                switch (line.expectedStatus()) {
                    case "POSTED" -> {
                        assertThat(r[3]).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
                        paymentIdBySeq.put(line.seq(), r[3]);
                        postedByAccount.merge(line.account(), new BigDecimal(line.amount()), BigDecimal::add);
                        postedSum = postedSum.add(new BigDecimal(line.amount()));
                        posted++;
                    }
                    case "REFUSED" -> {
                        assertThat(r[3]).as("R line %d", i + 1).isEqualTo(line.expectedReason());
                        refused++;
                    }
                    default -> {
                        assertThat(r[3]).as("R line %d", i + 1).isEqualTo(line.expectedReason());
                        notCollected++;
                    }
                }
            }
            assertThat(paymentIdBySeq).hasSize(posted); // no seq posted twice
            Map<String, Line> lineBySeq = new HashMap<>();
            lines.stream().filter(l -> l.expectedStatus().equals("POSTED")).forEach(l -> lineBySeq.put(l.seq(), l));
            assertThat(refused).isGreaterThan(0);
            assertThat(notCollected).isGreaterThan(0);
            assertThat(ackLines.get(RECORDS + 1)).isEqualTo(String.join(",", "T", Integer.toString(posted),
                    postedSum.setScale(3).toPlainString(), Integer.toString(refused), Integer.toString(notCollected)));

            // The file left the inbox for done/.
            assertThat(Files.exists(done.resolve(FILE_NAME))).isTrue();
            assertThat(Files.readString(done.resolve(FILE_NAME), StandardCharsets.UTF_8)).isEqualTo(fileText(lines));
            try (Stream<Path> left = Files.list(inbox)) {
                assertThat(left.toList()).isEmpty();
            }

            // The operations view agrees with the acknowledgement.
            JsonNode file = fileView(gateway);
            assertThat(file.path("progress").path("recordsDone").asInt()).isEqualTo(RECORDS);
            assertThat(file.path("progress").path("records").asInt()).isEqualTo(RECORDS);
            assertThat(file.path("posted").path("count").asInt()).isEqualTo(posted);
            assertThat(file.path("refused").path("count").asInt()).isEqualTo(refused);
            assertThat(file.path("notCollected").path("count").asInt()).isEqualTo(notCollected);

            // Each COLLECTED record of a known account is one payment, the one the acknowledgement names.
            try (Connection db = gateway.database()) {
                Map<String, String> paymentBySeq = new HashMap<>();
                BigDecimal paymentSum = BigDecimal.ZERO;
                try (PreparedStatement query = db.prepareStatement("""
                        select source_key, payment_id, status, account_number, posted_amount, value_time
                        from payment where channel = 'DIRECT_DEBIT' and source_key like ?""")) {
                    query.setString(1, "DD/" + BANK + "/" + FILE_ID + "/%");
                    try (ResultSet rs = query.executeQuery()) {
                        while (rs.next()) {
                            String seq = rs.getString("source_key").substring(("DD/" + BANK + "/" + FILE_ID + "/").length());
                            assertThat(paymentBySeq.put(seq, rs.getString("payment_id"))).as("seq %s posted twice", seq).isNull();
                            Line line = lineBySeq.get(seq);
                            assertThat(rs.getString("status")).isEqualTo("POSTED");
                            assertThat(rs.getString("account_number")).as("seq %s", seq).isEqualTo(line.account());
                            assertThat(rs.getBigDecimal("posted_amount")).as("seq %s", seq).isEqualByComparingTo(line.amount());
                            // R18: the collection date, the start of that day in Kuwait
                            assertThat(rs.getObject("value_time", OffsetDateTime.class).toInstant())
                                    .isEqualTo(OffsetDateTime.parse("2026-11-20T00:00+03:00").toInstant());
                            paymentSum = paymentSum.add(rs.getBigDecimal("posted_amount"));
                        }
                    }
                }
                assertThat(paymentBySeq).isEqualTo(paymentIdBySeq);
                assertThat(paymentSum).isEqualByComparingTo(postedSum);
                assertThat(GatewayProcess.count(db, "select count(*) from payment where channel = 'DIRECT_DEBIT'")).isEqualTo(posted);
                assertThat(GatewayProcess.count(db, "select count(*) from direct_debit_record")).isEqualTo(RECORDS);
                assertThat(GatewayProcess.count(db, "select count(*) from direct_debit_file")).isEqualTo(1);
                // the claims, the dead instances' ones included, are all released once the file is done
                await("claims released").atMost(Duration.ofSeconds(15))
                        .until(() -> GatewayProcess.count(db, "select count(*) from direct_debit_claim") == 0);
                // every posted payment's event reaches the topic: none left in the outbox
                await().atMost(Duration.ofSeconds(20)).until(() -> GatewayProcess.count(db,
                        "select count(*) from payment_event_unpublished") == 0);
                assertThat(GatewayProcess.count(db, "select count(*) from payment_event e join payment p using (payment_id) "
                        + "where p.channel = 'DIRECT_DEBIT' and e.publish")).isEqualTo(posted);
            }

            // Each account went down by exactly what was posted to it, and the books balance.
            for (int n = 0; n < ACCOUNTS; n++) {
                JsonNode view = JSON.readTree(gateway.send("GET", "/api/v1/accounts/" + account(n), OPS, null, null).body());
                BigDecimal paid = postedByAccount.getOrDefault(account(n), BigDecimal.ZERO);
                assertThat(new BigDecimal(view.path("totalOwed").asText())).as("account %s", account(n))
                        .isEqualByComparingTo(OWED.subtract(paid));
                assertThat(new BigDecimal(view.path("creditBalance").asText())).isZero();
            }
            JsonNode reconciliation = JSON.readTree(gateway.send("GET", "/api/v1/reconciliation", OPS, null, null).body());
            assertThat(reconciliation.path("balanced").asBoolean()).as(reconciliation.toString()).isTrue();
        }
        GatewayProcess.deleteRecursively(dataDir); // kept for a look when the test failed
    }

    /**
     * Waits until the gateway has posted at least {@code records} records of the file, kills it with SIGKILL and
     * returns how many records the database holds as done, checking that what was committed is whole batches: the
     * file's progress, its records and its payments moved together.
     */
    private int killWhenDone(GatewayProcess gateway, int records) throws Exception {
        await("file at " + records + " records").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    JsonNode file = fileView(gateway);
                    return file != null && file.path("progress").path("recordsDone").asInt() >= records;
                });
        gateway.kill();
        try (Connection db = gateway.database()) {
            // one snapshot: a COMMIT the gateway sent just before it died may still complete in the orphaned server
            db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            db.setAutoCommit(false);
            int recordsDone = (int) GatewayProcess.count(db, "select records_done from direct_debit_file");
            assertThat(recordsDone % BATCH_SIZE).as("whole batches: %d", recordsDone).isZero();
            assertThat(GatewayProcess.count(db, "select count(*) from direct_debit_record")).isEqualTo(recordsDone);
            assertThat(GatewayProcess.count(db, "select count(*) from payment where channel = 'DIRECT_DEBIT'"))
                    .isEqualTo(GatewayProcess.count(db, "select posted_count from direct_debit_file"));
            assertThat(GatewayProcess.count(db, "select count(*) from direct_debit_file where status = 'IN_PROGRESS'")).isEqualTo(1);
            return recordsDone;
        }
    }

    /**
     * 20,000 D lines: mostly COLLECTED on the 300 accounts, about an eighth NOT_COLLECTED, and a few refused alone
     * (unknown account, zero amount, impossible date, a seq used before, some of them batches apart and one across
     * the whole file). Amounts from 1.000 to 25.000, so that a record posted twice or lost shows in the totals.
     */
    private static List<Line> resultFile() {
        Random random = new Random(20261120L);
        List<Line> lines = new ArrayList<>(RECORDS);
        for (int i = 0; i < RECORDS; i++) {
            String seq = Integer.toString(i + 1);
            String account = account(random.nextInt(ACCOUNTS));
            String amount = BigDecimal.valueOf(1_000 + random.nextInt(24_001), 3).toPlainString();
            boolean notCollectedDraw = random.nextInt(8) == 0;
            String reasonCode = REASON_CODES[random.nextInt(REASON_CODES.length)];
            Line line;
            if (i == RECORDS - 1) {
                line = new Line("1", account, amount, COLLECTION_DATE, "COLLECTED", "", "REFUSED", "DUPLICATE_SEQ");
            } else if (i % 1500 == 750 && i > 1500) {
                String earlier = Integer.toString(i + 1 - 1200); // two batches and more before, maybe before a kill
                line = new Line(earlier, account, amount, COLLECTION_DATE, "COLLECTED", "", "REFUSED", "DUPLICATE_SEQ");
            } else if (i % 1000 == 17) {
                line = new Line(seq, UNKNOWN_ACCOUNT, amount, COLLECTION_DATE, "COLLECTED", "", "REFUSED", "UNKNOWN_ACCOUNT");
            } else if (i % 1000 == 523) {
                line = new Line(seq, account, "0.000", COLLECTION_DATE, "COLLECTED", "", "REFUSED", "INVALID_AMOUNT");
            } else if (i % 2000 == 999) {
                line = new Line(seq, account, amount, "20261131", "COLLECTED", "", "REFUSED", "INVALID_DATE");
            } else if (notCollectedDraw) {
                line = new Line(seq, account, amount, COLLECTION_DATE, "NOT_COLLECTED", reasonCode, "NOT_COLLECTED", reasonCode);
            } else {
                line = new Line(seq, account, amount, COLLECTION_DATE, "COLLECTED", "", "POSTED", null);
            }
            lines.add(line);
        }
        return lines;
    }

    /** The file as the bank writes it: header, the D lines, and a trailer with their count and the sum of all amounts. */
    private static String fileText(List<Line> lines) {
        ResultFileBuilder file = ResultFileBuilder.file(BANK, FILE_ID).created(COLLECTION_DATE);
        for (Line line : lines) {
            file.record(line.seq(), line.account(), line.mandate(), line.amount(), line.date(), line.status(), line.reasonCode());
        }
        return file.text();
    }

    private static String account(int n) {
        return ACCOUNT_PREFIX + String.format("%05d", n);
    }

    private static Map<String, Object> account() {
        return AccountJson.sample().holder("Direct Debit Crash").creditLimit("50000.000").unbilled("0.000")
                .computedMinimumDue().buckets(Map.of("PREVIOUS_FEES", "100.000", "CURRENT_PURCHASES", "20000.000")).json();
    }

    /** The file as GET /api/v1/direct-debit/files shows it, or null before the gateway took it. */
    private JsonNode fileView(GatewayProcess gateway) throws IOException, InterruptedException {
        HttpResponse<String> answer = gateway.send("GET", FILES, OPS, null, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        for (JsonNode file : JSON.readTree(answer.body())) {
            if (file.path("fileId").asText().equals(FILE_ID)) {
                return file;
            }
        }
        return null;
    }
}
