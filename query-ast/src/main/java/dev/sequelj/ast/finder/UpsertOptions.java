package dev.sequelj.ast.finder;

import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * The options of {@code Model.upsert(values, options)} that change the SQL, as Sequelize's.
 *
 * <pre>{@code
 * UpsertOptions.options().conflictFields("email").fields("firstName")
 * }</pre>
 *
 * @param fields         only these attributes are overwritten when the row exists (every given value is
 *                       still inserted when it does not); all when none
 * @param returning      what the statement hands back; the stored row unless said otherwise
 * @param conflictFields the unique key the row is matched on; the primary key when empty
 */
public record UpsertOptions(Option<Seq<String>> fields, Returning returning, Seq<String> conflictFields) {
    private static final UpsertOptions NONE = new UpsertOptions(Option.none(), Returning.ALL, Vector.empty());

    /** Sequelize's defaults: matched on the primary key, every given value overwritten, the row handed back. */
    public static UpsertOptions options() {
        return NONE;
    }

    public UpsertOptions fields(String... fields) {
        return fields(Vector.of(fields));
    }

    public UpsertOptions fields(Iterable<String> fields) {
        return new UpsertOptions(Option.some(Vector.ofAll(fields)), returning, conflictFields);
    }

    public UpsertOptions returning(boolean returning) {
        return returning(returning ? Returning.ALL : Returning.NONE);
    }

    public UpsertOptions returning(Returning returning) {
        return new UpsertOptions(fields, returning, conflictFields);
    }

    public UpsertOptions conflictFields(String... attributes) {
        return conflictFields(Vector.of(attributes));
    }

    public UpsertOptions conflictFields(Iterable<String> attributes) {
        return new UpsertOptions(fields, returning, Vector.ofAll(attributes));
    }
}
