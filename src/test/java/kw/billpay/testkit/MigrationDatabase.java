package kw.billpay.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An embedded PostgreSQL that a migration's test brings to one Flyway version at a time: the data an earlier version
 * left is written at that version, then the migration under test runs over it.
 */
public final class MigrationDatabase implements AutoCloseable {

    /** The account the rows of a migration test belong to. */
    public static final String ACCOUNT = "376600000000001";

    private final EmbeddedPostgres postgres;
    public final JdbcTemplate jdbc;

    private MigrationDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
    }

    /** A new database in {@code dataDir}, migrated up to {@code version}, with {@link #ACCOUNT} in it. */
    public static MigrationDatabase at(Path dataDir, String version) throws IOException {
        MigrationDatabase database = new MigrationDatabase(EmbeddedPostgres.builder().setDataDirectory(dataDir).start());
        database.migrateTo(version);
        database.jdbc.update("""
                insert into account (account_number, issuer_id, holder_name, currency, product, credit_limit, status,
                                     statement_date, due_date, minimum_due, minimum_due_computed)
                values (?, 'amex-kw', 'Holder', 'KWD', 'CREDIT', 1000, 'OPEN', '2026-10-25', '2026-11-19', 0, false)""",
                ACCOUNT);
        return database;
    }

    public void migrateTo(String version) {
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").target(version)
                .load().migrate();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
