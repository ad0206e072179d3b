package dev.sequelj.ast.finder;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.Expression;
import io.vavr.collection.Vector;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;

/**
 * Reads a {@code having} in Sequelize's object form into an (unresolved) expression. It is a where
 * object with two additions: a key may name an alias of a selected expression as well as an attribute
 * (which of the two is decided against the model, by {@link HavingResolver}), and the lists of
 * {@code $and}/{@code $or} may hold finished conditions ({@link SqlExpressions#where}), as Sequelize's
 * {@code Sequelize.where(...)} items. Each attribute-or-alias entry is read by the where parser.
 */
final class HavingObject {
    private HavingObject() {}

    static Expression parse(Map<?, ?> having, String path) {
        Vector<Expression> conditions = Vector.empty();
        for (Map.Entry<?, ?> entry : having.entrySet()) {
            Object key = entry.getKey();
            Op logical = logicalOperator(key);
            String keyPath = path + "." + (key instanceof Op op ? op.key() : String.valueOf(key));
            if (logical == null) {
                conditions = conditions.append(WhereObject.parse(Collections.singletonMap(key, entry.getValue()), path));
            } else {
                conditions = conditions.append(switch (logical) {
                    case and -> new Expression.And(operands(entry.getValue(), keyPath));
                    case or -> new Expression.Or(operands(entry.getValue(), keyPath));
                    default -> new Expression.Not(condition(entry.getValue(), keyPath));
                });
            }
        }
        return conditions.size() == 1 ? conditions.head() : new Expression.And(conditions);
    }

    /** {@code $and}/{@code $or} take a list of conditions, or one map whose entries are the operands. */
    private static Vector<Expression> operands(Object value, String path) {
        if (value instanceof Collection<?> list) {
            Vector<Expression> operands = Vector.empty();
            int i = 0;
            for (Object item : list) {
                operands = operands.append(condition(item, path + "[" + i++ + "]"));
            }
            return operands;
        }
        if (value instanceof Map<?, ?> map) {
            return Vector.ofAll(map.entrySet()).map(e -> parse(Collections.singletonMap(e.getKey(), e.getValue()), path));
        }
        throw new ValidationError(path + ": expected a list of conditions, got " + WhereObject.describe(value));
    }

    private static Expression condition(Object value, String path) {
        return switch (value) {
            case Expression finished -> finished;
            case Map<?, ?> map -> parse(map, path);
            default -> throw new ValidationError(path + ": expected a condition map or Sequelize.where(...), got "
                    + WhereObject.describe(value));
        };
    }

    /** The logical operator a key is ({@code $and}, {@code $or}, {@code $not}), or null for a name. */
    private static Op logicalOperator(Object key) {
        Op op = key instanceof Op given ? given
                : key instanceof String s && s.startsWith("$") ? Op.fromKey(s).getOrNull() : null;
        return op != null && op.isLogical() ? op : null;
    }
}
