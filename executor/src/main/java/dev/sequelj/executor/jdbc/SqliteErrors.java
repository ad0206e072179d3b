package dev.sequelj.executor.jdbc;

import dev.sequelj.ast.error.SequeljError;
import dev.sequelj.executor.error.ForeignKeyConstraintError;
import dev.sequelj.executor.error.TimeoutError;
import dev.sequelj.executor.error.UniqueConstraintError;
import org.sqlite.SQLiteException;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQLite's result codes (sqlite.org/rescode.html). sqlite-jdbc puts the primary code in
 * {@link SQLException#getErrorCode()} and the extended one in {@link SQLiteException#getResultCode()}.
 */
final class SqliteErrors implements DriverErrors {
    static final SqliteErrors INSTANCE = new SqliteErrors();

    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_CONSTRAINT = 19;
    private static final int SQLITE_CONSTRAINT_FOREIGNKEY = 787;
    private static final int SQLITE_CONSTRAINT_PRIMARYKEY = 1555;
    private static final int SQLITE_CONSTRAINT_UNIQUE = 2067;

    /**
     * sqlite3_errmsg: {@code UNIQUE constraint failed: users.a, users.b}, or for an index on expressions
     * {@code UNIQUE constraint failed: index 'users_lower_email'}; sqlite-jdbc wraps it in parentheses.
     */
    private static final Pattern UNIQUE = Pattern.compile("UNIQUE constraint failed: (.*?)\\)?$", Pattern.DOTALL);
    private static final Pattern INDEX = Pattern.compile("^index '(.*)'$", Pattern.DOTALL);

    private SqliteErrors() {}

    @Override
    public Optional<SequeljError> statementError(SQLException e, String sql) {
        int extended = e instanceof SQLiteException s ? s.getResultCode().code : e.getErrorCode();
        String message = e.getMessage() == null ? "" : e.getMessage();
        return Optional.ofNullable(switch (e.getErrorCode()) {
            case SQLITE_CONSTRAINT -> {
                if (extended == SQLITE_CONSTRAINT_FOREIGNKEY || message.contains("FOREIGN KEY constraint failed")) {
                    // SQLite says no more than that a foreign key failed.
                    yield new ForeignKeyConstraintError(sql, e, null, List.of(), null, null, null);
                }
                if (extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY
                        || message.contains("UNIQUE constraint failed")) {
                    yield unique(e, sql, message);
                }
                yield null; // NOT NULL, CHECK, ...: a DatabaseError
            }
            // The file stayed locked by another connection for busy_timeout (= pool.acquire) ms.
            case SQLITE_BUSY, SQLITE_LOCKED -> new TimeoutError(TimeoutError.Reason.LOCK,
                    "the database stayed locked by another connection: " + message, sql, e);
            default -> null;
        });
    }

    /** SQLite prints no values (Sequelize takes them from the instance it was saving), and no constraint name. */
    private static UniqueConstraintError unique(SQLException e, String sql, String message) {
        Matcher failed = UNIQUE.matcher(message);
        if (!failed.find()) {
            return new UniqueConstraintError(sql, e, List.of(), Map.of(), null, null, null);
        }
        Matcher index = INDEX.matcher(failed.group(1));
        if (index.matches()) {
            return new UniqueConstraintError(sql, e, List.of(), Map.of(), null, index.group(1), null);
        }
        List<String> fields = new ArrayList<>();
        String table = null;
        for (String qualified : Keys.split(failed.group(1), ", ")) {
            int dot = qualified.indexOf('.');
            table = dot < 0 ? table : qualified.substring(0, dot);
            fields.add(dot < 0 ? qualified : qualified.substring(dot + 1));
        }
        return new UniqueConstraintError(sql, e, fields, Map.of(), null, null, table);
    }
}
