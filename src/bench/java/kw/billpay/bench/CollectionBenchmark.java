package kw.billpay.bench;

import kw.billpay.testkit.GatewayProcess;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 18's speed check for collection runs, against the packaged gateway started as its own process on the embedded
 * default (the JVM flags of {@code config/jvm.options}, its heap included).
 * <ol>
 *   <li>Raw: one JDBC connection reads the same mandates and statements in pages of 1,000 (the mandate joined to its
 *       account), works out each amount, inserts the same request rows (a JDBC batch, a commit per page) and writes the
 *       same 11 CSV files as it goes.</li>
 *   <li>The gateway: {@code POST /api/v1/direct-debit/collection-runs} for the 27th, until the run is COMPLETED: pages
 *       read and locked, amounts, requests and cursor per transaction, then each bank's file under its dot name and
 *       renamed. Timed from the run's start to its end as the gateway logs them, and from the request to the
 *       COMPLETED answer.</li>
 * </ol>
 * Run from the project directory (README "Benchmark"):
 * <pre>
 * mvn -q -DskipTests package
 * mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=kw.billpay.bench.CollectionBenchmark
 * </pre>
 * System properties (optional): {@code bench.mandates} (200000), {@code bench.jvmArgs}. The gateway's log is kept in
 * {@code target/bench/collection-gateway.log}.
 */
public final class CollectionBenchmark {

    private static final double TARGET_RATIO = 0.3;
    private static final String[] BANKS = {"NBK", "GBK", "CBK", "AUB", "ABK", "BBK", "BOUBYAN", "BURGAN", "KIB", "KFH", "WARBA"};
    private static final String IBAN = "KW81CBKU0000000000001234560101";
    private static final int PAGE = 1_000;
    private static final Pattern FINISHED = Pattern.compile("collection run finished: date=2026-11-27 .*requested=(\\d+)");

    private final Path projectDir = Path.of("").toAbsolutePath();
    private final Path workDir = projectDir.resolve("target/bench/collection");
    private final Path logFile = projectDir.resolve("target/bench/collection-gateway.log");
    private final int mandates = Integer.getInteger("bench.mandates", 200_000);
    private final List<String> jvmArgs = GatewayProcess.defaultJvmFlags(projectDir);
    private GatewayProcess gateway;
    private String jdbcUrl;
    private String baseUrl;

    public static void main(String[] args) throws Exception {
        CollectionBenchmark bench = new CollectionBenchmark();
        try {
            bench.run();
        } finally {
            bench.stop();
        }
    }

    private void run() throws Exception {
        FileSystemUtils.deleteRecursively(workDir);
        Files.createDirectories(workDir);
        say("collection benchmark: %,d active mandates in %d banks; gateway JVM %s; %d cores", mandates, BANKS.length,
                GatewayProcess.describe(jvmArgs), Runtime.getRuntime().availableProcessors());
        say("gateway healthy after %,d ms", start());
        seed();

        long t = System.nanoTime();
        int rawRows = raw();
        double rawSeconds = (System.nanoTime() - t) / 1e9;
        say("raw JDBC: %,d requests and %d files in %,.1f s = %,.0f mandates/s (pages of %,d, one connection)",
                rawRows, BANKS.length, rawSeconds, mandates / rawSeconds, PAGE);
        undoRaw();

        t = System.nanoTime();
        String answer = send("POST", "/api/v1/direct-debit/collection-runs", "{\"date\":\"2026-11-27\"}");
        if (!answer.contains("\"runId\"")) {
            throw new IllegalStateException("run not started: " + answer);
        }
        Awaitility.await("run completed").atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100))
                .pollInSameThread().until(() -> {
                    if (!gateway.isAlive()) {
                        throw new IllegalStateException("gateway died; see " + logFile);
                    }
                    return send("GET", "/api/v1/direct-debit/collection-runs/2026-11-27", null).contains("\"status\":\"COMPLETED\"");
                });
        double gatewaySeconds = (System.nanoTime() - t) / 1e9;
        Matcher finished = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInSameThread()
                .until(this::finishedLine, m -> m != null);
        int requested = Integer.parseInt(finished.group(1));
        say("gateway run: %,d requests and %d files in %,.1f s (request to COMPLETED) = %,.0f mandates/s; peak resident memory %,d MB",
                requested, BANKS.length, gatewaySeconds, mandates / gatewaySeconds, Proc.status(gateway.pid(), "VmHWM") / 1024);
        double ratio = (mandates / gatewaySeconds) / (mandates / rawSeconds);
        say("ratio gateway / raw: %.2f (target >= %.1f: %s)%s", ratio, TARGET_RATIO, ratio >= TARGET_RATIO ? "met" : "MISSED",
                requested == rawRows ? "" : "; ROWS DIFFER: raw " + rawRows + ", gateway " + requested);
    }

    // ---- the gateway ------------------------------------------------------------------------------------------------

    private long start() throws Exception {
        Files.createDirectories(logFile.getParent());
        Files.deleteIfExists(logFile);
        gateway = GatewayProcess.fromJar(GatewayProcess.packagedJar(projectDir), workDir.resolve("data"))
                .directory(projectDir).jvmFlags(jvmArgs).log(logFile).env(Map.of("GATEWAY_COLLECTION_SCHEDULEENABLED", "false"))
                .build();
        baseUrl = gateway.baseUrl();
        jdbcUrl = gateway.jdbcUrl() + "?reWriteBatchedInserts=true";
        return gateway.start();
    }

    private void stop() throws InterruptedException {
        if (gateway != null) {
            gateway.stop();
        }
    }

    private Matcher finishedLine() throws IOException {
        for (String line : Files.readAllLines(logFile)) {
            Matcher m = FINISHED.matcher(line);
            if (m.find()) {
                return m;
            }
        }
        return null;
    }

    // ---- data -------------------------------------------------------------------------------------------------------

    /** Open KWD accounts, each with an active mandate (a fifth FULL) at one of the 11 banks, round the banks. */
    private void seed() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", gateway.databasePassword()); Statement s = c.createStatement()) {
            s.execute("""
                    insert into account (account_number, issuer_id, holder_name, currency, product, credit_limit, status,
                                         statement_date, due_date, minimum_due, minimum_due_computed, previous_purchases,
                                         current_purchases, unbilled)
                    select '5123' || lpad(g::text, 12, '0'), 'amex-kw', 'Bench Holder', 'KWD', 'CREDIT', 5000, 'OPEN',
                           date '2026-10-25', date '2026-11-19', 10 + g %% 50, false, 500, 200, 50
                    from generate_series(1, %d) g""".formatted(mandates));
            s.execute("""
                    insert into mandate (mandate_ref, account_number, bank, debtor_account, type, status, created_at, updated_at)
                    select 'BM-' || lpad(g::text, 7, '0'), '5123' || lpad(g::text, 12, '0'),
                           (array['NBK','GBK','CBK','AUB','ABK','BBK','BOUBYAN','BURGAN','KIB','KFH','WARBA'])[g %% 11 + 1],
                           '%s', case when g %% 5 = 0 then 'FULL' else 'MINIMUM' end, 'ACTIVE', now(), now()
                    from generate_series(1, %d) g""".formatted(IBAN, mandates));
            s.execute("vacuum analyze");
        }
    }

    // ---- raw --------------------------------------------------------------------------------------------------------

    /** The same reads, amounts, rows and files with plain JDBC, for a date of its own (2026-10-27). */
    private int raw() throws SQLException, IOException {
        LocalDate date = LocalDate.parse("2026-10-27");
        Map<String, BufferedWriter> files = new HashMap<>();
        Map<String, int[]> counts = new HashMap<>();
        Map<String, BigDecimal> sums = new HashMap<>();
        int rows = 0;
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", gateway.databasePassword())) {
            c.setAutoCommit(false);
            long runId;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                    insert into collection_run (collection_date, presentation, status, started_by, started_at)
                    values (date '2026-10-27', 1, 'IN_PROGRESS', 'raw', now()) returning id""")) {
                rs.next();
                runId = rs.getLong(1);
            }
            for (String bank : BANKS) {
                Path folder = workDir.resolve("raw").resolve(bank);
                Files.createDirectories(folder);
                BufferedWriter out = Files.newBufferedWriter(folder.resolve("COLL_" + bank + "_20261027.csv"), StandardCharsets.UTF_8);
                out.write("H," + bank + ",COLL_" + bank + "_20261027,20261027,KWD\n");
                files.put(bank, out);
                counts.put(bank, new int[1]);
                sums.put(bank, BigDecimal.ZERO);
            }
            PreparedStatement page = c.prepareStatement("""
                    select m.mandate_ref, m.account_number, m.bank, m.debtor_account, m.type, a.status, a.minimum_due,
                           a.paid_since_statement, a.previous_fees + a.previous_cash + a.previous_purchases
                           + a.previous_instalments + a.current_instalments + a.current_fees + a.current_cash
                           + a.current_purchases as billed, a.unbilled
                    from mandate m join account a on a.account_number = m.account_number
                    where m.status = 'ACTIVE' and m.mandate_ref > ? order by m.mandate_ref limit ?""");
            PreparedStatement insert = c.prepareStatement("""
                    insert into collection_request (run_id, collection_date, mandate_ref, bank, account_number, debtor_account,
                                                    type, amount, billed_amount, billing_currency, state)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'KWD', 'PENDING')""");
            String after = "";
            for (int read = PAGE; read == PAGE; ) {
                page.setString(1, after);
                page.setInt(2, PAGE);
                read = 0;
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        read++;
                        after = rs.getString(1);
                        BigDecimal billed = rs.getBigDecimal("billed");
                        BigDecimal owed = billed.add(rs.getBigDecimal("unbilled"));
                        BigDecimal amount = (rs.getString("type").equals("FULL") ? billed
                                : rs.getBigDecimal("minimum_due").subtract(rs.getBigDecimal("paid_since_statement"))).min(owed);
                        if (!rs.getString("status").equals("OPEN") || amount.signum() <= 0) {
                            continue;
                        }
                        String bank = rs.getString("bank");
                        insert.setLong(1, runId);
                        insert.setObject(2, date);
                        insert.setString(3, after);
                        insert.setString(4, bank);
                        insert.setString(5, rs.getString("account_number"));
                        insert.setString(6, rs.getString("debtor_account"));
                        insert.setString(7, rs.getString("type"));
                        insert.setBigDecimal(8, amount);
                        insert.setBigDecimal(9, amount);
                        insert.addBatch();
                        int seq = ++counts.get(bank)[0];
                        sums.merge(bank, amount, BigDecimal::add);
                        files.get(bank).write("D," + seq + "," + rs.getString("account_number") + "," + after + ","
                                + amount.setScale(3).toPlainString() + ",20261027," + rs.getString("debtor_account") + "\n");
                        rows++;
                    }
                }
                insert.executeBatch();
                c.commit();
            }
        }
        for (String bank : BANKS) {
            BufferedWriter out = files.get(bank);
            out.write("T," + counts.get(bank)[0] + "," + sums.get(bank).setScale(3).toPlainString() + "\n");
            out.close();
        }
        return rows;
    }

    /** The raw rows removed, so that the gateway's run starts from tables of the same size. */
    private void undoRaw() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", gateway.databasePassword()); Statement s = c.createStatement()) {
            // the raw phase's rows are the only ones yet
            s.execute("truncate collection_request, collection_file, collection_run");
            s.execute("vacuum analyze");
        }
    }

    // ---- plumbing ---------------------------------------------------------------------------------------------------

    private String send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("ops:ops-demo".getBytes(StandardCharsets.UTF_8)));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }


    private static void say(String format, Object... args) {
        System.out.printf(format + "%n", args);
    }
}
