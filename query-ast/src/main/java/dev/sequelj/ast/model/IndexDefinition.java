package dev.sequelj.ast.model;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.finder.WhereObject;
import dev.sequelj.ast.statement.OrderItem.Direction;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An index, as Sequelize's {@code indexes} model option and {@code queryInterface.addIndex} take it.
 * Fields name attributes (or columns); the name defaults to Sequelize's
 * ({@code <table>_<fields>}, underscored: {@code users_first_name_last_name}).
 *
 * <pre>{@code
 * IndexDefinition.on("email").unique(true)
 * IndexDefinition.on("firstName", "lastName").name("full_name")
 * IndexDefinition.on("age").where(Map.of("age", Map.of(Op.gt, 18)))     // partial index
 * IndexDefinition.on(IndexDefinition.field("age", Direction.DESC)).using("BTREE")
 * }</pre>
 *
 * @param name         the index name; Sequelize's default when empty
 * @param fields       the indexed attributes or columns, in order
 * @param unique       {@code CREATE UNIQUE INDEX}
 * @param where        a partial index's condition, in where form, unresolved (PostgreSQL, SQLite, SQL Server)
 * @param using        the index method, {@code USING BTREE} (PostgreSQL, MySQL, MariaDB)
 * @param type         MySQL's index type, {@code FULLTEXT} or {@code SPATIAL}
 * @param concurrently PostgreSQL's {@code CREATE INDEX CONCURRENTLY}
 */
public record IndexDefinition(Option<String> name, Seq<IndexField> fields, boolean unique, Option<Expression> where,
                              Option<String> using, Option<String> type, boolean concurrently) {

    /** The index methods databases name after {@code USING}. */
    public static final Set<String> METHODS = Set.of("BTREE", "HASH", "GIST", "SPGIST", "GIN", "BRIN");
    /** MySQL's index types. */
    public static final Set<String> TYPES = Set.of("FULLTEXT", "SPATIAL", "UNIQUE");

    /**
     * One indexed field, with its sort order when given ({@code {name: "age", order: "DESC"}}).
     *
     * @param name  an attribute name or a column name
     * @param order the sort order, when given
     */
    public record IndexField(String name, Option<Direction> order) {}

    /** An index on these attributes, in order. */
    public static IndexDefinition on(String... fields) {
        return on(Vector.of(fields).map(f -> new IndexField(f, Option.none())));
    }

    /** An index on these fields, in order. */
    public static IndexDefinition on(IndexField... fields) {
        return on(Vector.of(fields));
    }

    /** An index on these fields; at least one. */
    public static IndexDefinition on(Seq<IndexField> fields) {
        if (fields.isEmpty()) {
            throw new ValidationError("an index needs at least one field");
        }
        for (IndexField field : fields) {
            if (field.name() == null || field.name().isEmpty()) {
                throw new ValidationError("an index field needs a non-empty name");
            }
        }
        return new IndexDefinition(Option.none(), fields.toVector(), false, Option.none(), Option.none(), Option.none(), false);
    }

    /** {@code {name: "age", order: "DESC"}}. */
    public static IndexField field(String name, Direction order) {
        return new IndexField(name, Option.of(order));
    }

    public IndexDefinition name(String name) {
        if (name == null || name.isEmpty()) {
            throw new ValidationError("an index name must be a non-empty string");
        }
        return new IndexDefinition(Option.some(name), fields, unique, where, using, type, concurrently);
    }

    public IndexDefinition unique(boolean unique) {
        return new IndexDefinition(name, fields, unique, where, using, type, concurrently);
    }

    /** A partial index: only rows matching the where object, in Sequelize's object form. */
    public IndexDefinition where(Map<?, ?> where) {
        return where(WhereObject.parse(where));
    }

    /** A partial index: only rows matching the condition (typed form, {@code Where.col("age").gt(18)}). */
    public IndexDefinition where(Expression where) {
        return new IndexDefinition(name, fields, unique, Option.of(where), using, type, concurrently);
    }

    /** {@code USING BTREE}: one of {@link #METHODS}. */
    public IndexDefinition using(String method) {
        String upper = method == null ? "" : method.toUpperCase(Locale.ROOT);
        if (!METHODS.contains(upper)) {
            throw new ValidationError("unknown index method '" + method + "'; expected one of " + String.join(", ", sorted(METHODS)));
        }
        return new IndexDefinition(name, fields, unique, where, Option.some(upper), type, concurrently);
    }

    /** MySQL's {@code FULLTEXT} or {@code SPATIAL} (or {@code UNIQUE}, the same as {@link #unique(boolean)}). */
    public IndexDefinition type(String indexType) {
        String upper = indexType == null ? "" : indexType.toUpperCase(Locale.ROOT);
        if (!TYPES.contains(upper)) {
            throw new ValidationError("unknown index type '" + indexType + "'; expected one of " + String.join(", ", sorted(TYPES)));
        }
        return upper.equals("UNIQUE")
                ? unique(true)
                : new IndexDefinition(name, fields, unique, where, using, Option.some(upper), concurrently);
    }

    /** PostgreSQL's {@code CREATE INDEX CONCURRENTLY}. */
    public IndexDefinition concurrently(boolean concurrently) {
        return new IndexDefinition(name, fields, unique, where, using, type, concurrently);
    }

    private static java.util.List<String> sorted(Set<String> words) {
        return words.stream().sorted().toList();
    }
}
