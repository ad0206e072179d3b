package dev.sequelj.ast.finder;

import dev.sequelj.ast.expression.Expression;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.Map;

/**
 * The options of {@code Model.update(values, options)}, as Sequelize's. A where clause is required, as
 * in Sequelize; an empty one ({@code Map.of()}) updates every row.
 *
 * <pre>{@code
 * UpdateOptions.options().where(Map.of("id", 5)).returning(true)
 * }</pre>
 *
 * @param where     the rows to change; required (an empty {@code And} for every row)
 * @param returning what the UPDATE hands back; the row count unless said otherwise
 * @param limit     change at most this many rows
 * @param fields    only these of the given values are written; all when none
 * @param silent    leave {@code updatedAt} alone
 * @param paranoid  on a paranoid model, leave soft-deleted rows alone (Sequelize's default)
 */
public record UpdateOptions(Option<Expression> where, Returning returning, Option<Integer> limit,
                            Option<Seq<String>> fields, boolean silent, boolean paranoid) {
    private static final UpdateOptions NONE =
            new UpdateOptions(Option.none(), Returning.NONE, Option.none(), Option.none(), false, true);

    /** No options yet; a where clause must still be given. */
    public static UpdateOptions options() {
        return NONE;
    }

    /** Sequelize's object form; {@code Map.of()} means every row. */
    public UpdateOptions where(Map<?, ?> where) {
        return where(WriteWhere.parse(where));
    }

    /** The typed form: {@code Where.col("age").gt(18)}. */
    public UpdateOptions where(Expression where) {
        return new UpdateOptions(Option.some(where), returning, limit, fields, silent, paranoid);
    }

    public UpdateOptions returning(boolean returning) {
        return returning(returning ? Returning.ALL : Returning.NONE);
    }

    public UpdateOptions returning(Returning returning) {
        return new UpdateOptions(where, returning, limit, fields, silent, paranoid);
    }

    public UpdateOptions limit(int limit) {
        return new UpdateOptions(where, returning, Option.some(WriteWhere.checkLimit(limit)), fields, silent, paranoid);
    }

    public UpdateOptions fields(String... fields) {
        return fields(Vector.of(fields));
    }

    public UpdateOptions fields(Iterable<String> fields) {
        return new UpdateOptions(where, returning, limit, Option.some(Vector.ofAll(fields)), silent, paranoid);
    }

    public UpdateOptions silent(boolean silent) {
        return new UpdateOptions(where, returning, limit, fields, silent, paranoid);
    }

    public UpdateOptions paranoid(boolean paranoid) {
        return new UpdateOptions(where, returning, limit, fields, silent, paranoid);
    }
}
