package kw.billpay.channel.knet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import kw.billpay.testkit.MigrationDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migration V12 on a database an earlier version left: intents waiting for KNET are scheduled to be asked about at
 * once, and the tranportal id and password already stored in callbacks are masked.
 */
class KnetResolutionMigrationTest {

    @Test
    void waitingIntentsAreScheduledAndStoredSecretsMasked(@TempDir Path dataDir) throws Exception {
        try (MigrationDatabase database = MigrationDatabase.at(dataDir, "5")) {
            JdbcTemplate jdbc = database.jdbc;
            UUID waiting = payment(jdbc, "INITIATED", "KNET");
            payment(jdbc, "FAILED", "KNET");
            payment(jdbc, "POSTED", "CASH");
            jdbc.update("""
                    insert into knet_callback (endpoint, form, plain_text, track_id, payment_id, result, outcome)
                    values ('response', '{"trandata": "00ff", "password": "demo-password", "paymentid": "1"}'::jsonb,
                            'id=demo-tranportal&password=demo-password&action=1&amt=10.000&trackid=T1', 'T1', ?, null, 'ACCEPTED')""",
                    waiting);

            database.migrateTo("12");

            assertThat(jdbc.queryForList("select payment_id from knet_inquiry_schedule where purpose = 'RESOLVE'", UUID.class))
                    .containsExactly(waiting);
            assertThat(jdbc.queryForObject("select plain_text from knet_callback", String.class))
                    .isEqualTo("id=****&password=****&action=1&amt=10.000&trackid=T1");
            assertThat(jdbc.queryForObject("select form::text from knet_callback", String.class))
                    .contains("\"password\": \"****\"", "\"trandata\": \"00ff\"", "\"paymentid\": \"1\"");
            assertThat(jdbc.queryForObject("select repeats from knet_callback", Integer.class)).isZero();
        }
    }

    private static UUID payment(JdbcTemplate jdbc, String status, String method) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into payment (payment_id, source_key, channel, method, status, account_number, received_amount,
                                     received_currency, billing_currency, received_at, posted_amount, credit_balance_part, value_time)
                values (?, ?, 'KNET_ONLINE', ?, ?, '376600000000001', 1, 'KWD', 'KWD', now(), 1, 0, now())""",
                id, "test:" + id, method, status);
        return id;
    }
}
