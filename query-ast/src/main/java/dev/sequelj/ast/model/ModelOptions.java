package dev.sequelj.ast.model;

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
 * }</pre>
 */
public record ModelOptions(Option<Boolean> timestamps, Option<Boolean> freezeTableName, Option<String> tableName) {

    private static final ModelOptions NONE = new ModelOptions(Option.none(), Option.none(), Option.none());

    /** No option set: Sequelize's defaults apply (timestamps on, pluralized table name). */
    public static ModelOptions options() {
        return NONE;
    }

    /** Adds {@code createdAt} and {@code updatedAt}, kept up to date by {@code create}. Default true. */
    public ModelOptions timestamps(boolean timestamps) {
        return new ModelOptions(Option.some(timestamps), freezeTableName, tableName);
    }

    /** Uses the model name as the table name instead of its plural. Default false. */
    public ModelOptions freezeTableName(boolean freeze) {
        return new ModelOptions(timestamps, Option.some(freeze), tableName);
    }

    /** Names the table outright. */
    public ModelOptions tableName(String tableName) {
        if (tableName == null || tableName.isEmpty()) {
            throw new dev.sequelj.ast.error.ValidationError("tableName must be a non-empty string");
        }
        return new ModelOptions(timestamps, freezeTableName, Option.some(tableName));
    }

    /** These options, with every unset option taken from {@code defaults}. */
    public ModelOptions withDefaults(ModelOptions defaults) {
        return new ModelOptions(
                timestamps.orElse(defaults.timestamps),
                freezeTableName.orElse(defaults.freezeTableName),
                tableName.orElse(defaults.tableName));
    }
}
