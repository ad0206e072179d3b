package dev.sequelj.executor.error;

import dev.sequelj.ast.error.SequeljError;

import java.util.Optional;

/**
 * Something waited too long: for a pooled connection ({@code pool.acquire}), for a statement to finish
 * (the server's statement timeout), or for a lock another session holds. {@link #reason()} says which.
 *
 * <pre>{@code
 * catch (CompletionException e) {
 *     if (e.getCause() instanceof TimeoutError t && t.reason() == TimeoutError.Reason.ACQUIRE) {
 *         // every pooled connection stayed busy for pool.acquire ms: a bigger pool or shorter work
 *     }
 * }
 * }</pre>
 */
public class TimeoutError extends SequeljError {

    /** What was waited for. */
    public enum Reason {
        /** No pooled connection became free within {@code pool.acquire} milliseconds. */
        ACQUIRE,
        /**
         * The statement ran longer than the server or driver allows: PostgreSQL {@code statement_timeout},
         * MariaDB {@code max_statement_time}, MySQL {@code max_execution_time}, a JDBC query timeout.
         */
        STATEMENT,
        /**
         * A lock held by another session was not granted in time: PostgreSQL {@code lock_timeout} (or
         * {@code NOWAIT}), InnoDB {@code innodb_lock_wait_timeout}, SQL Server {@code LOCK_TIMEOUT}, a
         * SQLite database that stayed busy or locked.
         */
        LOCK
    }

    private final Reason reason;
    private final String sql;

    /**
     * @param sql the statement that timed out, or that waited for a connection; null when not known
     */
    public TimeoutError(Reason reason, String message, String sql, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.sql = sql;
    }

    /** A {@link Reason#ACQUIRE pool.acquire} timeout for an unknown statement. */
    public TimeoutError(String message, Throwable cause) {
        this(Reason.ACQUIRE, message, null, cause);
    }

    public Reason reason() {
        return reason;
    }

    /** The statement that timed out, or that waited for a connection, when known. */
    public Optional<String> sql() {
        return Optional.ofNullable(sql);
    }
}
