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
}
