package dev.sequelj.executor.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.finder.Op;
import dev.sequelj.ast.finder.SqlExpressions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.sequelj.executor.request.JsonShapes.*;

/**
 * Reads the JSON forms of Sequelize's helpers, as the oracle wrapper ({@code conformance/oracle/oracle.js})
 * turns them into the helpers:
 * <ul>
 *   <li>{@code {"$fn": "COUNT", "args": [{"$col": "id"}]}} → {@code fn("COUNT", col("id"))}</li>
 *   <li>{@code {"$col": "user.age"}} → {@code col("user.age")}</li>
 *   <li>{@code {"$literal": "CURRENT_DATE"}} → {@code literal("CURRENT_DATE")}</li>
 *   <li>{@code {"$cast": {"$col": "age"}, "type": "TEXT"}} → {@code cast(col("age"), "TEXT")}</li>
 *   <li>{@code {"$random": true}} → {@code random()}</li>
 *   <li>{@code {"$where": <expression>, "logic": {"$gt": 1}}} (optionally {@code "comparator": ">"} with a
 *       plain {@code logic} value) → {@code where(expression, Map.of(Op.gt, 1))}</li>
 * </ul>
 * An argument or cast operand that is not one of these is a value, bound as a parameter.
 */
final class SqlExpressionReader {
    private static final List<String> FORMS = List.of("$fn", "$col", "$literal", "$cast", "$random", "$where");
    private static final Map<String, Op> COMPARATORS = Map.of("=", Op.eq, "!=", Op.ne, "<>", Op.ne, ">", Op.gt,
            ">=", Op.gte, "<", Op.lt, "<=", Op.lte, "LIKE", Op.like, "NOT LIKE", Op.notLike);

    private SqlExpressionReader() {}

    /** Whether the node is one of the helper forms (an object with one of their keys). */
    static boolean isExpression(JsonNode node) {
        return node instanceof ObjectNode object && FORMS.stream().anyMatch(object::has);
    }

    /** A helper form; anything else is an error naming the forms there are. */
    static Expression expression(JsonNode node, String path) {
        if (!isExpression(node)) {
            throw error(path, "expected one of {\"$fn\": ..., \"args\": [...]}, {\"$col\": ...}, {\"$literal\": ...},"
                    + " {\"$cast\": ..., \"type\": ...}, {\"$random\": true}; got " + describe(node));
        }
        ObjectNode object = (ObjectNode) node;
        try {
            if (object.has("$fn")) {
                checkKeys(object, path, List.of("$fn", "args"), "key of $fn");
                String name = text(object.get("$fn"), path + ".$fn");
                List<Object> arguments = new ArrayList<>();
                if (object.has("args")) {
                    JsonNode args = array(object.get("args"), path + ".args");
                    for (int i = 0; i < args.size(); i++) {
                        arguments.add(operand(args.get(i), path + ".args[" + i + "]"));
                    }
                }
                return SqlExpressions.fn(name, arguments.toArray());
            }
            if (object.has("$col")) {
                checkKeys(object, path, List.of("$col"), "key of $col");
                return SqlExpressions.col(text(object.get("$col"), path + ".$col"));
            }
            if (object.has("$literal")) {
                checkKeys(object, path, List.of("$literal"), "key of $literal");
                return SqlExpressions.literal(text(object.get("$literal"), path + ".$literal"));
            }
            if (object.has("$cast")) {
                checkKeys(object, path, List.of("$cast", "type"), "key of $cast");
                return SqlExpressions.cast(operand(object.get("$cast"), path + ".$cast"),
                        text(required(object, path, "type"), path + ".type"));
            }
            if (object.has("$random")) {
                checkKeys(object, path, List.of("$random"), "key of $random");
                if (!bool(object.get("$random"), path + ".$random")) {
                    throw error(path + ".$random", "only true means anything here");
                }
                return SqlExpressions.random();
            }
            return where(object, path);
        } catch (ValidationError e) {
            throw e.getMessage().startsWith(path) ? e : error(path, e.getMessage());
        }
    }

    /** {@code Sequelize.where(left, logic)} or {@code Sequelize.where(left, comparator, value)}. */
    private static Expression where(ObjectNode object, String path) {
        checkKeys(object, path, List.of("$where", "comparator", "logic"), "key of $where");
        Expression left = expression(object.get("$where"), path + ".$where");
        Object logic = WhereReader.condition(required(object, path, "logic"), io.vavr.control.Option.none(), path + ".logic");
        if (!object.has("comparator")) {
            return SqlExpressions.where(left, logic);
        }
        String comparator = text(object.get("comparator"), path + ".comparator");
        Op op = COMPARATORS.get(comparator.toUpperCase(java.util.Locale.ROOT));
        if (op == null) {
            throw error(path + ".comparator", "unknown comparator '" + comparator + "'; expected one of "
                    + String.join(", ", new java.util.TreeSet<>(COMPARATORS.keySet())));
        }
        return SqlExpressions.where(left, op, logic);
    }

    /** A helper form, or a scalar value (string, number, boolean, null). */
    static Object operand(JsonNode node, String path) {
        if (node.isObject()) {
            return expression(node, path);
        }
        return value(node, false, path);
    }
}
