package kw.billpay.infra;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import lombok.extern.slf4j.Slf4j;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A job that must run on one gateway instance at a time, however many share the database: the instance that holds
 * PostgreSQL's session advisory lock {@code key} does it, on the connection that holds the lock. PostgreSQL releases
 * the lock when that session ends, so an instance that stops, is killed or loses its connection hands the job over
 * within one poll of another instance, and no lease row can be left behind.
 *
 * <p>The work runs on the lock's own connection: a statement that succeeds there proves the lock is still held (its
 * session is alive), and a statement that fails drops the lease, to be taken again by whichever instance asks first.
 */
@Slf4j
public final class AdvisoryLease implements AutoCloseable {

    private final DataSource dataSource;
    private final String name;
    private final long key;
    private Connection connection;
    private JdbcTemplate jdbc;

    /** @param key the lock's number, the same on every instance and different for every job */
    public AdvisoryLease(DataSource dataSource, String name, long key) {
        this.dataSource = dataSource;
        this.name = name;
        this.key = key;
    }

    /**
     * Runs {@code work} on the lease's connection if this instance holds the lease or can take it now; empty when
     * another instance holds it. A database failure drops the lease and is thrown on.
     */
    public synchronized <T> Optional<T> ifHeld(Function<JdbcTemplate, T> work) {
        if (jdbc == null && !take()) {
            return Optional.empty();
        }
        try {
            return Optional.of(work.apply(jdbc));
        } catch (DataAccessException e) {
            drop();
            throw e;
        }
    }

    /** Whether this instance holds the lease now (for tests and health). */
    public synchronized boolean held() {
        return jdbc != null;
    }

    private boolean take() {
        Connection candidate = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement lock = candidate.prepareStatement("select pg_try_advisory_lock(?)")) {
            lock.setLong(1, key);
            try (ResultSet rs = lock.executeQuery()) {
                if (rs.next() && rs.getBoolean(1)) {
                    connection = candidate;
                    jdbc = new JdbcTemplate(new SingleConnectionDataSource(candidate, true));
                    log.info("This instance now runs {} (PostgreSQL advisory lock {})", name, key);
                    return true;
                }
            }
        } catch (SQLException e) {
            log.debug("Could not ask for the lease of {}: {}", name, e.toString());
        }
        DataSourceUtils.releaseConnection(candidate, dataSource);
        return false;
    }

    private void drop() {
        log.warn("This instance lost the lease of {}; the first instance to ask takes it over", name);
        Connection lost = connection;
        connection = null;
        jdbc = null;
        try {
            lost.close(); // a pooled connection goes back to the pool, which evicts it when broken
        } catch (SQLException e) {
            log.debug("Closing the lease's connection of {}: {}", name, e.toString());
        }
    }

    /** Hands the lease back at once (the session's lock goes with the unlock), for another instance to take. */
    @Override
    public synchronized void close() {
        if (connection == null) {
            return;
        }
        try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            unlock.setLong(1, key);
            unlock.execute();
        } catch (SQLException e) {
            log.debug("Unlocking {}: {}", name, e.toString());
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("Closing the lease's connection of {}: {}", name, e.toString());
        }
        connection = null;
        jdbc = null;
    }
}
