package kw.billpay.external;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import kw.billpay.testkit.BranchPaymentJson;

/**
 * Tellers taking 1.000 KWD cash payments without a pause, spread over the gateway instances, each request with its own
 * Idempotency-Key, retried as a client following the contract retries: on a 503 (which must carry Retry-After) or a
 * connection that failed, the same request with the same key, on the next instance. Bounded in time and count.
 */
final class BranchLoad {

    static final String AMOUNT = "1.000";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

    /** The figures the lead reports: requests sent, retried, posted (first answers 201), lost, answered otherwise. */
    record Figures(int sent, int retried, int answered503, int connectionFailures, int posted, List<String> failures) {
        @Override
        public String toString() {
            return "requests sent " + sent + ", retried " + retried + " (503 answers " + answered503
                    + ", failed connections " + connectionFailures + "), posted " + posted + ", not posted " + failures.size();
        }
    }

    private final List<ExternalGateway> instances;
    private final String teller;
    private final List<String> accounts;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger retried = new AtomicInteger();
    private final AtomicInteger answered503 = new AtomicInteger();
    private final AtomicInteger connectionFailures = new AtomicInteger();
    /** Idempotency-Key -> paymentId of its 201. */
    final Map<String, String> posted = new ConcurrentHashMap<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private ExecutorService workers;
    private final List<Future<?>> inFlight = new ArrayList<>();

    BranchLoad(List<ExternalGateway> instances, String teller, List<String> accounts) {
        this.instances = instances;
        this.teller = teller;
        this.accounts = accounts;
    }

    /** Starts {@code threads} tellers, each sending at most {@code maximum} requests until {@link #stop()}. */
    void start(int threads, int maximum) {
        workers = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            inFlight.add(workers.submit(() -> {
                for (int i = 0; i < maximum && running.get(); i++) {
                    request(thread, i);
                }
                return null;
            }));
        }
    }

    /** Requests sent so far: read between faults to show the load still ran through each of them. */
    int sentSoFar() {
        return sent.get();
    }

    /** Stops sending new requests and waits for those in flight (retries included). */
    Figures stop() throws Exception {
        running.set(false);
        for (Future<?> worker : inFlight) {
            worker.get(5, TimeUnit.MINUTES);
        }
        workers.shutdown();
        return new Figures(sent.get(), retried.get(), answered503.get(), connectionFailures.get(), posted.size(), List.copyOf(failures));
    }

    private void request(int thread, int i) throws InterruptedException {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = BranchPaymentJson.cash(accounts.get((thread + i) % accounts.size()), AMOUNT, "KWD").json();
        sent.incrementAndGet();
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        boolean wasRetried = false;
        for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
            ExternalGateway instance = instances.get((thread + i + attempt) % instances.size());
            try {
                HttpResponse<String> answer = instance.send("POST", "/api/v1/branch/payments", teller, body, key);
                if (answer.statusCode() == 201) {
                    posted.put(key, paymentId(answer.body()));
                    return;
                }
                if (answer.statusCode() != 503 || answer.headers().firstValue("Retry-After").isEmpty()) {
                    failures.add(instance.name + " answered " + answer.statusCode() + ": " + answer.body());
                    return;
                }
                answered503.incrementAndGet();
            } catch (IOException e) {
                connectionFailures.incrementAndGet();
            }
            if (!wasRetried) {
                retried.incrementAndGet();
                wasRetried = true;
            }
            Thread.sleep(500);
        }
        failures.add("gave up after " + GIVE_UP_AFTER + " on key " + key);
    }

    private static String paymentId(String body) {
        try {
            JsonNode payment = JSON.readTree(body);
            return payment.path("paymentId").asText();
        } catch (IOException e) {
            throw new IllegalStateException("a 201 that is not JSON: " + body, e);
        }
    }
}
