package dev.sequelj.ast.finder;

import dev.sequelj.ast.expression.ComparisonOperator;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.expression.Expression.Column;
import dev.sequelj.ast.expression.Expression.Param;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * The typed where builder, the second form beside Sequelize's object form ({@link WhereObject}).
 * Columns are named by attribute; the finder checks names and values against the model.
 *
 * <pre>{@code
 * import static dev.sequelj.ast.finder.Where.*;
 * users.findAll(options().where(or(col("age").gt(18), col("lastName").in("Hancock", "Adams"))));
 * }</pre>
 */
public final class Where {
    private Where() {}

    /** Starts a condition on an attribute. */
    public static AttributeCondition col(String attribute) {
        return new AttributeCondition(attribute);
    }

    /** All conditions hold. */
    public static Expression and(Expression... conditions) {
        return new Expression.And(Vector.of(conditions));
    }

    /** Any condition holds. */
    public static Expression or(Expression... conditions) {
        return new Expression.Or(Vector.of(conditions));
    }

    /** The condition does not hold. */
    public static Expression not(Expression condition) {
        return new Expression.Not(condition);
    }

    /** Conditions on one attribute; each method returns the finished condition. */
    public record AttributeCondition(String attribute) {
        /** {@code = value}; {@code IS NULL} when the value is null, as in Sequelize. */
        public Expression eq(Object value) {
            return value == null ? new Expression.IsNull(column(), false) : compare(ComparisonOperator.EQ, value);
        }

        /** {@code != value}; {@code IS NOT NULL} when the value is null, as in Sequelize. */
        public Expression ne(Object value) {
            return value == null ? new Expression.IsNull(column(), true) : compare(ComparisonOperator.NE, value);
        }

        public Expression gt(Object value) {
            return compare(ComparisonOperator.GT, value);
        }

        public Expression gte(Object value) {
            return compare(ComparisonOperator.GTE, value);
        }

        public Expression lt(Object value) {
            return compare(ComparisonOperator.LT, value);
        }

        public Expression lte(Object value) {
            return compare(ComparisonOperator.LTE, value);
        }

        public Expression like(String pattern) {
            return compare(ComparisonOperator.LIKE, pattern);
        }

        public Expression notLike(String pattern) {
            return compare(ComparisonOperator.NOT_LIKE, pattern);
        }

        public Expression in(Object... values) {
            return new Expression.In(column(), Vector.of(values).map(Where::param), false);
        }

        public Expression notIn(Object... values) {
            return new Expression.In(column(), Vector.of(values).map(Where::param), true);
        }

        public Expression isNull() {
            return new Expression.IsNull(column(), false);
        }

        public Expression isNotNull() {
            return new Expression.IsNull(column(), true);
        }

        private Expression compare(ComparisonOperator operator, Object value) {
            return new Expression.Comparison(column(), operator, param(value));
        }

        private Column column() {
            return new Column(Option.none(), attribute);
        }
    }

    static Expression param(Object value) {
        return new Param(value, Option.none());
    }
}
