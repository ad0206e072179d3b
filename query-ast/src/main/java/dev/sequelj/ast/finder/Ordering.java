package dev.sequelj.ast.finder;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.statement.OrderItem.Direction;
import dev.sequelj.ast.statement.OrderItem.Nulls;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.Locale;

/**
 * One entry of a finder's {@code order}: an attribute or selected alias by name, or an expression, with
 * an optional direction and null placement. Sequelize writes these as {@code ['age', 'DESC']},
 * {@code ['age', 'DESC NULLS LAST']}, {@code [fn('max', col('age')), 'DESC']}, {@code sequelize.random()}.
 *
 * @param key       an attribute or alias name (left) or an expression (right)
 * @param direction ASC or DESC; none leaves the database's default (ascending)
 * @param nulls     NULLS FIRST or LAST; none leaves the database's default
 */
public record Ordering(Either<String, Expression> key, Option<Direction> direction, Option<Nulls> nulls) {

    private static final Option<Direction> ASC = Option.some(Direction.ASC);
    private static final Option<Direction> DESC = Option.some(Direction.DESC);
    private static final Option<Nulls> NULLS_FIRST = Option.some(Nulls.FIRST);
    private static final Option<Nulls> NULLS_LAST = Option.some(Nulls.LAST);

    /**
     * {@code Option.some(direction)}, one kept instance per direction rather than a new one per order key
     * (set on most finder calls).
     *
     * @throws ValidationError for a null direction (the overload without one leaves the database's default)
     */
    public static Option<Direction> some(Direction direction) {
        if (direction == Direction.ASC) {
            return ASC;
        }
        if (direction == Direction.DESC) {
            return DESC;
        }
        throw new ValidationError("order: a direction must be ASC or DESC, got null; leave it out for the database's default");
    }

    /**
     * {@code Option.some(nulls)}, one kept instance per placement.
     *
     * @throws ValidationError for a null placement (the overload without one leaves the database's default)
     */
    public static Option<Nulls> some(Nulls nulls) {
        if (nulls == Nulls.FIRST) {
            return NULLS_FIRST;
        }
        if (nulls == Nulls.LAST) {
            return NULLS_LAST;
        }
        throw new ValidationError("order: NULLS must be FIRST or LAST, got null; leave it out for the database's default");
    }

    /** The direction strings Sequelize accepts, in its order, case-insensitively. */
    private static final Vector<String> SEQUELIZE_DIRECTIONS = Vector.of("ASC", "DESC", "ASC NULLS LAST", "DESC NULLS LAST",
            "ASC NULLS FIRST", "DESC NULLS FIRST", "NULLS FIRST", "NULLS LAST");

    /**
     * Reads Sequelize's direction string: {@code ASC}, {@code DESC}, optionally followed by
     * {@code NULLS FIRST} or {@code NULLS LAST}, or either of those alone; any case.
     *
     * @throws ValidationError for anything else, listing what is valid
     */
    public static Tuple2<Option<Direction>, Option<Nulls>> parseDirection(String text) {
        String normalized = text == null ? "" : text.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        if (!SEQUELIZE_DIRECTIONS.contains(normalized)) {
            throw new ValidationError("unknown direction '" + text + "'; expected one of " + SEQUELIZE_DIRECTIONS.mkString(", "));
        }
        Option<Direction> direction = normalized.startsWith("ASC") ? ASC : normalized.startsWith("DESC") ? DESC : Option.none();
        Option<Nulls> nulls = normalized.endsWith("NULLS FIRST") ? NULLS_FIRST
                : normalized.endsWith("NULLS LAST") ? NULLS_LAST : Option.none();
        return Tuple.of(direction, nulls);
    }
}
