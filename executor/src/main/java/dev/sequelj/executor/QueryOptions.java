package dev.sequelj.executor;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.executor.query.QueryType;
import dev.sequelj.executor.query.QueryTypes;
import dev.sequelj.executor.query.RawResult;
import dev.sequelj.executor.query.RawSqlBinder;
import dev.sequelj.executor.query.RawSqlBinder.NamedBind;
import dev.sequelj.executor.query.RawSqlBinder.NamedReplacements;
import dev.sequelj.executor.query.RawSqlBinder.NoParameters;
import dev.sequelj.executor.query.RawSqlBinder.Parameters;
import dev.sequelj.executor.query.RawSqlBinder.PositionalBind;
import dev.sequelj.executor.query.RawSqlBinder.PositionalReplacements;
import dev.sequelj.executor.spi.QueryResult;
import io.vavr.control.Option;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options of {@code sequelize.query(sql, options)}, named as in Sequelize. Immutable; each method
 * returns new options. The type parameter is what the query answers with, set by {@link #type}.
 *
 * <pre>{@code
 * // Sequelize: await sequelize.query('SELECT * FROM projects WHERE status = :status',
 * //              { replacements: { status: 'active' }, type: QueryTypes.SELECT });
 * List<Map<String, Object>> projects = sequelize.query("SELECT * FROM projects WHERE status = :status",
 *         QueryOptions.options(QueryTypes.SELECT).replacements(Map.of("status", "active"))).join();
 * }</pre>
 *
 * <p>Every value, replacement or bind parameter, is bound, never written into the SQL
 * ({@link RawSqlBinder}). As in Sequelize, {@code replacements} and {@code bind} cannot both be given.
 * There is no {@code raw} option: without a {@code model}, which Sequelj's {@code query} does not
 * take, Sequelize's answer is always raw, and so is this.
 *
 * @param <R> what the query answers with
 */
public final class QueryOptions<R> {
    private static final QueryOptions<RawResult> DEFAULTS =
            new QueryOptions<>(QueryTypes.RAW, false, new NoParameters(), Option.none());

    private final QueryType<?> type;
    private final boolean plain;
    private final Parameters parameters;
    private final Option<Transaction> transaction;

    private QueryOptions(QueryType<?> type, boolean plain, Parameters parameters, Option<Transaction> transaction) {
        this.type = type;
        this.plain = plain;
        this.parameters = parameters;
        this.transaction = transaction;
    }

    /** Sequelize's defaults: type {@code RAW}, no replacements, no transaction. */
    public static QueryOptions<RawResult> options() {
        return DEFAULTS;
    }

    /** The defaults with {@code type}: {@code QueryOptions.options(QueryTypes.SELECT)}. */
    public static <T> QueryOptions<T> options(QueryType<T> type) {
        return DEFAULTS.type(type);
    }

    /** Sequelize's {@code type}: what the statement is, and so what the query answers with. */
    public <T> QueryOptions<T> type(QueryType<T> type) {
        return new QueryOptions<>(type, false, parameters, transaction);
    }

    /** Sequelize's {@code plain: true}: a SELECT that answers with its first row only, if there is one. */
    public QueryOptions<Optional<Map<String, Object>>> plain() {
        return new QueryOptions<>(QueryTypes.SELECT, true, parameters, transaction);
    }

    /** Positional {@code replacements}: each {@code ?} takes the next value; a collection fills {@code IN (?)}. */
    public QueryOptions<R> replacements(List<?> values) {
        return with(new PositionalReplacements(nonNull(values, "replacements")));
    }

    /** Named {@code replacements}: each {@code :name} takes {@code values.get("name")}; a collection fills {@code IN (:ids)}. */
    public QueryOptions<R> replacements(Map<String, ?> values) {
        return with(new NamedReplacements(named(values, "replacements")));
    }

    /** Positional {@code bind} parameters: {@code $1} is the first value, {@code $2} the second, ... */
    public QueryOptions<R> bind(List<?> values) {
        return with(new PositionalBind(nonNull(values, "bind")));
    }

    /** Named {@code bind} parameters: each {@code $name} takes {@code values.get("name")}. */
    public QueryOptions<R> bind(Map<String, ?> values) {
        return with(new NamedBind(named(values, "bind")));
    }

    /** Sequelize's {@code transaction}: run the query in {@code transaction} (null: outside any). */
    public QueryOptions<R> transaction(Transaction transaction) {
        return new QueryOptions<>(type, plain, parameters, Option.of(transaction));
    }

    public QueryType<?> queryType() {
        return type;
    }

    public boolean isPlain() {
        return plain;
    }

    /** The replacements or bind parameters given, if any. */
    public Parameters parameters() {
        return parameters;
    }

    public Optional<Transaction> transaction() {
        return transaction.toJavaOptional();
    }

    /** What the query answers with, from what the executor collected. */
    @SuppressWarnings("unchecked") // type and plain are set together, by type() and plain() only
    R answer(QueryResult result) {
        if (plain) {
            return (R) QueryTypes.SELECT.answer(result).stream().findFirst();
        }
        return (R) type.answer(result);
    }

    private QueryOptions<R> with(Parameters given) {
        boolean replacements = given instanceof PositionalReplacements || given instanceof NamedReplacements;
        boolean bindHere = parameters instanceof PositionalBind || parameters instanceof NamedBind;
        boolean replacementsHere = parameters instanceof PositionalReplacements || parameters instanceof NamedReplacements;
        if (replacements ? bindHere : replacementsHere) {
            throw new ValidationError("Both `replacements` and `bind` cannot be set at the same time");
        }
        return new QueryOptions<>(type, plain, given, transaction);
    }

    private static List<Object> nonNull(List<?> values, String option) {
        if (values == null) {
            throw new ValidationError(option + " must be a list or a map, not null");
        }
        return Collections.unmodifiableList(new ArrayList<>(values));
    }

    private static Map<String, Object> named(Map<String, ?> values, String option) {
        if (values == null) {
            throw new ValidationError(option + " must be a list or a map, not null");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (name == null || name.isEmpty()) {
                throw new ValidationError(option + " names must be non-empty; got " + (name == null ? "null" : "\"\""));
            }
            copy.put(name, value);
        });
        return copy;
    }
}
