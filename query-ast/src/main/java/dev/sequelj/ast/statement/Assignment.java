package dev.sequelj.ast.statement;

import dev.sequelj.ast.expression.Expression;

/**
 * One {@code column = ...} of an UPDATE's SET list.
 *
 * <pre>{@code
 * new Assignment.ToValue("firstName", param)          // "firstName" = ?
 * new Assignment.Increment("age", param, false)       // "age" = "age" + ?
 * new Assignment.Increment("age", param, true)        // "age" = "age" - ?
 * }</pre>
 */
public sealed interface Assignment {
    /** The column written. */
    String column();

    /** {@code column = value}. */
    record ToValue(String column, Expression value) implements Assignment {}

    /**
     * {@code column = column + amount}, or {@code column - amount} when {@code subtract}: Sequelize's
     * {@code increment} and {@code decrement}, computed by the database so concurrent writers add up.
     */
    record Increment(String column, Expression amount, boolean subtract) implements Assignment {}
}
