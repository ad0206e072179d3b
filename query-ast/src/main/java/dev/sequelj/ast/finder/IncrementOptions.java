package dev.sequelj.ast.finder;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.Expression;
import io.vavr.control.Option;

import java.util.Map;

/**
 * The options of {@code Model.increment(fields, options)} and {@code Model.decrement(fields, options)},
 * as Sequelize's. A where clause is required, as in Sequelize.
 *
 * <pre>{@code
 * WriteStatements.increment(user, List.of("age"), IncrementOptions.options().where(Map.of("id", 5)).by(2), now);
 * }</pre>
 *
 * @param where     the rows to change; required
 * @param by        how much each named attribute changes; 1 unless said otherwise (a map of attribute →
 *                  amount gives its own amounts)
 * @param silent    leave {@code updatedAt} alone
 * @param returning what the UPDATE hands back; the changed rows unless said otherwise, where the dialect can
 */
public record IncrementOptions(Option<Expression> where, Number by, boolean silent, Returning returning) {
    private static final IncrementOptions NONE = new IncrementOptions(Option.none(), 1, false, Returning.ALL);

    /** Sequelize's defaults: by 1, {@code updatedAt} stamped, the changed rows handed back. */
    public static IncrementOptions options() {
        return NONE;
    }

    /** Sequelize's object form; {@code Map.of()} means every row. */
    public IncrementOptions where(Map<?, ?> where) {
        return where(WriteWhere.parse(where));
    }

    public IncrementOptions where(Expression where) {
        return new IncrementOptions(Option.some(where), by, silent, returning);
    }

    /** The amount, checked against each attribute's type when the statement is built. */
    public IncrementOptions by(Number by) {
        if (by == null) {
            throw new ValidationError("by: give a number, not null");
        }
        return new IncrementOptions(where, by, silent, returning);
    }

    public IncrementOptions silent(boolean silent) {
        return new IncrementOptions(where, by, silent, returning);
    }

    public IncrementOptions returning(boolean returning) {
        return returning(returning ? Returning.ALL : Returning.NONE);
    }

    public IncrementOptions returning(Returning returning) {
        return new IncrementOptions(where, by, silent, returning);
    }
}
