package dev.sequelj.ast.statement;

import dev.sequelj.ast.expression.Expression;

/** One ORDER BY key. */
public record OrderItem(Expression expression, Direction direction) {

    /** Sort direction. */
    public enum Direction { ASC, DESC }
}
