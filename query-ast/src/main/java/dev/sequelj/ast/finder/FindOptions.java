package dev.sequelj.ast.finder;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.statement.OrderItem.Direction;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.Map;

/**
 * The options of {@code findAll}/{@code findOne}, as Sequelize's finder options. Immutable; each
 * method returns new options, and the where clause is parsed as soon as it is given.
 *
 * <pre>{@code
 * import static dev.sequelj.ast.finder.FindOptions.options;
 * users.findAll(options().where(Map.of("lastName", "Hancock")).order("age", Direction.DESC).limit(10));
 * }</pre>
 *
 * @param where      the condition, attributes not yet checked against a model
 * @param attributes the attributes to select; empty means all
 * @param order      attribute names with a direction
 */
public record FindOptions(Option<Expression> where, Seq<String> attributes, Seq<Tuple2<String, Direction>> order,
                          Option<Integer> limit, Option<Integer> offset) {

    private static final FindOptions NONE =
            new FindOptions(Option.none(), Vector.empty(), Vector.empty(), Option.none(), Option.none());

    /** No options: every row, every attribute. */
    public static FindOptions options() {
        return NONE;
    }

    /**
     * Sequelize's object form: {@code Map.of("firstName", "John", "age", Map.of(Op.gt, 18))}. An empty
     * map means no condition at all, as in Sequelize (no WHERE is sent).
     */
    public FindOptions where(Map<?, ?> where) {
        if (where.isEmpty()) {
            return new FindOptions(Option.none(), attributes, order, limit, offset);
        }
        return where(WhereObject.parse(where));
    }

    /** The typed form: {@code Where.col("age").gt(18)}. */
    public FindOptions where(Expression where) {
        return new FindOptions(Option.some(where), attributes, order, limit, offset);
    }

    /** Selects only these attributes. */
    public FindOptions attributes(String... attributes) {
        return new FindOptions(where, Vector.of(attributes), order, limit, offset);
    }

    /** Adds an ORDER BY key. */
    public FindOptions order(String attribute, Direction direction) {
        return new FindOptions(where, attributes, order.append(Tuple.of(attribute, direction)), limit, offset);
    }

    public FindOptions limit(int limit) {
        if (limit < 0) {
            throw new ValidationError("limit must be 0 or more, got " + limit);
        }
        return new FindOptions(where, attributes, order, Option.some(limit), offset);
    }

    public FindOptions offset(int offset) {
        if (offset < 0) {
            throw new ValidationError("offset must be 0 or more, got " + offset);
        }
        return new FindOptions(where, attributes, order, limit, Option.some(offset));
    }
}
