package kw.billpay.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kw.billpay.testkit.BranchPaymentJson;
import kw.billpay.testkit.OnlinePaymentJson;
import kw.billpay.testkit.ResultFileBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.util.FileSystemUtils;

/**
 * The external profile as a bank runs it (issue 20): the packaged jar against the standalone PostgreSQL and Artemis of
 * .ci/external-stage, with generated secrets, the KNET simulator as a process of its own, JSON logs. Every channel
 * posts; events reach the card system's durable queue once each; a broker outage of 30 s and a PostgreSQL restart under
 * load, then two instances with one killed -9 under load, lose nothing and double nothing. The tests share the
 * processes and run in order; each prints its figures.
 */
@Tag("external")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExternalStageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HIDDEN_TRANDATA = Pattern.compile("name=\"trandata\" value=\"([0-9a-fA-F]+)\"");
    /**
     * What a card number looks like in a log: a run of 15 or 16 digits whose first, the major industry identifier of
     * ISO/IEC 7812, is not 0. Zero-padded counters are not: Camel's exchange ids end in one
     * ({@code C20E0904930B277-000000000000034A}), and some of them pass the Luhn check.
     */
    private static final Pattern CARD_LIKE = Pattern.compile("(?<![0-9])[1-9][0-9]{14,15}(?![0-9])");
    private static final Path DATA = Path.of("target/external-stage/gateway-data");

    private static Engines engines;
    private static ExternalGateway.Secrets secrets;
    private static ExternalGateway knet;
    private static ExternalGateway first;
    private static ExternalGateway second;
    private static EventSubscriber cardSystem;
    /** Every account the tests made: none of their numbers may appear in a log. */
    private static final Set<String> accounts = new HashSet<>();

    @BeforeAll
    static void startTheGatewayAndTheKnetSimulator() throws Exception {
        engines = new Engines();
        secrets = ExternalGateway.Secrets.generate();
        FileSystemUtils.deleteRecursively(DATA);
        cardSystem = new EventSubscriber(engines);
        cardSystem.drainPosted(Duration.ofSeconds(1)); // what an earlier run left
        knet = ExternalGateway.knetSimulator(engines, secrets).start();
        first = ExternalGateway.gateway("gateway-1", engines, secrets, DATA, knet.baseUrl()).start();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (ExternalGateway process : new ExternalGateway[] {second, first, knet}) {
            if (process != null) {
                process.close();
            }
        }
    }

    @Test
    @Order(1)
    void everyChannelPostsAndEachEventReachesTheCardSystemOnce() throws Exception {
        String branchAccount = newAccount(first);
        HttpResponse<String> branch = first.send("POST", "/api/v1/branch/payments", secrets.teller(),
                cash(branchAccount), UUID.randomUUID().toString());
        assertThat(branch.statusCode()).as(branch.body()).isEqualTo(201);
        String branchPayment = json(branch).path("paymentId").asText();

        String onlineAccount = newAccount(first);
        HttpResponse<String> online = first.send("POST", "/api/v1/online/payments", secrets.onlineKey(),
                OnlinePaymentJson.of(onlineAccount, "25.000", "KWD").json(),
                UUID.randomUUID().toString());
        assertThat(online.statusCode()).as(online.body()).isEqualTo(201);
        String onlinePayment = json(online).path("paymentId").asText();
        String redirectUrl = json(online).path("redirectUrl").asText();
        assertThat(redirectUrl).startsWith(knet.baseUrl() + "/kpg/PaymentHTTP.htm");
        HttpResponse<String> page = knet.send("GET", redirectUrl, null, null, null);
        Matcher trandata = HIDDEN_TRANDATA.matcher(page.body());
        assertThat(trandata.find()).as(page.body()).isTrue();
        HttpResponse<String> paid = knet.send("POST", "/kpg/PaymentHTTP.htm", null,
                "trandata=" + URLEncoder.encode(trandata.group(1), StandardCharsets.UTF_8) + "&choice=PAY", null);
        assertThat(paid.statusCode()).isLessThan(400);

        String debitAccount = newAccount(first);
        String fileName = "NBK_" + System.currentTimeMillis() + ".csv";
        ResultFileBuilder.file("NBK", "EXT-" + UUID.randomUUID().toString().substring(0, 8))
                .collected(debitAccount, "NBK-MND-EXT", "26.500", "20261127")
                .drop(DATA.resolve("direct-debit/inbox/NBK"), fileName);
        Path ack = DATA.resolve("direct-debit/outbox/NBK/" + fileName + ".ack.csv");
        await("acknowledgement").atMost(Duration.ofMinutes(2)).until(() -> Files.exists(ack));
        String debitPayment = Files.readAllLines(ack).get(1).split(",")[3];

        for (String payment : List.of(branchPayment, onlinePayment, debitPayment)) {
            await(payment + " posted").atMost(Duration.ofMinutes(2)).until(() ->
                    "POSTED".equals(json(first.send("GET", "/api/v1/payments/" + payment, secrets.ops(), null, null)).path("status").asText()));
        }
        awaitOutboxRelayed();
        Map<String, Integer> events = cardSystem.drainPosted(Duration.ofSeconds(3));
        assertThat(events).containsEntry(branchPayment, 1).containsEntry(onlinePayment, 1).containsEntry(debitPayment, 1);

        String scrape = first.send("GET", "/actuator/prometheus", secrets.ops(), null, null).body();
        assertThat(scrape).contains("gateway_payments_total{").contains("channel=\"KNET_ONLINE\"");
        System.out.printf("[external] channels: branch %s, KNET %s, direct debit %s posted; events %s%n",
                branchPayment, onlinePayment, debitPayment, events.size());
    }

    @Test
    @Order(2)
    void aBrokerOutageOf30SecondsAndAPostgresRestartUnderLoadLoseNothingAndDoubleNothing() throws Exception {
        List<String> loadAccounts = List.of(newAccount(first), newAccount(first), newAccount(first));
        BranchLoad load = new BranchLoad(List.of(first), secrets.teller(), loadAccounts);
        load.start(2, Integer.MAX_VALUE); // until stopped: the load runs through both faults
        loadRunsThrough(load, "before the faults", Duration.ofSeconds(5));
        engines.stopBroker();
        int brokerDown = loadRunsThrough(load, "the broker down", Duration.ofSeconds(30));
        engines.startBroker();
        loadRunsThrough(load, "the broker back", Duration.ofSeconds(5));
        engines.restartPostgres();
        int afterPostgresRestart = loadRunsThrough(load, "the PostgreSQL restart", Duration.ofSeconds(10));
        BranchLoad.Figures figures = load.stop();
        System.out.println("[external] broker 30 s down and PostgreSQL restarted: " + figures + "; sent while the broker was down "
                + brokerDown + ", from the PostgreSQL restart on " + afterPostgresRestart);
        assertThat(brokerDown).as("requests sent while the broker was down").isPositive();
        assertThat(afterPostgresRestart).as("requests sent from the PostgreSQL restart on").isPositive();

        assertExactlyOnce(load, figures, loadAccounts, "faults");
    }

    @Test
    @Order(3)
    void twoInstancesOneKilledUnderLoadPostEveryPaymentOnceAndShareIdempotency() throws Exception {
        second = ExternalGateway.gateway("gateway-2", engines, secrets, DATA, knet.baseUrl()).start();
        List<String> loadAccounts = List.of(newAccount(first), newAccount(second));

        String key = UUID.randomUUID().toString();
        HttpResponse<String> onFirst = first.send("POST", "/api/v1/branch/payments", secrets.teller(), cash(loadAccounts.get(0)), key);
        HttpResponse<String> onSecond = second.send("POST", "/api/v1/branch/payments", secrets.teller(), cash(loadAccounts.get(0)), key);
        assertThat(onFirst.statusCode()).isEqualTo(201);
        assertThat(onSecond.statusCode()).isEqualTo(onFirst.statusCode());
        assertThat(json(onSecond).path("paymentId").asText()).isEqualTo(json(onFirst).path("paymentId").asText());

        BranchLoad load = new BranchLoad(List.of(first, second), secrets.teller(), loadAccounts);
        load.start(2, 2_000);
        loadRunsThrough(load, "both instances up", Duration.ofSeconds(10));
        first.kill();
        loadRunsThrough(load, "gateway-1 killed", Duration.ofSeconds(15));
        BranchLoad.Figures figures = load.stop();
        load.posted.put(key, json(onFirst).path("paymentId").asText());
        System.out.println("[external] two instances, gateway-1 killed -9 under load: " + figures);

        assertExactlyOnce(load, figures, loadAccounts, "two instances");
        assertThat(figures.retried()).as("the kill made some requests retry on the other instance").isPositive();

        // A request whose handling writes a log line (a reversal logs what it reversed): the line carries the request's id.
        HttpResponse<String> reversal = second.send("POST", "/api/v1/payments/" + json(onFirst).path("paymentId").asText()
                + "/reversal", secrets.ops(), Map.of("reason", "CHARGEBACK"), UUID.randomUUID().toString());
        assertThat(reversal.statusCode()).as(reversal.body()).isEqualTo(200);
        assertNoCardNumberInTheLogs();
    }

    /**
     * One phase of a fault scenario: the load runs on for the phase's length, and at least until it has sent a request
     * in it. Returns how many it sent in the phase.
     */
    private static int loadRunsThrough(BranchLoad load, String phase, Duration length) {
        int before = load.sentSoFar();
        long end = System.nanoTime() + length.toNanos();
        await("the load running through " + phase).atMost(length.plusMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> System.nanoTime() >= end && load.sentSoFar() > before);
        return load.sentSoFar() - before;
    }

    /**
     * Every request that got a 201 is one POSTED payment, no other payment exists on the load's accounts, and each
     * reached the card system's queue exactly once. Prints the figures: sent, retried, posted, lost, doubled.
     */
    private static void assertExactlyOnce(BranchLoad load, BranchLoad.Figures figures, List<String> loadAccounts, String run)
            throws Exception {
        String in = "('" + String.join("','", loadAccounts) + "')";
        Set<String> stored = new HashSet<>();
        try (var db = engines.database(); var sql = db.createStatement();
             var rs = sql.executeQuery("select payment_id, status from payment where account_number in " + in)) {
            while (rs.next()) {
                assertThat(rs.getString("status")).isEqualTo("POSTED");
                stored.add(rs.getString("payment_id"));
            }
        }
        Set<String> answered = new HashSet<>(load.posted.values());
        awaitOutboxRelayed();
        Map<String, Integer> events = cardSystem.drainPosted(Duration.ofSeconds(3));
        long lost = answered.stream().filter(id -> !stored.contains(id)).count() + figures.failures().size();
        long doubled = stored.stream().filter(id -> !answered.contains(id)).count();
        long eventsLost = stored.stream().filter(id -> !events.containsKey(id)).count();
        long eventsDoubled = events.entrySet().stream().filter(e -> stored.contains(e.getKey()) && e.getValue() > 1).count();
        System.out.printf("[external] %s: sent %d, retried %d, posted %d, lost %d, doubled %d; events lost %d, doubled %d%n",
                run, figures.sent(), figures.retried(), stored.size(), lost, doubled, eventsLost, eventsDoubled);

        assertThat(figures.failures()).isEmpty();
        assertThat(answered).hasSize(load.posted.size());
        assertThat(stored).isEqualTo(answered);
        assertThat(eventsLost).isZero();
        assertThat(eventsDoubled).isZero();
        assertThat(engines.count("select coalesce(sum(posted_amount), 0) from payment where account_number in " + in))
                .isEqualTo(stored.size());
    }

    private static void awaitOutboxRelayed() {
        await("events relayed").atMost(Duration.ofMinutes(2)).until(() -> engines.count(
                "select count(*) from payment_event e, event_relay_position p where e.publish and p.relay = 'payment-events'"
                        + " and (e.tx_id, e.id) > (p.tx_id, p.id)") == 0);
    }

    /** JSON lines only, and no card number: none of the tests' account numbers, no 15-16 digit run passing Luhn. */
    private static void assertNoCardNumberInTheLogs() throws Exception {
        List<ExternalGateway> gateways = new ArrayList<>(List.of(first, second));
        List<String> lines = ExternalGateway.logLines(gateways.toArray(ExternalGateway[]::new));
        assertThat(lines).isNotEmpty();
        List<String> jsonLines = lines.stream().filter(l -> l.startsWith("{")).toList();
        assertThat(jsonLines).as("JSON log lines").hasSizeGreaterThan(lines.size() / 2);
        assertThat(jsonLines).as("the reversal's log line, with its request id")
                .anyMatch(l -> l.contains("Reversed payment") && l.contains("\"requestId\""));
        for (String line : jsonLines) {
            JSON.readTree(line);
        }
        for (String line : lines) {
            Matcher run = CARD_LIKE.matcher(line);
            while (run.find()) {
                assertThat(accounts).as("an account number in the log: " + line).doesNotContain(run.group());
                assertThat(luhn(run.group())).as("a card-like number in the log: " + line).isFalse();
            }
        }
    }

    private static boolean luhn(String digits) {
        return luhnSum(digits) % 10 == 0;
    }

    /** A new open KWD account (an Amex-like 15-digit number passing Luhn), the contract's sample statement. */
    private static String newAccount(ExternalGateway gateway) throws Exception {
        String body = "3766" + String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
        String account = body + (10 - luhnSum(body + "0") % 10) % 10;
        Map<String, Object> statement = Map.of("statementDate", "2026-10-25", "dueDate", "2026-11-19", "minimumDue", "25.000",
                "buckets", Map.of("PREVIOUS_FEES", "5.000", "PREVIOUS_PURCHASES", "40.000", "CURRENT_PURCHASES", "455.000"));
        HttpResponse<String> created = gateway.send("PUT", "/api/v1/accounts/" + account, secrets.ops(),
                Map.of("issuer", "amex-kw", "holderName", "External Stage", "currency", "KWD", "product", "CREDIT",
                        "creditLimit", "5000.000", "status", "OPEN", "statement", statement, "unbilled", "0.000"), null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        accounts.add(account);
        return account;
    }

    private static int luhnSum(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
        }
        return sum;
    }

    private static Map<String, Object> cash(String account) {
        return BranchPaymentJson.cash(account, "1.000", "KWD").json();
    }

    private static JsonNode json(HttpResponse<String> answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + answer.body(), e);
        }
    }
}
