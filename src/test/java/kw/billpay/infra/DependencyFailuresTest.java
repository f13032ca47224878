package kw.billpay.infra;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures are an engine away (a 503 to retry) and which are a fault of the gateway (a 500). */
class DependencyFailuresTest {

    @Test
    void anEngineAwayIsToldFromAFault() {
        assertThat(DependencyFailures.isEngineAway(new CannotGetJdbcConnectionException("pool",
                new SQLTransientConnectionException("gateway-db - Connection is not available, request timed out after 2500ms")))).isTrue();
        assertThat(DependencyFailures.isEngineAway(new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(DependencyFailures.isEngineAway(new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(DependencyFailures.isEngineAway(new SQLException("An I/O error occurred while sending to the backend.", "08006"))).isTrue();
        assertThat(DependencyFailures.isEngineAway(new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed")))).isTrue();
        assertThat(DependencyFailures.isEngineAway(new IllegalStateException(new JMSException("AMQ219007: Cannot connect to server(s)")))).isTrue();

        assertThat(DependencyFailures.isEngineAway(new DataIntegrityViolationException("duplicate key", new SQLException("dup", "23505")))).isFalse();
        assertThat(DependencyFailures.isEngineAway(new NullPointerException())).isFalse();
        assertThat(DependencyFailures.isEngineAway(new SQLException("syntax error", "42601"))).isFalse();
    }
}
