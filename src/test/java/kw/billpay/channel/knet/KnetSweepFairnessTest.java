package kw.billpay.channel.knet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kw.billpay.knetsim.KnetSimulatorInquiry.Scripted;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sweep is bounded and fair: each run asks KNET about a limited batch, the longest due first, and a payment KNET
 * does not answer waits a growing back-off before it is asked again, so a crowd of payments KNET never answers does
 * not starve the newer ones behind it.
 */
class KnetSweepFairnessTest extends KnetIntegrationTest {

    private static final int UNANSWERED = 500;

    private final List<Started> unanswered = new ArrayList<>();

    @Autowired
    KnetProperties knetProperties;

    @Test
    void fiveHundredPaymentsKnetNeverAnswersDoNotStarveNewerOnes() throws Exception {
        String account = newAccount("KWD");
        ExecutorService backEnds = Executors.newFixedThreadPool(4);
        try {
            List<Future<Started>> starts = new ArrayList<>();
            for (int i = 0; i < UNANSWERED; i++) {
                starts.add(backEnds.submit(() -> start(account, "3.000")));
            }
            for (Future<Started> s : starts) {
                Started started = s.get();
                knetInquiry.script(started.trackId(), new Scripted(503, "text/html", e -> "<html>busy</html>", Duration.ZERO));
                unanswered.add(started);
            }
        } finally {
            backEnds.shutdownNow();
        }
        List<Started> newer = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Started started = start(account, "4.000");
            simulator.captureWithoutCallback(started.trandata()); // no callback: only the sweep will find them
            newer.add(started);
        }
        // every one of them is overdue once KNET_RESOLVE_AFTER has passed on the gateway's clock: no need to wait for
        // it; the 500 came first, so they are still due first
        clock.advance(knetProperties.resolveAfter().plusSeconds(1));

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> newer.stream().allMatch(s -> status(s.paymentId()).equals("POSTED")));

        // each of the 500 was asked before the newer ones (they were due first), none was posted or failed, and each
        // waits a back-off of at least a minute between inquiries
        assertThat(jdbc.queryForObject("select count(*) from knet_inquiry_schedule where attempts >= 1"
                + " and next_ask_at >= last_asked_at + interval '1 minute' and payment_id = any (?::uuid[])", Integer.class,
                (Object) ids(unanswered))).isEqualTo(UNANSWERED);
        assertThat(jdbc.queryForObject("select count(*) from payment where status = 'INITIATED' and payment_id = any (?::uuid[])",
                Integer.class, (Object) ids(unanswered))).isEqualTo(UNANSWERED);
        assertThat(unanswered).allSatisfy(s -> assertThat(knetInquiry.requestsFor(s.trackId())).isNotEmpty());
    }

    @AfterEach
    void forgetTheUnanswered() {
        // the 500 stay INITIATED; they are no one else's concern in the shared gateway
        unanswered.forEach(s -> knetInquiry.unscript(s.trackId()));
        jdbc.update("delete from knet_inquiry_schedule where payment_id = any (?::uuid[])", (Object) ids(unanswered));
    }

    private static String[] ids(List<Started> payments) {
        return payments.stream().map(Started::paymentId).toArray(String[]::new);
    }
}
