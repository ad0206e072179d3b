package dev.sequelj.ast.finder;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.ComparisonOperator;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.model.DataTypes;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;

/**
 * Conditions on an expression that is not an attribute ({@code Sequelize.where(fn(...), {[Op.gt]: 1})},
 * a {@code having} on a selected alias): the comparisons that make sense whatever the expression is.
 * Values are bound untyped, as there is no attribute to give them a type, except instants, which are
 * DATEs.
 */
final class ExpressionConditions {
    /** Stands for null inside {@code Map.of}, which refuses null values. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private static final String OPERATORS = "$eq, $ne, $gt, $gte, $lt, $lte, $in, $notIn, $like, $notLike, $is, $not (null)";

    private ExpressionConditions() {}

    /** {@code left} compared as {@code condition} says: a value, a list, null, or a map of operators. */
    static Expression parse(Expression left, Object condition, String path) {
        if (condition instanceof Map<?, ?> operators) {
            if (operators.isEmpty()) {
                throw new ValidationError(path + ": an empty operator map; give a value or e.g. {\"$gt\": 5}");
            }
            Vector<Expression> conditions = Vector.empty();
            for (Map.Entry<?, ?> entry : operators.entrySet()) {
                conditions = conditions.append(compare(left, operator(entry.getKey(), path), entry.getValue(),
                        path + "." + keyName(entry.getKey())));
            }
            return conditions.size() == 1 ? conditions.head() : new Expression.And(conditions);
        }
        return compare(left, Op.eq, condition, path);
    }

    private static Expression compare(Expression left, Op op, Object value, String path) {
        Object v = value == NULL ? null : value;
        boolean isList = v instanceof Collection<?>;
        return switch (op) {
            case eq -> v == null ? new Expression.IsNull(left, false)
                    : isList ? in(left, (Collection<?>) v, false, path)
                    : comparison(left, ComparisonOperator.EQ, v, path);
            case ne -> v == null ? new Expression.IsNull(left, true) : comparison(left, ComparisonOperator.NE, v, path);
            case gt -> comparison(left, ComparisonOperator.GT, required(v, op, path), path);
            case gte -> comparison(left, ComparisonOperator.GTE, required(v, op, path), path);
            case lt -> comparison(left, ComparisonOperator.LT, required(v, op, path), path);
            case lte -> comparison(left, ComparisonOperator.LTE, required(v, op, path), path);
            case like -> comparison(left, ComparisonOperator.LIKE, pattern(v, op, path), path);
            case notLike -> comparison(left, ComparisonOperator.NOT_LIKE, pattern(v, op, path), path);
            case in, notIn -> {
                if (!isList) {
                    throw new ValidationError(path + ": " + op.key() + " needs a list of values, e.g. [1, 2, 3]; got "
                            + WhereObject.describe(v));
                }
                yield in(left, (Collection<?>) v, op == Op.notIn, path);
            }
            case is -> {
                if (v != null) {
                    throw new ValidationError(path + ": $is accepts only null; use $eq to compare with " + WhereObject.describe(v));
                }
                yield new Expression.IsNull(left, false);
            }
            case not -> {
                if (v != null) {
                    throw new ValidationError(path + ": $not on an expression accepts only null (IS NOT NULL); got "
                            + WhereObject.describe(v));
                }
                yield new Expression.IsNull(left, true);
            }
            default -> throw new ValidationError(path + ": " + op.key() + " is not supported on a function, cast or alias;"
                    + " supported: " + OPERATORS);
        };
    }

    private static Expression comparison(Expression left, ComparisonOperator operator, Object value, String path) {
        Expression right = value instanceof Expression expression ? expression : param(value, path);
        return new Expression.Comparison(left, operator, right);
    }

    private static Expression in(Expression left, Collection<?> values, boolean negated, String path) {
        Vector<Expression> params = Vector.empty();
        int i = 0;
        for (Object value : values) {
            params = params.append(param(value, path + "[" + i++ + "]"));
        }
        return new Expression.In(left, params, negated);
    }

    private static Object required(Object value, Op op, String path) {
        if (value == null) {
            throw new ValidationError(path + ": " + op.key() + " needs a value to compare with, not null");
        }
        return value;
    }

    private static Object pattern(Object value, Op op, String path) {
        if (!(value instanceof CharSequence)) {
            throw new ValidationError(path + ": " + op.key() + " needs a string pattern such as \"J%\"; got "
                    + WhereObject.describe(value));
        }
        return value.toString();
    }

    /**
     * A value with no attribute to type it, bound as a parameter: text, numbers, booleans and null as
     * they are; an instant (or offset date-time) as a DATE.
     */
    static Expression.Param param(Object value, String context) {
        Object v = value == NULL ? null : value;
        return switch (v) {
            case null -> new Expression.Param(null, Option.none());
            case CharSequence text -> new Expression.Param(text.toString(), Option.none());
            case Boolean b -> new Expression.Param(b, Option.none());
            case Integer n -> new Expression.Param(n, Option.none());
            case Long n -> new Expression.Param(n, Option.none());
            case Short n -> new Expression.Param(n, Option.none());
            case Byte n -> new Expression.Param(n, Option.none());
            case BigInteger n -> new Expression.Param(n, Option.none());
            case BigDecimal n -> new Expression.Param(n, Option.none());
            case Double n -> new Expression.Param(n, Option.none());
            case Float n -> new Expression.Param(n, Option.none());
            case Instant i -> new Expression.Param(i.truncatedTo(ChronoUnit.MILLIS), Option.some(DataTypes.DATE));
            case OffsetDateTime o -> new Expression.Param(o.toInstant().truncatedTo(ChronoUnit.MILLIS), Option.some(DataTypes.DATE));
            default -> throw new ValidationError(context + ": cannot bind " + WhereObject.describe(v)
                    + "; a value is a String, number, Boolean, Instant or null, or an expression (fn, col, literal, cast)");
        };
    }

    private static Op operator(Object key, String path) {
        if (key instanceof Op op) {
            return op;
        }
        if (key instanceof String s) {
            return Op.fromKey(s).getOrElseThrow(() -> new ValidationError(path + "." + s + ": unknown operator; supported: "
                    + OPERATORS));
        }
        throw new ValidationError(path + ": expected an operator such as $gt, got " + WhereObject.describe(key));
    }

    private static String keyName(Object key) {
        return key instanceof Op op ? op.key() : String.valueOf(key);
    }
}
