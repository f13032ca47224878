package kw.billpay.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kw.billpay.GatewayApplication;
import kw.billpay.channel.banktransfer.BankTransferProperties;
import kw.billpay.channel.directdebit.PartnerBank;
import kw.billpay.core.money.Currencies;
import kw.billpay.core.money.Money;
import kw.billpay.core.payment.Channel;
import kw.billpay.core.payment.PaymentIntent;
import kw.billpay.core.payment.PaymentMethod;
import kw.billpay.posting.PostPaymentsRoute;
import kw.billpay.testkit.Camt054Builder;
import org.awaitility.Awaitility;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 19's speed check: each console page rendered with 100,000 payments in the database, timed as a browser's
 * request over loopback (so the server's rendering time plus one local round trip), sequentially, after a warm-up.
 * The target is a median under 50 ms per page.
 * <ol>
 *   <li>The gateway starts in this JVM on its embedded default, on a fresh data directory.</li>
 *   <li>2,000 accounts; 100,000 payments through the posting core ({@code PostPaymentsRoute}, batches of 1,000): bank
 *       debits, 2,000 cash payments of the demo teller, 200 cheques waiting for clearing (of another teller). Then a
 *       camt.054 file of {@code bench.suspense} (1,000) transfers naming no account, dropped in NBK's inbox and taken
 *       by the bank-transfer channel: the suspense queue's open items. Then the pages are timed with every payment
 *       received today (the worst case for the day's totals), and again with the bank debits spread over the 90 days
 *       before (a realistic history).</li>
 *   <li>Each page: {@code bench.warmup} requests (50), then {@code bench.requests} (200) measured: median, p90, max;
 *       {@code bench.skip} leaves out the pages whose name contains it (e.g. {@code reconciliation}), {@code bench.only}
 *       keeps only those whose name contains it (e.g. {@code suspense}).</li>
 * </ol>
 * <pre>
 * mvn -q -DskipTests test-compile
 * mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=kw.billpay.bench.ConsoleBenchmark
 * </pre>
 * The report is kept in {@code target/bench/console-benchmark.txt}.
 */
public final class ConsoleBenchmark {

    private static final double TARGET_MEDIAN_MS = 50;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");

    private ConsoleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int payments = Integer.getInteger("bench.payments", 100_000);
        int warmup = Integer.getInteger("bench.warmup", 50);
        int requests = Integer.getInteger("bench.requests", 200);
        int suspenseItems = Integer.getInteger("bench.suspense", 1_000);
        Path data = Path.of("target/bench/console-data");
        FileSystemUtils.deleteRecursively(data);
        StringBuilder report = new StringBuilder();
        try (ConfigurableApplicationContext gateway = new SpringApplicationBuilder(GatewayApplication.class).run(
                "--server.port=0", "--gateway.data-dir=" + data, "--logging.level.root=WARN")) {
            int port = Integer.parseInt(gateway.getEnvironment().getProperty("local.server.port"));
            JdbcTemplate jdbc = gateway.getBean(JdbcTemplate.class);
            long seeding = System.nanoTime();
            String busyAccount = seed(gateway.getBean(PostPaymentsRoute.class), jdbc, payments);
            say(report, "seeded %,d payments over 2,000 accounts in %.0f s (the busiest account: %s payments)",
                    jdbc.queryForObject("select count(*) from payment", Long.class), (System.nanoTime() - seeding) / 1e9,
                    jdbc.queryForObject("select count(*) from payment where account_number = ?", Long.class, busyAccount));
            long suspending = System.nanoTime();
            long oldestItem = suspense(gateway.getBean(BankTransferProperties.class), jdbc, suspenseItems);
            say(report, "%,d bank transfers in suspense, through the bank-transfer channel, in %.0f s",
                    jdbc.queryForObject("select count(*) from bank_transfer where suspended and status = 'SUSPENSE'",
                            Long.class), (System.nanoTime() - suspending) / 1e9);

            Console teller = new Console(port, "teller", "teller-demo");
            String accountPage = teller.post("/console/teller/find", "accountNumber=" + busyAccount).headers()
                    .firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
            String form = teller.get(accountPage).body();
            String preview = "idempotencyKey=" + group(KEY, form) + "&method=CASH&currency=KWD&amount=20.000&pieces[KWD_20000]=1";
            String receipt = "/console/receipts/" + jdbc.queryForObject(
                    "select payment_id from payment where method = 'CASH' order by seq desc limit 1", String.class);
            Console supervisor = new Console(port, "supervisor", "supervisor-demo");
            Console ops = new Console(port, "ops", "ops-demo");

            Map<String, Page> pages = new LinkedHashMap<>();
            pages.put("teller: find an account", c -> teller.get("/console/teller"));
            pages.put("teller: account and payment form", c -> teller.get(accountPage));
            pages.put("teller: confirmation (preview)", c -> teller.post(accountPage + "/preview", preview));
            pages.put("teller: receipt", c -> teller.get(receipt));
            pages.put("teller: till count", c -> teller.get("/console/till"));
            pages.put("supervisor: cheques waiting (200)", c -> supervisor.get("/console/supervisor/clearing"));
            pages.put("supervisor: suspense queue (100 listed)", c -> supervisor.get("/console/supervisor/suspense"));
            pages.put("supervisor: suspense, holder shown", c -> supervisor.post(
                    "/console/supervisor/suspense/" + oldestItem + "/assignment/check", "accountNumber=" + busyAccount));
            pages.put("supervisor: till sign-offs", c -> supervisor.get("/console/supervisor/tills"));
            pages.put("operations: the day", c -> ops.get("/console/operations"));
            pages.put("operations: files (refresh)", c -> ops.get("/console/operations/files"));
            pages.put("operations: reconciliation (loaded after)", c -> ops.get("/console/operations/reconciliation"));

            say(report, "%nevery payment received today:");
            measure(report, pages, warmup, requests);
            jdbc.update("update payment set received_at = received_at - (1 + seq % 90) * interval '1 day'"
                    + " where channel = 'DIRECT_DEBIT'");
            jdbc.execute("analyze payment");
            say(report, "%nthe bank debits spread over the 90 days before today:");
            measure(report, pages, warmup, requests);
        }
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/console-benchmark.txt"), report);
        System.exit(0); // the embedded broker's and database's threads
    }

    @FunctionalInterface
    interface Page {
        HttpResponse<String> load(Console console) throws Exception;
    }

    private static void measure(StringBuilder report, Map<String, Page> pages, int warmup, int requests) throws Exception {
        say(report, "%-44s %9s %9s %9s  %s", "page", "median", "p90", "max", "target");
        String skip = System.getProperty("bench.skip", "");
        String only = System.getProperty("bench.only", "");
        for (Map.Entry<String, Page> page : pages.entrySet()) {
            if (!skip.isEmpty() && page.getKey().contains(skip) || !page.getKey().contains(only)) {
                continue;
            }
            for (int i = 0; i < warmup; i++) {
                require(page.getKey(), page.getValue().load(null));
            }
            double[] ms = new double[requests];
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                HttpResponse<String> answer = page.getValue().load(null);
                ms[i] = (System.nanoTime() - start) / 1e6;
                require(page.getKey(), answer);
            }
            Arrays.sort(ms);
            double median = ms[ms.length / 2];
            say(report, "%-44s %7.1f ms %6.1f ms %6.1f ms  %s", page.getKey(), median, ms[(int) (ms.length * 0.9)],
                    ms[ms.length - 1], median < TARGET_MEDIAN_MS ? "met" : "MISSED");
        }
    }

    private static void require(String page, HttpResponse<String> answer) {
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(page + " answered " + answer.statusCode());
        }
    }

    /** 2,000 accounts, then the payments through the posting core; answers the account with the most payments. */
    private static String seed(PostPaymentsRoute posting, JdbcTemplate jdbc, int payments) {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            String number = "3799" + String.format(Locale.ROOT, "%011d", i);
            accounts.add(number);
            jdbc.update("""
                    insert into account (account_number, issuer_id, holder_name, currency, product, credit_limit, status,
                                         statement_date, due_date, minimum_due, minimum_due_computed, previous_purchases,
                                         current_purchases, unbilled)
                    values (?, 'amex-kw', 'Bench Holder', 'KWD', 'CREDIT', 5000, 'OPEN', current_date - 10,
                            current_date + 15, 50, false, 400, 600, 100)""", number);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneId.of("Asia/Kuwait"));
        int cash = Math.min(2_000, payments / 50);
        int cheques = 200;
        List<PaymentIntent> batch = new ArrayList<>();
        for (int i = 0; i < payments; i++) {
            String account = accounts.get(i % accounts.size());
            Money amount = new Money(BigDecimal.valueOf(1_000 + i % 9_000, 3), Currencies.parse("KWD"));
            if (i < cheques) {
                batch.add(new PaymentIntent("BENCH:CHEQUE:" + i, Channel.BRANCH, PaymentMethod.CHEQUE, account, amount, null,
                        "AMEX/SALHIYA", Map.of("teller", "teller2", "institution", "AMEX", "branch", "SALHIYA",
                        "chequeNumber", "1" + i, "chequeBank", "NBK", "chequeDate", now.toLocalDate().toString()),
                        Set.of(), "teller2", false));
            } else if (i < cheques + cash) {
                batch.add(new PaymentIntent("BENCH:CASH:" + i, Channel.BRANCH, PaymentMethod.CASH, account, amount, now,
                        "AMEX/SALHIYA", Map.of("teller", "teller", "institution", "AMEX", "branch", "SALHIYA"),
                        Set.of(), "teller", false));
            } else {
                batch.add(new PaymentIntent("BENCH:DD:" + i, Channel.DIRECT_DEBIT, PaymentMethod.DIRECT_DEBIT, account,
                        amount, now, "NBK/BENCH", Map.of("bank", "NBK"), Set.of(), "direct-debit", false));
            }
            if (batch.size() == 1_000) {
                posting.post(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            posting.post(batch);
        }
        // the account the teller's cash payments hit (their 50 latest show on its page)
        return accounts.get(cheques % accounts.size());
    }

    /**
     * A camt.054 file of {@code count} transfers that name no account, dropped in NBK's inbox as a bank does and taken
     * by the channel: each one waits in suspense. Answers the oldest item's id.
     */
    private static long suspense(BankTransferProperties folders, JdbcTemplate jdbc, int count) throws IOException {
        String messageId = "BENCH-SUSPENSE";
        Path inbox = folders.inbox(PartnerBank.NBK);
        Path part = inbox.resolve("." + messageId + ".xml.part");
        Files.createDirectories(inbox);
        Camt054Builder.write(part, messageId, count, i -> new Camt054Builder.Entry(messageId + "-" + i,
                BigDecimal.valueOf(1_000 + i % 9_000, 3).toPlainString(), "school fees, thank you"));
        Files.move(part, inbox.resolve(messageId + ".xml"), StandardCopyOption.ATOMIC_MOVE);
        Awaitility.await(messageId).atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).until(() ->
                jdbc.queryForList("select status from bank_transfer_file where message_id = ?", String.class, messageId)
                        .contains("ACCEPTED"));
        return jdbc.queryForObject("select min(id) from bank_transfer where suspended and status = 'SUSPENSE'", Long.class);
    }

    /** A logged-in browser of sorts: its own cookies and CSRF token. */
    static final class Console {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private final String base;
        private String token;

        Console(int port, String user, String password) throws Exception {
            this.base = "http://localhost:" + port;
            token = group(CSRF, get("/console/login").body());
            post("/console/login", "username=" + user + "&password=" + password);
            token = group(CSRF, get("/console/login").body()); // a new token once logged in
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + token)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("not found: " + pattern);
        }
        return m.group(1);
    }

    private static void say(StringBuilder report, String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println(line);
        report.append(line).append('\n');
    }
}
