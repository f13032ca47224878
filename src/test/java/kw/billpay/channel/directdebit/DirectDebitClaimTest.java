package kw.billpay.channel.directdebit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import kw.billpay.infra.BankInbox;
import kw.billpay.infra.FileClaims;
import kw.billpay.support.GatewayIntegrationTest;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

/**
 * The inbox's claim on a file as two gateway instances on the same folders see it: two {@link FileClaims} (what
 * {@code directDebitInbox} claims with) on the gateway's PostgreSQL, table {@code direct_debit_claim}. The holder keeps
 * its claim fresh; a claim whose holder stopped refreshing it (a dead instance) is taken over after the maximum age, by
 * exactly one instance, which then keeps it fresh in turn. Short ages here; the keys are never real inbox paths, and
 * only this test's rows are deleted afterwards.
 */
class DirectDebitClaimTest extends GatewayIntegrationTest {

    /** Long enough that a keep-alive thread held up for a second or two on a busy 2-core machine still refreshes in time. */
    private static final long MAX_AGE_MILLIS = 3000;
    private static final long KEEP_ALIVE_MILLIS = 300;
    private static final String KEY_PREFIX = "/claim-test/";

    @Autowired
    DataSource dataSource;

    @Autowired
    CamelContext camel;

    private final List<FileClaims> instances = new ArrayList<>();

    @AfterEach
    void stopInstancesAndDeleteTheirRows() {
        instances.forEach(FileClaims::stop);
        jdbc.update("delete from direct_debit_claim where path like ?", KEY_PREFIX + "%");
    }

    /** One gateway instance's claims, as the directDebitInbox holds them (BankInbox), with short ages. */
    private FileClaims instance() {
        FileClaims claims = new FileClaims(jdbc, "direct_debit_claim", "claim-test/" + UUID.randomUUID(), Duration.ofMillis(MAX_AGE_MILLIS),
                Duration.ofMillis(KEEP_ALIVE_MILLIS));
        claims.start();
        instances.add(claims);
        return claims;
    }

    private static String key() {
        return KEY_PREFIX + UUID.randomUUID() + "/inbox/NBK/result.csv";
    }

    private Timestamp claimedAt(String key) {
        List<Timestamp> rows = jdbc.queryForList("select refreshed_at from direct_debit_claim where path = ?", Timestamp.class, key);
        assertThat(rows).hasSizeLessThanOrEqualTo(1);
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Test
    void aClaimHeldAndKeptAliveByOneInstanceCannotBeTakenByAnother() {
        FileClaims first = instance();
        FileClaims second = instance();
        String key = key();

        assertThat(first.add(key)).isTrue();
        Timestamp claimed = claimedAt(key);

        assertThat(second.add(key)).isFalse();
        assertThat(second.contains(key)).isTrue();
        assertThat(first.add(key)).as("not even the holder claims it twice").isFalse();
        // for longer than the maximum age the holder's keep-alive refreshes the claim, and the other instance never gets it
        await().during(Duration.ofMillis(MAX_AGE_MILLIS + 1_500)).atMost(Duration.ofMillis(MAX_AGE_MILLIS + 3_500))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !second.add(key));
        assertThat(claimedAt(key)).as("refreshed by the keep-alive").isAfter(claimed);
        assertThat(second.contains(key)).isTrue();

        // released by its holder (the file is done): the other instance may take it at once
        assertThat(first.remove(key)).isTrue();
        assertThat(claimedAt(key)).isNull();
        assertThat(second.add(key)).isTrue();
        assertThat(first.add(key)).isFalse();
    }

    @Test
    void aClaimWhoseHolderStoppedRefreshingItIsTakenOverAfterTheMaximumAge() {
        FileClaims first = instance();
        FileClaims second = instance();
        String key = key();
        assertThat(first.add(key)).isTrue();

        // the first instance dies: its keep-alive stops, and nobody removes its claim
        first.stop();
        Timestamp lastRefresh = claimedAt(key);
        assertThat(lastRefresh).isNotNull();
        assertThat(second.add(key)).as("still fresh").isFalse();

        await().atMost(Duration.ofMillis(MAX_AGE_MILLIS + 3_000)).pollInterval(Duration.ofMillis(50)).until(() -> second.add(key));

        // taken no sooner than the maximum age after the last refresh, both read on the database's clock
        Timestamp takenOver = claimedAt(key);
        assertThat(takenOver.getTime() - lastRefresh.getTime()).as("millis from the last refresh to the take-over")
                .isGreaterThanOrEqualTo(MAX_AGE_MILLIS);
        assertThat(first.add(key)).as("the dead instance's repository is shut down, but the row is what counts").isFalse();
        assertThat(second.contains(key)).isTrue();
    }

    /** After taking a claim over, the taker keeps it alive like one it made: nobody else takes the file meanwhile. */
    @Test
    void aClaimTakenOverIsKeptAliveByItsNewHolder() {
        FileClaims first = instance();
        FileClaims second = instance();
        String key = key();
        assertThat(first.add(key)).isTrue();
        first.stop();
        await().atMost(Duration.ofMillis(MAX_AGE_MILLIS + 3_000)).pollInterval(Duration.ofMillis(50)).until(() -> second.add(key));

        FileClaims third = instance();
        await().during(Duration.ofMillis(MAX_AGE_MILLIS + 1_500)).atMost(Duration.ofMillis(MAX_AGE_MILLIS + 3_500))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !third.add(key));
    }

    /** Two live instances finding the same expired claim at once: exactly one takes it. */
    @Test
    void atMostOneOfTwoInstancesTakesOverAnExpiredClaim() throws Exception {
        FileClaims first = instance();
        FileClaims second = instance();
        for (int i = 0; i < 20; i++) {
            String key = key();
            jdbc.update("insert into direct_debit_claim (path, owner, refreshed_at) values (?, 'dead-instance', ?)",
                    key, new Timestamp(System.currentTimeMillis() - 60_000)); // left by a dead instance
            CyclicBarrier together = new CyclicBarrier(2);
            CompletableFuture<Boolean> one = CompletableFuture.supplyAsync(() -> addTogether(first, key, together));
            CompletableFuture<Boolean> other = CompletableFuture.supplyAsync(() -> addTogether(second, key, together));

            assertThat(List.of(one.get(10, TimeUnit.SECONDS), other.get(10, TimeUnit.SECONDS)))
                    .as("race %s", i).containsOnlyOnce(true);
        }
    }

    private static boolean addTogether(FileClaims claims, String key, CyclicBarrier together) {
        try {
            together.await(10, TimeUnit.SECONDS);
            return claims.add(key);
        } catch (DuplicateKeyException e) {
            return false; // a refused claim (a key violation) is a lost race; any other failure fails the test
        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theGatewaysOwnClaimsLiveInTheSameTable() {
        FileClaims other = instance();
        String key = key();
        BankInbox gateways = camel.getRegistry().lookupByNameAndType("directDebitInbox", BankInbox.class);
        assertThat(gateways).isNotNull();
        assertThat(gateways.isStarted()).as("its keep-alive runs").isTrue();

        assertThat(gateways.add(key)).isTrue();
        try {
            assertThat(other.add(key)).isFalse();
        } finally {
            gateways.remove(key);
        }
        assertThat(other.add(key)).isTrue();
    }
}
