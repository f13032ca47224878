package kw.billpay.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two instances' leases of one job on one PostgreSQL: one works at a time, and the job moves on when it is let go. */
class AdvisoryLeaseTest {

    private static final long KEY = 4242;

    @Test
    void oneInstanceAtATimeAndTheOtherTakesOverWhenTheFirstLetsGoOrLosesItsSession(@TempDir Path dataDir) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).start()) {
            DataSource database = postgres.getPostgresDatabase();
            AdvisoryLease first = new AdvisoryLease(database, "job", KEY);
            AdvisoryLease second = new AdvisoryLease(database, "job", KEY);

            assertThat(first.ifHeld(jdbc -> "first")).contains("first");
            assertThat(second.ifHeld(jdbc -> "second")).isEmpty();
            assertThat(first.ifHeld(jdbc -> "first again")).contains("first again");

            first.close();
            assertThat(second.ifHeld(jdbc -> "second")).contains("second");
            assertThat(first.ifHeld(jdbc -> "first")).isEmpty();

            // the holder's session ends (PostgreSQL restarted, connection cut): its next statement fails and drops the
            // lease, and the other instance takes it
            new JdbcTemplate(database).queryForList("select pg_terminate_backend(pid) from pg_locks"
                    + " where locktype = 'advisory' and objid = " + KEY);
            assertThatThrownBy(() -> second.ifHeld(jdbc -> jdbc.queryForObject("select 1", Integer.class)))
                    .isInstanceOf(DataAccessException.class);
            assertThat(second.held()).isFalse();
            Optional<Integer> taken = first.ifHeld(jdbc -> jdbc.queryForObject("select 1", Integer.class));
            assertThat(taken).contains(1);
            first.close();
            second.close();
        }
    }
}
