package dev.sequelj.conformance.property;

import dev.sequelj.ast.expression.ComparisonOperator;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.expression.Expression.Column;
import dev.sequelj.ast.expression.Expression.Param;
import io.vavr.collection.Seq;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an unresolved where tree built with {@link dev.sequelj.ast.finder.Where} in Sequelize's object
 * form, such that {@link dev.sequelj.ast.finder.WhereObject#parse} reads it back as an equal tree. Where
 * Sequelize offers shorter spellings of the same tree, they are used, so that parsing meets them all:
 * <ul>
 *   <li>{@code col("a").eq(5)} → {@code {"a": 5}}; {@code col("a").isNull()} → {@code {"a": null}};
 *       {@code isNotNull()} → {@code {"a": {"$ne": null}}}</li>
 *   <li>an AND of conditions on distinct attributes → one map with several keys {@code {"a": 5, "b": 6}}</li>
 *   <li>an AND of distinct operators on one attribute → {@code {"a": {"$gt": 1, "$lt": 9}}}</li>
 *   <li>an OR of conditions on distinct attributes → {@code {"$or": {"a": 5, "b": 6}}}</li>
 *   <li>otherwise {@code {"$and": [...]}}, {@code {"$or": [...]}}, {@code {"$not": {...}}}</li>
 * </ul>
 * Maps keep their order ({@link LinkedHashMap}), and may hold null values, as Sequelize's do.
 */
public final class WhereObjectForm {
    private WhereObjectForm() {}

    /** The object form of {@code where}. */
    public static Map<String, Object> of(Expression where) {
        return switch (where) {
            case Column c -> throw new IllegalArgumentException("a bare column is not a condition: " + c);
            case Param p -> throw new IllegalArgumentException("a bare value is not a condition: " + p);
            case Expression.Comparison c -> c.operator() == ComparisonOperator.EQ
                    ? entry(attribute(c.left()), value(c.right()))
                    : entry(attribute(c.left()), entry(operatorKey(c.operator()), value(c.right())));
            case Expression.IsNull n -> entry(attribute(n.operand()), n.negated() ? entry("$ne", null) : null);
            case Expression.In in -> entry(attribute(in.operand()),
                    entry(in.negated() ? "$notIn" : "$in", in.values().map(WhereObjectForm::value).toJavaList()));
            case Expression.And and -> and(and.operands());
            case Expression.Or or -> or(or.operands());
            case Expression.Not not -> entry("$not", of(not.operand()));
            // WhereArbitraries generates none of the other operators (BETWEEN, JSON paths, functions, ...) yet.
            default -> throw new IllegalArgumentException("not generated, so not written in object form: " + where);
        };
    }

    private static Map<String, Object> and(Seq<Expression> operands) {
        List<Map<String, Object>> forms = operands.map(WhereObjectForm::of).toJavaList();
        if (forms.size() >= 2 && distinctAttributeKeys(forms)) {
            return merged(forms);
        }
        if (forms.size() >= 2 && sameAttributeDistinctOperators(forms)) {
            List<Map<String, Object>> operatorMaps = new ArrayList<>();
            for (Map<String, Object> form : forms) {
                operatorMaps.add(asMap(form.values().iterator().next()));
            }
            return entry(forms.getFirst().keySet().iterator().next(), merged(operatorMaps));
        }
        return entry("$and", forms);
    }

    private static Map<String, Object> or(Seq<Expression> operands) {
        List<Map<String, Object>> forms = operands.map(WhereObjectForm::of).toJavaList();
        return entry("$or", !forms.isEmpty() && distinctAttributeKeys(forms) ? merged(forms) : forms);
    }

    /** Each form is one attribute's condition, and no two are on the same attribute. */
    private static boolean distinctAttributeKeys(List<Map<String, Object>> forms) {
        List<String> keys = new ArrayList<>();
        for (Map<String, Object> form : forms) {
            String key = form.keySet().iterator().next();
            if (form.size() != 1 || key.startsWith("$") || keys.contains(key)) {
                return false;
            }
            keys.add(key);
        }
        return true;
    }

    /** Each form is one operator (not a plain value) on the same attribute, and no operator comes twice. */
    private static boolean sameAttributeDistinctOperators(List<Map<String, Object>> forms) {
        String attribute = forms.getFirst().keySet().iterator().next();
        List<String> operators = new ArrayList<>();
        for (Map<String, Object> form : forms) {
            if (form.size() != 1 || !form.containsKey(attribute) || attribute.startsWith("$")
                    || !(form.get(attribute) instanceof Map<?, ?> ops) || ops.size() != 1) {
                return false;
            }
            String operator = (String) ops.keySet().iterator().next();
            if (operators.contains(operator)) {
                return false;
            }
            operators.add(operator);
        }
        return true;
    }

    private static Map<String, Object> merged(List<Map<String, Object>> forms) {
        Map<String, Object> merged = new LinkedHashMap<>();
        forms.forEach(merged::putAll);
        return merged;
    }

    private static String operatorKey(ComparisonOperator operator) {
        return operator.sequelizeKey();
    }

    private static Map<String, Object> entry(String key, Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, value);
        return map;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    private static String attribute(Expression operand) {
        return ((Column) operand).name();
    }

    private static Object value(Expression param) {
        return ((Param) param).value();
    }
}
