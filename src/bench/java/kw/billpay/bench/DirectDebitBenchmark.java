package kw.billpay.bench;

import kw.billpay.testkit.GatewayProcess;
import kw.billpay.testkit.ResultFileBuilder;
import kw.billpay.testkit.ResultFileBuilder.Detail;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 4's speed check for direct-debit result files, against the packaged gateway started as its own process on
 * the embedded default (the JVM flags of {@code config/jvm.options}, as {@code mvn spring-boot:run}).
 * <ol>
 *   <li>Raw batched posting: the same postings written directly with JDBC against the gateway's own PostgreSQL, one
 *       connection, a batch of 1,000 per transaction (insert payment, update account, insert allocation; JDBC batches,
 *       {@code reWriteBatchedInserts}).</li>
 *   <li>A 100,000-record file over 10,000 accounts dropped in the NBK inbox: parsed, allocated, posted and
 *       acknowledged. The rate is taken from the gateway's closing log line for the file (from taking the file to
 *       moving it, acknowledgement written), and printed beside the wall-clock time from the drop to the
 *       acknowledgement, which adds the inbox poll and the file-stable wait.</li>
 *   <li>A 1,000,000-record file, with the gateway's heap unchanged: its time and the process's peak resident memory.</li>
 * </ol>
 * Run from the project directory (README "Benchmarks"; method and figures in docs/benchmarks.md):
 * <pre>
 * mvn -q -DskipTests package
 * mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=kw.billpay.bench.DirectDebitBenchmark
 * </pre>
 * System properties (optional): {@code bench.records} (100000), {@code bench.accounts} (10000),
 * {@code bench.million} (true: also the 1,000,000-record file), {@code bench.jvmArgs}. The gateway's log is kept in
 * {@code target/bench/direct-debit-gateway.log}.
 */
public final class DirectDebitBenchmark {

    private static final double TARGET_RATIO = 0.5;
    private static final String ACCOUNT_PREFIX = "5123";
    private static final Pattern FINISHED = Pattern.compile(
            "direct-debit file finished: .*fileId=(\\S+) .*records=(\\d+) posted=(\\d+) .*millis=(\\d+) recordsPerSecond=(\\d+)");

    private final Path projectDir = Path.of("").toAbsolutePath();
    private final Path workDir = projectDir.resolve("target/bench/direct-debit");
    private final Path logFile = projectDir.resolve("target/bench/direct-debit-gateway.log");
    private final int records = Integer.getInteger("bench.records", 100_000);
    private final int accounts = Integer.getInteger("bench.accounts", 10_000);
    private final boolean million = Boolean.parseBoolean(System.getProperty("bench.million", "true"));
    private final List<String> jvmArgs = GatewayProcess.defaultJvmFlags(projectDir);
    private GatewayProcess gateway;
    private String jdbcUrl;
    private String baseUrl;

    public static void main(String[] args) throws Exception {
        DirectDebitBenchmark bench = new DirectDebitBenchmark();
        try {
            bench.run();
        } finally {
            bench.stop();
        }
    }

    private void run() throws Exception {
        FileSystemUtils.deleteRecursively(workDir);
        Files.createDirectories(workDir);
        say("direct-debit benchmark: %,d records over %,d accounts; gateway JVM %s; %d cores", records, accounts,
                GatewayProcess.describe(jvmArgs), Runtime.getRuntime().availableProcessors());
        long startMs = start();
        say("gateway healthy after %,d ms", startMs);
        seedAccounts();

        double raw = rawBatchedPosting();
        say("raw batched JDBC posting: %,.0f payments/s (%,d payments, batches of %,d, one connection)", raw, records,
                RawBatchedPosting.BATCH);

        FileResult file = dropAndAwait("BENCH-100K", records, Duration.ofMinutes(10));
        say("file of %,d records: gateway %,d ms = %,.0f records/s; drop to acknowledgement %,d ms (%,.0f records/s)",
                records, file.gatewayMillis(), file.gatewayRate(), file.wallMillis(), records * 1000.0 / file.wallMillis());
        verify("BENCH-100K", file);
        double ratio = file.gatewayRate() / raw;
        say("ratio file / raw batched: %.2f (target >= %.1f: %s)", ratio, TARGET_RATIO, ratio >= TARGET_RATIO ? "met" : "MISSED");

        if (million) {
            FileResult big = dropAndAwait("BENCH-1M", 1_000_000, Duration.ofMinutes(30));
            say("file of 1,000,000 records with %s: gateway %,d ms = %,.0f records/s; peak resident memory %,d MB",
                    GatewayProcess.describe(jvmArgs), big.gatewayMillis(), big.gatewayRate(), peakRssKb() / 1024);
            verify("BENCH-1M", big);
        }
        long t = System.nanoTime();
        String reconciliation = get("/api/v1/reconciliation", Duration.ofMinutes(5));
        say("reconciliation (%,d ms): %s", (System.nanoTime() - t) / 1_000_000,
                reconciliation.contains("\"balanced\":true") ? "balanced" : "NOT BALANCED: " + reconciliation);
    }

    // ---- the gateway ------------------------------------------------------------------------------------------------

    private long start() throws Exception {
        Files.deleteIfExists(logFile);
        gateway = GatewayProcess.fromJar(GatewayProcess.packagedJar(projectDir), workDir.resolve("data"))
                .directory(projectDir).jvmFlags(jvmArgs).log(logFile).build();
        baseUrl = gateway.baseUrl();
        jdbcUrl = gateway.jdbcUrl() + "?reWriteBatchedInserts=true";
        return gateway.start();
    }

    private void stop() throws InterruptedException {
        if (gateway != null) {
            gateway.stop();
        }
    }

    /** Peak resident memory of the gateway process (VmHWM), in kB. */
    private long peakRssKb() {
        return Proc.status(gateway.pid(), "VmHWM");
    }

    // ---- data -------------------------------------------------------------------------------------------------------

    /** 10,000 open KWD accounts of issuer amex-kw, each owing far more than the file pays (no credit balances). */
    private void seedAccounts() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", gateway.databasePassword()); Statement s = c.createStatement()) {
            s.execute("""
                    insert into account (account_number, issuer_id, holder_name, currency, product, credit_limit, status,
                                         statement_date, due_date, minimum_due, minimum_due_computed, previous_fees,
                                         previous_purchases, current_purchases, unbilled)
                    select '%s' || lpad(g::text, 12, '0'), 'amex-kw', 'Bench Holder', 'KWD', 'CREDIT', 100000, 'OPEN',
                           date '2026-10-25', date '2026-11-19', 100, false, 50, 20000, 20000, 1000
                    from generate_series(1, %d) g""".formatted(ACCOUNT_PREFIX, accounts));
        }
    }

    private String account(int i) {
        return ACCOUNT_PREFIX + String.format("%012d", i % accounts + 1);
    }

    private static BigDecimal amount(SplittableRandom random) {
        return BigDecimal.valueOf(random.nextLong(1_000, 50_000), 3); // 1.000 to 49.999 KWD
    }

    /** Writes a file of COLLECTED records (every 50th NOT_COLLECTED) and returns it; drop it with a rename. */
    private Path writeFile(String fileId, int count) throws IOException {
        Path file = workDir.resolve(fileId + ".csv");
        SplittableRandom random = new SplittableRandom(42);
        return ResultFileBuilder.write(file, "NBK", fileId, count, seq -> {
            String amount = amount(random).toPlainString();
            String account = account(random.nextInt(accounts));
            return seq % 50 != 0 ? Detail.collected(account, "MD" + seq, amount, "20261127")
                    : Detail.notCollected(account, "MD" + seq, amount, "20261127", "AM04");
        });
    }

    // ---- raw batched posting ----------------------------------------------------------------------------------------

    /** What the issue calls raw batched posting (RawBatchedPosting): the file's postings, written with JDBC. */
    private double rawBatchedPosting() throws SQLException {
        SplittableRandom random = new SplittableRandom(7);
        return RawBatchedPosting.measure(jdbcUrl, gateway.databasePassword(), "DIRECT_DEBIT", "DIRECT_DEBIT", records,
                OffsetDateTime.parse("2026-11-27T00:00:00+03:00"), i -> {
                    BigDecimal amount = amount(random);
                    return new RawBatchedPosting.Posting(account(random.nextInt(accounts)), amount, "MD" + i);
                });
    }

    // ---- a file through the gateway ---------------------------------------------------------------------------------

    record FileResult(long gatewayMillis, long wallMillis, long records, long posted) {
        double gatewayRate() {
            return records * 1000.0 / gatewayMillis;
        }
    }

    private FileResult dropAndAwait(String fileId, int count, Duration atMost) throws Exception {
        Path file = writeFile(fileId, count);
        Path inbox = workDir.resolve("data/direct-debit/inbox/NBK");
        Path ack = workDir.resolve("data/direct-debit/outbox/NBK/" + fileId + ".csv.ack.csv");
        Path part = inbox.resolve(fileId + ".csv.part");
        Files.move(file, part);
        long t = System.nanoTime();
        Files.move(part, inbox.resolve(fileId + ".csv"), StandardCopyOption.ATOMIC_MOVE);
        Awaitility.await(fileId + " acknowledged").atMost(atMost).pollInterval(Duration.ofMillis(50)).pollInSameThread()
                .until(() -> {
                    if (!gateway.isAlive()) {
                        throw new IllegalStateException("gateway died; see " + logFile);
                    }
                    return Files.exists(ack);
                });
        long wall = (System.nanoTime() - t) / 1_000_000;
        Matcher finished = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInSameThread()
                .until(() -> finishedLine(fileId), m -> m != null);
        return new FileResult(Long.parseLong(finished.group(4)), wall, Long.parseLong(finished.group(2)),
                Long.parseLong(finished.group(3)));
    }

    private Matcher finishedLine(String fileId) throws IOException {
        for (String line : Files.readAllLines(logFile)) {
            Matcher m = FINISHED.matcher(line);
            if (m.find() && m.group(1).equals(fileId)) {
                return m;
            }
        }
        return null;
    }

    /** Every COLLECTED record posted once, the acknowledgement complete. */
    private void verify(String fileId, FileResult result) throws Exception {
        Path ack = workDir.resolve("data/direct-debit/outbox/NBK/" + fileId + ".csv.ack.csv");
        long rLines;
        try (var lines = Files.lines(ack)) {
            rLines = lines.filter(l -> l.startsWith("R,")).count();
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", gateway.databasePassword());
             PreparedStatement s = c.prepareStatement("select count(*) from payment where source_key like ?")) {
            s.setString(1, "DD/NBK/" + fileId + "/%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                say("  check %s: %,d R lines for %,d records; %,d posted, %,d payments in the database", fileId, rLines,
                        result.records(), result.posted(), rs.getLong(1));
            }
        }
    }

    // ---- plumbing ---------------------------------------------------------------------------------------------------

    private String get(String path, Duration timeout) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("ops:ops-demo".getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void say(String format, Object... args) {
        System.out.printf(format + "%n", args);
    }
}
