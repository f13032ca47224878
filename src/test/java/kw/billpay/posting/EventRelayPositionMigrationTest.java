package kw.billpay.posting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import kw.billpay.testkit.MigrationDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migration V4 on a database that V1-V3 left with events in the outbox: the events still waiting are relayed after
 * the upgrade, those already relayed are not relayed again, and new events queue behind the waiting ones.
 */
class EventRelayPositionMigrationTest {

    @Test
    void eventsWaitingAtTheUpgradeAreRelayedAndThoseAlreadyRelayedAreNot(@TempDir Path dataDir) throws Exception {
        try (MigrationDatabase database = MigrationDatabase.at(dataDir, "3")) {
            JdbcTemplate jdbc = database.jdbc;
            UUID payment = UUID.randomUUID();
            jdbc.update("""
                    insert into payment (payment_id, source_key, channel, method, status, account_number, received_amount,
                                         received_currency, billing_currency, received_at)
                    values (?, 'migration-test', 'BRANCH', 'CASH', 'RECEIVED', '376600000000001', 1, 'KWD', 'KWD', now())""", payment);
            String insertEvent = "insert into payment_event (payment_id, occurred_at, type, actor, publish, published_at)"
                    + " values (?, now(), ?, 'test', ?, ?::timestamptz)";
            jdbc.update(insertEvent, payment, "RELAYED", true, "2026-11-20T10:00:00Z");
            jdbc.update(insertEvent, payment, "WAITING_1", true, null);
            jdbc.update(insertEvent, payment, "AUDIT_ONLY", false, null);
            jdbc.update(insertEvent, payment, "WAITING_2", true, null);

            database.migrateTo("4");
            jdbc.update("insert into payment_event (payment_id, occurred_at, type, actor, publish) values (?, now(), 'NEW', 'test', true)", payment);

            assertThat(jdbc.queryForList("select type from payment_event_unpublished order by tx_id, id", String.class))
                    .containsExactly("WAITING_1", "WAITING_2", "NEW");
            PaymentOutbox outbox = new PaymentOutbox(jdbc.getDataSource());
            List<PaymentOutbox.OutboxEvent> batch = outbox.nextBatch(2);
            assertThat(batch).hasSize(2);
            outbox.markPublished(batch);
            assertThat(jdbc.queryForList("select type from payment_event_unpublished", String.class)).containsExactly("NEW");
            assertThat(outbox.nextBatch(10)).hasSize(1);
        }
    }
}
