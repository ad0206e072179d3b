package dev.sequelj.executor.jdbc;

import dev.sequelj.ast.error.SequeljError;
import dev.sequelj.executor.error.ConnectionError;
import dev.sequelj.executor.error.ForeignKeyConstraintError;
import dev.sequelj.executor.error.ForeignKeyConstraintError.RelType;
import dev.sequelj.executor.error.TimeoutError;
import dev.sequelj.executor.error.UniqueConstraintError;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL Server's error numbers (sys.messages), which mssql-jdbc reports in {@link SQLException#getErrorCode()}.
 * The texts read here are those of a server whose language is English.
 */
final class MssqlErrors implements DriverErrors {
    static final MssqlErrors INSTANCE = new MssqlErrors();

    private static final int UNIQUE_CONSTRAINT = 2627; // UNIQUE or PRIMARY KEY constraint
    private static final int UNIQUE_INDEX = 2601;
    private static final int CONSTRAINT_CONFLICT = 547; // FOREIGN KEY, REFERENCE or CHECK
    private static final int LOCK_REQUEST_TIMEOUT = 1222;
    private static final int SESSION_KILLED = 596;
    private static final int LOGIN_FAILED = 18456;
    private static final int CANNOT_OPEN_DATABASE = 4060;

    /** 2627: {@code Violation of UNIQUE KEY constraint 'UQ_email'. Cannot insert duplicate key in object 'dbo.users'. The duplicate key value is (a@b.c).} */
    private static final Pattern CONSTRAINT = Pattern.compile(
            "^Violation of (?:UNIQUE KEY|PRIMARY KEY) constraint '(.*?)'\\. Cannot insert duplicate key in object '(.*?)'\\.(?: The duplicate key value is \\((.*)\\)\\.)?", Pattern.DOTALL);
    /** 2601: {@code Cannot insert duplicate key row in object 'dbo.users' with unique index 'ix_email'. The duplicate key value is (a@b.c).} */
    private static final Pattern INDEX = Pattern.compile(
            "^Cannot insert duplicate key row in object '(.*?)' with unique index '(.*?)'\\.(?: The duplicate key value is \\((.*)\\)\\.)?", Pattern.DOTALL);
    /**
     * 547, child side: {@code The INSERT statement conflicted with the FOREIGN KEY constraint "FK_posts_users".
     * The conflict occurred in database "test", table "dbo.users", column 'id'.} (the referenced table);
     * parent side: {@code The DELETE statement conflicted with the REFERENCE constraint "FK_posts_users".
     * The conflict occurred in database "test", table "dbo.posts", column 'userId'.} (the referencing table).
     */
    private static final Pattern FOREIGN_KEY = Pattern.compile(
            "^The \\w+ statement conflicted with the (FOREIGN KEY|REFERENCE) constraint \"(.*?)\"\\. The conflict occurred in database \"(?:.*?)\", table \"(.*?)\"(?:, column '(.*?)')?\\.", Pattern.DOTALL);

    private MssqlErrors() {}

    @Override
    public Optional<SequeljError> statementError(SQLException e, String sql) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return Optional.ofNullable(switch (e.getErrorCode()) {
            case UNIQUE_CONSTRAINT -> {
                Matcher m = CONSTRAINT.matcher(message);
                yield m.find()
                        ? new UniqueConstraintError(sql, e, List.of(), Map.of(), m.group(3), m.group(1), Keys.afterFirstDot(m.group(2)))
                        : new UniqueConstraintError(sql, e, List.of(), Map.of(), null, null, null);
            }
            case UNIQUE_INDEX -> {
                Matcher m = INDEX.matcher(message);
                yield m.find()
                        ? new UniqueConstraintError(sql, e, List.of(), Map.of(), m.group(3), m.group(2), Keys.afterFirstDot(m.group(1)))
                        : new UniqueConstraintError(sql, e, List.of(), Map.of(), null, null, null);
            }
            case CONSTRAINT_CONFLICT -> foreignKey(e, sql, message); // null for a CHECK constraint: a DatabaseError
            case LOCK_REQUEST_TIMEOUT -> new TimeoutError(TimeoutError.Reason.LOCK,
                    "a lock was not granted in time (LOCK_TIMEOUT): " + message, sql, e);
            case SESSION_KILLED -> new ConnectionError("the server closed the connection: " + message, e);
            default -> null;
        });
    }

    @Override
    public boolean accessDenied(SQLException e) {
        return DriverErrors.super.accessDenied(e)
                || e.getErrorCode() == LOGIN_FAILED || e.getErrorCode() == CANNOT_OPEN_DATABASE;
    }

    private static ForeignKeyConstraintError foreignKey(SQLException e, String sql, String message) {
        Matcher m = FOREIGN_KEY.matcher(message);
        if (!m.find()) {
            return null;
        }
        String table = Keys.afterFirstDot(m.group(3));
        List<String> column = m.group(4) == null ? List.of() : List.of(m.group(4));
        return m.group(1).equals("FOREIGN KEY")
                ? new ForeignKeyConstraintError(sql, e, null, List.of(), table, m.group(2), RelType.CHILD)
                : new ForeignKeyConstraintError(sql, e, table, column, null, m.group(2), RelType.PARENT);
    }
}
