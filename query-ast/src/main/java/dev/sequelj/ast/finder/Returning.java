package dev.sequelj.ast.finder;

import dev.sequelj.ast.error.ValidationError;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/**
 * Sequelize's {@code returning} option of the writes: {@code false}, {@code true} (every attribute), or a
 * list of attributes. The rows come back with RETURNING or SQL Server's OUTPUT; where a database has
 * neither for the statement (MySQL's UPDATE), the write hands back its row count, as in Sequelize.
 *
 * <pre>{@code
 * UpdateOptions.options().where(Map.of("id", 5)).returning(Returning.ALL)
 * UpdateOptions.options().where(Map.of("id", 5)).returning(Returning.attributes("id", "age"))
 * }</pre>
 *
 * <p>{@code create} and {@code bulkCreate} hand back the stored row when the caller says nothing
 * ({@link #STORED_ROW}). Where that row is the values sent plus the generated key, a database may then
 * answer with the key alone (SQLite, as Sequelize reads {@code lastID} there); {@code returning(true)}
 * or a list always reads the row from the database where it can hand it back.
 *
 * @param enabled    whether rows are handed back at all
 * @param attributes the attributes to hand back; every attribute when empty and enabled
 * @param asked      whether the caller asked for it; false only for {@link #STORED_ROW}
 */
public record Returning(boolean enabled, Seq<String> attributes, boolean asked) {
    /** {@code returning: true}. */
    public static final Returning ALL = new Returning(true, Vector.empty());
    /** {@code returning: false}. */
    public static final Returning NONE = new Returning(false, Vector.empty());
    /** {@code returning} not given to {@code create} or {@code bulkCreate}: every attribute of the stored row. */
    public static final Returning STORED_ROW = new Returning(true, Vector.empty(), false);

    /** What the caller asked for. */
    public Returning(boolean enabled, Seq<String> attributes) {
        this(enabled, attributes, true);
    }

    /** {@code returning: [attributes]}; at least one. */
    public static Returning attributes(String... attributes) {
        return attributes(Vector.of(attributes));
    }

    /** {@code returning: [attributes]}; at least one. */
    public static Returning attributes(Iterable<String> attributes) {
        Vector<String> names = Vector.ofAll(attributes);
        if (names.isEmpty()) {
            throw new ValidationError("returning: give at least one attribute, or true/false");
        }
        return new Returning(true, names);
    }
}
