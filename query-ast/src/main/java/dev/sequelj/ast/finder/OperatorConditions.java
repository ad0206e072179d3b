package dev.sequelj.ast.finder;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.ComparisonOperator;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.expression.Expression.ArrayValue;
import dev.sequelj.ast.expression.Expression.Column;
import dev.sequelj.ast.expression.Expression.Param;
import dev.sequelj.ast.expression.Expression.Quantified;
import dev.sequelj.ast.expression.Expression.Quantifier;
import dev.sequelj.ast.expression.Parameter;
import io.vavr.collection.Array;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * One Sequelize operator applied to one target (an attribute's column or a JSON path) with the value the
 * caller gave, as an unresolved condition. Everything about the value's <em>shape</em> is checked here,
 * with the path of the offending key ({@code $in} needs a list, {@code $between} two values, {@code $like}
 * a string); whether the value suits the attribute's type is checked when the clause is resolved.
 *
 * <p>The path is any object whose {@code toString()} is the path: it is read only for an error, so the typed
 * form passes one that puts it together then.
 *
 * <p>Both forms come through here: {@link WhereObject} for {@code {"age": {"$gt": 5}}} and {@link Where}
 * for {@code col("age").gt(5)}, so the two read alike and fail alike.
 */
final class OperatorConditions {
    private OperatorConditions() {}

    /**
     * {@code target <op> value}. A value may also be another attribute ({@code {"$col": "b"}} or
     * {@code Where.col("b")}) or a quantified list ({@code {"$any": [1, 2]}} or {@code Where.any(1, 2)}).
     */
    static Expression condition(Expression target, Op op, Object value, Object path) {
        Object operand = operand(value, path);
        return switch (op) {
            case eq -> operand == null ? new Expression.IsNull(target, false)
                    : isList(operand) ? in(target, operand, false)
                    : compare(target, ComparisonOperator.EQ, operand, op, path);
            case ne -> operand == null ? new Expression.IsNull(target, true)
                    : compare(target, ComparisonOperator.NE, single(op, operand, path), op, path);
            case gt -> compare(target, ComparisonOperator.GT, required(op, operand, path), op, path);
            case gte -> compare(target, ComparisonOperator.GTE, required(op, operand, path), op, path);
            case lt -> compare(target, ComparisonOperator.LT, required(op, operand, path), op, path);
            case lte -> compare(target, ComparisonOperator.LTE, required(op, operand, path), op, path);
            case in, notIn -> {
                if (!isList(operand)) {
                    throw new ValidationError(path + ": " + op.key() + " needs a list of values, e.g. [1, 2, 3]; got "
                            + describe(operand));
                }
                yield in(target, operand, op == Op.notIn);
            }
            case is -> switch (operand) {
                case null -> new Expression.IsNull(target, false);
                case Boolean b -> new Expression.IsBoolean(target, b, false);
                default -> throw new ValidationError(path + ": $is accepts only null, true or false; use $eq to compare with "
                        + describe(operand));
            };
            case not -> not(target, operand, path);
            case like -> pattern(target, ComparisonOperator.LIKE, op, operand, path);
            case notLike -> pattern(target, ComparisonOperator.NOT_LIKE, op, operand, path);
            case iLike -> pattern(target, ComparisonOperator.ILIKE, op, operand, path);
            case notILike -> pattern(target, ComparisonOperator.NOT_ILIKE, op, operand, path);
            // Sequelize puts % around the text and escapes nothing in it, so a % or _ inside still matches
            // anything; kept so that the same call finds the same rows as in Sequelize.
            case startsWith -> new Expression.Comparison(target, ComparisonOperator.LIKE, param(text(op, operand, path) + "%"));
            case endsWith -> new Expression.Comparison(target, ComparisonOperator.LIKE, param("%" + text(op, operand, path)));
            case substring -> new Expression.Comparison(target, ComparisonOperator.LIKE, param("%" + text(op, operand, path) + "%"));
            case regexp -> textComparison(target, ComparisonOperator.REGEXP, op, operand, path);
            case notRegexp -> textComparison(target, ComparisonOperator.NOT_REGEXP, op, operand, path);
            case iRegexp -> textComparison(target, ComparisonOperator.IREGEXP, op, operand, path);
            case notIRegexp -> textComparison(target, ComparisonOperator.NOT_IREGEXP, op, operand, path);
            case match -> textComparison(target, ComparisonOperator.MATCH, op, operand, path);
            case between, notBetween -> {
                Vector<Object> bounds = pair(op, operand, path, "[18, 65]");
                yield new Expression.Between(target, param(bounds.get(0)), param(bounds.get(1)), op == Op.notBetween);
            }
            case any, all -> new Expression.Comparison(target, ComparisonOperator.EQ, quantifier(op, operand, path));
            case overlap -> structured(target, ComparisonOperator.OVERLAP, op, operand, path);
            case contains -> structured(target, ComparisonOperator.CONTAINS, op, operand, path);
            case contained -> structured(target, ComparisonOperator.CONTAINED, op, operand, path);
            case adjacent -> range(target, ComparisonOperator.ADJACENT, op, operand, path);
            case strictLeft -> range(target, ComparisonOperator.STRICT_LEFT, op, operand, path);
            case strictRight -> range(target, ComparisonOperator.STRICT_RIGHT, op, operand, path);
            case noExtendRight -> range(target, ComparisonOperator.NO_EXTEND_RIGHT, op, operand, path);
            case noExtendLeft -> range(target, ComparisonOperator.NO_EXTEND_LEFT, op, operand, path);
            case col -> switch (operand) {
                case Column column -> new Expression.Comparison(target, ComparisonOperator.EQ, column);
                case CharSequence name -> new Expression.Comparison(target, ComparisonOperator.EQ,
                        new Column(Option.none(), name.toString()));
                case null, default -> throw new ValidationError(path + ": $col names another attribute, e.g. \"lastName\"; got "
                        + describe(operand));
            };
            case and, or -> throw new IllegalStateException(op.key() + " is combined by the caller, not compared");
        };
    }

    // ---- the typed builder's commonest operators ---------------------------------------------------------
    // Each is condition()'s arm for it, reached without condition()'s switch over every operator: that method is
    // too big for the JIT to inline, so each condition built through it paid a call and had its parts allocated.

    /** {@code target > value}, {@code >=}, {@code <}, {@code <=}: as {@link #condition} for {@code $gt} and the others. */
    static Expression ordered(Expression target, ComparisonOperator operator, Op op, Object value, Object path) {
        return compare(target, operator, required(op, operand(value, path), path), op, path);
    }

    /** {@code target LIKE pattern} and its variants: as {@link #condition} for {@code $like} and the others. */
    static Expression like(Expression target, ComparisonOperator operator, Op op, Object value, Object path) {
        return pattern(target, operator, op, operand(value, path), path);
    }

    /** {@code target [NOT] IN (values...)}: as {@link #condition} for {@code $in} given a list. */
    static Expression inValues(Expression target, Object[] values, boolean negated) {
        Expression[] params = new Expression[values.length];
        for (int i = 0; i < values.length; i++) {
            params[i] = param(values[i]);
        }
        return new Expression.In(target, Array.of(params), negated);
    }

    /** Sequelize's {@code $not} on an attribute: IS NOT NULL, IS NOT TRUE/FALSE, NOT IN, or {@code !=}. */
    private static Expression not(Expression target, Object operand, Object path) {
        return switch (operand) {
            case null -> new Expression.IsNull(target, true);
            case Boolean b -> new Expression.IsBoolean(target, b, true);
            case Quantified q -> compare(target, ComparisonOperator.NE, q, Op.not, path);
            case Column c -> compare(target, ComparisonOperator.NE, c, Op.not, path);
            default -> isList(operand) ? in(target, operand, true) : compare(target, ComparisonOperator.NE, operand, Op.not, path);
        };
    }

    /**
     * The value as a condition operand: {@code {"$col": "b"}} and {@code Where.col("b")} become a column,
     * {@code {"$any": [...]}} / {@code {"$all": [...]}} a quantified list; other maps are kept for the
     * operators that take documents ({@code $contains}) and refused by the rest.
     */
    private static Object operand(Object value, Object path) {
        // Plain values, by far the commonest, return at once; the rest is apart so that this stays small to inline.
        return value instanceof Where.AttributeCondition || value instanceof Map<?, ?> ? columnOrQuantified(value, path) : value;
    }

    private static Object columnOrQuantified(Object value, Object path) {
        if (value instanceof Where.AttributeCondition other) {
            return new Column(Option.none(), other.attribute());
        }
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            Object key = map.keySet().iterator().next();
            Option<Op> op = WhereObject.operator(key, path.toString());
            Object inner = map.values().iterator().next();
            String innerPath = path + "." + (key instanceof Op o ? o.key() : key);
            if (op.contains(Op.col)) {
                if (!(inner instanceof CharSequence name)) {
                    throw new ValidationError(innerPath + ": $col names another attribute, e.g. \"lastName\"; got " + describe(inner));
                }
                return new Column(Option.none(), name.toString());
            }
            if (op.contains(Op.any) || op.contains(Op.all)) {
                return quantifier(op.get(), inner, innerPath);
            }
        }
        return value;
    }

    /**
     * {@code $any: [...]} → a quantified array. An empty list is kept: the resolver makes it the constant it
     * is (no element satisfies ANY of none; ALL of none hold).
     */
    static Quantified quantifier(Op op, Object values, Object path) {
        if (values instanceof Quantified quantified) {
            return quantified;
        }
        if (!isList(values)) {
            throw new ValidationError(path + ": " + op.key() + " needs a list of values, e.g. [1, 2]; got " + describe(values));
        }
        Vector<Object> items = list(values);
        if (items.contains(null)) {
            throw new ValidationError(path + ": " + op.key() + " compares with each value; null is never equal to anything,"
                    + " so leave it out (or add an {\"$is\": null} alternative)");
        }
        return new Quantified(op == Op.any ? Quantifier.ANY : Quantifier.ALL,
                new ArrayValue(items.map(OperatorConditions::param), Option.none()));
    }

    /** An ordinary comparison; a quantified operand turns it into {@code op ANY (...)}, a column into {@code = other}. */
    private static Expression compare(Expression target, ComparisonOperator operator, Object operand, Op op, Object path) {
        if (operand instanceof Quantified || operand instanceof Column) {
            return new Expression.Comparison(target, operator, (Expression) operand);
        }
        if (operand instanceof Map<?, ?>) {
            throw new ValidationError(path + ": " + op.key() + " needs a value, not a map");
        }
        return new Expression.Comparison(target, operator, param(single(op, operand, path)));
    }

    private static Expression pattern(Expression target, ComparisonOperator operator, Op op, Object operand, Object path) {
        if (operand instanceof Quantified || operand instanceof Column) {
            return compare(target, operator, operand, op, path);
        }
        if (operand instanceof Parameter parameter) {
            return new Expression.Comparison(target, operator, param(parameter));
        }
        if (!(operand instanceof CharSequence)) {
            throw new ValidationError(path + ": " + op.key() + " needs a string pattern such as \"J%\"; got " + describe(operand));
        }
        return new Expression.Comparison(target, operator, param(operand.toString()));
    }

    private static Expression textComparison(Expression target, ComparisonOperator operator, Op op, Object operand, Object path) {
        return new Expression.Comparison(target, operator, param(text(op, operand, path)));
    }

    /** Values whose meaning depends on the attribute's type (an array, a range, a JSONB document): kept as given. */
    private static Expression structured(Expression target, ComparisonOperator operator, Op op, Object operand, Object path) {
        if (operand == null) {
            throw new ValidationError(path + ": " + op.key() + " needs a value to compare with, not null");
        }
        if (operand instanceof Column column) {
            return new Expression.Comparison(target, operator, column);
        }
        return new Expression.Comparison(target, operator, param(isList(operand) ? list(operand).toJavaList() : operand));
    }

    /** The range operators take a range written as its two bounds, {@code [1, 10]} (lower inclusive, upper exclusive). */
    private static Expression range(Expression target, ComparisonOperator operator, Op op, Object operand, Object path) {
        if (operand instanceof Column column) {
            return new Expression.Comparison(target, operator, column);
        }
        return new Expression.Comparison(target, operator, param(pair(op, operand, path, "[1, 10]").toJavaList()));
    }

    private static Vector<Object> pair(Op op, Object operand, Object path, String example) {
        if (!isList(operand) || list(operand).size() != 2) {
            throw new ValidationError(path + ": " + op.key() + " needs exactly two values, e.g. " + example + "; got "
                    + describe(operand));
        }
        Vector<Object> pair = list(operand);
        if (pair.contains(null) && op != Op.adjacent && op != Op.strictLeft && op != Op.strictRight
                && op != Op.noExtendLeft && op != Op.noExtendRight) {
            throw new ValidationError(path + ": " + op.key() + " needs two non-null bounds; got " + describe(operand));
        }
        return pair;
    }

    private static String text(Op op, Object operand, Object path) {
        if (!(operand instanceof CharSequence text)) {
            throw new ValidationError(path + ": " + op.key() + " needs a string; got " + describe(operand));
        }
        return text.toString();
    }

    private static Object required(Op op, Object operand, Object path) {
        if (operand == null) {
            throw new ValidationError(path + ": " + op.key() + " needs a value to compare with, not null");
        }
        return operand;
    }

    private static Object single(Op op, Object operand, Object path) {
        if (isList(operand)) {
            throw new ValidationError(path + ": " + op.key() + " needs a single value, not a list");
        }
        return operand;
    }

    private static Expression in(Expression target, Object list, boolean negated) {
        if (list instanceof Collection<?> items) {
            // One array of Params made in place (read by index from a list such as Where.in's varargs), held
            // by an Array: an IN list is built on every finder call that has one.
            Expression[] params;
            if (items instanceof List<?> indexed && items instanceof RandomAccess) {
                params = new Expression[indexed.size()];
                for (int i = 0; i < params.length; i++) {
                    params[i] = param(indexed.get(i));
                }
            } else {
                Object[] values = items.toArray();
                params = new Expression[values.length];
                for (int i = 0; i < values.length; i++) {
                    params[i] = param(values[i]);
                }
            }
            return new Expression.In(target, Array.of(params), negated);
        }
        if (list instanceof Object[] values) {
            return inValues(target, values, negated);
        }
        return new Expression.In(target, list(list).map(OperatorConditions::param), negated);
    }

    static boolean isList(Object value) {
        return value instanceof Collection<?> || (value != null && value.getClass().isArray() && !(value instanceof byte[]));
    }

    static Vector<Object> list(Object value) {
        if (value instanceof Collection<?> c) {
            return Vector.ofAll(c);
        }
        if (value instanceof Object[] array) {
            return Vector.ofAll(Arrays.asList(array));
        }
        // Arrays of primitives (int[], ...): box element by element.
        int length = java.lang.reflect.Array.getLength(value);
        Vector<Object> items = Vector.empty();
        for (int i = 0; i < length; i++) {
            items = items.append(java.lang.reflect.Array.get(value, i));
        }
        return items;
    }

    static Param param(Object value) {
        return new Param(value, Option.none());
    }

    static String describe(Object value) {
        return WhereObject.describe(value);
    }
}
