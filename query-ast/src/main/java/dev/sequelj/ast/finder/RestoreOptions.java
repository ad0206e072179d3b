package dev.sequelj.ast.finder;

import dev.sequelj.ast.expression.Expression;
import io.vavr.control.Option;

import java.util.Map;

/**
 * The options of {@code Model.restore(options)} on a paranoid model, as Sequelize's: without a where
 * clause every soft-deleted row is restored.
 *
 * <pre>{@code
 * WriteStatements.restore(user, RestoreOptions.options().where(Map.of("id", 5)));
 * }</pre>
 *
 * @param where the rows to restore; all when none
 * @param limit restore at most this many rows
 */
public record RestoreOptions(Option<Expression> where, Option<Integer> limit) {
    private static final RestoreOptions NONE = new RestoreOptions(Option.none(), Option.none());

    /** Every row. */
    public static RestoreOptions options() {
        return NONE;
    }

    /** Sequelize's object form; {@code Map.of()} means every row. */
    public RestoreOptions where(Map<?, ?> where) {
        return where(WriteWhere.parse(where));
    }

    public RestoreOptions where(Expression where) {
        return new RestoreOptions(Option.some(where), limit);
    }

    public RestoreOptions limit(int limit) {
        return new RestoreOptions(where, Option.some(WriteWhere.checkLimit(limit)));
    }
}
