package kw.billpay.recovery;

import kw.billpay.testkit.GatewayProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A collection run happens once even when the gateway is killed with SIGKILL in the middle of it: 100,000 mandates in
 * the 11 banks, the gateway killed while it collects them and again once it has started on the files, restarted
 * each time on the same data directory, and asked for the run again. In the end every mandate with something to
 * collect is in exactly one line of exactly one file, for the right amount, and each bank has one file.
 */
@Tag("crash")
@Execution(ExecutionMode.CONCURRENT) // beside the in-process tests (pom.xml, surefire)
class CollectionCrashTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPS = "ops:ops-demo";
    private static final String DATE = "2026-11-27";
    private static final int MANDATES = 100_000;
    private static final int PAGE = 1_000;
    private static final String[] BANKS = {"NBK", "GBK", "CBK", "AUB", "ABK", "BBK", "BOUBYAN", "BURGAN", "KIB", "KFH", "WARBA"};
    private static final String IBAN = "KW81CBKU0000000000001234560101";
    private static final String RUN = "/api/v1/direct-debit/collection-runs/" + DATE;

    @Test
    void killedWhileCollectingAndWhileWritingTheRunStillAsksEachMandateOnceInOneFilePerBank() throws Exception {
        Path dataDir = Path.of("target", "collection-crash-data").toAbsolutePath();
        deleteRecursively(dataDir);
        Path requests = dataDir.resolve("direct-debit").resolve("requests");
        try (GatewayProcess gateway = GatewayProcess.onTestClassPath(dataDir).log(GatewayProcess.freshLog("collection-crash-gateway.log")).env(Map.of(
                "GATEWAY_COLLECTION_SCHEDULEENABLED", "false",
                "GATEWAY_COLLECTION_CHECKPERIODMS", "300",
                "GATEWAY_COLLECTION_CHECKDELAYMS", "300",
                "GATEWAY_COLLECTION_PAGESIZE", String.valueOf(PAGE))).build()) {
            gateway.start();
            try (Connection db = gateway.database()) {
                seed(db);
            }

            HttpResponse<String> started = gateway.send("POST", "/api/v1/direct-debit/collection-runs", OPS, Map.of("date", DATE), null);
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            long runId = JSON.readTree(started.body()).path("runId").asLong();

            // First kill: a third of the mandates collected. What committed is whole pages, requests and cursor together.
            await("a third collected").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> run(gateway).path("mandates").path("seen").asInt() >= MANDATES / 3);
            gateway.kill();
            try (Connection db = gateway.database()) {
                db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                db.setAutoCommit(false);
                long seen = GatewayProcess.count(db, "select mandates_seen from collection_run");
                assertThat(seen % PAGE).as("whole pages: %d", seen).isZero();
                assertThat(seen).isLessThan(MANDATES);
                assertThat(GatewayProcess.count(db, "select count(*) from collection_request"))
                        .isEqualTo(GatewayProcess.count(db, "select requested from collection_run"));
                assertThat(GatewayProcess.count(db, "select count(*) from collection_file")).isZero();
            }

            // Restarted, and asked again: the same run, taken up where it got.
            gateway.start();
            HttpResponse<String> again = gateway.send("POST", "/api/v1/direct-debit/collection-runs", OPS, Map.of("date", DATE), null);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            assertThat(JSON.readTree(again.body()).path("runId").asLong()).isEqualTo(runId);

            // Second kill: once the files are being written (or just after, if the writing beat the poll).
            await("files started").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(10))
                    .until(() -> run(gateway).path("files").size() > 0);
            gateway.kill();
            long writtenAtKill;
            try (Connection db = gateway.database()) {
                writtenAtKill = GatewayProcess.count(db, "select count(*) from collection_file where status = 'WRITTEN'");
            }
            System.out.printf("second kill: %d of %d files written%n", writtenAtKill, BANKS.length);

            gateway.start();
            JsonNode done = await("run completed").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                    .until(() -> run(gateway), r -> r.path("status").asText().equals("COMPLETED"));
            assertThat(done.path("runId").asLong()).isEqualTo(runId);

            // Each bank: one file, renamed, nothing left under a dot name; each mandate in one line, for its amount.
            Map<String, BigDecimal> expected = expectedAmounts();
            Map<String, String> seenIn = new HashMap<>();
            int lines = 0;
            for (String bank : BANKS) {
                try (Stream<Path> files = Files.list(requests.resolve(bank))) {
                    assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("COLL_" + bank + "_20261127.csv");
                }
                List<String> text = Files.readAllLines(requests.resolve(bank).resolve("COLL_" + bank + "_20261127.csv"), StandardCharsets.UTF_8);
                assertThat(text.get(0)).isEqualTo("H," + bank + ",COLL_" + bank + "_20261127,20261127,KWD");
                BigDecimal sum = BigDecimal.ZERO;
                for (int i = 1; i < text.size() - 1; i++) {
                    String[] d = text.get(i).split(",", -1);
                    assertThat(d[1]).isEqualTo(Integer.toString(i));
                    assertThat(seenIn.put(d[3], bank)).as("mandate %s asked twice", d[3]).isNull();
                    assertThat(expected).containsKey(d[3]);
                    assertThat(new BigDecimal(d[4])).as(d[3]).isEqualByComparingTo(expected.get(d[3]));
                    assertThat(BANKS[mandateNumber(d[3]) % BANKS.length]).isEqualTo(bank);
                    assertThat(d[6]).isEqualTo(IBAN);
                    sum = sum.add(new BigDecimal(d[4]));
                    lines++;
                }
                assertThat(text.get(text.size() - 1)).isEqualTo("T," + (text.size() - 2) + "," + sum.setScale(3).toPlainString());
            }
            assertThat(seenIn.keySet()).isEqualTo(expected.keySet());
            assertThat(done.path("mandates").path("requested").asInt()).isEqualTo(lines);
            try (Connection db = gateway.database()) {
                assertThat(GatewayProcess.count(db, "select count(*) from collection_request")).isEqualTo(expected.size());
                assertThat(GatewayProcess.count(db, "select count(*) from collection_run")).isEqualTo(1);
                assertThat(GatewayProcess.count(db, "select count(*) from collection_file where status = 'WRITTEN'")).isEqualTo(BANKS.length);
            }
        }
        deleteRecursively(dataDir); // kept for a look when the test failed
    }

    /**
     * Mandate i: bank i mod 11; FULL every fifth, else MINIMUM; cancelled every 97th; its account blocked every 89th; its
     * minimum paid since the statement every 83rd. Each account owes 700.000 billed (less what was paid) and 50.000
     * unbilled; its minimum due is 10.000 to 59.000.
     */
    private static void seed(Connection db) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("""
                    insert into account (account_number, issuer_id, holder_name, currency, product, credit_limit, status,
                                         statement_date, due_date, minimum_due, minimum_due_computed, paid_since_statement,
                                         previous_purchases, current_purchases, unbilled)
                    select '37665' || lpad(g::text, 10, '0'), 'amex-kw', 'Crash Holder', 'KWD', 'CREDIT', 5000,
                           case when g %% 89 = 0 then 'BLOCKED' else 'OPEN' end, date '2026-10-25', date '2026-11-19',
                           10 + g %% 50, false, case when g %% 83 = 0 then 10 + g %% 50 else 0 end,
                           500 - case when g %% 83 = 0 then 10 + g %% 50 else 0 end, 200, 50
                    from generate_series(1, %d) g""".formatted(MANDATES));
            s.execute("""
                    insert into mandate (mandate_ref, account_number, bank, debtor_account, type, status, created_at, updated_at)
                    select 'CR-' || lpad(g::text, 6, '0'), '37665' || lpad(g::text, 10, '0'),
                           (array['NBK','GBK','CBK','AUB','ABK','BBK','BOUBYAN','BURGAN','KIB','KFH','WARBA'])[g %% 11 + 1],
                           '%s', case when g %% 5 = 0 then 'FULL' else 'MINIMUM' end,
                           case when g %% 97 = 0 then 'CANCELLED' else 'ACTIVE' end, now(), now()
                    from generate_series(1, %d) g""".formatted(IBAN, MANDATES));
        }
    }

    /** What each mandate with something to collect is asked for, worked out from the seed's rules. */
    private static Map<String, BigDecimal> expectedAmounts() {
        Map<String, BigDecimal> expected = new HashMap<>();
        for (int g = 1; g <= MANDATES; g++) {
            if (g % 97 == 0 || g % 89 == 0) {
                continue;
            }
            int minimum = 10 + g % 50;
            int paid = g % 83 == 0 ? minimum : 0;
            int amount = g % 5 == 0 ? 700 - paid : minimum - paid;
            if (amount > 0) {
                expected.put("CR-" + String.format("%06d", g), BigDecimal.valueOf(amount));
            }
        }
        return expected;
    }

    private static int mandateNumber(String ref) {
        return Integer.parseInt(ref.substring(3));
    }

    private static JsonNode run(GatewayProcess gateway) throws IOException, InterruptedException {
        HttpResponse<String> answer = gateway.send("GET", RUN, OPS, null, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static void deleteRecursively(Path dir) {
        await("deleted " + dir).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> {
                    if (Files.exists(dir)) {
                        try (Stream<Path> paths = Files.walk(dir)) {
                            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                                Files.deleteIfExists(p);
                            }
                        }
                    }
                    return !Files.exists(dir);
                });
    }
}
