package dev.sequelj.render;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.Parameter;
import dev.sequelj.ast.finder.ValueChecker;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.render.dialect.Dialect;
import dev.sequelj.render.shape.Slot;
import dev.sequelj.render.shape.StatementShape;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A statement rendered once for one dialect, with {@link Parameter}s where its values will go: each
 * {@link #bind} gives the {@link Sql} of the statement with those values, without building or rendering
 * anything again. For a finder a program runs over and over with new values.
 *
 * <pre>{@code
 * import static dev.sequelj.ast.finder.Where.*;
 *
 * PreparedSql byAgeAndName = SqlRenderer.prepare(FindStatements.findAll(user, options()
 *         .where(or(col("age").gt(param("age")), col("lastName").in(param("a"), param("b"))))
 *         .order("id", Direction.ASC).limit(10)), Dialects.POSTGRES);
 * byAgeAndName.parameters();              // [age, a, b]
 * Sql sql = byAgeAndName.bind(30, "Hancock", "Smith");
 * sql.text();     // SELECT ... WHERE "user"."age" > ? OR "user"."lastName" IN (?, ?) ORDER BY "user"."id" ASC LIMIT ?;
 * sql.params();   // [30, Hancock, Smith, 10]
 * byAgeAndName.bindPage(10, 20, 30, "Hancock", "Smith");   // the same with LIMIT 10 OFFSET 20 ... given an offset
 * }</pre>
 *
 * <p>Values are bound in the order of {@link #parameters()} (the order their names first appear in the
 * SQL), or by name ({@link #bind(Map)}). Each is checked against the type of the attribute it is compared
 * with, as a value written in the options is ({@link ValueChecker}), and stored the dialect's way; null is
 * refused, as {@code = NULL} matches nothing (write {@code isNull()} in the options instead). The limit and
 * offset are those of the options unless {@link #bindPage} gives others. Immutable and safe to share.
 */
public final class PreparedSql {
    private final String text;
    private final Sql.Returns returns;
    private final Dialect dialect;
    /** The parameters' names, in the order their first {@code ?} appears. */
    private final String[] names;
    /** Every param as it is bound without parameters: the statement's own values, stored. */
    private final Object[] constants;
    /** For each parameter's {@code ?}: its position in the params, which name it binds, the type it is checked as (or null). */
    private final int[] positions;
    private final int[] parameter;
    private final DataType[] types;
    private final String[] subjects;
    /** Where the limit and offset are in the params; -1 when the statement has none. */
    private final int limitPosition;
    private final int offsetPosition;

    private PreparedSql(String text, Sql.Returns returns, Dialect dialect, String[] names, Object[] constants,
                        int[] positions, int[] parameter, DataType[] types, int limitPosition, int offsetPosition) {
        this.text = text;
        this.returns = returns;
        this.dialect = dialect;
        this.names = names;
        this.constants = constants;
        this.positions = positions;
        this.parameter = parameter;
        this.types = types;
        this.limitPosition = limitPosition;
        this.offsetPosition = offsetPosition;
        this.subjects = new String[parameter.length];
        for (int i = 0; i < parameter.length; i++) {
            subjects[i] = "parameter '" + names[parameter[i]] + "'";
        }
    }

    /**
     * From what a shape writer recorded: each param a parameter, a slot of {@code values}, the limit or
     * offset, or a constant.
     */
    static PreparedSql of(String text, List<Object> params, Object[] values, Dialect dialect, Sql.Returns returns) {
        List<String> names = new ArrayList<>();
        Object[] constants = new Object[params.size()];
        List<int[]> bound = new ArrayList<>();
        List<DataType> types = new ArrayList<>();
        int limitPosition = -1;
        int offsetPosition = -1;
        for (int i = 0; i < params.size(); i++) {
            Object param = params.get(i);
            Parameter named = null;
            DataType type = null;
            switch (param) {
                case Parameter p -> named = p;
                case SqlWriter.StoredParameter stored -> {
                    named = stored.parameter();
                    type = stored.type();
                }
                case Slot slot -> constants[i] = values[slot.index()];
                case SqlWriter.StoredSlot stored -> constants[i] = dialect.toDatabaseValue(stored.type(), values[stored.index()]);
                default -> {
                    if (param == StatementShape.LIMIT) {
                        limitPosition = only(limitPosition, i, "limit");
                        constants[i] = values[StatementShape.LIMIT_SLOT];
                    } else if (param == StatementShape.OFFSET) {
                        offsetPosition = only(offsetPosition, i, "offset");
                        constants[i] = values[StatementShape.OFFSET_SLOT];
                    } else {
                        constants[i] = param;
                    }
                }
            }
            if (named != null) {
                int index = names.indexOf(named.name());
                if (index < 0) {
                    names.add(named.name());
                    index = names.size() - 1;
                }
                bound.add(new int[] {i, index});
                types.add(type);
            }
        }
        int[] positions = new int[bound.size()];
        int[] parameter = new int[bound.size()];
        for (int k = 0; k < bound.size(); k++) {
            positions[k] = bound.get(k)[0];
            parameter[k] = bound.get(k)[1];
        }
        return new PreparedSql(text, returns, dialect, names.toArray(String[]::new), constants, positions, parameter,
                types.toArray(DataType[]::new), limitPosition, offsetPosition);
    }

    private static int only(int before, int position, String what) {
        if (before >= 0) {
            throw new IllegalStateException("the " + what + " is written twice; prepared statements bind it once");
        }
        return position;
    }

    /** The SQL text, with a {@code ?} for every value. */
    public String text() {
        return text;
    }

    /** The parameters' names, in the order {@link #bind(Object...)} takes their values. */
    public Seq<String> parameters() {
        return Array.of(names);
    }

    /**
     * The statement with these values for its parameters, in the order of {@link #parameters()}.
     *
     * @throws ValidationError for a missing or extra value, null, or a value the attribute's type does not take
     */
    public Sql bind(Object... values) {
        return new Sql(text, Array.of(params(values)), returns);
    }

    /** {@link #bind(Object...)} with the values given by parameter name. */
    public Sql bind(Map<String, ?> values) {
        Object[] ordered = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            if (!values.containsKey(names[i])) {
                throw new ValidationError("no value for parameter '" + names[i] + "'; the parameters are "
                        + String.join(", ", names));
            }
            ordered[i] = values.get(names[i]);
        }
        if (values.size() != names.length) {
            List<String> unknown = new ArrayList<>(values.keySet());
            unknown.removeAll(List.of(names));
            throw new ValidationError("no parameter named " + String.join(", ", unknown) + "; the parameters are "
                    + String.join(", ", names));
        }
        return bind(ordered);
    }

    /**
     * {@link #bind(Object...)} for another page: this limit and offset instead of those of the options, which
     * must have given both (they turn LIMIT and OFFSET on).
     */
    public Sql bindPage(int limit, int offset, Object... values) {
        if (limitPosition < 0 || offsetPosition < 0) {
            throw new ValidationError("bindPage: the statement was prepared without " + (limitPosition < 0 ? "a limit" : "an offset")
                    + "; give limit and offset in the options to page it");
        }
        if (limit < 0 || offset < 0) {
            throw new ValidationError("bindPage: limit and offset must be 0 or more, got " + limit + " and " + offset);
        }
        if (limit == 0) {
            // Whether a database takes a limit of 0 is the dialect's rule (SQL Server refuses it): asked of it.
            dialect.writeLimitOffset(new SqlWriter(dialect), Option.some(0), Option.some(offset));
        }
        Object[] params = params(values);
        params[limitPosition] = limit;
        params[offsetPosition] = offset;
        return new Sql(text, Array.of(params), returns);
    }

    /** Whether the statement binds a limit, and an offset, that a finder's options may change. */
    boolean bindsLimit() {
        return limitPosition >= 0;
    }

    boolean bindsOffset() {
        return offsetPosition >= 0;
    }

    /** The parameters' names, in the order their first {@code ?} appears (not copied: for FinderSql). */
    String[] names() {
        return names;
    }

    /**
     * For {@link FinderSql}: this statement bound from a finder's values, parameter {@code i} taking
     * {@code values[valueOf[i]]}, checked and stored as {@code typeOf[valueOf[i]]} (as it is when null).
     */
    FinderBinding finderBinding(int[] valueOf, DataType[] typeOf) {
        return FinderBinding.of(text, returns, dialect, constants, positions, parameter, subjects, limitPosition,
                offsetPosition, valueOf, typeOf);
    }

    private Object[] params(Object[] values) {
        if (values.length != names.length) {
            throw new ValidationError("the statement takes " + names.length + " values (" + String.join(", ", names)
                    + "), got " + values.length);
        }
        Object[] params = constants.clone();
        for (int k = 0; k < positions.length; k++) {
            Object value = values[parameter[k]];
            if (value == null) {
                throw new ValidationError(subjects[k] + " is null, which compares as unknown and matches nothing;"
                        + " write isNull() in the options instead");
            }
            DataType type = types[k];
            params[positions[k]] = type == null ? value
                    : dialect.toDatabaseValue(type, ValueChecker.checkValue(subjects[k], type, value));
        }
        return params;
    }

    @Override
    public String toString() {
        return text;
    }
}
