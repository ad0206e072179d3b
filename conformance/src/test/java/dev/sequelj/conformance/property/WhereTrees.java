package dev.sequelj.conformance.property;

import dev.sequelj.ast.expression.ComparisonOperator;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.expression.Expression.Column;
import dev.sequelj.ast.expression.Expression.Param;
import io.vavr.collection.Seq;

import java.util.ArrayList;
import java.util.List;

/**
 * The values of an unresolved where tree (as {@link dev.sequelj.ast.finder.Where} builds it), read and
 * replaced by position: the i-th value is the i-th {@code ?} the tree renders to, left to right.
 *
 * <pre>{@code
 * Expression where = or(col("age").gt(18), col("name").in("a", "b"));
 * WhereTrees.slots(where);            // [age GT 18, name IN "a", name IN "b"]
 * WhereTrees.withValue(where, 0, 21); // or(col("age").gt(21), col("name").in("a", "b"))
 * }</pre>
 */
public final class WhereTrees {
    private WhereTrees() {}

    /**
     * One value of a where tree.
     *
     * @param attribute the attribute it is compared with
     * @param pattern   whether it is a LIKE pattern (a string, whatever the attribute's type) rather than
     *                  a value of the attribute's type
     * @param value     the value
     */
    public record ValueSlot(String attribute, boolean pattern, Object value) {}

    /** Every value in the tree, in the order they are written. */
    public static List<ValueSlot> slots(Expression where) {
        List<ValueSlot> slots = new ArrayList<>();
        collect(where, slots);
        return slots;
    }

    /** The tree with its {@code index}-th value (as {@link #slots} counts) replaced. */
    public static Expression withValue(Expression where, int index, Object value) {
        int[] remaining = {index};
        return replace(where, remaining, value);
    }

    private static void collect(Expression where, List<ValueSlot> slots) {
        switch (where) {
            case Column c -> { }
            case Param p -> throw bareValue(p);
            case Expression.Comparison c -> {
                boolean pattern = c.operator() == ComparisonOperator.LIKE || c.operator() == ComparisonOperator.NOT_LIKE;
                slots.add(new ValueSlot(attribute(c.left()), pattern, ((Param) c.right()).value()));
            }
            case Expression.IsNull n -> { }
            case Expression.In in -> in.values().forEach(v -> slots.add(new ValueSlot(attribute(in.operand()), false, ((Param) v).value())));
            case Expression.And and -> and.operands().forEach(e -> collect(e, slots));
            case Expression.Or or -> or.operands().forEach(e -> collect(e, slots));
            case Expression.Not not -> collect(not.operand(), slots);
            // WhereArbitraries generates none of the other operators (BETWEEN, JSON paths, functions, ...) yet.
            default -> throw notGenerated(where);
        }
    }

    private static Expression replace(Expression where, int[] remaining, Object value) {
        return switch (where) {
            case Column c -> c;
            case Param p -> throw bareValue(p);
            case Expression.Comparison c -> new Expression.Comparison(c.left(), c.operator(), replaceParam(c.right(), remaining, value));
            case Expression.IsNull n -> n;
            case Expression.In in -> new Expression.In(in.operand(), in.values().map(v -> replaceParam(v, remaining, value)), in.negated());
            case Expression.And and -> new Expression.And(replaceAll(and.operands(), remaining, value));
            case Expression.Or or -> new Expression.Or(replaceAll(or.operands(), remaining, value));
            case Expression.Not not -> new Expression.Not(replace(not.operand(), remaining, value));
            default -> throw notGenerated(where);
        };
    }

    private static Seq<Expression> replaceAll(Seq<Expression> operands, int[] remaining, Object value) {
        return operands.map(e -> replace(e, remaining, value));
    }

    private static Expression replaceParam(Expression param, int[] remaining, Object value) {
        return remaining[0]-- == 0 ? new Param(value, ((Param) param).type()) : param;
    }

    private static String attribute(Expression operand) {
        return ((Column) operand).name();
    }

    private static IllegalArgumentException notGenerated(Expression where) {
        return new IllegalArgumentException("not generated, so not handled: " + where);
    }

    private static IllegalArgumentException bareValue(Param p) {
        return new IllegalArgumentException("a where tree compares attributes; a bare value " + p + " is not one");
    }
}
