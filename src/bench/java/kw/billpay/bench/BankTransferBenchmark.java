package kw.billpay.bench;

import java.io.IOException;
import java.math.BigDecimal;
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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kw.billpay.testkit.Camt054Builder;
import kw.billpay.testkit.GatewayProcess;
import org.awaitility.Awaitility;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 17's speed check for bank-transfer (camt.054) files, against the packaged gateway started as its own process
 * on the embedded default (the JVM flags of {@code config/jvm.options}).
 * <ol>
 *   <li>Raw batched posting (RawBatchedPosting): the 100,000-entry file's matched transfers written directly with
 *       JDBC against the gateway's own PostgreSQL, one connection, 1,000 per transaction.</li>
 *   <li>A 20,000-entry file that warms the gateway up (JIT, the heap in use), then a 1,000-entry file, then the
 *       gateway's resident memory (after a C-heap trim) and its live heap after a full collection.</li>
 *   <li>A 100,000-entry file over 1,000 accounts, 5% of it naming no known account, dropped in NBK's inbox: read
 *       whole (first pass), matched, posted or held in suspense, every line recorded, moved to done/. The rate is the
 *       gateway's own (its closing log line, from taking the file to moving it); the time from the drop to done/ is
 *       printed beside it. The resident memory is sampled during the file and read after it, as is the live heap.</li>
 * </ol>
 * Run from the project directory (method and figures in docs/benchmarks.md):
 * <pre>
 * mvn -q -DskipTests package
 * mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=kw.billpay.bench.BankTransferBenchmark
 * </pre>
 * System properties (optional): {@code bench.entries} (100000), {@code bench.accounts} (1000), {@code bench.jvmArgs},
 * {@code bench.repeat} (1: how many large files, the later ones showing whether memory keeps growing),
 * {@code bench.histogram} (false: print the live heap's largest classes after the small and the large files).
 * The gateway's log is kept in {@code target/bench/bank-transfer-gateway.log}.
 */
public final class BankTransferBenchmark {

    private static final double TARGET_RATIO = 0.3;
    private static final String ACCOUNT_PREFIX = "3766";
    private static final int WARM_UP = 20_000;
    private static final Pattern FINISHED = Pattern.compile(
            "bank-transfer file finished: .*msgId=(\\S+) .*entries=(\\d+) .*millis=(\\d+) entriesPerSecond=(\\d+)");

    private final Path projectDir = Path.of("").toAbsolutePath();
    private final Path workDir = projectDir.resolve("target/bench/bank-transfer");
    private final Path logFile = projectDir.resolve("target/bench/bank-transfer-gateway.log");
    private final int entries = Integer.getInteger("bench.entries", 100_000);
    private final int accounts = Integer.getInteger("bench.accounts", 1_000);
    private final int repeat = Integer.getInteger("bench.repeat", 1);
    private final boolean histogram = Boolean.getBoolean("bench.histogram");
    private final List<String> jvmArgs = GatewayProcess.defaultJvmFlags(projectDir);
    private GatewayProcess gateway;
    private String jdbcUrl;

    public static void main(String[] args) throws Exception {
        BankTransferBenchmark bench = new BankTransferBenchmark();
        try {
            bench.run();
        } finally {
            bench.stop();
        }
    }

    private void run() throws Exception {
        FileSystemUtils.deleteRecursively(workDir);
        Files.createDirectories(workDir);
        say("bank-transfer benchmark: %,d entries over %,d accounts, 5%% unmatched; gateway JVM %s; %d cores", entries,
                accounts, GatewayProcess.describe(jvmArgs), Runtime.getRuntime().availableProcessors());
        Files.deleteIfExists(logFile);
        gateway = GatewayProcess.fromJar(GatewayProcess.packagedJar(projectDir), workDir.resolve("data"))
                .directory(projectDir).jvmFlags(jvmArgs).log(logFile).build();
        jdbcUrl = gateway.jdbcUrl() + "?reWriteBatchedInserts=true";
        say("gateway healthy after %,d ms", gateway.start());
        seedAccounts();

        // the file's matched transfers, in its order: the same payments the gateway will post
        int[] matchedEntries = java.util.stream.IntStream.range(0, entries).filter(BankTransferBenchmark::matched).toArray();
        double raw = RawBatchedPosting.measure(jdbcUrl, gateway.databasePassword(), "BANK_TRANSFER", "TRANSFER", matchedEntries.length,
                OffsetDateTime.parse("2025-11-27T00:00:00+03:00"), n -> {
                    int i = matchedEntries[n - 1];
                    return new RawBatchedPosting.Posting(account(i), new BigDecimal(amount(i)), "RAW-" + i);
                });
        say("raw batched JDBC posting: %,.0f payments/s (%,d payments, batches of %,d, one connection)", raw,
                matchedEntries.length, RawBatchedPosting.BATCH);

        // the gateway warmed up first (JIT, heap in use), so that the 1,000-entry file's memory is its steady state
        FileResult warmUp = dropAndAwait("BENCH-WARMUP", WARM_UP, Duration.ofMinutes(10), false);
        say("warm-up file of %,d entries: gateway %,d ms = %,.0f entries/s", WARM_UP, warmUp.gatewayMillis(), warmUp.gatewayRate());
        FileResult small = dropAndAwait("BENCH-1K", 1_000, Duration.ofMinutes(5), false);
        long rssAfterSmall = settledRssKb();
        long stableAfterSmall = stableRssKb();
        long heapAfterSmall = liveHeapKb();
        say("file of 1,000 entries: gateway %,d ms; then resident memory %,d MB, live heap after a full GC %,d MB",
                small.gatewayMillis(), rssAfterSmall / 1024, heapAfterSmall / 1024);
        if (histogram) {
            say("largest classes of the live heap now (jcmd GC.class_histogram):%n%s", classHistogram(15));
        }

        FileResult file = dropAndAwait("BENCH-100K", entries, Duration.ofMinutes(30), true);
        long rssAfter = settledRssKb();
        long stableAfter = stableRssKb();
        long heapAfter = liveHeapKb();
        say("file of %,d entries: gateway %,d ms = %,.0f entries/s; drop to done/ %,d ms (%,.0f entries/s)", entries,
                file.gatewayMillis(), file.gatewayRate(), file.wallMillis(), entries * 1000.0 / file.wallMillis());
        say("resident memory: after the 1,000-entry file %,d MB; during the %,d-entry file at most %,d MB; after it %,d MB (%s);"
                        + " live heap after a full GC %,d MB",
                rssAfterSmall / 1024, entries, file.maxRssKb() / 1024, rssAfter / 1024,
                rssAfter <= rssAfterSmall ? "no higher: met" : "HIGHER by " + (rssAfter - rssAfterSmall) / 1024 + " MB",
                heapAfter / 1024);
        say("resident memory once stable (readings 6 s apart within 1 MB): after the 1,000-entry file %,d MB; after the"
                + " %,d-entry file %,d MB (%s)", stableAfterSmall / 1024, entries, stableAfter / 1024,
                stableAfter <= stableAfterSmall ? "no higher: met" : "HIGHER by " + (stableAfter - stableAfterSmall) / 1024 + " MB");
        verify("BENCH-100K", matchedEntries.length);
        long waiting = unrelayedEvents();
        say("events relayed to the broker: %,d were waiting in the outbox after the file; the last sent %,d ms later",
                waiting, relayDrainMillis());
        for (int run = 2; run <= repeat; run++) {
            FileResult again = dropAndAwait("BENCH-100K-" + run, entries, Duration.ofMinutes(30), true);
            say("file of %,d entries again (%d): gateway %,d ms = %,.0f entries/s; resident memory during it at most %,d MB,"
                    + " after it %,d MB; live heap after a full GC %,d MB", entries, run, again.gatewayMillis(),
                    again.gatewayRate(), again.maxRssKb() / 1024, settledRssKb() / 1024, liveHeapKb() / 1024);
        }
        if (histogram) {
            say("largest classes of the live heap now (jcmd GC.class_histogram):%n%s", classHistogram(15));
        }
        double ratio = file.gatewayRate() / raw;
        say("ratio file / raw batched: %.2f (target >= %.1f: %s)", ratio, TARGET_RATIO, ratio >= TARGET_RATIO ? "met" : "MISSED");
    }

    private void stop() throws InterruptedException {
        if (gateway != null) {
            gateway.stop();
        }
    }

    // ---- data -------------------------------------------------------------------------------------------------------

    /** Open KWD accounts of issuer amex-kw, each owing far more than the file pays (no credit balances). */
    private void seedAccounts() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", gateway.databasePassword()); Statement s = c.createStatement()) {
            s.execute("""
                    insert into account (account_number, issuer_id, holder_name, currency, product, credit_limit, status,
                                         statement_date, due_date, minimum_due, minimum_due_computed, previous_fees,
                                         previous_purchases, current_purchases, unbilled)
                    select '%s' || lpad(g::text, 11, '0'), 'amex-kw', 'Bench Holder', 'KWD', 'CREDIT', 1000000, 'OPEN',
                           date '2026-10-25', date '2026-11-19', 100, false, 50, 200000, 200000, 1000
                    from generate_series(1, %d) g""".formatted(ACCOUNT_PREFIX, accounts));
        }
    }

    /** One entry in twenty names no known account (an unknown number, or none): it goes to suspense. */
    private static boolean matched(int i) {
        return i % 20 != 7;
    }

    private static String amount(int i) {
        return BigDecimal.valueOf(1_000 + (i * 7919L) % 49_000, 3).toPlainString(); // 1.000 to 49.999 KWD
    }

    /** The account entry {@code i} pays: spread over all of them. */
    private String account(int i) {
        return ACCOUNT_PREFIX + String.format("%011d", (int) ((i * 2654435761L) % accounts) + 1);
    }

    private Camt054Builder.Entry entry(String messageId, int i) {
        String account = account(i);
        String ustrd = !matched(i) ? (i % 40 == 7 ? "card 37669999" + String.format("%07d", i % 10_000_000) : "for my card")
                : i % 2 == 0 ? "AMEX " + account : "card " + account.substring(0, 4) + " " + account.substring(4, 10)
                        + " " + account.substring(10) + " thank you";
        return new Camt054Builder.Entry(messageId + "-" + i, amount(i), ustrd);
    }

    // ---- the gateway's memory --------------------------------------------------------------------------------------

    /** The gateway's resident memory once its C heap was trimmed (config/jvm.options trims every 5 s). */
    private long settledRssKb() throws InterruptedException {
        Thread.sleep(6_000); // a measurement pause, not a wait for a condition
        return Proc.rssKb(gateway.pid());
    }

    /**
     * The resident memory once it stopped moving: two readings 6 s apart (a C-heap trim between them) within 1 MB, for
     * at most a minute. Right after a file the JIT compilers are still at work on its code and hold arenas of C heap
     * that they free when done: this reading leaves that out, the one above keeps it in.
     */
    private long stableRssKb() throws InterruptedException {
        long previous = settledRssKb();
        for (int i = 0; i < 10; i++) {
            long now = settledRssKb();
            if (Math.abs(now - previous) < 1024) {
                return now;
            }
            previous = now;
        }
        return previous;
    }

    /** The Java heap the gateway still uses after a full collection (jcmd GC.run, then GC.heap_info), in kB. */
    private long liveHeapKb() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        String pid = Long.toString(gateway.pid());
        new ProcessBuilder(jcmd.toString(), pid, "GC.run").redirectErrorStream(true).start().waitFor();
        Process info = new ProcessBuilder(jcmd.toString(), pid, "GC.heap_info").redirectErrorStream(true).start();
        String text = new String(info.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        info.waitFor();
        long used = 0;
        Matcher m = Pattern.compile("generation\\s+total \\d+K, used (\\d+)K").matcher(text);
        while (m.find()) {
            used += Long.parseLong(m.group(1));
        }
        return used;
    }

    /** The first lines of {@code jcmd GC.class_histogram}: the classes holding the most live heap. */
    private String classHistogram(int classes) throws IOException, InterruptedException {
        Process histogram = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(gateway.pid()), "GC.class_histogram").redirectErrorStream(true).start();
        String text = new String(histogram.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        histogram.waitFor();
        return String.join("\n", text.lines().limit(classes + 3L).toList());
    }

    // ---- a file through the gateway ---------------------------------------------------------------------------------

    record FileResult(long gatewayMillis, long wallMillis, long entries, long maxRssKb) {
        double gatewayRate() {
            return entries * 1000.0 / gatewayMillis;
        }
    }

    private FileResult dropAndAwait(String messageId, int count, Duration atMost, boolean sampleMemory) throws Exception {
        Path file = workDir.resolve(messageId + ".xml");
        Camt054Builder.write(file, messageId, count, i -> entry(messageId, i));
        Path inbox = workDir.resolve("data/bank-transfer/inbox/NBK");
        Path done = workDir.resolve("data/bank-transfer/done/NBK/" + messageId + ".xml");
        Path part = inbox.resolve("." + messageId + ".xml.part");
        Files.move(file, part);
        long t = System.nanoTime();
        Files.move(part, inbox.resolve(messageId + ".xml"), StandardCopyOption.ATOMIC_MOVE);
        long[] maxRss = {0};
        Awaitility.await(messageId + " done").atMost(atMost).pollInterval(Duration.ofMillis(200)).pollInSameThread()
                .until(() -> {
                    if (!gateway.isAlive()) {
                        throw new IllegalStateException("gateway died; see " + logFile);
                    }
                    if (sampleMemory) {
                        maxRss[0] = Math.max(maxRss[0], Proc.rssKb(gateway.pid()));
                    }
                    return Files.exists(done);
                });
        long wall = (System.nanoTime() - t) / 1_000_000;
        Matcher finished = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInSameThread()
                .until(() -> finishedLine(messageId), m -> m != null);
        return new FileResult(Long.parseLong(finished.group(3)), wall, Long.parseLong(finished.group(2)), maxRss[0]);
    }

    private Matcher finishedLine(String messageId) throws IOException {
        for (String line : Files.readAllLines(logFile)) {
            Matcher m = FINISHED.matcher(line);
            if (m.find() && m.group(1).equals(messageId)) {
                return m;
            }
        }
        return null;
    }

    /** How long after now the events relay took to send every event of the outbox to the broker. */
    private long relayDrainMillis() {
        long t = System.nanoTime();
        Awaitility.await("the events relayed").atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                .pollInSameThread().until(() -> unrelayedEvents() == 0);
        return (System.nanoTime() - t) / 1_000_000;
    }

    private long unrelayedEvents() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", gateway.databasePassword())) {
            return GatewayProcess.count(c, "select count(*) from payment_event_unpublished");
        }
    }

    /** Every matched transfer posted once, every other one in suspense. */
    private void verify(String messageId, int matched) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", gateway.databasePassword());
             PreparedStatement s = c.prepareStatement("""
                     select (select count(*) from payment where source_key like ?),
                            (select count(*) from bank_transfer t join bank_transfer_file f on f.id = t.file_ref
                             where f.message_id = ? and t.status = 'SUSPENSE')""")) {
            s.setString(1, "BT/NBK/" + messageId + "-%");
            s.setString(2, messageId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                say("  check %s: %,d payments (%,d expected), %,d in suspense (%,d expected)", messageId, rs.getLong(1),
                        matched, rs.getLong(2), entries - matched);
            }
        }
    }

    private static void say(String format, Object... args) {
        System.out.printf(format + "%n", args);
    }
}
