package dev.sequelj.conformance.property;

import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.expression.Expression.Column;
import dev.sequelj.ast.expression.Expression.Param;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.render.dialect.Dialects;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Evaluates a resolved where tree over one row directly in Java, with SQL's three-valued logic and
 * SQLite's rules for comparing values, as the oracle that rendered SQL run on SQLite must agree with.
 *
 * <p>Results are {@code TRUE}, {@code FALSE}, or {@code null} for UNKNOWN; a row is selected only when
 * its condition is {@code TRUE}. The rules, from SQLite's documentation ("Datatypes In SQLite",
 * "SQL Language Expressions"):
 * <ul>
 *   <li>a comparison with NULL on either side is UNKNOWN; {@code IS [NOT] NULL} never is;</li>
 *   <li>{@code x IN (list)} is TRUE if x equals an element; otherwise UNKNOWN if x or an element is
 *       NULL; otherwise FALSE. An empty list is FALSE whatever x is (even NULL); NOT IN negates it;</li>
 *   <li>AND is FALSE if any operand is, else UNKNOWN if any is, else TRUE (an empty AND is TRUE); OR
 *       the other way round (an empty OR is FALSE); NOT UNKNOWN is UNKNOWN;</li>
 *   <li>integers (and booleans, stored as 0 and 1) compare as numbers; text compares by its UTF-8
 *       bytes (the BINARY collation); dates are stored as text, so compare as text;</li>
 *   <li>{@code LIKE}: {@code %} matches any run of characters, {@code _} exactly one, and only ASCII
 *       letters match regardless of case.</li>
 * </ul>
 * Values are taken in the form SQLite stores them: the row's and the parameters' values are both
 * brought to it through {@link #stored}.
 */
public final class SqliteWhereEvaluator {
    private SqliteWhereEvaluator() {}

    /**
     * The condition's truth for the row.
     *
     * @param row column name → value in {@link #stored} form
     */
    public static Boolean evaluate(Expression where, Map<String, Object> row) {
        return switch (where) {
            case Column c -> throw new IllegalArgumentException("a column is not a condition: " + c);
            case Param p -> throw new IllegalArgumentException("a value is not a condition: " + p);
            case Expression.Comparison c -> compare(c, row);
            case Expression.IsNull n -> (operand(n.operand(), row) == null) != n.negated();
            case Expression.In in -> in(in, row);
            case Expression.And and -> {
                Boolean result = true;
                for (Expression operand : and.operands()) {
                    Boolean value = evaluate(operand, row);
                    if (Boolean.FALSE.equals(value)) {
                        yield false;
                    }
                    if (value == null) {
                        result = null;
                    }
                }
                yield result;
            }
            case Expression.Or or -> {
                Boolean result = false;
                for (Expression operand : or.operands()) {
                    Boolean value = evaluate(operand, row);
                    if (Boolean.TRUE.equals(value)) {
                        yield true;
                    }
                    if (value == null) {
                        result = null;
                    }
                }
                yield result;
            }
            case Expression.Not not -> {
                Boolean value = evaluate(not.operand(), row);
                yield value == null ? null : !value;
            }
            // WhereArbitraries generates none of the other operators (BETWEEN, JSON paths, functions, ...) yet.
            default -> throw new IllegalArgumentException("not generated, so not evaluated: " + where);
        };
    }

    /**
     * A value as SQLite stores it, for comparing: the dialect's bound form (a DATE becomes Sequelize's
     * text), then integers and booleans as {@code Long}.
     */
    public static Object stored(DataType type, Object value) {
        Object bound = value == null ? null : Dialects.SQLITE.toDatabaseValue(type, value);
        return switch (bound) {
            case null -> null;
            case Boolean b -> b ? 1L : 0L;
            case Integer i -> (long) i;
            case Long l -> l;
            case String s -> s;
            default -> throw new IllegalArgumentException("no SQLite storage rule for " + bound.getClass().getName());
        };
    }

    private static Boolean compare(Expression.Comparison comparison, Map<String, Object> row) {
        Object left = operand(comparison.left(), row);
        Object right = operand(comparison.right(), row);
        if (left == null || right == null) {
            return null;
        }
        return switch (comparison.operator()) {
            case EQ -> order(left, right) == 0;
            case NE -> order(left, right) != 0;
            case GT -> order(left, right) > 0;
            case GTE -> order(left, right) >= 0;
            case LT -> order(left, right) < 0;
            case LTE -> order(left, right) <= 0;
            case LIKE -> like(left.toString(), right.toString());
            case NOT_LIKE -> !like(left.toString(), right.toString());
            default -> throw new IllegalArgumentException("not generated, so not evaluated: " + comparison.operator());
        };
    }

    private static Boolean in(Expression.In in, Map<String, Object> row) {
        if (in.values().isEmpty()) {
            return in.negated();
        }
        Object left = operand(in.operand(), row);
        if (left == null) {
            return null;
        }
        boolean sawNull = false;
        for (Expression element : in.values()) {
            Object value = operand(element, row);
            if (value == null) {
                sawNull = true;
            } else if (order(left, value) == 0) {
                return !in.negated();
            }
        }
        return sawNull ? null : in.negated();
    }

    private static Object operand(Expression operand, Map<String, Object> row) {
        return switch (operand) {
            case Column c -> {
                if (!row.containsKey(c.name())) {
                    throw new IllegalArgumentException("the row has no column " + c.name() + ": " + row);
                }
                yield row.get(c.name());
            }
            case Param p -> stored(p.type().getOrElseThrow(() -> new IllegalArgumentException("unresolved " + p)), p.value());
            default -> throw new IllegalArgumentException("not a column or a value: " + operand);
        };
    }

    private static int order(Object left, Object right) {
        if (left instanceof Long a && right instanceof Long b) {
            return Long.compare(a, b);
        }
        if (left instanceof String a && right instanceof String b) {
            return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
        }
        throw new IllegalArgumentException("the generators never compare " + left + " with " + right);
    }

    /** SQLite's LIKE without ESCAPE, over code points. */
    static boolean like(String text, String pattern) {
        int[] t = text.codePoints().toArray();
        int[] p = pattern.codePoints().toArray();
        // matches[i][j]: the first i pattern characters match the first j text characters.
        boolean[][] matches = new boolean[p.length + 1][t.length + 1];
        matches[0][0] = true;
        for (int i = 1; i <= p.length; i++) {
            for (int j = 0; j <= t.length; j++) {
                matches[i][j] = switch (p[i - 1]) {
                    case '%' -> matches[i - 1][j] || (j > 0 && matches[i][j - 1]);
                    case '_' -> j > 0 && matches[i - 1][j - 1];
                    default -> j > 0 && matches[i - 1][j - 1] && sameIgnoringAsciiCase(p[i - 1], t[j - 1]);
                };
            }
        }
        return matches[p.length][t.length];
    }

    private static boolean sameIgnoringAsciiCase(int a, int b) {
        return lowerAscii(a) == lowerAscii(b);
    }

    private static int lowerAscii(int c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
}
