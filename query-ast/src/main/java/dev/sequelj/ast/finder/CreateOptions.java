package dev.sequelj.ast.finder;

import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * The options of {@code Model.create(values, options)} that change the SQL, as Sequelize's.
 *
 * <pre>{@code
 * WriteStatements.create(user, Map.of("firstName", "John"), CreateOptions.options().ignoreDuplicates(true), now);
 * }</pre>
 *
 * @param fields           only these attributes are written (the timestamps are added); all when none
 * @param returning        what the INSERT hands back; the whole stored row unless said otherwise
 * @param ignoreDuplicates skip the row if it collides with an existing one on a unique key
 * @param silent           leave {@code updatedAt} as given instead of stamping it
 */
public record CreateOptions(Option<Seq<String>> fields, Returning returning, boolean ignoreDuplicates, boolean silent) {
    private static final CreateOptions NONE = new CreateOptions(Option.none(), Returning.STORED_ROW, false, false);

    /** Sequelize's defaults: every given attribute, the stored row handed back. */
    public static CreateOptions options() {
        return NONE;
    }

    public CreateOptions fields(String... fields) {
        return fields(Vector.of(fields));
    }

    public CreateOptions fields(Iterable<String> fields) {
        return new CreateOptions(Option.some(Vector.ofAll(fields)), returning, ignoreDuplicates, silent);
    }

    public CreateOptions returning(boolean returning) {
        return returning(returning ? Returning.ALL : Returning.NONE);
    }

    public CreateOptions returning(Returning returning) {
        return new CreateOptions(fields, returning, ignoreDuplicates, silent);
    }

    public CreateOptions ignoreDuplicates(boolean ignoreDuplicates) {
        return new CreateOptions(fields, returning, ignoreDuplicates, silent);
    }

    public CreateOptions silent(boolean silent) {
        return new CreateOptions(fields, returning, ignoreDuplicates, silent);
    }
}
