package dev.sequelj.executor.error;

import dev.sequelj.ast.error.SequeljError;

/** The database refused a statement. Carries the SQL that was sent; the driver's exception is the cause. */
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
}
