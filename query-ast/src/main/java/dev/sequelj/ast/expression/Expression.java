package dev.sequelj.ast.expression;

import dev.sequelj.ast.model.DataType;
import io.vavr.collection.Seq;
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
}
