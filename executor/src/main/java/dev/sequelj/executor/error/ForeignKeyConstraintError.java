package dev.sequelj.executor.error;

import java.util.List;
import java.util.Optional;

/**
 * A write would have broken a foreign key (Sequelize's {@code ForeignKeyConstraintError}): a row would
 * reference a row that does not exist ({@link RelType#CHILD}), or a referenced row would be deleted or
 * its key changed while rows still reference it ({@link RelType#PARENT}).
 *
 * <p>What is known depends on the driver. MySQL and MariaDB name everything; PostgreSQL names the
 * constraint and both tables, and the columns on the child side; SQL Server names the constraint and
 * one table; SQLite says only that a foreign key failed (and checks foreign keys only because Sequelj,
 * as Sequelize, turns {@code PRAGMA foreign_keys} on for every connection).
 *
 * <pre>{@code
 * catch (CompletionException e) {
 *     if (e.getCause() instanceof ForeignKeyConstraintError fk && fk.relType().equals(Optional.of(RelType.CHILD))) {
 *         // the referenced row does not exist
 *     }
 * }
 * }</pre>
 */
public class ForeignKeyConstraintError extends DatabaseError {

    /** Which side of the foreign key the refused statement touched (Sequelize's {@code reltype}). */
    public enum RelType {
        /** A row of the referencing table would point at a row that does not exist. */
        CHILD,
        /** A row of the referenced table would vanish, or change its key, while rows still point at it. */
        PARENT
    }

    private final String table;
    private final List<String> fields;
    private final String referencedTable;
    private final String index;
    private final RelType relType;

    /**
     * @param table           the referencing table (the one holding the foreign key), without schema, or null
     * @param fields          the foreign key's columns in that table; empty when not known
     * @param referencedTable the referenced table, without schema, or null
     * @param index           the constraint's name, or null
     * @param relType         which side the statement touched, or null
     */
    public ForeignKeyConstraintError(String sql, Throwable cause, String table, List<String> fields,
                                     String referencedTable, String index, RelType relType) {
        super(sql, cause);
        this.table = table;
        this.fields = List.copyOf(fields);
        this.referencedTable = referencedTable;
        this.index = index;
        this.relType = relType;
    }

    /** The referencing table, the one holding the foreign key, without its schema. */
    public Optional<String> table() {
        return Optional.ofNullable(table);
    }

    /** The foreign key's columns in the referencing table, in order; empty when the driver does not name them. */
    public List<String> fields() {
        return fields;
    }

    /** The referenced table, without its schema. */
    public Optional<String> referencedTable() {
        return Optional.ofNullable(referencedTable);
    }

    /** The foreign key constraint's name. */
    public Optional<String> index() {
        return Optional.ofNullable(index);
    }

    /** Which side of the foreign key the statement touched. */
    public Optional<RelType> relType() {
        return Optional.ofNullable(relType);
    }
}
