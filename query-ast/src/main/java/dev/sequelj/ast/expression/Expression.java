package dev.sequelj.ast.expression;

import dev.sequelj.ast.model.DataType;
import io.vavr.collection.Seq;
import io.vavr.collection.Array;
import io.vavr.control.Option;

/**
 * A SQL expression: plain data, no rendering logic. The renderer switches over these records, so
 * adding one fails to compile until every renderer handles it.
 *
 * <p>Where clauses are built unresolved (columns named by attribute, values without a type) by
 * {@link dev.sequelj.ast.finder.Where} and {@link dev.sequelj.ast.finder.WhereObject}, then resolved
 * against a model by {@link dev.sequelj.ast.finder.WhereResolver} (fields, types, checked values).
 */
public sealed interface Expression {

    /** A column, optionally qualified by a table alias: {@code "user"."firstName"}. */
    record Column(Option<String> qualifier, String name) implements Expression {}

    /**
     * A value, always sent as a bound parameter. The type is known once resolved against a model
     * and decides how the dialect writes the value ({@code DATE} → a timestamp, say).
     */
    record Param(Object value, Option<DataType> type) implements Expression {}

    /** {@code left <op> right} for a binary comparison. */
    record Comparison(Expression left, ComparisonOperator operator, Expression right) implements Expression {}

    /** {@code operand IS [NOT] NULL}. */
    record IsNull(Expression operand, boolean negated) implements Expression {}

    /** {@code operand [NOT] IN (values...)}; an empty list is legal (matches nothing, or everything when negated). */
    record In(Expression operand, Seq<Expression> values, boolean negated) implements Expression {}

    /** All operands hold; an empty conjunction is true. */
    record And(Seq<Expression> operands) implements Expression {}

    /** Any operand holds; an empty disjunction is false. */
    record Or(Seq<Expression> operands) implements Expression {}

    /** {@code NOT (operand)}. */
    record Not(Expression operand) implements Expression {}

    // ---- finder expressions: fn, col, literal, cast, random (Sequelize's helpers) --------------------
    // Built by dev.sequelj.ast.finder.SqlExpressions, which checks every name and type; these records
    // are already resolved: no attribute inside them is looked up in a model.

    /**
     * {@code name(arguments...)}: Sequelize's {@code fn}. The name is a plain identifier, optionally
     * schema-qualified ({@code COUNT}, {@code lower}, {@code public.my_fn}), written as given.
     */
    record FunctionCall(String name, Seq<Expression> arguments) implements Expression {}

    /**
     * A column named as written, not an attribute: Sequelize's {@code col}. {@code ["user", "age"]} is
     * {@code "user"."age"}; a last part {@code *} is written bare ({@code count(*)}).
     */
    record ColumnName(Seq<String> parts) implements Expression {}

    /** Raw SQL written as given: Sequelize's {@code literal}, the documented escape hatch. */
    record Literal(String sql) implements Expression {}

    /** {@code CAST(operand AS type)}; the type is a checked type name, which a dialect may rename. */
    record Cast(Expression operand, String type) implements Expression {}

    /** A random number per row, for {@code ORDER BY}: Sequelize's {@code sequelize.random()}. */
    record Random() implements Expression {}
    // ---- where clauses: operators beyond the binary comparisons, JSON paths -----------------------

    /**
     * This condition and the others: {@code col("age").gt(18).and(col("age").lt(65))}. Chaining onto an
     * AND extends it rather than nesting one AND inside another.
     */
    default Expression and(Expression... others) {
        return new And(this instanceof And and ? and.operands().appendAll(Array.of(others)) : joined(this, others));
    }

    /** This condition or the others: {@code col("a").eq(5).or(col("b").eq(6))}; chaining extends an OR. */
    default Expression or(Expression... others) {
        return new Or(this instanceof Or or ? or.operands().appendAll(Array.of(others)) : joined(this, others));
    }

    /** {@code first} and then {@code others}, in one array: a chained condition is built on every finder call. */
    private static Seq<Expression> joined(Expression first, Expression[] others) {
        Expression[] all = new Expression[others.length + 1];
        all[0] = first;
        System.arraycopy(others, 0, all, 1, others.length);
        return Array.of(all);
    }

    /** {@code operand [NOT] BETWEEN low AND high}. */
    record Between(Expression operand, Expression low, Expression high, boolean negated) implements Expression {}

    /** {@code operand IS [NOT] TRUE} / {@code FALSE}: Sequelize's {@code $is: true}, {@code $not: false}. */
    record IsBoolean(Expression operand, boolean value, boolean negated) implements Expression {}

    /** Which of an array's elements a quantified comparison must hold for. */
    enum Quantifier { ANY, ALL }

    /**
     * The right side of a comparison over the elements of an array: {@code "age" > ANY (ARRAY[?, ?])},
     * {@code "name" NOT LIKE ALL (ARRAY[?, ?])}. With no elements the comparison is a constant: no element
     * satisfies ANY, every element satisfies ALL.
     */
    record Quantified(Quantifier quantifier, ArrayValue array) implements Expression {}

    /**
     * An array built from its elements, {@code ARRAY[?, ?]}, cast to the array of {@code elementType}
     * when one is given ({@code ARRAY[?, ?]::VARCHAR(255)[]}) so that it compares with an array column.
     */
    record ArrayValue(Seq<Expression> elements, Option<DataType> elementType) implements Expression {}

    /**
     * A range built from its bounds, as PostgreSQL's constructor functions take them:
     * {@code int4range(?, ?, '[)')}. A bound that is a null parameter is unbounded.
     *
     * @param subtype the type of the bounds, which names the range type (INTEGER → {@code int4range})
     */
    record RangeValue(Expression lower, Expression upper, boolean lowerInclusive, boolean upperInclusive,
                      DataType subtype) implements Expression {}

    /**
     * The value at {@code path} inside a JSON attribute, extracted as text and, when {@code cast} is given,
     * cast for the comparison: {@code CAST(("user"."meta"#>>'{address,zip}') AS DOUBLE PRECISION)}.
     * Unresolved, the cast is the one the caller wrote ({@code "meta.age::integer"}); resolved, it is that
     * or the one Sequelize infers from the compared value (numbers as double precision, booleans as boolean).
     *
     * @param path the keys from the attribute down, never empty; a key of digits only indexes an array
     */
    record JsonPath(Column column, Seq<String> path, Option<JsonCast> cast) implements Expression {}
}
