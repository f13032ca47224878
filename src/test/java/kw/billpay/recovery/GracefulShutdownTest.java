package kw.billpay.recovery;

import kw.billpay.testkit.AccountJson;
import kw.billpay.testkit.BranchPaymentJson;
import kw.billpay.testkit.GatewayProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
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
 * A clean stop (SIGTERM, as an orchestrator stops a container) while tellers post: the payments in flight are finished
 * and answered, none is answered with a server error, and the embedded PostgreSQL stops only after the connection
 * pool, Camel and the web server are done with it. The gateway is the one {@link SharedGateway} starts, left restarted
 * and healthy.
 */
@Tag("crash")
@Execution(ExecutionMode.CONCURRENT) // beside the in-process tests (pom.xml, surefire)
@ResourceLock(SharedGateway.LOCK)
@ExtendWith(SharedGateway.class)
class GracefulShutdownTest {

    private static final int PAYMENTS = 400;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPS = "ops:ops-demo";
    private static final String TELLER = "teller:teller-demo";
    /** What a request whose connection broke is recorded as: its outcome is unknown to the teller. */
    private static final int BROKEN_CONNECTION = -1;

    @Test
    void aSigtermFinishesThePaymentsInFlightBeforeTheDatabaseStops(GatewayProcess gateway) throws Exception {
        Path log = gateway.log();
        String account = "376611111111" + String.format("%03d", System.nanoTime() % 1000);
        assertThat(gateway.send("PUT", "/api/v1/accounts/" + account, OPS, AccountJson.sample().holder("Shutdown Test")
                .creditLimit("5000.000").unbilled("0.000").computedMinimumDue().buckets(Map.of("CURRENT_PURCHASES", "3000.000")).json(), null).statusCode()).isEqualTo(201);

        // Four tellers post; SIGTERM arrives once 40 payments are answered, with others in flight.
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        Map<Integer, String> paymentIds = new ConcurrentHashMap<>();
        AtomicInteger answered = new AtomicInteger();
        ExecutorService tellers = Executors.newFixedThreadPool(4);
        for (int i = 0; i < PAYMENTS; i++) {
            int n = i;
            tellers.submit(() -> {
                try {
                    HttpResponse<String> answer = gateway.send("POST", "/api/v1/branch/payments", TELLER,
                            BranchPaymentJson.cash(account, "1.000", "KWD").json(), "shutdown-" + n);
                    statuses.put(n, answer.statusCode());
                    if (answer.statusCode() == 201) {
                        paymentIds.put(n, JSON.readTree(answer.body()).path("paymentId").asText());
                        answered.incrementAndGet();
                    }
                } catch (IOException e) {
                    statuses.put(n, BROKEN_CONNECTION);
                }
                return null;
            });
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> answered.get() >= 40);
        long logBeforeStop = Files.size(log); // the shared gateway's log: what came before is another test's
        gateway.stop();
        tellers.shutdown();
        assertThat(tellers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        // Every request was either answered 201 or never taken (its connection refused or closed): no server error.
        assertThat(statuses.values()).as("HTTP statuses of the payments").isSubsetOf(List.of(201, BROKEN_CONNECTION));
        assertThat(paymentIds.size()).isLessThan(PAYMENTS);

        // The database stopped last: after the pool closed, which is after Camel and the web server stopped.
        byte[] logged = Files.readAllBytes(log);
        String text = new String(logged, (int) logBeforeStop, logged.length - (int) logBeforeStop, StandardCharsets.UTF_8);
        int poolClosed = text.indexOf("gateway-db - Shutdown completed");
        int camelStopped = text.indexOf(") shutdown in ");
        int databaseStopped = text.indexOf("shut down postmaster");
        assertThat(camelStopped).as("Camel's shutdown line in " + log).isPositive();
        assertThat(poolClosed).as("the pool's shutdown line in " + log).isGreaterThan(camelStopped);
        assertThat(databaseStopped).as("the database's shutdown line in " + log).isGreaterThan(poolClosed);
        assertThat(text).doesNotContain("57P01"); // PostgreSQL's admin_shutdown, as seen by a connection in use

        // Restarted on the same data: every payment answered 201 is posted; no other payment was left half-done.
        gateway.start();
        try (Connection db = gateway.database()) {
            for (String paymentId : paymentIds.values()) {
                assertThat(GatewayProcess.count(db, "select count(*) from payment where status = 'POSTED' and payment_id = '"
                        + paymentId + "'")).as(paymentId).isEqualTo(1);
            }
            long broken = statuses.values().stream().filter(s -> s == BROKEN_CONNECTION).count();
            assertThat(GatewayProcess.count(db, "select count(*) from payment where account_number = '" + account + "'"))
                    .isBetween((long) paymentIds.size(), paymentIds.size() + broken);
        }
    }
}
