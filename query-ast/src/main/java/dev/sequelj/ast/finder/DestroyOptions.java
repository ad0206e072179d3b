package dev.sequelj.ast.finder;

import dev.sequelj.ast.expression.Expression;
import io.vavr.control.Option;

import java.util.Map;

/**
 * The options of {@code Model.destroy(options)} and {@code Model.truncate(options)}, as Sequelize's. A
 * where clause or {@code truncate} is required, as in Sequelize; an empty where ({@code Map.of()})
 * deletes every row.
 *
 * <pre>{@code
 * DestroyOptions.options().where(Map.of("id", 5))
 * DestroyOptions.options().where(Map.of("id", 5)).force(true)         // a paranoid model's row, for good
 * DestroyOptions.options().truncate(true).cascade(true)
 * }</pre>
 *
 * @param where           the rows to delete
 * @param force           on a paranoid model, delete instead of stamping {@code deletedAt}
 * @param limit           delete at most this many rows
 * @param truncate        empty the table with TRUNCATE (the where clause is then not used)
 * @param cascade         with {@code truncate}: also empty the tables that refer to this one (PostgreSQL)
 * @param restartIdentity with {@code truncate}: restart the auto-increment counter
 */
public record DestroyOptions(Option<Expression> where, boolean force, Option<Integer> limit, boolean truncate,
                             boolean cascade, boolean restartIdentity) {
    private static final DestroyOptions NONE = new DestroyOptions(Option.none(), false, Option.none(), false, false, false);

    /** No options yet; a where clause or {@code truncate} must still be given. */
    public static DestroyOptions options() {
        return NONE;
    }

    /** Sequelize's object form; {@code Map.of()} means every row. */
    public DestroyOptions where(Map<?, ?> where) {
        return where(WriteWhere.parse(where));
    }

    /** The typed form: {@code Where.col("age").gt(18)}. */
    public DestroyOptions where(Expression where) {
        return new DestroyOptions(Option.some(where), force, limit, truncate, cascade, restartIdentity);
    }

    public DestroyOptions force(boolean force) {
        return new DestroyOptions(where, force, limit, truncate, cascade, restartIdentity);
    }

    public DestroyOptions limit(int limit) {
        return new DestroyOptions(where, force, Option.some(WriteWhere.checkLimit(limit)), truncate, cascade, restartIdentity);
    }

    public DestroyOptions truncate(boolean truncate) {
        return new DestroyOptions(where, force, limit, truncate, cascade, restartIdentity);
    }

    public DestroyOptions cascade(boolean cascade) {
        return new DestroyOptions(where, force, limit, truncate, cascade, restartIdentity);
    }

    public DestroyOptions restartIdentity(boolean restartIdentity) {
        return new DestroyOptions(where, force, limit, truncate, cascade, restartIdentity);
    }
}
