package kw.billpay.recovery;

import kw.billpay.testkit.AccountJson;
import kw.billpay.testkit.BranchPaymentJson;
import kw.billpay.testkit.GatewayProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Exactly once, nothing lost, with a real crash: tellers post payments while the gateway process is killed with
 * SIGKILL; it restarts on the same data directory, every teller retries every payment with its Idempotency-Key (as
 * a client that saw a broken connection must), and each payment is on the account exactly once, every balance exact,
 * every event published. The gateway is the one {@link SharedGateway} starts, left restarted and healthy.
 */
@Tag("crash")
@Execution(ExecutionMode.CONCURRENT) // beside the in-process tests (pom.xml, surefire)
@ResourceLock(SharedGateway.LOCK)
@ExtendWith(SharedGateway.class)
class CrashRecoveryTest {

    private static final int PAYMENTS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPS = "ops:ops-demo";
    private static final String TELLER = "teller:teller-demo";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void killedMidFlowThenRestartedEveryPaymentIsPostedOnce(GatewayProcess gateway) throws Exception {
        String account = "376600000000" + String.format("%03d", System.nanoTime() % 1000);
        assertThat(gateway.send("PUT", "/api/v1/accounts/" + account, OPS, AccountJson.sample().holder("Crash Test").creditLimit("5000.000").unbilled("0.000").computedMinimumDue()
                .buckets(Map.of("PREVIOUS_FEES", "100.000", "CURRENT_PURCHASES", "1000.000")).json(), null).statusCode()).isEqualTo(201);

        // Four tellers post; the gateway is killed once a third of the payments are acknowledged.
        Map<Integer, String> firstAnswers = new ConcurrentHashMap<>();
        AtomicInteger acknowledged = new AtomicInteger();
        ExecutorService tellers = Executors.newFixedThreadPool(4);
        for (int i = 0; i < PAYMENTS; i++) {
            int n = i;
            tellers.submit(() -> {
                try {
                    HttpResponse<String> answer = gateway.send("POST", "/api/v1/branch/payments", TELLER, payment(account, n), "crash-" + n);
                    if (answer.statusCode() == 201) {
                        firstAnswers.put(n, answer.body());
                        acknowledged.incrementAndGet();
                    }
                } catch (IOException e) {
                    // the connection broke with the gateway: outcome unknown, the teller will retry
                }
                return null;
            });
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.get() >= PAYMENTS / 3);
        gateway.kill();
        tellers.shutdown();
        assertThat(tellers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(firstAnswers.size()).isLessThan(PAYMENTS);

        gateway.start();

        // Everything acknowledged before the crash survived it.
        for (Map.Entry<Integer, String> first : firstAnswers.entrySet()) {
            String paymentId = JSON.readTree(first.getValue()).path("paymentId").asText();
            JsonNode stored = JSON.readTree(gateway.send("GET", "/api/v1/payments/" + paymentId, OPS, null, null).body());
            assertThat(stored.path("status").asText()).isEqualTo("POSTED");
        }
        // Every teller retries every payment with the same key.
        for (int n = 0; n < PAYMENTS; n++) {
            HttpResponse<String> retry = gateway.send("POST", "/api/v1/branch/payments", TELLER, payment(account, n), "crash-" + n);
            assertThat(retry.statusCode()).as("payment %d: %s", n, retry.body()).isEqualTo(201);
            if (firstAnswers.containsKey(n)) {
                assertThat(retry.body()).isEqualTo(firstAnswers.get(n)); // the first answer, again
            }
        }

        BigDecimal total = BigDecimal.ZERO;
        for (int n = 0; n < PAYMENTS; n++) {
            total = total.add(amount(n));
        }
        JsonNode view = JSON.readTree(gateway.send("GET", "/api/v1/accounts/" + account, OPS, null, null).body());
        assertThat(new BigDecimal(view.path("totalOwed").asText())).isEqualByComparingTo(new BigDecimal("1100.000").subtract(total));
        JsonNode reconciliation = JSON.readTree(gateway.send("GET", "/api/v1/reconciliation", OPS, null, null).body());
        assertThat(reconciliation.path("balanced").asBoolean()).isTrue();

        try (Connection db = gateway.database()) {
            assertThat(GatewayProcess.count(db, "select count(*) from payment where account_number = '" + account + "'")).isEqualTo(PAYMENTS);
            assertThat(GatewayProcess.count(db, "select count(distinct source_key) from payment where account_number = '" + account + "'")).isEqualTo(PAYMENTS);
            assertThat(GatewayProcess.count(db, "select count(*) from idempotency_record where idempotency_key like 'crash-%'")).isEqualTo(PAYMENTS);
            // every posted payment's event reaches the topic: none left in the outbox
            await().atMost(Duration.ofSeconds(20)).until(() -> GatewayProcess.count(db,
                    "select count(*) from payment_event_unpublished") == 0);
            assertThat(GatewayProcess.count(db, "select count(*) from payment_event e join payment p using (payment_id) "
                    + "where p.account_number = '" + account + "' and e.publish")).isEqualTo(PAYMENTS);
        }
    }

    private static Map<String, Object> payment(String account, int n) {
        return BranchPaymentJson.cash(account, amount(n).toPlainString(), "KWD").json();
    }

    /** 1.001, 1.002, … so that a payment posted twice or lost would show in the total. */
    private static BigDecimal amount(int n) {
        return new BigDecimal("1.000").add(BigDecimal.valueOf(n + 1, 3));
    }

}
