package dev.sequelj.executor.error;

import dev.sequelj.ast.error.SequeljError;

/**
 * The database refused a statement. Carries the SQL that was sent and the driver's message; the driver's
 * exception is the cause. Subclasses say why when the driver told us: {@link UniqueConstraintError},
 * {@link ForeignKeyConstraintError}.
 *
 * <pre>{@code
 * catch (CompletionException e) {
 *     if (e.getCause() instanceof DatabaseError refused) log.warn("{} failed: {}", refused.sql(), refused.driverMessage());
 * }
 * }</pre>
 */
public class DatabaseError extends SequeljError {
    private final String sql;

    public DatabaseError(String sql, Throwable cause) {
        super(cause.getMessage() + " [sql: " + sql + "]", cause);
        this.sql = sql;
    }

    /** The statement the database refused. */
    public String sql() {
        return sql;
    }

    /** What the driver said, as it said it (the cause's message). */
    public String driverMessage() {
        return getCause().getMessage();
    }
}
