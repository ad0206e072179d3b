package dev.sequelj.ast.finder;

import dev.sequelj.ast.error.Suggestions;
import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.ComparisonOperator;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.expression.Expression.Column;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.Collection;
import java.util.Map;

/**
 * Reads Sequelize's object-form where clause into an (unresolved) {@link Expression}.
 *
 * <p>Keys are attribute names or logical operators ({@link Op#and}, {@link Op#or}, {@link Op#not},
 * or their string keys {@code "$and"} ...). A value is read as Sequelize reads it: {@code null} →
 * {@code IS NULL}; a collection → {@code IN}; a map → operators on that attribute, all of which must
 * hold; anything else → {@code =}.
 *
 * <pre>{@code
 * WhereObject.parse(Map.of("firstName", "John"))                            // "firstName" = ?
 * WhereObject.parse(Map.of("age", Map.of(Op.gt, 18, Op.lt, 65)))           // ("age" > ? AND "age" < ?)
 * WhereObject.parse(Map.of("$or", List.of(Map.of("a", 5), Map.of("b", 6))))  // ("a" = ? OR "b" = ?)
 * }</pre>
 *
 * Structural mistakes (an unknown operator, {@code $in} given a single value) are reported here, with
 * the path of the offending key; unknown attributes and wrong value types when the clause is resolved
 * against a model.
 */
public final class WhereObject {
    private WhereObject() {}

    /** Parses a where map; {@code path} prefixes error messages ({@code "where"}). */
    public static Expression parse(Map<?, ?> where) {
        return parse(where, "where");
    }

    static Expression parse(Map<?, ?> where, String path) {
        Vector<Expression> conditions = Vector.empty();
        for (Map.Entry<?, ?> entry : where.entrySet()) {
            Object key = entry.getKey();
            Option<Op> op = operator(key, path);
            String keyPath = path + "." + keyName(key);
            conditions = conditions.append(op.isDefined()
                    ? logical(op.get(), entry.getValue(), keyPath)
                    : attribute(keyName(key), entry.getValue(), keyPath));
        }
        return conditions.size() == 1 ? conditions.head() : new Expression.And(conditions);
    }

    private static Expression logical(Op op, Object value, String path) {
        return switch (op) {
            case and -> new Expression.And(operands(value, path));
            case or -> new Expression.Or(operands(value, path));
            case not -> new Expression.Not(parse(asMap(value, path, "a map of conditions"), path));
            default -> throw new ValidationError(path + ": " + op.key()
                    + " compares an attribute; put it under one, e.g. {\"age\": {\"" + op.key() + "\": ...}}");
        };
    }

    /** {@code $and}/{@code $or} take a list of condition maps, or one map whose entries are the operands. */
    private static Vector<Expression> operands(Object value, String path) {
        if (value instanceof Collection<?> list) {
            Vector<Expression> operands = Vector.empty();
            int i = 0;
            for (Object item : list) {
                operands = operands.append(parse(asMap(item, path + "[" + i + "]", "a map of conditions"), path + "[" + i + "]"));
                i++;
            }
            return operands;
        }
        Map<?, ?> map = asMap(value, path, "a list of condition maps");
        return Vector.ofAll(map.entrySet()).map(e -> parse(java.util.Collections.singletonMap(e.getKey(), e.getValue()), path));
    }

    private static Expression attribute(String attribute, Object value, String path) {
        Column column = new Column(Option.none(), attribute);
        if (value instanceof Map<?, ?> operators) {
            if (operators.isEmpty()) {
                throw new ValidationError(path + ": an empty operator map; give a value or e.g. {\"$gt\": 5}");
            }
            Vector<Expression> conditions = Vector.empty();
            for (Map.Entry<?, ?> entry : operators.entrySet()) {
                String opPath = path + "." + keyName(entry.getKey());
                Option<Op> op = operator(entry.getKey(), path);
                if (op.isEmpty()) {
                    throw new ValidationError(opPath + ": expected an operator such as $eq or $gt inside an attribute's"
                            + " condition, not another attribute");
                }
                conditions = conditions.append(comparison(column, op.get(), entry.getValue(), opPath));
            }
            return conditions.size() == 1 ? conditions.head() : new Expression.And(conditions);
        }
        return comparison(column, Op.eq, value, path);
    }

    private static Expression comparison(Column column, Op op, Object value, String path) {
        if (op.isLogical()) {
            throw new ValidationError(path + ": " + op.key()
                    + " combines conditions; use it at the top of a where clause, not inside an attribute's condition");
        }
        if (value instanceof Map<?, ?>) {
            throw new ValidationError(path + ": " + op.key() + " needs a value, not a map");
        }
        boolean isList = value instanceof Collection<?> || (value != null && value.getClass().isArray() && !(value instanceof byte[]));
        if (isList && op != Op.in && op != Op.notIn && op != Op.eq) {
            throw new ValidationError(path + ": " + op.key() + " needs a single value, not a list");
        }
        return switch (op) {
            case eq -> isList ? in(column, value, false) : Where.col(column.name()).eq(value);
            case ne -> Where.col(column.name()).ne(value);
            case gt -> ordered(column, ComparisonOperator.GT, op, value, path);
            case gte -> ordered(column, ComparisonOperator.GTE, op, value, path);
            case lt -> ordered(column, ComparisonOperator.LT, op, value, path);
            case lte -> ordered(column, ComparisonOperator.LTE, op, value, path);
            case like -> pattern(column, ComparisonOperator.LIKE, op, value, path);
            case notLike -> pattern(column, ComparisonOperator.NOT_LIKE, op, value, path);
            case in, notIn -> {
                if (!isList) {
                    throw new ValidationError(path + ": " + op.key() + " needs a list of values, e.g. [1, 2, 3]; got "
                            + describe(value));
                }
                yield in(column, value, op == Op.notIn);
            }
            case is -> {
                if (value != null) {
                    throw new ValidationError(path + ": $is accepts only null; use $eq to compare with " + describe(value));
                }
                yield new Expression.IsNull(column, false);
            }
            case and, or, not -> throw new IllegalStateException("logical operators are refused above");
        };
    }

    private static Expression ordered(Column column, ComparisonOperator operator, Op op, Object value, String path) {
        if (value == null) {
            throw new ValidationError(path + ": " + op.key() + " needs a value to compare with, not null");
        }
        return new Expression.Comparison(column, operator, Where.param(value));
    }

    private static Expression pattern(Column column, ComparisonOperator operator, Op op, Object value, String path) {
        if (!(value instanceof CharSequence)) {
            throw new ValidationError(path + ": " + op.key() + " needs a string pattern such as \"J%\"; got " + describe(value));
        }
        return new Expression.Comparison(column, operator, Where.param(value.toString()));
    }

    private static Expression in(Column column, Object list, boolean negated) {
        Vector<Object> values = list instanceof Collection<?> c ? Vector.ofAll(c) : Vector.ofAll(java.util.Arrays.asList((Object[]) list));
        return new Expression.In(column, values.map(Where::param), negated);
    }

    /** The operator a key names, none for an attribute; an unknown {@code $key} is an error with a suggestion. */
    private static Option<Op> operator(Object key, String path) {
        if (key instanceof Op op) {
            return Option.some(op);
        }
        if (key instanceof String s && s.startsWith("$")) {
            Option<Op> op = Op.fromKey(s);
            if (op.isEmpty()) {
                throw new ValidationError(path + "." + s + ": unknown operator" + Suggestions.nearest(s, Op.keys())
                        .map(near -> "; did you mean " + near + "?").getOrElse(() -> "; operators are " + Op.keys().mkString(", ")));
            }
            return op;
        }
        if (key instanceof String) {
            return Option.none();
        }
        throw new ValidationError(path + ": keys must be attribute names or operators, got " + describe(key));
    }

    private static String keyName(Object key) {
        return key instanceof Op op ? op.key() : String.valueOf(key);
    }

    private static Map<?, ?> asMap(Object value, String path, String expected) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new ValidationError(path + ": expected " + expected + ", got " + describe(value));
    }

    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        return value.getClass().getSimpleName() + " " + (value instanceof CharSequence ? "\"" + value + "\"" : value);
    }
}
