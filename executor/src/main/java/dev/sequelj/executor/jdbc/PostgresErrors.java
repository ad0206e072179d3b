package dev.sequelj.executor.jdbc;

import dev.sequelj.ast.error.SequeljError;
import dev.sequelj.executor.error.ConnectionError;
import dev.sequelj.executor.error.ForeignKeyConstraintError;
import dev.sequelj.executor.error.ForeignKeyConstraintError.RelType;
import dev.sequelj.executor.error.TimeoutError;
import dev.sequelj.executor.error.UniqueConstraintError;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's SQL states (Appendix A of its manual). Table and constraint come from the server's
 * structured error fields; columns and values only from its DETAIL text, which is English unless the
 * server's {@code lc_messages} says otherwise (then they are left empty).
 */
final class PostgresErrors implements DriverErrors {
    static final PostgresErrors INSTANCE = new PostgresErrors();

    /** {@code Key (email)=(a@b.c) already exists.}, {@code Key (a, b)=(1, 2) is not present in table "users".} */
    private static final Pattern KEY = Pattern.compile("^Key \\((.*)\\)=\\((.*)\\) (already exists|is not present in table \"(.*)\"|is still referenced from table \"(.*)\")\\.$", Pattern.DOTALL);
    /** {@code update or delete on table "users" violates foreign key constraint ...} */
    private static final Pattern PARENT_TABLE = Pattern.compile("^update or delete on table \"(.*?)\" violates");

    private PostgresErrors() {}

    @Override
    public Optional<SequeljError> statementError(SQLException e, String sql) {
        String state = e.getSQLState();
        if (state == null) {
            return Optional.empty();
        }
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        return Optional.ofNullable(switch (state) {
            case "23505" -> unique(e, sql, server);
            case "23503" -> foreignKey(e, sql, server);
            case "57014" -> new TimeoutError(TimeoutError.Reason.STATEMENT,
                    "the statement was cancelled (statement_timeout or a query timeout): " + e.getMessage(), sql, e);
            case "55P03" -> new TimeoutError(TimeoutError.Reason.LOCK,
                    "a lock was not granted in time (lock_timeout or NOWAIT): " + e.getMessage(), sql, e);
            // admin_shutdown (server stopped or restarted, pg_terminate_backend), crash_shutdown, cannot_connect_now
            case "57P01", "57P02", "57P03" -> new ConnectionError("the server closed the connection: " + e.getMessage(), e);
            default -> null;
        });
    }

    private static UniqueConstraintError unique(SQLException e, String sql, ServerErrorMessage server) {
        Matcher key = server == null || server.getDetail() == null ? null : KEY.matcher(server.getDetail());
        List<String> fields = List.of();
        String value = null;
        if (key != null && key.matches()) {
            fields = Keys.split(key.group(1), ", ").stream().map(PostgresErrors::unquote).toList();
            value = key.group(2);
        }
        return new UniqueConstraintError(sql, e, fields, Keys.zip(fields, value, ", "), value,
                server == null ? null : server.getConstraint(), server == null ? null : server.getTable());
    }

    /**
     * The server's table field names the referencing table on both sides; the DETAIL names the other one
     * and, on the child side, the foreign key's columns (on the parent side its columns are the
     * referenced ones, so {@code fields} stays empty).
     */
    private static ForeignKeyConstraintError foreignKey(SQLException e, String sql, ServerErrorMessage server) {
        String table = server == null ? null : server.getTable();
        String index = server == null ? null : server.getConstraint();
        Matcher key = server == null || server.getDetail() == null ? null : KEY.matcher(server.getDetail());
        if (key != null && key.matches() && key.group(4) != null) {
            List<String> fields = Keys.split(key.group(1), ", ").stream().map(PostgresErrors::unquote).toList();
            return new ForeignKeyConstraintError(sql, e, table, fields, key.group(4), index, RelType.CHILD);
        }
        if (key != null && key.matches() && key.group(5) != null) {
            Matcher parent = PARENT_TABLE.matcher(server.getMessage() == null ? "" : server.getMessage());
            return new ForeignKeyConstraintError(sql, e, table, List.of(), parent.find() ? parent.group(1) : null,
                    index, RelType.PARENT);
        }
        return new ForeignKeyConstraintError(sql, e, table, List.of(), null, index, null);
    }

    /** Index columns that need quoting are printed quoted: {@code "userId"} → {@code userId}. */
    private static String unquote(String column) {
        return column.length() >= 2 && column.startsWith("\"") && column.endsWith("\"")
                ? column.substring(1, column.length() - 1).replace("\"\"", "\"")
                : column;
    }
}
