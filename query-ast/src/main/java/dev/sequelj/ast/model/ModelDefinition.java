package dev.sequelj.ast.model;

import dev.sequelj.ast.error.Suggestions;
import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.statement.TableName;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * A defined model: its name, table, and attributes in definition order, with Sequelize's implicit
 * attributes already added (an {@code id} primary key when none is given; {@code createdAt} and
 * {@code updatedAt} when timestamps are on). Build one with {@link #define}.
 *
 * <pre>{@code
 * ModelDefinition user = ModelDefinition.define("user",
 *         List.of(attribute("firstName", DataTypes.STRING)), ModelOptions.options());
 * user.tableName();   // "users"
 * }</pre>
 *
 * @param name       the model name, also the table alias in SELECTs ({@code FROM "users" AS "user"})
 * @param table      the table, with its schema when the model names one
 * @param attributes every attribute by name, in definition order
 * @param createdAt  the attribute stamped when a row is created, when timestamps are kept
 * @param updatedAt  the attribute stamped whenever a row is written, when timestamps are kept
 * @param deletedAt  the attribute a paranoid model stamps instead of deleting; present iff the model is paranoid
 */
public record ModelDefinition(String name, TableName table, LinkedHashMap<String, Attribute> attributes,
                              Option<String> createdAt, Option<String> updatedAt, Option<String> deletedAt) {

    public static final String CREATED_AT = "createdAt";
    public static final String UPDATED_AT = "updatedAt";
    private static final String DEFAULT_PRIMARY_KEY = "id";

    /**
     * Defines a model as {@code sequelize.define(name, attributes, options)} does, naming its table as
     * Sequelize does ({@link Pluralizer#SEQUELIZE}) unless the options name it.
     *
     * @param options the model's options, already merged with the instance-wide defaults
     */
    public static ModelDefinition define(String name, Iterable<Attribute> attributes, ModelOptions options) {
        return define(name, attributes, options, Pluralizer.SEQUELIZE);
    }

    /**
     * Defines a model as {@code sequelize.define(name, attributes, options)} does.
     *
     * @param options   the model's options, already merged with the instance-wide defaults
     * @param pluralize how to pluralize the model name into the table name
     */
    public static ModelDefinition define(
            String name, Iterable<Attribute> attributes, ModelOptions options, Pluralizer pluralize) {
        if (name == null || name.isEmpty()) {
            throw new ValidationError("a model needs a non-empty name");
        }
        LinkedHashMap<String, Attribute> byName = LinkedHashMap.empty();
        for (Attribute attribute : attributes) {
            if (byName.containsKey(attribute.name())) {
                throw new ValidationError("model '" + name + "' defines attribute '" + attribute.name() + "' twice");
            }
            byName = byName.put(attribute.name(), attribute);
        }
        if (byName.values().find(Attribute::primaryKey).isEmpty()) {
            if (byName.containsKey(DEFAULT_PRIMARY_KEY)) {
                throw new ValidationError("model '" + name + "' has an attribute 'id' that is not its primary key;"
                        + " mark it primaryKey(true) or mark another attribute as the primary key");
            }
            // Sequelize adds `id INTEGER PRIMARY KEY AUTOINCREMENT` first when no key is given.
            Attribute id = Attribute.attribute(DEFAULT_PRIMARY_KEY, DataTypes.INTEGER).primaryKey(true).autoIncrement(true);
            byName = LinkedHashMap.of(DEFAULT_PRIMARY_KEY, id).merge(byName);
        }
        boolean timestamps = options.timestamps().getOrElse(true);
        if (timestamps) {
            for (String stamp : new String[] {CREATED_AT, UPDATED_AT}) {
                if (!byName.containsKey(stamp)) {
                    byName = byName.put(stamp, Attribute.attribute(stamp, DataTypes.DATE).allowNull(false));
                }
            }
        }
        String tableName = options.tableName().getOrElse(
                () -> options.freezeTableName().getOrElse(false) ? name : pluralize.pluralize(name));
        return new ModelDefinition(name, TableName.of(tableName), byName,
                timestamps ? Option.some(CREATED_AT) : Option.none(),
                timestamps ? Option.some(UPDATED_AT) : Option.none(),
                Option.none());
    }

    /** The table's name, without its schema. */
    public String tableName() {
        return table.name();
    }

    /** Whether {@code createdAt}/{@code updatedAt} are kept. */
    public boolean timestamps() {
        return createdAt.isDefined() || updatedAt.isDefined();
    }

    /** Whether rows are soft-deleted: {@code destroy} stamps {@link #deletedAt} and finders skip stamped rows. */
    public boolean paranoid() {
        return deletedAt.isDefined();
    }

    /** The attribute of that name, or a {@link ValidationError} naming the attributes there are. */
    public Attribute attribute(String attributeName) {
        Option<Attribute> found = attributes.get(attributeName);
        if (found.isEmpty()) {
            throw new ValidationError("model '" + name + "' has no attribute '" + attributeName + "'"
                    + Suggestions.didYouMean(attributeName, attributes.keySet())
                    + "; its attributes are " + attributes.keySet().mkString(", "));
        }
        return found.get();
    }

    /** The primary-key attributes, in definition order. */
    public Seq<Attribute> primaryKey() {
        return attributes.values().filter(Attribute::primaryKey).toVector();
    }

    /** All attributes in definition order. */
    public Vector<Attribute> attributeList() {
        return attributes.values().toVector();
    }
}
