package kw.billpay.infra;

import jakarta.jms.JMSException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jms.JmsException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure of the gateway's engines (PostgreSQL or the broker unreachable, restarting, out of connections) from a
 * fault of the gateway. Such a failure is temporary and changed nothing that a retry with the same Idempotency-Key does
 * not find: the caller gets 503 with Retry-After (web.ProblemHandler), never a 500.
 */
public final class DependencyFailures {

    /** Seconds a client should wait before retrying after a 503 for an engine that is away. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /**
     * PostgreSQL's SQLSTATEs of a server that is away or going: class 08 (connection exception), 57P01-57P03 (admin
     * shutdown, crash shutdown, cannot connect now: starting or in recovery), 53300 (too many connections).
     */
    private static final Set<String> SERVER_AWAY = Set.of("57P01", "57P02", "57P03", "53300");

    private DependencyFailures() {
    }

    /** Whether this failure, or one of its causes, is an engine being away rather than a fault of the gateway. */
    public static boolean isEngineAway(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException // Hikari: no connection within connection-timeout
                    || t instanceof SQLRecoverableException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof JMSException
                    || t instanceof JmsException) {
                return true;
            }
            // a commit or rollback that failed in the driver: the connection broke under it (PostgreSQL restarted). The
            // request's outcome is either committed, and the retry with the same key gets the first answer, or not.
            if (t instanceof TransactionSystemException system
                    && (system.getApplicationException() != null && isEngineAway(system.getApplicationException())
                        || system.getCause() instanceof SQLException)) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || SERVER_AWAY.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
