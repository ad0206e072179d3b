package dev.sequelj.executor.jdbc;

import dev.sequelj.ast.error.SequeljError;
import dev.sequelj.executor.error.ConnectionError;
import dev.sequelj.executor.error.ForeignKeyConstraintError;
import dev.sequelj.executor.error.ForeignKeyConstraintError.RelType;
import dev.sequelj.executor.error.TimeoutError;
import dev.sequelj.executor.error.UniqueConstraintError;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL's and MariaDB's server error numbers, as MySQL Connector/J reports them in
 * {@link SQLException#getErrorCode()}. Both servers' messages for these errors are fixed English texts.
 */
final class MySqlErrors implements DriverErrors {
    static final MySqlErrors INSTANCE = new MySqlErrors();

    private static final int ER_DUP_ENTRY = 1062;
    private static final int ER_NO_REFERENCED_ROW = 1216;
    private static final int ER_ROW_IS_REFERENCED = 1217;
    private static final int ER_ROW_IS_REFERENCED_2 = 1451;
    private static final int ER_NO_REFERENCED_ROW_2 = 1452;
    private static final int ER_LOCK_WAIT_TIMEOUT = 1205;
    private static final int ER_LOCK_NOWAIT = 3572;
    private static final int ER_QUERY_TIMEOUT = 3024; // MySQL max_execution_time
    private static final int ER_STATEMENT_TIMEOUT = 1969; // MariaDB max_statement_time
    private static final int ER_SERVER_SHUTDOWN = 1053;
    private static final int ER_CONNECTION_KILLED = 1927; // MariaDB: KILL of this session
    private static final int ER_CLIENT_INTERACTION_TIMEOUT = 4031; // MySQL: wait_timeout passed
    private static final int ER_DBACCESS_DENIED_ERROR = 1044;
    private static final int ER_ACCESS_DENIED_ERROR = 1045;

    /** {@code Duplicate entry 'a@b.c' for key 'email'}; MySQL 8 writes the key as {@code 'users.email'}. */
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate entry '(.*)' for key '(.*)'$", Pattern.DOTALL);
    private static final String IDENTIFIER = "`((?:[^`]|``)*)`";
    private static final Pattern ONE_IDENTIFIER = Pattern.compile(IDENTIFIER);
    /**
     * {@code ... a foreign key constraint fails (`test`.`posts`, CONSTRAINT `posts_fk` FOREIGN KEY (`userId`)
     * REFERENCES `users` (`id`))}; the referenced table may carry its database.
     */
    private static final Pattern FOREIGN_KEY = Pattern.compile(
            "foreign key constraint fails \\(" + IDENTIFIER + "\\." + IDENTIFIER + ", CONSTRAINT " + IDENTIFIER
                    + " FOREIGN KEY \\(((?:`(?:[^`]|``)*`(?:, ?)?)+)\\) REFERENCES (?:" + IDENTIFIER + "\\.)?" + IDENTIFIER,
            Pattern.DOTALL);

    private MySqlErrors() {}

    @Override
    public Optional<SequeljError> statementError(SQLException e, String sql) {
        return Optional.ofNullable(switch (e.getErrorCode()) {
            case ER_DUP_ENTRY -> unique(e, sql);
            case ER_NO_REFERENCED_ROW_2, ER_NO_REFERENCED_ROW -> foreignKey(e, sql, RelType.CHILD);
            case ER_ROW_IS_REFERENCED_2, ER_ROW_IS_REFERENCED -> foreignKey(e, sql, RelType.PARENT);
            case ER_LOCK_WAIT_TIMEOUT, ER_LOCK_NOWAIT -> new TimeoutError(TimeoutError.Reason.LOCK,
                    "a lock was not granted in time (innodb_lock_wait_timeout or NOWAIT): " + e.getMessage(), sql, e);
            case ER_QUERY_TIMEOUT, ER_STATEMENT_TIMEOUT -> new TimeoutError(TimeoutError.Reason.STATEMENT,
                    "the statement ran past the server's statement time limit: " + e.getMessage(), sql, e);
            case ER_SERVER_SHUTDOWN, ER_CONNECTION_KILLED, ER_CLIENT_INTERACTION_TIMEOUT ->
                    new ConnectionError("the server closed the connection: " + e.getMessage(), e);
            default -> null;
        });
    }

    @Override
    public boolean accessDenied(SQLException e) {
        return DriverErrors.super.accessDenied(e)
                || e.getErrorCode() == ER_ACCESS_DENIED_ERROR || e.getErrorCode() == ER_DBACCESS_DENIED_ERROR;
    }

    private static UniqueConstraintError unique(SQLException e, String sql) {
        Matcher duplicate = DUPLICATE.matcher(e.getMessage() == null ? "" : e.getMessage());
        if (!duplicate.matches()) {
            return new UniqueConstraintError(sql, e, List.of(), Map.of(), null, null, null);
        }
        String key = duplicate.group(2);
        int dot = key.indexOf('.');
        String table = dot < 0 ? null : key.substring(0, dot);
        String index = dot < 0 ? key : key.substring(dot + 1);
        // The server names the key, not its columns; Sequelize maps key → columns through the model.
        return new UniqueConstraintError(sql, e, List.of(), Map.of(), duplicate.group(1), index, table);
    }

    private static ForeignKeyConstraintError foreignKey(SQLException e, String sql, RelType relType) {
        Matcher fk = FOREIGN_KEY.matcher(e.getMessage() == null ? "" : e.getMessage());
        if (!fk.find()) {
            return new ForeignKeyConstraintError(sql, e, null, List.of(), null, null, relType);
        }
        List<String> fields = new ArrayList<>();
        Matcher column = ONE_IDENTIFIER.matcher(fk.group(4));
        while (column.find()) {
            fields.add(unquote(column.group(1)));
        }
        return new ForeignKeyConstraintError(sql, e, unquote(fk.group(2)), fields, unquote(fk.group(6)),
                unquote(fk.group(3)), relType);
    }

    private static String unquote(String identifier) {
        return identifier.replace("``", "`");
    }
}
