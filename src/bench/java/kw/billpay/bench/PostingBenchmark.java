package kw.billpay.bench;

import kw.billpay.testkit.GatewayProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Load driver for the posting path (not a test; surefire excludes {@code **}{@code /bench/**}).
 *
 * <p>In one run on one machine: measures start to healthy twice, each on a fresh data directory: from the jar
 * extracted with a CDS archive (made by a training run first), then with {@code java -jar}. That second gateway stays
 * up: the driver creates accounts over HTTP, then measures the same posting twice at the same concurrency:
 * written directly with JDBC against the gateway's own embedded PostgreSQL (insert payment, update account, insert
 * allocations, commit), and through {@code POST /api/v1/branch/payments} (HTTP/1.1 keep-alive, Basic authentication,
 * a fresh Idempotency-Key per request, JSON). That pair of phases is then repeated, back to back and in alternating
 * order (API first, then raw first, ...), after a short warm-up: this machine's speed drifts by a quarter from one
 * minute to the next, so one raw phase and one API phase minutes apart can show a ratio that is the machine's drift,
 * not the gateway's. The target is checked on the median of the pairs' ratios. Prints rates, the ratios, latency
 * percentiles, resident memory, and per-operation CPU and database work, each against its target. Stops the gateway
 * and deletes its data.
 *
 * <p>The raw posting is what the issue names: insert the payment (the gateway's own INSERT), one UPDATE of the
 * account's buckets (relative, {@code bucket = bucket - ?}, so it needs no prior read and stays correct under
 * concurrency), the allocations as a JDBC batch, commit; 4 threads, each with its own connection.
 *
 * <p>Run from the project directory (README "Benchmarks"; method and figures in docs/benchmarks.md):
 * <pre>
 * mvn -q -DskipTests package
 * mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=kw.billpay.bench.PostingBenchmark
 * </pre>
 * System properties (all optional): {@code bench.jar}, {@code bench.jvmArgs} (space separated JVM flags of the
 * gateway, instead of {@code config/jvm.options}), {@code bench.accounts} (2000), {@code bench.threads} (4),
 * {@code bench.warmup} (120 s: on 2 cores the C2 compiler takes about two minutes of load to settle),
 * {@code bench.duration} (15 s), {@code bench.pairs} (3: raw/API pairs, the first after the full warm-up),
 * {@code bench.pairWarmup} (5 s: the warm-up of each phase of the later pairs), {@code bench.amount} (1.000 KWD),
 * {@code bench.startTimeout} (180 s),
 * {@code bench.diagnostics} (false: also run raw JDBC with the account lock and without the commit fsync, and
 * cheaper HTTP endpoints, to locate where the API's time goes),
 * {@code bench.jstack} (0: thread dumps of the gateway taken during the API phase), {@code bench.jcmd} (comma
 * separated jcmd commands run on the gateway at the end of the API phase, e.g. {@code GC.heap_info}),
 * {@code bench.jfr} (false: a JFR recording of the gateway during each HTTP phase, with the JFR settings named by
 * {@code bench.jfrSettings}: "default", "profile" or a .jfc file; a recording started on the running gateway makes its
 * JIT recompile for about a minute, which the measured window then shows, so for a profile start one with the JVM
 * instead: {@code -XX:StartFlightRecording=…} in {@code bench.jvmArgs}), {@code bench.failOnMiss}
 * (false: throw at the end when a target is missed). The report, the gateway's log and those files are kept in
 * {@code target/bench/}.
 */
public final class PostingBenchmark {

    // ---- targets of the issue -------------------------------------------------------------------------------------
    private static final long TARGET_START_MS = 5_000;
    private static final double TARGET_RATIO = 0.5;
    private static final double TARGET_P99_MS = 50.0;
    private static final long TARGET_RSS_MB = 400;

    private static final String OPS = "ops:ops-demo";
    private static final String TELLER = "teller:teller-demo";
    private static final ZoneId KUWAIT = ZoneId.of("Asia/Kuwait");
    private static final BigDecimal HUGE_BUCKET = new BigDecimal("1000000000.000");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    // The gateway's own statements (PaymentRepository.insert, AccountRepository.UPDATE_BALANCES / SELECT,
    // PaymentRepository.insertAllocations), so the raw path writes the same rows.
    private static final String PAYMENT_COLUMNS = """
            payment_id, source_key, channel, method, status, status_reason, account_number, received_amount,
            received_currency, billing_currency, posted_amount, fx_rate, fx_effective_at, fx_source, credit_balance_part,
            value_time, received_at, reference, receipt_number, flags, origin""";
    private static final String INSERT_PAYMENT = "insert into payment (" + PAYMENT_COLUMNS + """
            ) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                      case when ? then 'BR' || to_char(now() at time zone ?, 'YYYYMMDD') || '-' || lpad(nextval('receipt_number_seq')::text, 8, '0') end,
                      ?, ?::jsonb)
            returning receipt_number""";
    private static final String[] BUCKETS = {"previous_fees", "previous_cash", "previous_purchases", "previous_instalments",
            "current_instalments", "current_fees", "current_cash", "current_purchases", "unbilled"};
    /** What the issue asks for: one UPDATE of the account row; relative, so it is correct without a prior read. */
    private static final String UPDATE_ACCOUNT_RELATIVE = "update account set "
            + String.join(", ", Arrays.stream(BUCKETS).map(b -> b + " = " + b + " - ?").toList())
            + ", credit_balance = credit_balance + ?, paid_since_statement = paid_since_statement + ?, updated_at = now()"
            + " where account_number = ?";
    /** The gateway's UPDATE (absolute values computed from the locked row). */
    private static final String UPDATE_ACCOUNT_ABSOLUTE = "update account set "
            + String.join(", ", Arrays.stream(BUCKETS).map(b -> b + " = ?").toList())
            + ", credit_balance = ?, paid_since_statement = ?, updated_at = now() where account_number = ?";
    private static final String SELECT_ACCOUNT = """
            select account_number, issuer_id, holder_name, currency, product, credit_limit, status, statement_date,
                   due_date, minimum_due, minimum_due_computed, past_due, paid_since_statement, credit_balance, """
            + String.join(", ", BUCKETS) + " from account where account_number = ?";
    private static final String INSERT_ALLOCATION = "insert into allocation (payment_id, position, bucket, amount) values (?, ?, ?, ?)";

    private final Config config;
    private final Path tempDir;
    private final Path logFile;
    private final String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    /** Numbers each load task of the run, so that no two tasks (of one phase or of two) make the same key. */
    private final AtomicInteger taskNumbers = new AtomicInteger();
    private final List<String> accounts = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private GatewayProcess gateway;
    private long[] startCpuTicks = new long[2];
    private Map<String, Long> startThreadTicks = Map.of();
    private Instant stopRequestedAt;
    private int httpPort;
    private int pgPort;
    private Path gatewayDataDir;
    private String baseUrl;
    private String jdbcUrl;

    private PostingBenchmark(Config config) throws IOException {
        this.config = config;
        this.tempDir = Files.createTempDirectory("billpay-bench-");
        Files.createDirectories(config.outputDir());
        this.logFile = config.outputDir().resolve("gateway.log");
    }

    public static void main(String[] args) throws Exception {
        Config config = Config.fromSystemProperties();
        PostingBenchmark bench = new PostingBenchmark(config);
        Thread hook = new Thread(bench::stopGatewayQuietly, "bench-stop-gateway");
        Runtime.getRuntime().addShutdownHook(hook);
        List<Line> misses;
        try {
            misses = bench.run();
        } catch (Exception | Error e) {
            bench.explainUnexpectedStop();
            throw e;
        } finally {
            bench.stopGatewayQuietly();
            bench.deleteTempDir();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting; the hook does the same
            }
        }
        if (config.failOnMiss() && !misses.isEmpty()) {
            throw new IllegalStateException("targets missed: " + misses.stream().map(Line::name).toList());
        }
    }

    // ================================================================================================================
    // The run
    // ================================================================================================================

    private List<Line> run() throws Exception {
        printHeader();
        Proc.MachineCpu machineBefore = Proc.MachineCpu.sample();

        // 0. start -> healthy from the extracted jar with a CDS archive, then stopped
        long cdsStartMs = cdsStart();
        say("gateway healthy after %,d ms from the extracted jar with a CDS archive", cdsStartMs);

        // 1. start -> healthy with java -jar
        long startMs = startGateway();
        say("gateway healthy after %,d ms (pid %d, http %d, postgres %d)", startMs, gateway.pid(), httpPort, pgPort);
        long rssAfterStart = Proc.rssKb(gateway.pid());

        // 2. accounts over HTTP
        CloseableHttpClient http = LoadHttp.client(config.threads(), Duration.ofSeconds(10));
        long t = System.nanoTime();
        createAccounts(http);
        say("created %,d accounts over HTTP in %,d ms", accounts.size(), (System.nanoTime() - t) / 1_000_000);

        IntFunction<Task> rawPosting = i -> new RawPosting(i, false, false);
        IntFunction<Task> apiPosting = i -> apiPosting(http);
        // 3. raw JDBC
        PhaseResult raw = runPhase("raw JDBC", rawPosting);
        // 4. API
        PhaseResult api = runPhase("branch API", apiPosting);
        // 5. more raw/API pairs, each pair back to back and the order alternating, so that the machine's drift between
        //    phases (its rate moves by a quarter from one minute to the next) cancels out of the ratio's median
        List<Pair> pairs = new ArrayList<>(List.of(new Pair(raw, api)));
        for (int n = 1; n < config.pairs(); n++) {
            String pair = ", pair " + (n + 1);
            boolean apiFirst = n % 2 == 1;
            PhaseResult pairApi = apiFirst
                    ? runPhase("branch API" + pair, config.pairWarmupSeconds(), false, apiPosting) : null;
            PhaseResult pairRaw = runPhase("raw JDBC" + pair, config.pairWarmupSeconds(), false, rawPosting);
            if (!apiFirst) {
                pairApi = runPhase("branch API" + pair, config.pairWarmupSeconds(), false, apiPosting);
            }
            pairs.add(new Pair(pairRaw, pairApi));
        }

        List<PhaseResult> diagnostics = new ArrayList<>();
        if (config.diagnostics()) {
            diagnostics.add(runPhase("raw JDBC + account lock", i -> new RawPosting(i, true, false)));
            diagnostics.add(runPhase("raw JDBC, no commit fsync", i -> new RawPosting(i, false, true)));
            String account = accounts.get(0);
            diagnostics.add(runPhase("HTTP 401 (no credentials)", i -> new HttpCall(http, 401, () -> post("/api/v1/branch/payments", null, cashBody(account), "k"))));
            diagnostics.add(runPhase("HTTP 400 (auth+JSON, no key)", i -> new HttpCall(http, 400, () -> post("/api/v1/branch/payments", TELLER, cashBody(account), null))));
            diagnostics.add(runPhase("HTTP GET account", i -> new HttpCall(http, 200, () -> get("/api/v1/accounts/" + accounts.get(ThreadLocalRandom.current().nextInt(accounts.size())), TELLER))));
            String replayKey = "bench-replay-" + runId;
            String replayBody = cashBody(account);
            LoadHttp.send(http, post("/api/v1/branch/payments", TELLER, replayBody, replayKey));
            diagnostics.add(runPhase("HTTP idempotent replay", i -> new HttpCall(http, 201, () -> post("/api/v1/branch/payments", TELLER, replayBody, replayKey))));
            diagnostics.add(runPhase("HTTP GET /actuator/health", i -> new HttpCall(http, 200, () -> get("/actuator/health", null))));
        }

        http.close();

        Consistency consistency = checkConsistency();
        long outboxBacklog = outboxBacklog();
        long stopMs = stopGateway();
        Proc.MachineCpu machineAfter = Proc.MachineCpu.sample();

        return report(startMs, cdsStartMs, rssAfterStart, pairs, diagnostics, consistency, outboxBacklog, stopMs,
                machineAfter.busySince(machineBefore));
    }

    // ================================================================================================================
    // The gateway process
    // ================================================================================================================

    private long startGateway() throws IOException, InterruptedException {
        return startGateway(List.of(), config.jar(), tempDir.resolve("data"));
    }

    /**
     * Start to healthy in Spring Boot's efficient deployment form (docs/configuration.md, "A faster start"): the jar extracted, and a CDS
     * archive of the classes a training run loaded. The training run starts the gateway until it is healthy and stops
     * it with SIGTERM, so that the archive also holds what starts after the refresh (Camel's routes, Tomcat's
     * connector, the health endpoint); Spring's {@code -Dspring.context.exit=onRefresh} stops before those. The
     * training run and the timed start each get a fresh data directory; the timed one is stopped again before the
     * main run.
     */
    private long cdsStart() throws IOException, InterruptedException {
        Path extracted = tempDir.resolve("extracted");
        Process extract = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djarmode=tools", "-jar", config.jar().toString(), "extract", "--destination", extracted.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!extract.waitFor(120, TimeUnit.SECONDS) || extract.exitValue() != 0) {
            throw new IllegalStateException("extracting the jar failed");
        }
        Path jar = extracted.resolve(config.jar().getFileName());
        Path archive = tempDir.resolve("gateway.jsa");
        startGateway(List.of("-XX:ArchiveClassesAtExit=" + archive), jar, tempDir.resolve("cds-training"));
        stopGateway(); // the JVM writes the archive as it exits
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the CDS training run made no archive; last log lines:\n" + tail(logFile, 30));
        }
        long ms = startGateway(List.of("-XX:SharedArchiveFile=" + archive), jar, tempDir.resolve("cds-data"));
        stopGateway();
        return ms;
    }

    /** Starts {@code java <flags> <extraFlags> -jar <jar>} on {@code dataDir} and waits until it is healthy. */
    private long startGateway(List<String> extraFlags, Path jar, Path dataDir) throws IOException, InterruptedException {
        gateway = GatewayProcess.fromJar(jar, dataDir).directory(config.projectDir()).jvmFlags(config.jvmArgs())
                .extraJvmFlags(extraFlags).log(logFile).startTimeout(Duration.ofSeconds(config.startTimeoutSeconds())).build();
        httpPort = gateway.httpPort();
        pgPort = gateway.postgresPort();
        baseUrl = gateway.baseUrl();
        jdbcUrl = gateway.jdbcUrl();
        gatewayDataDir = dataDir;
        long ms;
        try {
            ms = gateway.start();
        } catch (ConditionTimeoutException | IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "; last log lines:\n" + tail(logFile, 30), e);
        }
        startCpuTicks = Proc.ownAndChildrenJiffies(gateway.pid());
        startThreadTicks = Proc.threadJiffies(gateway.pid());
        return ms;
    }

    /** Stops the gateway like an operator would (SIGTERM, wait); returns how long it took. */
    private long stopGateway() throws InterruptedException {
        if (gateway == null || !gateway.isAlive()) {
            return 0;
        }
        Set<ProcessHandle> postgres = Proc.postgres(gatewayDataDir, gateway.process());
        stopRequestedAt = Instant.now();
        long ms = gateway.stop();
        for (ProcessHandle p : postgres) { // only ours: found through this gateway and its data directory
            if (p.isAlive()) {
                notes.add("postgres process " + p.pid() + " outlived the gateway; stopped it");
                p.destroy();
            }
        }
        return ms;
    }

    /** When a run fails: did the gateway begin to shut down without this driver asking (a signal from elsewhere)? */
    private void explainUnexpectedStop() {
        try {
            for (String line : Files.readAllLines(logFile)) {
                if (line.contains("Commencing graceful shutdown") || line.contains("ionShutdownHook")) {
                    Instant at = Instant.parse(line.substring(0, line.indexOf(' ')));
                    if (stopRequestedAt == null || at.isBefore(stopRequestedAt)) {
                        System.out.println("NOTE: the gateway began to shut down at " + at + ", before this driver asked it to: "
                                + "another process signalled it (e.g. a broad pkill). The run is void; run it again.");
                    }
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // nothing to add
        }
    }

    private void stopGatewayQuietly() {
        try {
            if (gateway != null) {
                gateway.close();
            }
        } catch (Exception e) {
            System.out.println("could not stop the gateway: " + e.getMessage());
        }
    }

    private void deleteTempDir() {
        if (!Files.exists(tempDir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(tempDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.out.println("could not delete " + tempDir + ": " + e.getMessage());
        }
    }

    // ================================================================================================================
    // Setup
    // ================================================================================================================

    private void createAccounts(CloseableHttpClient http) throws Exception {
        for (int i = 0; i < config.accounts(); i++) {
            accounts.add(String.format(Locale.ROOT, "3766%011d", 10_000_000L + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(config.threads());
        try {
            List<Future<String>> failures = new ArrayList<>();
            for (int t = 0; t < config.threads(); t++) {
                int first = t;
                failures.add(pool.submit(() -> {
                    for (int i = first; i < accounts.size(); i += config.threads()) {
                        LoadHttp.Answer answer = LoadHttp.send(http, put("/api/v1/accounts/" + accounts.get(i), OPS, accountBody()));
                        if (answer.status() != 201) {
                            return "account " + accounts.get(i) + ": HTTP " + answer.status() + " " + answer.body();
                        }
                    }
                    return null;
                }));
            }
            for (Future<String> f : failures) {
                String failure = f.get();
                if (failure != null) {
                    throw new IllegalStateException("account setup failed: " + failure);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A KWD credit account whose purchases bucket never runs out, so each payment makes one allocation. */
    private static String accountBody() {
        return """
                {"issuer":"amex-kw","holderName":"Bench Holder","currency":"KWD","product":"CREDIT","creditLimit":"2000.000",
                 "status":"OPEN","statement":{"statementDate":"2026-10-25","dueDate":"2026-11-19","minimumDue":"25.000",
                 "buckets":{"CURRENT_PURCHASES":"%s"}},"unbilled":"0.000"}""".formatted(HUGE_BUCKET.toPlainString());
    }

    private String cashBody(String account) {
        return "{\"accountNumber\":\"" + account + "\",\"method\":\"CASH\",\"amount\":{\"amount\":\"" + config.amount()
                + "\",\"currency\":\"KWD\"},\"institution\":\"AMEX\",\"branch\":\"SALHIYA\"}";
    }

    // ================================================================================================================
    // Phases
    // ================================================================================================================

    /** One client thread's work: one operation per call; true when it succeeded. */
    private interface Task extends AutoCloseable {
        boolean call();

        /** Errors by kind, filled by {@link #call}. */
        Map<String, Integer> errors();

        @Override
        default void close() throws Exception {
        }
    }

    private abstract static class BaseTask implements Task {
        final Map<String, Integer> errors = new HashMap<>();
        final Map<String, String> errorSamples = new HashMap<>();

        void error(String kind, String sample) {
            errors.merge(kind, 1, Integer::sum);
            errorSamples.putIfAbsent(kind, sample);
        }

        @Override
        public Map<String, Integer> errors() {
            return errors;
        }
    }

    /** A phase with the full warm-up, inspected (JFR, thread dumps, jcmd) as asked: the first of its kind. */
    private PhaseResult runPhase(String name, IntFunction<Task> factory) throws Exception {
        return runPhase(name, config.warmupSeconds(), true, factory);
    }

    /**
     * Runs {@code bench.threads} tasks for {@code warmupSeconds} + duration. Operations are counted when they start and
     * end inside the measured window. Machine, process and database counters are sampled at the window's edges.
     * {@code inspect}: take the JFR recording, thread dumps and jcmd output asked for (the first phase of a kind only).
     */
    private PhaseResult runPhase(String name, int warmupSeconds, boolean inspect, IntFunction<Task> factory)
            throws Exception {
        int threads = config.threads();
        long warmup = TimeUnit.SECONDS.toNanos(warmupSeconds);
        long measure = TimeUnit.SECONDS.toNanos(config.durationSeconds());
        List<Task> tasks = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                tasks.add(factory.apply(i));
            }
            say("%s: %d threads, %d s warm-up + %d s measured ...", name, threads, warmupSeconds, config.durationSeconds());
            long[][] latencies = new long[threads][];
            int[] counts = new int[threads];
            int[] errors = new int[threads];
            long[][] perSecond = new long[threads][config.durationSeconds() + 1];
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            long[] window = new long[2];
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                Thread worker = new Thread(() -> {
                    Task task = tasks.get(index);
                    long[] lat = new long[1 << 16];
                    int n = 0;
                    ready.countDown();
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    long from = window[0];
                    long to = window[1];
                    while (true) {
                        long begin = System.nanoTime();
                        if (begin >= to) {
                            break;
                        }
                        boolean ok = task.call();
                        long end = System.nanoTime();
                        if (begin >= from && end <= to) {
                            if (ok) {
                                if (n == lat.length) {
                                    lat = Arrays.copyOf(lat, n * 2);
                                }
                                lat[n++] = end - begin;
                                perSecond[index][(int) Math.min((end - from) / 1_000_000_000L, config.durationSeconds())]++;
                            } else {
                                errors[index]++;
                            }
                        }
                    }
                    latencies[index] = Arrays.copyOf(lat, n);
                    counts[index] = n;
                }, "bench-" + index);
                worker.setDaemon(true);
                workers.add(worker);
            }
            workers.forEach(Thread::start);
            ready.await();
            long t0 = System.nanoTime() + 50_000_000L;
            window[0] = t0 + warmup;
            window[1] = t0 + warmup + measure;
            sleepUntil(t0);
            go.countDown();

            sleepUntil(window[0]);
            Snapshot before = snapshot();
            List<String> jstackFiles = new ArrayList<>();
            if (inspect && config.jfr() && gateway != null && !name.startsWith("raw") && !name.startsWith("JDBC")) {
                jstackFiles.add(startFlightRecording(name, config.durationSeconds()));
            }
            if (inspect && name.equals("branch API") && config.jstack() > 0) {
                jstackFiles = takeThreadDumps(window[1]);
            }
            sleepUntil(window[1]);
            Snapshot after = snapshot();
            if (inspect && name.equals("branch API")) {
                jstackFiles = new ArrayList<>(jstackFiles);
                jstackFiles.addAll(runJcmds());
            }
            for (Thread worker : workers) {
                worker.join(TimeUnit.SECONDS.toMillis(30));
            }

            long total = 0;
            int errorCount = 0;
            long[] all = new long[Arrays.stream(counts).sum()];
            int at = 0;
            for (int i = 0; i < threads; i++) {
                long[] lat = latencies[i] == null ? new long[0] : latencies[i];
                System.arraycopy(lat, 0, all, at, lat.length);
                at += lat.length;
                total += counts[i];
                errorCount += errors[i];
            }
            Arrays.sort(all);
            long[] timeline = new long[config.durationSeconds()];
            for (long[] s : perSecond) {
                for (int i = 0; i < timeline.length; i++) {
                    timeline[i] += s[i];
                }
            }
            Map<String, Integer> errorKinds = new TreeMap<>();
            Map<String, String> samples = new TreeMap<>();
            for (Task task : tasks) {
                task.errors().forEach((k, v) -> errorKinds.merge(k, v, Integer::sum));
                if (task instanceof BaseTask base) {
                    base.errorSamples.forEach(samples::putIfAbsent);
                }
            }
            PhaseResult result = new PhaseResult(name, threads, total, errorCount, total * 1e9 / measure,
                    all, timeline, errorKinds, samples, before, after, jstackFiles);
            say("%s: %,.0f/s, p50 %.2f ms, p99 %.2f ms, %d errors", name, result.rate(), result.percentileMs(50),
                    result.percentileMs(99), errorCount);
            return result;
        } finally {
            for (Task task : tasks) {
                task.close();
            }
        }
    }

    /** The issue's raw posting: insert payment, update account buckets (one UPDATE), insert allocations, commit. */
    private final class RawPosting extends BaseTask {
        private final Connection connection;
        private final PreparedStatement insertPayment;
        private final PreparedStatement updateAccount;
        private final PreparedStatement insertAllocation;
        private final PreparedStatement lockAccount;
        private final String sourcePrefix;
        private final BigDecimal amount = new BigDecimal(config.amount());
        private final String origin;
        private long sequence;

        /**
         * @param lock     also read and lock the account row first, as the gateway does (diagnostic)
         * @param noFsync  synchronous_commit off for this session: commits do not wait for the WAL flush (diagnostic)
         */
        RawPosting(int thread, boolean lock, boolean noFsync) {
            try {
                connection = connect();
                if (noFsync) {
                    try (Statement s = connection.createStatement()) {
                        s.execute("set synchronous_commit = off");
                    }
                }
                connection.setAutoCommit(false);
                insertPayment = connection.prepareStatement(INSERT_PAYMENT);
                updateAccount = connection.prepareStatement(lock ? UPDATE_ACCOUNT_ABSOLUTE : UPDATE_ACCOUNT_RELATIVE);
                insertAllocation = connection.prepareStatement(INSERT_ALLOCATION);
                lockAccount = lock ? connection.prepareStatement(SELECT_ACCOUNT + " for update") : null;
                sourcePrefix = "RAW:" + runId + ":" + (lock ? "L" : "") + (noFsync ? "A" : "") + taskNumbers.incrementAndGet() + ":";
                origin = "{\"teller\":\"bench-raw-" + thread + "\",\"institution\":\"AMEX\",\"branch\":\"SALHIYA\"}";
            } catch (SQLException e) {
                throw new IllegalStateException("cannot connect to the gateway's PostgreSQL at " + jdbcUrl, e);
            }
        }

        @Override
        public boolean call() {
            String account = accounts.get(ThreadLocalRandom.current().nextInt(accounts.size()));
            UUID paymentId = UUID.randomUUID();
            OffsetDateTime now = OffsetDateTime.now(KUWAIT);
            try {
                BigDecimal[] buckets = null;
                BigDecimal creditBalance = null;
                BigDecimal paid = null;
                if (lockAccount != null) {
                    lockAccount.setString(1, account);
                    try (ResultSet rs = lockAccount.executeQuery()) {
                        if (!rs.next()) {
                            throw new SQLException("no account " + account);
                        }
                        buckets = new BigDecimal[BUCKETS.length];
                        for (int i = 0; i < BUCKETS.length; i++) {
                            buckets[i] = rs.getBigDecimal(BUCKETS[i]);
                        }
                        creditBalance = rs.getBigDecimal("credit_balance");
                        paid = rs.getBigDecimal("paid_since_statement");
                    }
                }
                bindPayment(insertPayment, paymentId, sourcePrefix + (sequence++), account, amount, now, origin);
                try (ResultSet rs = insertPayment.executeQuery()) {
                    rs.next();
                }
                int p = 1;
                for (int i = 0; i < BUCKETS.length; i++) {
                    BigDecimal take = BUCKETS[i].equals("current_purchases") ? amount : BigDecimal.ZERO;
                    updateAccount.setBigDecimal(p++, buckets == null ? take : buckets[i].subtract(take));
                }
                updateAccount.setBigDecimal(p++, creditBalance == null ? BigDecimal.ZERO : creditBalance);
                updateAccount.setBigDecimal(p++, paid == null ? amount : paid.add(amount));
                updateAccount.setString(p, account);
                if (updateAccount.executeUpdate() != 1) {
                    throw new SQLException("account " + account + " not updated");
                }
                insertAllocation.setObject(1, paymentId);
                insertAllocation.setInt(2, 1);
                insertAllocation.setString(3, "CURRENT_PURCHASES");
                insertAllocation.setBigDecimal(4, amount);
                insertAllocation.addBatch();
                insertAllocation.executeBatch();
                connection.commit();
                return true;
            } catch (SQLException e) {
                try {
                    connection.rollback();
                } catch (SQLException ignored) {
                    // the connection is broken; the next call fails too and is counted
                }
                error("SQL " + e.getSQLState(), String.valueOf(e.getMessage()));
                return false;
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    private static void bindPayment(PreparedStatement ps, UUID paymentId, String sourceKey, String account, BigDecimal amount,
                                    OffsetDateTime now, String origin) throws SQLException {
        int i = 1;
        ps.setObject(i++, paymentId);
        ps.setString(i++, sourceKey);
        ps.setString(i++, "BRANCH");
        ps.setString(i++, "CASH");
        ps.setString(i++, "POSTED");
        ps.setNull(i++, Types.VARCHAR);                      // status_reason
        ps.setString(i++, account);
        ps.setBigDecimal(i++, amount);                       // received_amount
        ps.setString(i++, "KWD");
        ps.setString(i++, "KWD");
        ps.setBigDecimal(i++, amount);                       // posted_amount
        ps.setNull(i++, Types.NUMERIC);                      // fx_rate
        ps.setNull(i++, Types.TIMESTAMP_WITH_TIMEZONE);      // fx_effective_at
        ps.setNull(i++, Types.VARCHAR);                      // fx_source
        ps.setBigDecimal(i++, BigDecimal.ZERO.setScale(3));  // credit_balance_part
        ps.setObject(i++, now);                              // value_time
        ps.setObject(i++, now);                              // received_at
        ps.setString(i++, "AMEX/SALHIYA");                   // reference
        ps.setBoolean(i++, true);                            // a branch payment gets a receipt number
        ps.setString(i++, "Asia/Kuwait");
        ps.setString(i++, "");                               // flags
        ps.setString(i, origin);
    }

    /** The API posting: one teller request, a fresh Idempotency-Key each time; 201 is success. */
    private HttpCall apiPosting(CloseableHttpClient http) {
        String keyPrefix = "bench-" + runId + "-" + taskNumbers.incrementAndGet() + "-";
        AtomicLong sequence = new AtomicLong();
        return new HttpCall(http, 201, () -> post("/api/v1/branch/payments", TELLER,
                cashBody(accounts.get(ThreadLocalRandom.current().nextInt(accounts.size()))), keyPrefix + sequence.getAndIncrement()));
    }

    /** Any HTTP request of a measured phase, with its expected status. */
    private final class HttpCall extends BaseTask {
        private final CloseableHttpClient http;
        private final int expected;
        private final java.util.function.Supplier<ClassicHttpRequest> request;

        HttpCall(CloseableHttpClient http, int expected, java.util.function.Supplier<ClassicHttpRequest> request) {
            this.http = http;
            this.expected = expected;
            this.request = request;
        }

        @Override
        public boolean call() {
            try {
                LoadHttp.Answer answer = LoadHttp.send(http, request.get());
                if (answer.status() == expected) {
                    return true;
                }
                error("HTTP " + answer.status(), answer.body());
            } catch (IOException e) {
                error(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            }
            return false;
        }
    }

    // ================================================================================================================
    // HTTP and JDBC helpers
    // ================================================================================================================

    private ClassicHttpRequest post(String path, String credentials, String json, String idempotencyKey) {
        HttpPost post = new HttpPost(baseUrl + path);
        post.setHeader("Accept", "application/json");
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        if (credentials != null) {
            post.setHeader("Authorization", basic(credentials));
        }
        if (idempotencyKey != null) {
            post.setHeader("Idempotency-Key", idempotencyKey);
        }
        return post;
    }

    private ClassicHttpRequest put(String path, String credentials, String json) {
        HttpPut put = new HttpPut(baseUrl + path);
        put.setHeader("Authorization", basic(credentials));
        put.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        return put;
    }

    private ClassicHttpRequest get(String path, String credentials) {
        HttpGet get = new HttpGet(baseUrl + path);
        if (credentials != null) {
            get.setHeader("Authorization", basic(credentials));
        }
        return get;
    }

    private static final Map<String, String> BASIC = new ConcurrentHashMap<>();

    private static String basic(String credentials) {
        return BASIC.computeIfAbsent(credentials,
                c -> "Basic " + Base64.getEncoder().encodeToString(c.getBytes(StandardCharsets.UTF_8)));
    }

    private Connection connect() throws SQLException {
        // as the gateway connects: batched inserts rewritten into one multi-row statement
        return DriverManager.getConnection(jdbcUrl + "?reWriteBatchedInserts=true&ApplicationName=bench", "postgres", gateway.databasePassword());
    }

    // ================================================================================================================
    // Measurements
    // ================================================================================================================

    /** Counters at one instant: CPU of machine and processes, postgres context switches, database statistics. */
    private record Snapshot(long nanos, Proc.MachineCpu cpu, long gatewayJiffies, long postgresJiffies, long driverJiffies,
                            long postgresVoluntarySwitches, Map<String, Long> db, long gatewayRssKb,
                            long postgresRssKb, long postgresPssKb, int postgresProcesses, Map<String, Long> gatewayThreads) {
    }

    private Snapshot snapshot() {
        Set<ProcessHandle> postgres = Proc.postgres(gatewayDataDir, gateway.process());
        long pgJiffies = 0;
        long switches = 0;
        long rss = 0;
        long pss = 0;
        for (ProcessHandle p : postgres) {
            pgJiffies += Proc.jiffies(p.pid());
            switches += Proc.status(p.pid(), "voluntary_ctxt_switches");
            rss += Proc.status(p.pid(), "VmRSS");
            pss += Proc.pssKb(p.pid());
        }
        return new Snapshot(System.nanoTime(), Proc.MachineCpu.sample(), Proc.jiffies(gateway.pid()), pgJiffies,
                Proc.jiffies(ProcessHandle.current().pid()), switches, dbStats(), Proc.rssKb(gateway.pid()), rss, pss,
                postgres.size(), Proc.threadJiffies(gateway.pid()));
    }

    /** Database-wide counters (pg_stat_database) and the tables' row counters; empty if unreadable. */
    private Map<String, Long> dbStats() {
        Map<String, Long> stats = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", gateway.databasePassword()); Statement s = c.createStatement()) {
            s.execute("select pg_stat_clear_snapshot()");
            try (ResultSet rs = s.executeQuery("select xact_commit, xact_rollback, tup_inserted, tup_updated, tup_fetched, blks_hit, blks_read "
                    + "from pg_stat_database where datname = 'postgres'")) {
                if (rs.next()) {
                    for (String col : List.of("xact_commit", "xact_rollback", "tup_inserted", "tup_updated", "tup_fetched")) {
                        stats.put(col, rs.getLong(col));
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("select relname, n_tup_ins, n_tup_upd from pg_stat_user_tables")) {
                while (rs.next()) {
                    stats.put("ins." + rs.getString(1), rs.getLong(2));
                    stats.put("upd." + rs.getString(1), rs.getLong(3));
                }
            }
            try (ResultSet rs = s.executeQuery("select wal_records, wal_bytes from pg_stat_wal")) {
                if (rs.next()) {
                    stats.put("wal_records", rs.getLong(1));
                    stats.put("wal_bytes", rs.getLong(2));
                }
            } catch (SQLException old) {
                // pg_stat_wal needs PostgreSQL 14+
            }
        } catch (SQLException e) {
            notes.add("database statistics unreadable: " + e.getMessage());
        }
        return stats;
    }

    /** The jcmd commands of bench.jcmd (comma separated, e.g. "Compiler.codecache,GC.heap_info"), run on the gateway. */
    private List<String> runJcmds() throws InterruptedException {
        List<String> files = new ArrayList<>();
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        for (String command : config.jcmd()) {
            Path out = config.outputDir().resolve("jcmd-" + runId + "-" + command.replaceAll("[^A-Za-z0-9.]+", "_") + ".txt");
            List<String> args = new ArrayList<>(List.of(jcmd.toString(), Long.toString(gateway.pid())));
            args.addAll(List.of(command.trim().split("\\s+")));
            try {
                Process p = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(out.toFile()).start();
                if (p.waitFor(30, TimeUnit.SECONDS)) {
                    files.add(out.toString());
                } else {
                    p.destroyForcibly();
                }
            } catch (IOException e) {
                notes.add("jcmd failed: " + e.getMessage());
            }
        }
        return files;
    }

    /** A JFR recording of the gateway over the measured window, for `jfr print`. */
    private String startFlightRecording(String phase, int seconds) throws InterruptedException {
        Path out = config.outputDir().resolve("jfr-" + runId + "-" + phase.replaceAll("[^A-Za-z0-9]+", "_") + ".jfr");
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(gateway.pid()), "JFR.start", "settings=" + config.jfrSettings(),
                    "duration=" + seconds + "s", "filename=" + out).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor(20, TimeUnit.SECONDS);
        } catch (IOException e) {
            notes.add("JFR failed: " + e.getMessage());
        }
        return out.toString();
    }

    private List<String> takeThreadDumps(long until) throws InterruptedException {
        List<String> files = new ArrayList<>();
        long interval = (until - System.nanoTime()) / (config.jstack() + 1);
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        for (int i = 0; i < config.jstack(); i++) {
            sleepUntil(System.nanoTime() + interval);
            Path out = config.outputDir().resolve("jstack-" + runId + "-" + i + ".txt");
            try {
                Process p = new ProcessBuilder(jcmd.toString(), Long.toString(gateway.pid()), "Thread.print")
                        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
                if (p.waitFor(20, TimeUnit.SECONDS)) {
                    files.add(out.toString());
                } else {
                    p.destroyForcibly();
                }
            } catch (IOException e) {
                notes.add("jcmd failed: " + e.getMessage());
            }
        }
        return files;
    }

    private record Consistency(boolean ok, String detail) {
    }

    /** Every payment made must have left its amount in exactly one bucket and be recorded once. */
    private Consistency checkConsistency() {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", gateway.databasePassword()); Statement s = c.createStatement()) {
            BigDecimal taken;
            BigDecimal paid;
            BigDecimal posted;
            long payments;
            long allocations;
            try (ResultSet rs = s.executeQuery("select coalesce(sum(" + HUGE_BUCKET + " - current_purchases), 0), "
                    + "coalesce(sum(paid_since_statement), 0) from account where holder_name = 'Bench Holder'")) {
                rs.next();
                taken = rs.getBigDecimal(1);
                paid = rs.getBigDecimal(2);
            }
            try (ResultSet rs = s.executeQuery("select coalesce(sum(posted_amount), 0), count(*) from payment where status = 'POSTED'")) {
                rs.next();
                posted = rs.getBigDecimal(1);
                payments = rs.getLong(2);
            }
            try (ResultSet rs = s.executeQuery("select count(*) from allocation")) {
                rs.next();
                allocations = rs.getLong(1);
            }
            boolean ok = taken.compareTo(posted) == 0 && paid.compareTo(posted) == 0 && allocations == payments;
            return new Consistency(ok, String.format(Locale.ROOT, "%,d posted payments, %,d allocations, posted %s = taken from buckets %s = paid %s",
                    payments, allocations, posted.toPlainString(), taken.toPlainString(), paid.toPlainString()));
        } catch (SQLException e) {
            return new Consistency(false, "check failed: " + e.getMessage());
        }
    }

    private long outboxBacklog() {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", gateway.databasePassword()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from payment_event_unpublished")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    // ================================================================================================================
    // Report
    // ================================================================================================================

    private record Line(String name, String value, String target, Boolean pass) {
    }

    private List<Line> report(long startMs, long cdsStartMs, long rssAfterStartKb, List<Pair> pairs,
                              List<PhaseResult> diagnostics, Consistency consistency, long outboxBacklog, long stopMs, double machineLoad) throws IOException {
        PhaseResult raw = pairs.get(0).raw();
        PhaseResult api = pairs.get(0).api();
        double[] ratios = pairs.stream().mapToDouble(Pair::ratio).sorted().toArray();
        double ratio = ratios.length % 2 == 1 ? ratios[ratios.length / 2]
                : (ratios[ratios.length / 2 - 1] + ratios[ratios.length / 2]) / 2;
        long gatewayRssMb = pairs.stream().mapToLong(pair -> pair.api().after().gatewayRssKb()).max().orElse(0) / 1024;
        double worstApiP99 = pairs.stream().mapToDouble(pair -> pair.api().percentileMs(99)).max().orElse(0);
        int apiErrors = pairs.stream().mapToInt(pair -> pair.api().errors()).sum();
        int rawErrors = pairs.stream().mapToInt(pair -> pair.raw().errors()).sum();
        String first = pairs.size() > 1 ? ", first pair" : "";
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("start to healthy, java -jar", fmt("%,d ms", startMs), "<= " + TARGET_START_MS + " ms", startMs <= TARGET_START_MS));
        lines.add(new Line("start to healthy, extracted + CDS", fmt("%,d ms", cdsStartMs), "<= " + TARGET_START_MS + " ms",
                cdsStartMs <= TARGET_START_MS));
        lines.add(new Line("raw JDBC rate (" + raw.threads() + " conns)" + first, fmt("%,.0f /s", raw.rate()), "-", null));
        lines.add(new Line("API rate (" + api.threads() + " clients)" + first, fmt("%,.0f /s", api.rate()), "-", null));
        if (pairs.size() > 1) {
            lines.add(new Line("ratio API / raw" + first, fmt("%.3f", pairs.get(0).ratio()), "-", null));
            lines.add(new Line("ratio API / raw, median of " + pairs.size() + " pairs", fmt("%.3f", ratio), ">= " + TARGET_RATIO,
                    ratio >= TARGET_RATIO));
        } else {
            lines.add(new Line("ratio API / raw", fmt("%.3f", ratio), ">= " + TARGET_RATIO, ratio >= TARGET_RATIO));
        }
        lines.add(new Line("API p50" + first, fmt("%.2f ms", api.percentileMs(50)), "-", null));
        lines.add(new Line("API p90" + first, fmt("%.2f ms", api.percentileMs(90)), "-", null));
        lines.add(new Line("API p99" + (pairs.size() > 1 ? ", worst pair" : ""), fmt("%.2f ms", worstApiP99),
                "<= " + TARGET_P99_MS + " ms", api.count() > 0 && worstApiP99 <= TARGET_P99_MS));
        lines.add(new Line("API max" + first, fmt("%.2f ms", api.percentileMs(100)), "-", null));
        lines.add(new Line("API errors (non-201), all pairs", fmt("%,d", apiErrors), "0", apiErrors == 0));
        lines.add(new Line("raw JDBC errors, all pairs", fmt("%,d", rawErrors), "0", rawErrors == 0));
        lines.add(new Line("gateway RSS (end of API phases, max)", fmt("%,d MB", gatewayRssMb), "<= " + TARGET_RSS_MB + " MB",
                gatewayRssMb <= TARGET_RSS_MB));
        lines.add(new Line("postgres RSS, sum of " + api.after().postgresProcesses() + " processes",
                fmt("%,d MB (PSS %,d MB)", api.after().postgresRssKb() / 1024, api.after().postgresPssKb() / 1024), "- (separate)", null));
        lines.add(new Line("consistency (buckets = postings)", consistency.ok() ? "OK" : "FAILED", "OK", consistency.ok()));

        StringBuilder out = new StringBuilder();
        out.append('\n').append("=".repeat(100)).append('\n');
        out.append("POSTING BENCHMARK  ").append(OffsetDateTime.now().withNano(0)).append("  run ").append(runId).append('\n');
        out.append("=".repeat(100)).append('\n');
        out.append(fmt("%-42s %-26s %-16s %s%n", "metric", "value", "target", "result"));
        out.append("-".repeat(100)).append('\n');
        for (Line l : lines) {
            out.append(fmt("%-42s %-26s %-16s %s%n", l.name(), l.value(), l.target(),
                    l.pass() == null ? "" : l.pass() ? "PASS" : "MISS"));
        }
        out.append("-".repeat(100)).append('\n');
        out.append(fmt("raw JDBC latency      p50 %.2f  p90 %.2f  p99 %.2f  max %.2f ms%n", raw.percentileMs(50), raw.percentileMs(90),
                raw.percentileMs(99), raw.percentileMs(100)));
        for (int n = 0; n < pairs.size(); n++) {
            Pair pair = pairs.get(n);
            out.append(fmt("pair %d (%s): raw %,.0f /s, API %,.0f /s (p99 %.2f ms), ratio %.3f%n", n + 1,
                    n == 0 ? "raw then API, after " + config.warmupSeconds() + " s warm-up each"
                            : (n % 2 == 1 ? "API then raw" : "raw then API") + ", " + config.pairWarmupSeconds() + " s warm-up each",
                    pair.raw().rate(), pair.api().rate(), pair.api().percentileMs(99), pair.ratio()));
        }
        out.append(fmt("gateway RSS after start %,d MB; stop took %s; outbox events not yet relayed at the end: %,d%n",
                rssAfterStartKb / 1024, stopMs < 0 ? "too long (killed)" : fmt("%,d ms", stopMs), outboxBacklog));
        out.append(fmt("machine: %d CPUs, average busy over the whole run %.0f%%%n", Runtime.getRuntime().availableProcessors(),
                machineLoad * 100));
        out.append("consistency: ").append(consistency.detail()).append('\n');
        out.append('\n').append("Per phase (CPU%% of one core over the measured window; per-operation costs):\n".replace("%%", "%"));
        List<PhaseResult> phases = new ArrayList<>();
        pairs.forEach(pair -> {
            phases.add(pair.raw());
            phases.add(pair.api());
        });
        phases.addAll(diagnostics);
        out.append(fmt("%-30s %9s %7s %7s %7s | %6s %6s %6s %6s %6s | %7s %7s %7s | %6s %6s %6s%n", "phase", "rate/s", "p50ms",
                "p99ms", "maxms", "mach%", "gw%", "pg%", "drv%", "other%", "gw us", "pg us", "drv us", "xact", "rtrip", "rows"));
        for (PhaseResult p : phases) {
            out.append(phaseLine(p));
        }
        out.append("""
                (mach% = whole machine, 100% = one core; other% = processes that are not the gateway, its postgres or \
                this driver;
                 gw/pg/drv us = CPU microseconds per operation; xact = committed transactions per operation, autocommit \
                statements included;
                 rtrip = postgres backend voluntary context switches per operation, about one per client round trip \
                plus WAL flushes;
                 rows = rows inserted + updated per operation)
                """);
        for (PhaseResult p : phases) {
            out.append(fmt("%-30s per second: %s%n", p.name(), Arrays.toString(p.timeline())));
            if (!p.errorKinds().isEmpty()) {
                p.errorKinds().forEach((k, v) -> out.append(fmt("    error %s x%,d, e.g. %s%n", k, v,
                        abbreviate(p.errorSamples().getOrDefault(k, ""), 300))));
            }
            Map<String, Long> tables = tableDeltas(p);
            if (!tables.isEmpty()) {
                out.append(fmt("    table rows per op: %s%n", tables.entrySet().stream()
                        .map(e -> e.getKey() + " " + fmt("%.2f", e.getValue() / (double) Math.max(1, p.count()))).toList()));
            }
            if (delta(p, "wal_bytes") > 0) {
                out.append(fmt("    WAL per op: %.1f records, %,.0f bytes%n", delta(p, "wal_records") / (double) Math.max(1, p.count()),
                        delta(p, "wal_bytes") / (double) Math.max(1, p.count())));
            }
            String threads = threadBreakdown(p);
            if (!threads.isEmpty()) {
                out.append("    gateway CPU by thread (us/op): ").append(threads).append('\n');
            }
            if (!p.jstackFiles().isEmpty()) {
                out.append("    thread dumps: ").append(p.jstackFiles()).append('\n');
            }
        }
        out.append('\n').append(fmt("Gateway start: %,d ms to healthy; CPU used by then: gateway JVM %.1f s, its exited children "
                + "(initdb, pg_ctl) %.1f s%n", startMs, startCpuTicks[0] / (double) Proc.CLOCK_TICKS,
                startCpuTicks[1] / (double) Proc.CLOCK_TICKS));
        out.append("    by thread (s): ").append(startThreadTicks.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .map(e -> fmt("%s %.1f", e.getKey().trim(), e.getValue() / (double) Proc.CLOCK_TICKS)).toList()).append('\n');
        out.append("Gateway start timeline (from its log):\n");
        startTimeline().forEach(l -> out.append("    ").append(l).append('\n'));
        Map<String, Integer> warnings = logWarnings();
        out.append(fmt("Gateway log: %s; WARN/ERROR lines after start: %,d%n", logFile, warnings.values().stream().mapToInt(i -> i).sum()));
        warnings.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8)
                .forEach(e -> out.append(fmt("    x%,d %s%n", e.getValue(), e.getKey())));
        notes.forEach(n -> out.append("note: ").append(n).append('\n'));
        out.append("gateway JVM flags: ").append(GatewayProcess.describe(config.jvmArgs())).append('\n');
        out.append("=".repeat(100)).append('\n');
        System.out.print(out);
        Path copy = config.outputDir().resolve("report-" + runId + ".txt");
        Files.writeString(copy, out);
        System.out.println("report written to " + copy);
        return lines.stream().filter(l -> Boolean.FALSE.equals(l.pass())).toList();
    }

    private String phaseLine(PhaseResult p) {
        Snapshot a = p.before();
        Snapshot b = p.after();
        double seconds = (b.nanos() - a.nanos()) / 1e9;
        double tick = Proc.CLOCK_TICKS;
        double machine = b.cpu().busyCoresSince(a.cpu());
        double gw = (b.gatewayJiffies() - a.gatewayJiffies()) / tick / seconds;
        double pg = (b.postgresJiffies() - a.postgresJiffies()) / tick / seconds;
        double drv = (b.driverJiffies() - a.driverJiffies()) / tick / seconds;
        double other = Math.max(0, machine - gw - pg - drv);
        double ops = Math.max(1, p.count());
        double perOp = 1e6 / tick / ops;
        long xact = delta(p, "xact_commit");
        long rows = delta(p, "tup_inserted") + delta(p, "tup_updated");
        return fmt("%-30s %9.0f %7.2f %7.2f %7.1f | %6.0f %6.0f %6.0f %6.0f %6.0f | %7.0f %7.0f %7.0f | %6.2f %6.2f %6.2f%n",
                abbreviate(p.name(), 30), p.rate(), p.percentileMs(50), p.percentileMs(99), p.percentileMs(100),
                machine * 100, gw * 100, pg * 100, drv * 100, other * 100,
                (b.gatewayJiffies() - a.gatewayJiffies()) * perOp, (b.postgresJiffies() - a.postgresJiffies()) * perOp,
                (b.driverJiffies() - a.driverJiffies()) * perOp,
                xact / ops, (b.postgresVoluntarySwitches() - a.postgresVoluntarySwitches()) / ops, rows / ops);
    }

    /** The gateway threads that used the most CPU in a phase, in CPU microseconds per operation. */
    private static String threadBreakdown(PhaseResult p) {
        Map<String, Long> before = p.before().gatewayThreads();
        Map<String, Long> after = p.after().gatewayThreads();
        double perOp = 1e6 / Proc.CLOCK_TICKS / Math.max(1, p.count());
        List<String> out = new ArrayList<>();
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(10)
                .forEach(e -> out.add(fmt("%s %.0f", e.getKey().trim(), e.getValue() * perOp)));
        return String.join(", ", out);
    }

    private static long delta(PhaseResult p, String key) {
        return p.after().db().getOrDefault(key, 0L) - p.before().db().getOrDefault(key, 0L);
    }

    private static Map<String, Long> tableDeltas(PhaseResult p) {
        Map<String, Long> out = new TreeMap<>();
        p.after().db().forEach((k, v) -> {
            if (k.startsWith("ins.") || k.startsWith("upd.")) {
                long d = v - p.before().db().getOrDefault(k, 0L);
                if (d > 0) {
                    out.put(k, d);
                }
            }
        });
        return out;
    }

    private static final Pattern LOG_LINE = Pattern.compile("^\\S+T(\\d\\d:\\d\\d:\\d\\d\\.\\d{3})\\S*\\s+(\\w+)\\s.*?\\]\\s+(\\S+)\\s+:\\s(.*)$");

    /** The milestones of the gateway's start, from its log, each with the time since the first log line. */
    private List<String> startTimeline() {
        List<String> out = new ArrayList<>();
        Map<String, String> milestones = new LinkedHashMap<>();
        milestones.put("Starting GatewayApplication", "Spring starting");
        milestones.put("Root WebApplicationContext: initialization completed", "web context initialised");
        milestones.put("Detected a Linux", "embedded PostgreSQL: starting");
        milestones.put("initdb completed", "embedded PostgreSQL: initdb done");
        milestones.put("Embedded PostgreSQL started", "embedded PostgreSQL: up");
        milestones.put("Successfully applied", "Flyway migrated");
        milestones.put("Loaded issuers", "issuers loaded");
        milestones.put("AMQ221000", "Artemis: starting");
        milestones.put("AMQ221007", "Artemis: active");
        milestones.put("Tomcat started", "Tomcat started");
        milestones.put("Started GatewayApplication", "application started");
        try {
            List<String> log = Files.readAllLines(logFile);
            LocalTime first = null;
            for (String line : log) {
                Matcher m = LOG_LINE.matcher(line);
                if (!m.matches()) {
                    continue;
                }
                LocalTime time = LocalTime.parse(m.group(1));
                if (first == null) {
                    first = time;
                }
                for (Map.Entry<String, String> e : milestones.entrySet()) {
                    if (line.contains(e.getKey())) {
                        out.add(fmt("+%5d ms  %s", Duration.between(first, time).toMillis(), e.getValue()
                                + (e.getKey().equals("Started GatewayApplication") ? " (" + abbreviate(m.group(4), 80) + ")" : "")));
                        milestones.remove(e.getKey());
                        break;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            out.add("unreadable: " + e.getMessage());
        }
        return out;
    }

    /**
     * WARN and ERROR lines after the start, grouped by logger and the message's first words, and by when: while the
     * gateway ran, or after it was asked to stop.
     */
    private Map<String, Integer> logWarnings() {
        Map<String, Integer> out = new HashMap<>();
        try {
            boolean started = false;
            for (String line : Files.readAllLines(logFile)) {
                if (line.contains("Started GatewayApplication")) {
                    started = true;
                    continue;
                }
                Matcher m = LOG_LINE.matcher(line);
                if (started && m.matches() && (m.group(2).equals("WARN") || m.group(2).equals("ERROR"))) {
                    String when = "[running]";
                    try {
                        if (stopRequestedAt != null && !Instant.parse(line.substring(0, line.indexOf(' '))).isBefore(stopRequestedAt)) {
                            when = "[stopping]";
                        }
                    } catch (RuntimeException unparsable) {
                        // keep [running]
                    }
                    out.merge(when + " " + m.group(2) + " " + m.group(3) + ": "
                                    + abbreviate(m.group(4).replaceAll("[0-9a-f-]{36}|\\d+", "#"), 110), 1, Integer::sum);
                }
            }
        } catch (IOException e) {
            out.put("log unreadable: " + e.getMessage(), 1);
        }
        return out;
    }

    private void printHeader() throws IOException {
        say("posting benchmark, run %s", runId);
        say("gateway jar %s (%,d MB)", config.jar(), Files.size(config.jar()) / (1024 * 1024));
        say("gateway JVM flags: %s", GatewayProcess.describe(config.jvmArgs()));
        say("%d accounts, %d threads, %d raw/API pairs (%d s warm-up per phase in the first, %d s in the others) of %d s measured "
                + "per phase, %s KWD per payment; data in %s", config.accounts(), config.threads(), config.pairs(),
                config.warmupSeconds(), config.pairWarmupSeconds(), config.durationSeconds(), config.amount(), tempDir);
        try {
            say("load average before the run: %s", Files.readString(Path.of("/proc/loadavg")).trim());
        } catch (IOException e) {
            // not Linux
        }
    }

    // ================================================================================================================
    // Small things
    // ================================================================================================================

    /** A raw phase and an API phase run back to back. */
    private record Pair(PhaseResult raw, PhaseResult api) {
        double ratio() {
            return raw.rate() == 0 ? 0 : api.rate() / raw.rate();
        }
    }

    private record PhaseResult(String name, int threads, long count, int errors, double rate, long[] sortedNanos, long[] timeline,
                               Map<String, Integer> errorKinds, Map<String, String> errorSamples, Snapshot before,
                               Snapshot after, List<String> jstackFiles) {

        /** Nearest-rank percentile in ms; 100 is the maximum. */
        double percentileMs(double p) {
            if (sortedNanos.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
            return sortedNanos[Math.min(sortedNanos.length - 1, Math.max(0, rank - 1))] / 1e6;
        }
    }

    private record Config(Path projectDir, Path jar, List<String> jvmArgs, int accounts, int threads, int warmupSeconds,
                          int durationSeconds, int pairs, int pairWarmupSeconds, String amount, int startTimeoutSeconds, boolean diagnostics, int jstack,
                          List<String> jcmd, boolean jfr, String jfrSettings, boolean failOnMiss, Path outputDir) {

        static Config fromSystemProperties() {
            Path project = Path.of(System.getProperty("user.dir")).toAbsolutePath();
            Path jar = project.resolve(System.getProperty("bench.jar", "target/bill-payment-gateway-0.1.0-SNAPSHOT.jar"));
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("no gateway jar at " + jar + "; run `mvn -q -o -DskipTests package` first");
            }
            String amount = new BigDecimal(System.getProperty("bench.amount", "1.000")).setScale(3).toPlainString();
            return new Config(project, jar,
                    GatewayProcess.defaultJvmFlags(project),
                    Integer.getInteger("bench.accounts", 2000), Integer.getInteger("bench.threads", 4),
                    Integer.getInteger("bench.warmup", 120), Integer.getInteger("bench.duration", 15),
                    Math.max(1, Integer.getInteger("bench.pairs", 3)), Integer.getInteger("bench.pairWarmup", 5), amount,
                    Integer.getInteger("bench.startTimeout", 180), Boolean.getBoolean("bench.diagnostics"),
                    Integer.getInteger("bench.jstack", 0),
                    Arrays.stream(System.getProperty("bench.jcmd", "").split(",")).map(String::trim).filter(c -> !c.isEmpty()).toList(),
                    Boolean.getBoolean("bench.jfr"), System.getProperty("bench.jfrSettings", "default"),
                    Boolean.getBoolean("bench.failOnMiss"),
                    project.resolve("target/bench"));
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(left, 100_000_000L));
        }
    }

    private static String abbreviate(String s, int max) {
        String one = s.replace('\n', ' ');
        return one.length() <= max ? one : one.substring(0, max - 3) + "...";
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static void say(String format, Object... args) {
        System.out.println("[" + LocalTime.now().format(CLOCK) + "] " + fmt(format, args));
    }
}
