package dev.sequelj.ast.statement;

import dev.sequelj.ast.expression.Expression;
import io.vavr.control.Option;

/**
 * One ORDER BY key: {@code expression [ASC|DESC] [NULLS FIRST|LAST]}. Direction and null placement are
 * optional, as in Sequelize ({@code ORDER BY "user"."age"} leaves the database's default).
 */
public record OrderItem(Expression expression, Option<Direction> direction, Option<Nulls> nulls) {

    /** A key with a direction and the database's default null placement. */
    public OrderItem(Expression expression, Direction direction) {
        this(expression, Option.some(direction), Option.none());
    }

    /** Sort direction. */
    public enum Direction { ASC, DESC }

    /** Where NULLs go, whatever the direction. */
    public enum Nulls { FIRST, LAST }
}
