package dev.sequelj.ast.finder;

import dev.sequelj.ast.error.ValidationError;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * The options of {@code Model.bulkCreate(rows, options)} that change the SQL, as Sequelize's.
 *
 * <pre>{@code
 * BulkCreateOptions.options().updateOnDuplicate("firstName", "age")     // upsert every row on the primary key
 * BulkCreateOptions.options().ignoreDuplicates(true).returning(false)
 * }</pre>
 *
 * @param fields             only these attributes are written (the timestamps are added); all when none
 * @param returning          what the INSERT hands back; every stored row unless said otherwise
 * @param ignoreDuplicates   skip rows that collide with existing ones on a unique key
 * @param updateOnDuplicate  attributes to overwrite in an existing row a new row collides with; none when empty
 * @param conflictAttributes the unique key {@code updateOnDuplicate} matches on (ON CONFLICT's target);
 *                           the primary key when empty
 */
public record BulkCreateOptions(Option<Seq<String>> fields, Returning returning, boolean ignoreDuplicates,
                                Seq<String> updateOnDuplicate, Seq<String> conflictAttributes) {
    private static final BulkCreateOptions NONE =
            new BulkCreateOptions(Option.none(), Returning.STORED_ROW, false, Vector.empty(), Vector.empty());

    /** Sequelize's defaults: every given attribute, the stored rows handed back, duplicates refused. */
    public static BulkCreateOptions options() {
        return NONE;
    }

    public BulkCreateOptions fields(String... fields) {
        return fields(Vector.of(fields));
    }

    public BulkCreateOptions fields(Iterable<String> fields) {
        return new BulkCreateOptions(Option.some(Vector.ofAll(fields)), returning, ignoreDuplicates, updateOnDuplicate,
                conflictAttributes);
    }

    public BulkCreateOptions returning(boolean returning) {
        return returning(returning ? Returning.ALL : Returning.NONE);
    }

    public BulkCreateOptions returning(Returning returning) {
        return new BulkCreateOptions(fields, returning, ignoreDuplicates, updateOnDuplicate, conflictAttributes);
    }

    public BulkCreateOptions ignoreDuplicates(boolean ignoreDuplicates) {
        return new BulkCreateOptions(fields, returning, ignoreDuplicates, updateOnDuplicate, conflictAttributes);
    }

    /** The attributes to overwrite when a row collides; at least one, as Sequelize requires. */
    public BulkCreateOptions updateOnDuplicate(String... attributes) {
        return updateOnDuplicate(Vector.of(attributes));
    }

    public BulkCreateOptions updateOnDuplicate(Iterable<String> attributes) {
        Vector<String> names = Vector.ofAll(attributes);
        if (names.isEmpty()) {
            throw new ValidationError("updateOnDuplicate: give at least one attribute to update");
        }
        return new BulkCreateOptions(fields, returning, ignoreDuplicates, names, conflictAttributes);
    }

    public BulkCreateOptions conflictAttributes(String... attributes) {
        return conflictAttributes(Vector.of(attributes));
    }

    public BulkCreateOptions conflictAttributes(Iterable<String> attributes) {
        return new BulkCreateOptions(fields, returning, ignoreDuplicates, updateOnDuplicate, Vector.ofAll(attributes));
    }
}
