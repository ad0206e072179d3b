package dev.sequelj.conformance.property;

import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.finder.FindOptions;
import dev.sequelj.ast.statement.OrderItem.Direction;
import io.vavr.Tuple2;
import io.vavr.control.Option;

import java.util.List;

/**
 * Random finder options kept as the recipe they were made from, so that {@link #options()} builds a fresh
 * {@link FindOptions} on every call (a second build is a separately built, equal value), and so that a
 * failing case prints readably.
 *
 * @param where      the condition as the typed builder makes it, if any
 * @param form       which of the two where forms {@link #options()} passes it in; the object form cannot
 *                   name an attribute whose name starts with {@code $} (it reads as an operator there)
 * @param attributes the attributes to select; empty for all
 * @param order      order keys by attribute name
 */
public record FindSpec(Option<Expression> where, WhereForm form, List<String> attributes,
                       List<Tuple2<String, Direction>> order, Option<Integer> limit, Option<Integer> offset) {

    /** The two ways a caller writes a where clause. */
    public enum WhereForm {
        /** {@code options().where(Where.col("age").gt(18))} */
        TYPED,
        /** {@code options().where(Map.of("age", Map.of("$gt", 18)))}, through {@link WhereObjectForm} */
        OBJECT
    }

    /** Builds the options, the where clause in this spec's form. */
    public FindOptions options() {
        FindOptions options = FindOptions.options();
        if (where.isDefined()) {
            options = form == WhereForm.TYPED ? options.where(where.get()) : options.where(WhereObjectForm.of(where.get()));
        }
        if (!attributes.isEmpty()) {
            options = options.attributes(attributes.toArray(String[]::new));
        }
        for (Tuple2<String, Direction> key : order) {
            options = options.order(key._1, key._2);
        }
        if (limit.isDefined()) {
            options = options.limit(limit.get());
        }
        if (offset.isDefined()) {
            options = options.offset(offset.get());
        }
        return options;
    }

    public FindSpec withWhere(Option<Expression> where) {
        return new FindSpec(where, form, attributes, order, limit, offset);
    }

    public FindSpec withForm(WhereForm form) {
        return new FindSpec(where, form, attributes, order, limit, offset);
    }

    public FindSpec withLimit(Option<Integer> limit) {
        return new FindSpec(where, form, attributes, order, limit, offset);
    }

    public FindSpec withOffset(Option<Integer> offset) {
        return new FindSpec(where, form, attributes, order, limit, offset);
    }
}
