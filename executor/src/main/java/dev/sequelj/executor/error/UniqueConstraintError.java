package dev.sequelj.executor.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A write would have duplicated a unique key or primary key (Sequelize's {@code UniqueConstraintError}).
 * Says what the driver told: which columns, which values, which key. Drivers differ in what they tell:
 *
 * <table>
 *   <caption>what each driver reports</caption>
 *   <tr><th>driver</th><th>{@link #fields()}</th><th>{@link #values()}</th><th>{@link #value()}</th><th>{@link #index()}</th><th>{@link #table()}</th></tr>
 *   <tr><td>PostgreSQL</td><td>yes</td><td>yes</td><td>yes</td><td>constraint</td><td>yes</td></tr>
 *   <tr><td>SQLite</td><td>yes</td><td>no</td><td>no</td><td>no</td><td>yes</td></tr>
 *   <tr><td>MySQL, MariaDB</td><td>no</td><td>no</td><td>yes</td><td>key</td><td>MySQL 8 only</td></tr>
 *   <tr><td>SQL Server</td><td>no</td><td>no</td><td>yes</td><td>constraint or index</td><td>yes</td></tr>
 * </table>
 *
 * <p>Unlike Sequelize's, this is not a {@code ValidationError}: in Sequelj that name means "refused
 * before any SQL was sent", and this one is the database's refusal, so it is a {@link DatabaseError}
 * with the SQL and the driver's message.
 *
 * <pre>{@code
 * try { users.create(Map.of("email", "a@b.c")).join(); }
 * catch (CompletionException e) {
 *     if (e.getCause() instanceof UniqueConstraintError dup && dup.fields().contains("email")) { ... }
 * }
 * }</pre>
 */
public class UniqueConstraintError extends DatabaseError {
    private final List<String> fields;
    private final Map<String, String> values;
    private final String value;
    private final String index;
    private final String table;

    /**
     * @param fields the key's columns, in order; empty when the driver does not name them
     * @param values column → duplicate value as the driver printed it, for the columns it printed
     * @param value  the duplicate key value as the driver printed it, or null
     * @param index  the name of the violated constraint, index or key, or null
     * @param table  the table, without schema, or null
     */
    public UniqueConstraintError(String sql, Throwable cause, List<String> fields, Map<String, String> values,
                                 String value, String index, String table) {
        super(sql, cause);
        this.fields = List.copyOf(fields);
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.value = value;
        this.index = index;
        this.table = table;
    }

    /** The columns of the violated key, in key order; empty when the driver names only the key ({@link #index()}). */
    public List<String> fields() {
        return fields;
    }

    /**
     * Column → the duplicate value, as text the way the driver printed it, in key order; only where
     * the driver prints both (PostgreSQL), else empty.
     */
    public Map<String, String> values() {
        return values;
    }

    /**
     * The duplicate key value exactly as the driver printed it: {@code a@b.c}; for a key of several
     * columns PostgreSQL and SQL Server print {@code 1, 2}, MySQL and MariaDB {@code 1-2}.
     */
    public Optional<String> value() {
        return Optional.ofNullable(value);
    }

    /** The name of the violated constraint, unique index or key ({@code PRIMARY} on MySQL), when the driver names it. */
    public Optional<String> index() {
        return Optional.ofNullable(index);
    }

    /** The table, without its schema, when the driver names it. */
    public Optional<String> table() {
        return Optional.ofNullable(table);
    }
}
