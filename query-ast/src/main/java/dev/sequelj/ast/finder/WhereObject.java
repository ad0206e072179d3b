package dev.sequelj.ast.finder;

import dev.sequelj.ast.error.Suggestions;
import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.Expression;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;

/**
 * Reads Sequelize's object-form where clause into an (unresolved) {@link Expression}.
 *
 * <p>Keys are attribute names or logical operators ({@link Op#and}, {@link Op#or}, {@link Op#not},
 * or their string keys {@code "$and"} ...). A value is read as Sequelize reads it: {@code null} →
 * {@code IS NULL}; a collection → {@code IN}; a map → operators on that attribute, all of which must
 * hold; anything else → {@code =}. Under an attribute, {@code $or}/{@code $and} combine that attribute's
 * conditions and {@code $not} negates them; a key that is not an operator goes down into a JSON attribute.
 *
 * <pre>{@code
 * WhereObject.parse(Map.of("firstName", "John"))                            // "firstName" = ?
 * WhereObject.parse(Map.of("age", Map.of(Op.gt, 18, Op.lt, 65)))           // ("age" > ? AND "age" < ?)
 * WhereObject.parse(Map.of("$or", List.of(Map.of("a", 5), Map.of("b", 6))))  // ("a" = ? OR "b" = ?)
 * WhereObject.parse(Map.of("age", Map.of("$or", List.of(5, 6))))           // ("age" = ? OR "age" = ?)
 * WhereObject.parse(Map.of("meta", Map.of("address", Map.of("city", "Oslo"))))  // meta's address.city = ?
 * WhereObject.parse(Map.of("meta.age::integer", Map.of("$gt", 30)))         // CAST(meta's age AS INTEGER) > ?
 * }</pre>
 *
 * Structural mistakes (an unknown operator, {@code $in} given a single value) are reported here, with
 * the path of the offending key; unknown attributes, wrong value types, operators that do not apply to
 * the attribute's type and JSON paths into non-JSON attributes when the clause is resolved against a model.
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
                    : attribute(WhereKeys.target(keyName(key), keyPath), entry.getValue(), keyPath));
        }
        return conditions.size() == 1 ? conditions.head() : new Expression.And(conditions);
    }

    private static Expression logical(Op op, Object value, String path) {
        return switch (op) {
            case and -> new Expression.And(operands(value, path));
            case or -> new Expression.Or(operands(value, path));
            // A list under $not is its conjunction, as in Sequelize: NOT (a AND b).
            case not -> new Expression.Not(value instanceof Collection<?>
                    ? junction(new Expression.And(operands(value, path)))
                    : parse(asMap(value, path, "a map of conditions"), path));
            default -> throw new ValidationError(path + ": " + op.key()
                    + " compares an attribute; put it under one, e.g. {\"age\": {\"" + op.key() + "\": ...}}");
        };
    }

    /** A one-operand group is its operand. */
    private static Expression junction(Expression.And and) {
        return and.operands().size() == 1 ? and.operands().head() : and;
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
        return Vector.ofAll(map.entrySet()).map(e -> parse(Collections.singletonMap(e.getKey(), e.getValue()), path));
    }

    /** The condition on one attribute (or JSON path) for the value given under its key. */
    static Expression attribute(Expression target, Object value, String path) {
        if (value instanceof Map<?, ?> operators) {
            return conditions(target, operators, path);
        }
        return OperatorConditions.condition(target, Op.eq, value, path);
    }

    /** A map under an attribute: operators that must all hold, and keys that go down into a JSON attribute. */
    private static Expression conditions(Expression target, Map<?, ?> operators, String path) {
        if (operators.isEmpty()) {
            throw new ValidationError(path + ": an empty operator map; give a value or e.g. {\"$gt\": 5}");
        }
        Vector<Expression> conditions = Vector.empty();
        for (Map.Entry<?, ?> entry : operators.entrySet()) {
            String opPath = path + "." + keyName(entry.getKey());
            Option<Op> op = operator(entry.getKey(), path);
            Object value = entry.getValue();
            Expression condition;
            if (op.isEmpty()) {
                condition = attribute(WhereKeys.descend(target, keyName(entry.getKey()), opPath), value, opPath);
            } else {
                condition = switch (op.get()) {
                    case and -> new Expression.And(alternatives(target, value, opPath));
                    case or -> new Expression.Or(alternatives(target, value, opPath));
                    case not -> value instanceof Map<?, ?> map && !isValueForm(map)
                            ? new Expression.Not(conditions(target, map, opPath))
                            : OperatorConditions.condition(target, Op.not, value, opPath);
                    default -> OperatorConditions.condition(target, op.get(), value, opPath);
                };
            }
            conditions = conditions.append(condition);
        }
        return conditions.size() == 1 ? conditions.head() : new Expression.And(conditions);
    }

    /**
     * The operands of {@code $or}/{@code $and} under an attribute: a list whose items are values or
     * operator maps ({@code [5, {"$gt": 10}]}), or one operator map with one operand per entry.
     */
    private static Vector<Expression> alternatives(Expression target, Object value, String path) {
        if (value instanceof Collection<?> list) {
            Vector<Expression> operands = Vector.empty();
            int i = 0;
            for (Object item : list) {
                operands = operands.append(attribute(target, item, path + "[" + i + "]"));
                i++;
            }
            return operands;
        }
        Map<?, ?> map = asMap(value, path, "a list of values or operator maps, e.g. [5, {\"$gt\": 10}]");
        return Vector.ofAll(map.entrySet()).map(e -> conditions(target, Collections.singletonMap(e.getKey(), e.getValue()), path));
    }

    /** Whether a map is a value form rather than conditions: {@code {"$col": ...}}, {@code {"$any": [...]}}. */
    private static boolean isValueForm(Map<?, ?> map) {
        if (map.size() != 1) {
            return false;
        }
        Object key = map.keySet().iterator().next();
        Option<Op> op = key instanceof Op o ? Option.some(o) : key instanceof String s ? Op.fromKey(s) : Option.none();
        return op.contains(Op.col) || op.contains(Op.any) || op.contains(Op.all);
    }

    /** The operator a key names, none for an attribute; an unknown {@code $key} is an error with a suggestion. */
    static Option<Op> operator(Object key, String path) {
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
        if (OperatorConditions.isList(value)) {
            return "list " + OperatorConditions.list(value).map(item -> item instanceof CharSequence ? "\"" + item + "\"" : item)
                    .mkString("[", ", ", "]");
        }
        if (value instanceof Map<?, ?> map) {
            return "map " + map;
        }
        return value.getClass().getSimpleName() + " " + (value instanceof CharSequence ? "\"" + value + "\"" : value);
    }
}
