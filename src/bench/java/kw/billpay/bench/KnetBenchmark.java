package kw.billpay.bench;

import kw.billpay.testkit.GatewayProcess;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
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
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import kw.billpay.bench.LoadHttp.Answer;
import kw.billpay.channel.knet.KnetCipher;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.awaitility.Awaitility;

/**
 * Load driver for the KNET target: callbacks acknowledged (durable record written, REDIRECT line sent) at 200/s with
 * p99 &lt;= 20 ms; end to end from callback to POSTED at &gt;= 1,000 payments/s against the built-in simulator; printed
 * beside the raw JMS-plus-PostgreSQL rate of this machine, measured in the same run, and with the CPU each payment of
 * that phase cost the gateway (its C2 compiler's part too) and PostgreSQL. Starts the packaged gateway jar (embedded
 * profile) as a child process. Run:
 * {@code mvn -q -DskipTests package && mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=kw.billpay.bench.KnetBenchmark}
 *
 * <p>System properties (optional): {@code bench.jar}, {@code bench.accounts} (200), {@code bench.ackRate} (200/s),
 * {@code bench.ackWarmup} (120 s: on 2 cores the C2 compiler takes about two minutes of load to settle),
 * {@code bench.ackSeconds} (15 s), {@code bench.e2eWarmup} (3000 payments through the simulator's Pay first: the
 * callbacks of the first phase do not warm up the hosted page, the simulator or its call back, and C2 took a quarter
 * to a third of the CPU while they were first used), {@code bench.e2e} (3000 payments), {@code bench.e2eThreads} (8),
 * {@code bench.rawThreads} (4), {@code bench.jvmArgs} (the gateway's JVM flags instead of {@code config/jvm.options}).
 * The gateway's log is kept in {@code target/bench/knet-gateway.log}.
 */
public final class KnetBenchmark {

    private static final String OPS = "ops:ops-demo";
    private static final String ONLINE_KEY = "online-demo-key";
    private static final String AMOUNT = "5.000";
    private static final KnetCipher DEMO_KEY = new KnetCipher("0123456789ABCDEF");
    private static final Pattern JSON_FIELD = Pattern.compile("\"(paymentId|trackId|redirectUrl)\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern TRANDATA = Pattern.compile("trandata=([0-9a-fA-F]+)");
    private static final String INSERT_PAYMENT = """
            insert into payment (payment_id, source_key, channel, method, status, status_reason, account_number,
              received_amount, received_currency, billing_currency, posted_amount, fx_rate, fx_effective_at, fx_source,
              credit_balance_part, value_time, received_at, reference, receipt_number, flags, origin)
            values (?, ?, 'BRANCH', 'CASH', 'POSTED', null, ?, ?, 'KWD', 'KWD', ?, null, null, null, 0.000, ?, ?,
              'AMEX/SALHIYA', 'BR' || to_char(now() at time zone 'Asia/Kuwait', 'YYYYMMDD') || '-'
              || lpad(nextval('receipt_number_seq')::text, 8, '0'), '', ?::jsonb)""";
    private static final String UPDATE_ACCOUNT = "update account set current_purchases = current_purchases - ?,"
            + " paid_since_statement = paid_since_statement + ?, updated_at = now() where account_number = ?";
    private static final String INSERT_ALLOCATION =
            "insert into allocation (payment_id, position, bucket, amount) values (?, 1, 'CURRENT_PURCHASES', ?)";

    record Intent(String paymentId, String trackId, String trandata) { }

    record Line(String figure, String value, String target, Boolean pass) { }

    private final Path projectDir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    /** Kept after the run (the data directory is not): the gateway's warnings, and its collections with -Xlog:gc. */
    private final Path gatewayLog = projectDir.resolve("target/bench/knet-gateway.log");
    private final Path jar = projectDir.resolve(System.getProperty("bench.jar", "target/bill-payment-gateway-0.1.0-SNAPSHOT.jar"));
    private final int accountCount = Integer.getInteger("bench.accounts", 200);
    private final int ackRate = Integer.getInteger("bench.ackRate", 200);
    private final int ackWarmup = Integer.getInteger("bench.ackWarmup", 120);
    private final int ackSeconds = Integer.getInteger("bench.ackSeconds", 15);
    private final int e2eWarmup = Integer.getInteger("bench.e2eWarmup", 3000);
    private final int e2eCount = Integer.getInteger("bench.e2e", 3000);
    private final int e2eThreads = Integer.getInteger("bench.e2eThreads", 8);
    private final int rawThreads = Integer.getInteger("bench.rawThreads", 4);
    private final List<String> accounts = new ArrayList<>();
    private final List<Line> report = new ArrayList<>();
    private final CloseableHttpClient http = LoadHttp.client(64, Duration.ofSeconds(30));
    private Path tempDir;
    private GatewayProcess gateway;
    private String baseUrl;
    private String jdbcUrl;
    private Connection counting;

    public static void main(String[] args) throws Exception {
        // the in-driver broker's audit log (INFO per message) would flood the report and slow the raw consumer
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.apache.activemq"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        new KnetBenchmark().run();
        System.exit(0); // HttpClient and Artemis leave non-daemon threads behind
    }

    private void run() throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no gateway jar at " + jar + "; run `mvn -q -DskipTests package` first");
        }
        tempDir = Files.createTempDirectory("knet-bench");
        try {
            long startMs = startGateway();
            say("gateway healthy after %,d ms; %d CPUs; data in %s", startMs, Runtime.getRuntime().availableProcessors(), tempDir);
            for (int i = 0; i < accountCount; i++) {
                accounts.add(String.format(Locale.ROOT, "3766%011d", 20_000_000L + i));
            }
            parallel(8, accountCount, i -> {
                String account = accounts.get(i);
                expect(send(put("/api/v1/accounts/" + account, accountBody())), 201, "account " + account);
            });
            int ackCount = ackRate * (ackWarmup + ackSeconds);
            long t = System.nanoTime();
            List<Intent> intents = startIntents(ackCount + e2eWarmup + e2eCount);
            say("%,d accounts, %,d online intents started in %,d ms (%.0f/s)", accounts.size(), intents.size(),
                    ms(t), intents.size() / (ms(t) / 1000.0));
            callbackAcknowledgement(intents.subList(0, ackCount));
            Awaitility.await("phase-2 callbacks resolved").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> count("select count(*) from payment where channel = 'KNET_ONLINE' and status = 'INITIATED'") <= e2eWarmup + e2eCount);
            if (e2eWarmup > 0) {
                endToEnd(intents.subList(ackCount, ackCount + e2eWarmup), false);
            }
            endToEnd(intents.subList(ackCount + e2eWarmup, ackCount + e2eWarmup + e2eCount), true);
            rawJmsPostgres();
        } finally {
            if (counting != null) {
                counting.close();
            }
            stopGateway();
            deleteTree(tempDir);
        }
        printReport();
    }

    // --- phase 1: gateway, accounts, intents ---

    private long startGateway() throws IOException {
        Files.createDirectories(gatewayLog.getParent());
        Files.deleteIfExists(gatewayLog);
        gateway = GatewayProcess.fromJar(jar, tempDir.resolve("data")).directory(projectDir).log(gatewayLog).build();
        baseUrl = gateway.baseUrl();
        jdbcUrl = gateway.jdbcUrl();
        return gateway.start();
    }

    private void stopGateway() throws InterruptedException {
        if (gateway != null && gateway.isAlive()) {
            say("gateway stopped (SIGTERM) in %,d ms", gateway.stop());
        }
    }

    private List<Intent> startIntents(int n) throws Exception {
        Intent[] intents = new Intent[n];
        parallel(8, n, i -> {
            String body = "{\"accountNumber\":\"" + accounts.get(i % accounts.size()) + "\",\"amount\":{\"amount\":\""
                    + AMOUNT + "\",\"currency\":\"KWD\"}}";
            HttpPost start = new HttpPost(baseUrl + "/api/v1/online/payments");
            start.setHeader("X-Api-Key", ONLINE_KEY);
            start.setHeader("Idempotency-Key", UUID.randomUUID().toString());
            start.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
            Answer answer = send(start);
            expect(answer, 201, "online payment");
            Matcher m = JSON_FIELD.matcher(answer.body());
            String[] fields = new String[3];
            while (m.find()) {
                fields[switch (m.group(1)) { case "paymentId" -> 0; case "trackId" -> 1; default -> 2; }] = m.group(2);
            }
            Matcher trandata = TRANDATA.matcher(fields[2] == null ? "" : fields[2]);
            if (fields[0] == null || fields[1] == null || !trandata.find()) {
                throw new IllegalStateException("unexpected answer " + answer.body());
            }
            intents[i] = new Intent(fields[0], fields[1], trandata.group(1));
        });
        return List.of(intents);
    }

    // --- phase 2: callback acknowledgement at a fixed rate ---

    private void callbackAcknowledgement(List<Intent> intents) throws Exception {
        long periodNs = 1_000_000_000L / ackRate;
        int warm = ackRate * ackWarmup;
        long[] latencyNs = new long[intents.size()];
        AtomicInteger bad = new AtomicInteger();
        AtomicLong lastDone = new AtomicLong();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        ExecutorService workers = Executors.newFixedThreadPool(64);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch done = new CountDownLatch(intents.size());
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime() + 20_000_000L;
        // PostgreSQL's own activity over the measured window: a checkpoint's flush there delays every durable commit
        CompletableFuture<Checkpoints> atWindow = new CompletableFuture<>();
        // and the CPU used over it: callbacks that wait for a CPU are what a saturated machine shows
        CompletableFuture<CpuTicks> cpuAtWindow = new CompletableFuture<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.schedule(() -> {
            try {
                cpuAtWindow.complete(cpuTicks());
            } catch (RuntimeException e) {
                cpuAtWindow.completeExceptionally(e);
            }
            try {
                atWindow.complete(checkpoints());
            } catch (SQLException e) {
                atWindow.completeExceptionally(e);
            }
        }, start + warm * periodNs - System.nanoTime(), TimeUnit.NANOSECONDS);
        ticker.scheduleAtFixedRate(() -> {
            // catch up on every slot that is due (the ticker may fire late); each request is timed from its slot
            long now = System.nanoTime();
            int i;
            while ((i = next.get()) < intents.size() && start + i * periodNs <= now && next.compareAndSet(i, i + 1)) {
                int k = i;
                long intended = start + k * periodNs;
                workers.execute(() -> {
                    try {
                        Intent intent = intents.get(k);
                        String plain = "paymentid=" + (100_000_000_000_000L + k) + "&result=CAPTURED&auth=123456&ref=987654321012"
                                + "&postdate=1121&tranid=" + (500_000_000_000_000L + k) + "&trackid=" + intent.trackId() + "&amt=" + AMOUNT;
                        Answer answer = send(form("/knet/response", "trandata="
                                + URLEncoder.encode(DEMO_KEY.encrypt(plain), StandardCharsets.UTF_8)));
                        long end = System.nanoTime();
                        latencyNs[k] = end - intended;
                        lastDone.accumulateAndGet(end, Math::max);
                        if (answer.status() != 200 || !answer.body().startsWith("REDIRECT=") || answer.body().strip().contains("\n")) {
                            bad.incrementAndGet();
                            errors.add("HTTP " + answer.status() + " " + answer.body());
                        }
                    } catch (Exception e) {
                        bad.incrementAndGet();
                        errors.add(e.toString());
                    } finally {
                        done.countDown();
                    }
                });
            }
        }, 0, 1, TimeUnit.MILLISECONDS);
        boolean finished = done.await(ackWarmup + ackSeconds + 60L, TimeUnit.SECONDS);
        CpuTicks cpuAtEnd = cpuTicks();
        ticker.shutdownNow();
        workers.shutdownNow();
        sampler.shutdown(); // its one sample is taken or still due; either way its thread then ends, also on a failure
        if (!finished) {
            throw new IllegalStateException("callbacks still outstanding after the phase");
        }
        Checkpoints inWindow = checkpoints().since(atWindow.get());
        CpuUsed cpu = cpuAtEnd.since(cpuAtWindow.get());
        say("PostgreSQL over the measured window: %d checkpoints ended, their writes %,d ms and file syncs %,d ms; "
                + "%,d kB of WAL", inWindow.ended(), inWindow.writeMs(), inWindow.syncMs(), inWindow.walBytes() / 1024);
        long[] measured = Arrays.copyOfRange(latencyNs, warm, latencyNs.length);
        say("callbacks per second of the measured window, p99 / max ms (a tail that gathers in a few seconds is a stall, "
                + "one spread over all of them is contention): %s", perSecond(measured));
        Arrays.sort(measured);
        double seconds = (lastDone.get() - (start + warm * periodNs)) / 1e9;
        double rate = measured.length / seconds;
        double p99 = pct(measured, 0.99);
        say("callbacks: %,d sent after %d s warm-up at %d/s, %d bad%s", measured.length, ackWarmup, ackRate, bad.get(),
                errors.isEmpty() ? "" : " (first: " + errors.peek() + ")");
        report.add(new Line("callback acknowledgement rate", fmt("%.1f /s", rate), ">= " + ackRate + " /s", rate >= ackRate * 0.98 && bad.get() == 0));
        report.add(new Line("callback ack latency p50", fmt("%.2f ms", pct(measured, 0.50)), "", null));
        report.add(new Line("callback ack latency p99", fmt("%.2f ms", p99), "<= 20 ms", p99 <= 20.0));
        report.add(new Line("callback ack latency max", fmt("%.2f ms", measured[measured.length - 1] / 1e6), "", null));
        report.add(new Line("callbacks answered other than 200 + one REDIRECT= line", Integer.toString(bad.get()), "0", bad.get() == 0));
        // each callback's resolution (inquiry to the simulator, posting) runs behind it on the same machine
        double msPerCallback = 1000.0 / Proc.CLOCK_TICKS / measured.length;
        report.add(new Line("gateway / PostgreSQL CPU per callback (same window)", fmt("%.2f / %.2f ms",
                cpu.gateway() * msPerCallback, cpu.postgres() * msPerCallback), "", null));
        report.add(new Line("machine busy (same window; stolen by the host)", machineBusy(cpu), "", null));
    }

    private static String machineBusy(CpuUsed cpu) {
        return fmt("%.0f%% of %d CPUs (%.1f%%)", cpu.machineBusy() * 100, Runtime.getRuntime().availableProcessors(),
                cpu.machineStolen() * 100);
    }

    /** Each second's p99 and maximum, in the order the callbacks were sent. */
    private String perSecond(long[] latencyNs) {
        StringBuilder seconds = new StringBuilder();
        for (int from = 0; from < latencyNs.length; from += ackRate) {
            long[] second = Arrays.copyOfRange(latencyNs, from, Math.min(from + ackRate, latencyNs.length));
            Arrays.sort(second);
            seconds.append(fmt(" %.0f/%.0f", pct(second, 0.99), second[second.length - 1] / 1e6));
        }
        return seconds.toString().strip();
    }

    // --- phase 3: end to end against the simulator ---

    private void endToEnd(List<Intent> intents, boolean measured) throws Exception {
        String posted = "select count(*) from payment where channel = 'KNET_ONLINE' and status = 'POSTED'";
        long before = count(posted);
        CpuTicks cpuBefore = cpuTicks();
        long t = System.nanoTime();
        parallel(e2eThreads, intents.size(), i -> expect(send(form("/kpg/PaymentHTTP.htm",
                "trandata=" + intents.get(i).trandata() + "&choice=PAY")), 302, "Pay"));
        long payMs = ms(t);
        // polled every 250 ms: a count every 20 ms cost PostgreSQL a third of a core, taken from the gateway it measures
        Awaitility.await("all POSTED").atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(250)).pollInSameThread()
                .until(() -> count(posted) - before >= intents.size());
        CpuUsed cpu = cpuTicks().since(cpuBefore);
        double seconds = (System.nanoTime() - t) / 1e9;
        double rate = intents.size() / seconds;
        double payRate = intents.size() / (payMs / 1000.0);
        say("end to end%s: %,d Pay submissions from %d threads in %,d ms (%.0f/s); all POSTED after %.2f s (%.0f/s)",
                measured ? "" : " (warm-up)", intents.size(), e2eThreads, payMs, payRate, seconds, rate);
        if (measured) {
            report.add(new Line("end to end, Pay -> POSTED", fmt("%.0f payments/s", rate), ">= 1,000 /s", rate >= 1000));
            report.add(new Line("Pay submissions answered (same phase)", fmt("%.0f /s", payRate), "", null));
            double msPerPayment = 1000.0 / Proc.CLOCK_TICKS / intents.size();
            report.add(new Line("gateway CPU per payment (same phase)", fmt("%.2f ms", cpu.gateway() * msPerPayment), "", null));
            report.add(new Line("  of which the JIT's C2 compiler (at least)", fmt("%.2f ms", cpu.compiler() * msPerPayment), "", null));
            report.add(new Line("PostgreSQL CPU per payment (same phase)", fmt("%.2f ms", cpu.postgres() * msPerPayment), "", null));
            report.add(new Line("machine busy (same phase; stolen by the host)", machineBusy(cpu), "", null));
        }
    }

    /**
     * CPU clock ticks used so far: the gateway JVM, each of its C2 compiler threads (by thread id), the embedded
     * PostgreSQL's processes, and the whole machine. HotSpot starts and ends compiler threads as its queue grows and
     * shrinks: a thread that started during a phase counts whole, one that ended during it is lost, so the compiler's
     * part is a lower bound.
     */
    record CpuTicks(long gateway, Map<Long, Long> compilerThreads, long postgres, Proc.MachineCpu machine) {
        CpuUsed since(CpuTicks earlier) {
            long compiler = compilerThreads.entrySet().stream()
                    .mapToLong(t -> t.getValue() - earlier.compilerThreads.getOrDefault(t.getKey(), 0L)).sum();
            return new CpuUsed(gateway - earlier.gateway, compiler, postgres - earlier.postgres,
                    machine.busySince(earlier.machine), machine.stolenSince(earlier.machine));
        }
    }

    /**
     * CPU used in a phase: clock ticks of the gateway, of its C2 compiler (part of the gateway's) and of PostgreSQL,
     * and the fraction of the whole machine that was busy, and stolen by the host.
     */
    record CpuUsed(long gateway, long compiler, long postgres, double machineBusy, double machineStolen) { }

    private CpuTicks cpuTicks() {
        long postgres = Proc.postgres(tempDir.resolve("data"), gateway.process()).stream().mapToLong(p -> Proc.jiffies(p.pid())).sum();
        return new CpuTicks(Proc.jiffies(gateway.pid()),
                Proc.threadJiffiesById(gateway.pid(), name -> name.startsWith("C2 CompilerThre")), postgres,
                Proc.MachineCpu.sample());
    }

    // --- phase 4: raw JMS + PostgreSQL on this machine ---

    private void rawJmsPostgres() throws Exception {
        Path brokerDir = tempDir.resolve("raw-broker");
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setPersistenceEnabled(true);
        configuration.setSecurityEnabled(false);
        configuration.setJournalType(JournalType.NIO);
        configuration.setJournalBufferTimeout_NIO(500_000);
        configuration.setJournalDirectory(brokerDir.resolve("journal").toString());
        configuration.setBindingsDirectory(brokerDir.resolve("bindings").toString());
        configuration.setLargeMessagesDirectory(brokerDir.resolve("large").toString());
        configuration.setPagingDirectory(brokerDir.resolve("paging").toString());
        configuration.addAcceptorConfiguration("in-vm", "vm://0");
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(configuration);
        broker.start();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://0");
             jakarta.jms.Connection jms = factory.createConnection()) {
            jms.start();
            try (Session session = jms.createSession(true, Session.SESSION_TRANSACTED)) {
                Queue queue = session.createQueue("bench.raw");
                MessageProducer producer = session.createProducer(queue);
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                for (int i = 0; i < e2eCount; i++) {
                    producer.send(session.createTextMessage(accounts.get(i % accounts.size())));
                    if (i % 500 == 499) {
                        session.commit();
                    }
                }
                session.commit();
            }
            AtomicInteger consumed = new AtomicInteger();
            long t = System.nanoTime();
            parallel(rawThreads, rawThreads, thread -> {
                try (Session session = jms.createSession(true, Session.SESSION_TRANSACTED);
                     MessageConsumer consumer = session.createConsumer(session.createQueue("bench.raw"));
                     Connection db = DriverManager.getConnection(jdbcUrl, "postgres", gateway.databasePassword());
                     PreparedStatement insert = db.prepareStatement(INSERT_PAYMENT);
                     PreparedStatement update = db.prepareStatement(UPDATE_ACCOUNT);
                     PreparedStatement allocate = db.prepareStatement(INSERT_ALLOCATION)) {
                    db.setAutoCommit(false);
                    BigDecimal amount = new BigDecimal(AMOUNT);
                    String origin = "{\"teller\":\"bench-raw-" + thread + "\",\"institution\":\"AMEX\",\"branch\":\"SALHIYA\"}";
                    while (consumed.get() < e2eCount) {
                        TextMessage message = (TextMessage) consumer.receive(200);
                        if (message == null) {
                            continue;
                        }
                        UUID paymentId = UUID.randomUUID();
                        OffsetDateTime now = OffsetDateTime.now(ZoneId.of("Asia/Kuwait"));
                        insert.setObject(1, paymentId);
                        insert.setString(2, "RAWJMS:" + paymentId);
                        insert.setString(3, message.getText());
                        insert.setBigDecimal(4, amount);
                        insert.setBigDecimal(5, amount);
                        insert.setObject(6, now);
                        insert.setObject(7, now);
                        insert.setString(8, origin);
                        insert.executeUpdate();
                        update.setBigDecimal(1, amount);
                        update.setBigDecimal(2, amount);
                        update.setString(3, message.getText());
                        if (update.executeUpdate() != 1) {
                            throw new SQLException("account " + message.getText() + " not updated");
                        }
                        allocate.setObject(1, paymentId);
                        allocate.setBigDecimal(2, amount);
                        allocate.executeUpdate();
                        db.commit();
                        session.commit();
                        consumed.incrementAndGet();
                    }
                } catch (JMSException | SQLException e) {
                    throw new IllegalStateException("raw consumer " + thread, e);
                }
            });
            double rate = consumed.get() / ((System.nanoTime() - t) / 1e9);
            say("raw: %,d persistent messages consumed by %d threads (local JMS tx + one JDBC tx each) in %,d ms",
                    consumed.get(), rawThreads, ms(t));
            report.add(new Line("raw JMS + PostgreSQL, same machine", fmt("%.0f messages/s", rate), "(reference)", null));
        } finally {
            broker.stop();
        }
    }

    // --- helpers ---

    interface Task {
        void run(int i) throws Exception;
    }

    /** Runs task(0..n-1) on {@code threads} threads, each taking the next index; rethrows the first failure. */
    private static void parallel(int threads, int n, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        task.run(i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private ClassicHttpRequest put(String path, String json) {
        HttpPut put = new HttpPut(baseUrl + path);
        put.setHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(OPS.getBytes(StandardCharsets.UTF_8)));
        put.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        return put;
    }

    /** A form post, as KNET's server and the customer's browser send them. */
    private ClassicHttpRequest form(String path, String body) {
        HttpPost post = new HttpPost(baseUrl + path);
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_FORM_URLENCODED));
        return post;
    }

    private Answer send(ClassicHttpRequest request) throws IOException {
        return LoadHttp.send(http, request);
    }

    private static void expect(Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException(what + ": HTTP " + answer.status() + " " + answer.body());
        }
    }

    private static String accountBody() {
        return """
                {"issuer":"amex-kw","holderName":"Bench Holder","currency":"KWD","product":"CREDIT","creditLimit":"2000.000",
                 "status":"OPEN","statement":{"statementDate":"2026-10-25","dueDate":"2026-11-19","minimumDue":"25.000",
                 "buckets":{"CURRENT_PURCHASES":"1000000000.000"}},"unbilled":"0.000"}""";
    }

    /** PostgreSQL's checkpointer and WAL totals since its start (PostgreSQL 17's statistics views). */
    record Checkpoints(long ended, long writeMs, long syncMs, long walBytes) {
        Checkpoints since(Checkpoints earlier) {
            return new Checkpoints(ended - earlier.ended, writeMs - earlier.writeMs, syncMs - earlier.syncMs,
                    walBytes - earlier.walBytes);
        }
    }

    private Checkpoints checkpoints() throws SQLException {
        return new Checkpoints(count("select num_timed + num_requested from pg_stat_checkpointer"),
                count("select write_time::bigint from pg_stat_checkpointer"),
                count("select sync_time::bigint from pg_stat_checkpointer"),
                count("select wal_bytes::bigint from pg_stat_wal"));
    }

    /** One connection for the driver's counts: a connection per poll cost PostgreSQL a backend start each time. */
    private synchronized long count(String sql) throws SQLException {
        if (counting == null) {
            counting = DriverManager.getConnection(jdbcUrl, "postgres", gateway.databasePassword());
        }
        try (Statement s = counting.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static double pct(long[] sortedNs, double q) {
        return sortedNs[Math.min(sortedNs.length - 1, (int) Math.ceil(q * sortedNs.length) - 1)] / 1e6;
    }

    private static long ms(long startNs) {
        return (System.nanoTime() - startNs) / 1_000_000;
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static void say(String format, Object... args) {
        System.out.println("[knet-bench] " + fmt(format, args));
    }

    private void printReport() {
        System.out.println();
        System.out.println("KNET benchmark (" + Runtime.getRuntime().availableProcessors() + " CPUs, gateway "
                + GatewayProcess.describe(GatewayProcess.defaultJvmFlags(projectDir)) + ")");
        for (Line l : report) {
            System.out.printf(Locale.ROOT, "  %-56s %-20s %-14s %s%n", l.figure(), l.value(), l.target(),
                    l.pass() == null ? "" : l.pass() ? "PASS" : "MISS");
        }
    }
}
