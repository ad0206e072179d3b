package dev.sequelj.executor.jdbc;

import dev.sequelj.ast.error.SequeljError;
import dev.sequelj.executor.error.ConnectionError;
import dev.sequelj.executor.error.ConnectionRefusedError;
import dev.sequelj.executor.error.DatabaseError;
import dev.sequelj.executor.error.TimeoutError;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Turns a driver's {@link SQLException} into the typed error Sequelize would raise. */
final class JdbcErrors {
    private JdbcErrors() {}

    static SequeljError translate(SQLException e, String sql) {
        if (e instanceof SQLTransientConnectionException) {
            // HikariCP: no connection within connectionTimeout. Its cause, if any, is why connecting failed.
            Throwable cause = e.getCause();
            if (cause == null) {
                return new TimeoutError("no pooled connection became free in time (pool.acquire): " + e.getMessage(), e);
            }
            return connectionError(cause);
        }
        String state = e.getSQLState();
        if (state != null && state.startsWith("08")) {
            return connectionError(e);
        }
        return new DatabaseError(sql, e);
    }

    private static ConnectionError connectionError(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return new ConnectionRefusedError("connection refused: " + cause.getMessage(), cause);
            }
        }
        return new ConnectionError("cannot connect to the database: " + cause.getMessage(), cause);
    }
}
