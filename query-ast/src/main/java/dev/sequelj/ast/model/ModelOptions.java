package dev.sequelj.ast.model;

import dev.sequelj.ast.error.ValidationError;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * Sequelize's model options. Every option may be left unset, so that options given to one model
 * override the {@code define} defaults given to the {@code Sequelize} constructor only where they
 * are set, as in Sequelize.
 *
 * <pre>{@code
 * ModelOptions.options().timestamps(false)
 * ModelOptions.options().freezeTableName(true)        // table "user", not "users"
 * ModelOptions.options().tableName("people")
 * ModelOptions.options().paranoid(true).deletedAt("removedAt")
 * ModelOptions.options().underscored(true)            // firstName → first_name, createdAt → created_at
 * ModelOptions.options().schema("app")                // "app"."users"
 * ModelOptions.options().indexes(IndexDefinition.on("email").unique(true))
 * }</pre>
 *
 * @param timestamps      add {@code createdAt}/{@code updatedAt} (and, when paranoid, {@code deletedAt}); default true
 * @param freezeTableName use the model name as the table name; default false
 * @param tableName       the table's name outright
 * @param createdAt       {@code createdAt: false} (left: false) or a new name (right)
 * @param updatedAt       {@code updatedAt: false} or a new name
 * @param deletedAt       {@code deletedAt: false} or a new name
 * @param paranoid        soft deletes through {@code deletedAt}; needs timestamps; default false
 * @param underscored     columns (and the table, unless named) in snake_case; default false
 * @param schema          the schema the table lives in
 * @param indexes         the model's indexes, created by {@code sync}
 */
public record ModelOptions(Option<Boolean> timestamps, Option<Boolean> freezeTableName, Option<String> tableName,
                           Option<Either<Boolean, String>> createdAt, Option<Either<Boolean, String>> updatedAt,
                           Option<Either<Boolean, String>> deletedAt, Option<Boolean> paranoid,
                           Option<Boolean> underscored, Option<String> schema, Option<Seq<IndexDefinition>> indexes) {

    private static final ModelOptions NONE = new ModelOptions(Option.none(), Option.none(), Option.none(),
            Option.none(), Option.none(), Option.none(), Option.none(), Option.none(), Option.none(), Option.none());

    /** No option set: Sequelize's defaults apply (timestamps on, pluralized table name). */
    public static ModelOptions options() {
        return NONE;
    }

    /** Adds {@code createdAt} and {@code updatedAt}, kept up to date by {@code create}. Default true. */
    public ModelOptions timestamps(boolean timestamps) {
        return new ModelOptions(Option.some(timestamps), freezeTableName, tableName, createdAt, updatedAt, deletedAt,
                paranoid, underscored, schema, indexes);
    }

    /** Uses the model name as the table name instead of its plural. Default false. */
    public ModelOptions freezeTableName(boolean freeze) {
        return new ModelOptions(timestamps, Option.some(freeze), tableName, createdAt, updatedAt, deletedAt,
                paranoid, underscored, schema, indexes);
    }

    /** Names the table outright. */
    public ModelOptions tableName(String tableName) {
        return new ModelOptions(timestamps, freezeTableName, Option.some(nonEmpty("tableName", tableName)), createdAt,
                updatedAt, deletedAt, paranoid, underscored, schema, indexes);
    }

    /** {@code createdAt: false}: no creation stamp ({@code true} keeps it under its own name). */
    public ModelOptions createdAt(boolean keep) {
        return new ModelOptions(timestamps, freezeTableName, tableName, Option.some(Either.left(keep)), updatedAt,
                deletedAt, paranoid, underscored, schema, indexes);
    }

    /** {@code createdAt: "name"}: the creation stamp under another attribute name. */
    public ModelOptions createdAt(String name) {
        return new ModelOptions(timestamps, freezeTableName, tableName, Option.some(Either.right(nonEmpty("createdAt", name))),
                updatedAt, deletedAt, paranoid, underscored, schema, indexes);
    }

    /** {@code updatedAt: false}: no update stamp. */
    public ModelOptions updatedAt(boolean keep) {
        return new ModelOptions(timestamps, freezeTableName, tableName, createdAt, Option.some(Either.left(keep)),
                deletedAt, paranoid, underscored, schema, indexes);
    }

    /** {@code updatedAt: "name"}: the update stamp under another attribute name. */
    public ModelOptions updatedAt(String name) {
        return new ModelOptions(timestamps, freezeTableName, tableName, createdAt,
                Option.some(Either.right(nonEmpty("updatedAt", name))), deletedAt, paranoid, underscored, schema, indexes);
    }

    /** {@code deletedAt: false}: a paranoid model without its stamp is not paranoid, as in Sequelize. */
    public ModelOptions deletedAt(boolean keep) {
        return new ModelOptions(timestamps, freezeTableName, tableName, createdAt, updatedAt,
                Option.some(Either.left(keep)), paranoid, underscored, schema, indexes);
    }

    /** {@code deletedAt: "name"}: the deletion stamp under another attribute name. */
    public ModelOptions deletedAt(String name) {
        return new ModelOptions(timestamps, freezeTableName, tableName, createdAt, updatedAt,
                Option.some(Either.right(nonEmpty("deletedAt", name))), paranoid, underscored, schema, indexes);
    }

    /** Soft deletes: {@code destroy} stamps {@code deletedAt}, finders skip stamped rows. Needs timestamps. */
    public ModelOptions paranoid(boolean paranoid) {
        return new ModelOptions(timestamps, freezeTableName, tableName, createdAt, updatedAt, deletedAt,
                Option.some(paranoid), underscored, schema, indexes);
    }

    /** Column names (and the pluralized table name) in snake_case, as Sequelize's {@code underscored}. */
    public ModelOptions underscored(boolean underscored) {
        return new ModelOptions(timestamps, freezeTableName, tableName, createdAt, updatedAt, deletedAt, paranoid,
                Option.some(underscored), schema, indexes);
    }

    /** The schema the table lives in: {@code "app"."users"} (each dialect writes it its own way). */
    public ModelOptions schema(String schema) {
        return new ModelOptions(timestamps, freezeTableName, tableName, createdAt, updatedAt, deletedAt, paranoid,
                underscored, Option.some(nonEmpty("schema", schema)), indexes);
    }

    /** The model's indexes, created by {@code sync} after the table. */
    public ModelOptions indexes(IndexDefinition... indexes) {
        return indexes(Vector.of(indexes));
    }

    /** The model's indexes, created by {@code sync} after the table. */
    public ModelOptions indexes(Seq<IndexDefinition> indexes) {
        return new ModelOptions(timestamps, freezeTableName, tableName, createdAt, updatedAt, deletedAt, paranoid,
                underscored, schema, Option.some(indexes.toVector()));
    }

    /** These options, with every unset option taken from {@code defaults}. */
    public ModelOptions withDefaults(ModelOptions defaults) {
        return new ModelOptions(
                timestamps.orElse(defaults.timestamps),
                freezeTableName.orElse(defaults.freezeTableName),
                tableName.orElse(defaults.tableName),
                createdAt.orElse(defaults.createdAt),
                updatedAt.orElse(defaults.updatedAt),
                deletedAt.orElse(defaults.deletedAt),
                paranoid.orElse(defaults.paranoid),
                underscored.orElse(defaults.underscored),
                schema.orElse(defaults.schema),
                indexes.orElse(defaults.indexes));
    }

    private static String nonEmpty(String option, String value) {
        if (value == null || value.isEmpty()) {
            throw new ValidationError(option + " must be a non-empty string");
        }
        return value;
    }
}
