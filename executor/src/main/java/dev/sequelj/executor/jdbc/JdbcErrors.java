package dev.sequelj.executor.jdbc;

import dev.sequelj.ast.error.SequeljError;
import dev.sequelj.executor.error.AccessDeniedError;
import dev.sequelj.executor.error.ConnectionError;
import dev.sequelj.executor.error.ConnectionRefusedError;
import dev.sequelj.executor.error.DatabaseError;
import dev.sequelj.executor.error.HostNotFoundError;
import dev.sequelj.executor.error.TimeoutError;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

/**
 * Turns a driver's {@link SQLException} into the typed error Sequelize would raise: first what the
 * driver family's own codes say ({@link DriverErrors}, one class per family), then what every driver
 * shares.
 *
 * <table>
 *   <caption>the shared rules</caption>
 *   <tr><td>HikariCP's timeout, no connection failure behind it</td><td>{@link TimeoutError} ({@code ACQUIRE})</td></tr>
 *   <tr><td>HikariCP's timeout because connecting failed</td><td>the {@link ConnectionError} for that failure</td></tr>
 *   <tr><td>SQL state class {@code 08}</td><td>{@link ConnectionError}</td></tr>
 *   <tr><td>{@link SQLTimeoutException} (a JDBC query timeout)</td><td>{@link TimeoutError} ({@code STATEMENT})</td></tr>
 *   <tr><td>anything else</td><td>{@link DatabaseError}</td></tr>
 * </table>
 *
 * A connection failure is a {@link ConnectionRefusedError} when nothing listened, a
 * {@link HostNotFoundError} when the host name did not resolve, an {@link AccessDeniedError} when the
 * login was refused.
 */
final class JdbcErrors {
    private JdbcErrors() {}

    static SequeljError translate(SQLException e, String sql, DriverErrors driver) {
        // HikariCP reports "no connection within connectionTimeout" as exactly this class (drivers throw
        // subclasses of it); its cause, if any, is why the pool's last attempt to connect failed.
        if (e.getClass() == SQLTransientConnectionException.class) {
            Throwable cause = e.getCause();
            if (cause == null) {
                return new TimeoutError(TimeoutError.Reason.ACQUIRE,
                        "no pooled connection became free in time (pool.acquire): " + e.getMessage(), sql, e);
            }
            return connectionError(cause, driver, "cannot connect to the database: ");
        }
        SequeljError specific = driver.statementError(e, sql).orElse(null);
        if (specific != null) {
            return specific;
        }
        String state = e.getSQLState();
        if (state != null && state.startsWith("08")) {
            return connectionError(e, driver, "the connection to the database broke: ");
        }
        if (e instanceof SQLTimeoutException) {
            return new TimeoutError(TimeoutError.Reason.STATEMENT, "the statement timed out: " + e.getMessage(), sql, e);
        }
        return new DatabaseError(sql, e);
    }

    /** @param otherwise the message's start when no more specific cause is found */
    private static ConnectionError connectionError(Throwable cause, DriverErrors driver, String otherwise) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return new ConnectionRefusedError("connection refused: " + cause.getMessage(), cause);
            }
            if (t instanceof UnknownHostException) {
                return new HostNotFoundError("the database host was not found: " + cause.getMessage(), cause);
            }
            if (t instanceof SQLException s && driver.accessDenied(s)) {
                return new AccessDeniedError("the database refused the login: " + cause.getMessage(), cause);
            }
        }
        return new ConnectionError(otherwise + cause.getMessage(), cause);
    }
}
