package dev.sequelj.ast.model;

import dev.sequelj.ast.error.Suggestions;
import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.finder.ValueChecker;
import dev.sequelj.ast.statement.TableName;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * A defined model: its name, table, and attributes in definition order, with Sequelize's implicit
 * attributes already added (an {@code id} primary key when none is given; {@code createdAt} and
 * {@code updatedAt} when timestamps are on, {@code deletedAt} when paranoid). Build one with {@link #define}.
 *
 * <pre>{@code
 * ModelDefinition user = ModelDefinition.define("user",
 *         List.of(attribute("firstName", DataTypes.STRING)), ModelOptions.options());
 * user.tableName();   // "users"
 * }</pre>
 */
public final class ModelDefinition {
    private final String name;
    private final TableName table;
    private final LinkedHashMap<String, Attribute> attributes;
    private final Option<String> createdAt;
    private final Option<String> updatedAt;
    private final Option<String> deletedAt;
    private final Seq<IndexDefinition> indexes;
    /**
     * Derived once: every finder and write asks for them, and Vavr's {@code LinkedHashMap.values()} builds a
     * new queue each time (the SQLite end-to-end benchmark spent a third of a point lookup there). That is
     * why this is a class holding its parts rather than a record of them.
     */
    private final Vector<Attribute> attributeList;
    private final Vector<Attribute> primaryKey;
    private final boolean hasDefaults;

    /**
     * A definition of these parts as they are; {@link #define} is the checked way to make one.
     *
     * @param name       the model name, also the table alias in SELECTs ({@code FROM "users" AS "user"})
     * @param table      the table, with its schema when the model names one
     * @param attributes every attribute by name, in definition order, VIRTUAL ones included
     * @param createdAt  the attribute stamped when a row is created, when timestamps are kept
     * @param updatedAt  the attribute stamped whenever a row is written, when timestamps are kept
     * @param deletedAt  the attribute a paranoid model stamps instead of deleting; present iff the model is paranoid
     * @param indexes    the model's indexes ({@code indexes} option), fields checked to name attributes or columns
     */
    public ModelDefinition(String name, TableName table, LinkedHashMap<String, Attribute> attributes,
                           Option<String> createdAt, Option<String> updatedAt, Option<String> deletedAt,
                           Seq<IndexDefinition> indexes) {
        this.name = name;
        this.table = table;
        this.attributes = attributes;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.deletedAt = deletedAt;
        this.indexes = indexes;
        this.attributeList = attributes.values().filter(Attribute::stored).toVector();
        this.primaryKey = attributes.values().filter(Attribute::primaryKey).toVector();
        this.hasDefaults = attributes.values().exists(a -> a.defaultValue().isDefined());
    }

    public String name() {
        return name;
    }

    public TableName table() {
        return table;
    }

    public LinkedHashMap<String, Attribute> attributes() {
        return attributes;
    }

    public Option<String> createdAt() {
        return createdAt;
    }

    public Option<String> updatedAt() {
        return updatedAt;
    }

    public Option<String> deletedAt() {
        return deletedAt;
    }

    public Seq<IndexDefinition> indexes() {
        return indexes;
    }

    /** Equal when every part is equal, as the record this was compared: equal models render alike. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ModelDefinition that && name.equals(that.name) && table.equals(that.table)
                && attributes.equals(that.attributes) && createdAt.equals(that.createdAt)
                && updatedAt.equals(that.updatedAt) && deletedAt.equals(that.deletedAt) && indexes.equals(that.indexes);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, table, attributes, createdAt, updatedAt, deletedAt, indexes);
    }

    @Override
    public String toString() {
        return "ModelDefinition[name=" + name + ", table=" + table + ", attributes=" + attributes + ", createdAt="
                + createdAt + ", updatedAt=" + updatedAt + ", deletedAt=" + deletedAt + ", indexes=" + indexes + "]";
    }

    public static final String CREATED_AT = "createdAt";
    public static final String UPDATED_AT = "updatedAt";
    public static final String DELETED_AT = "deletedAt";
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
     * Defines a model as {@code sequelize.define(name, attributes, options)} does:
     * <ul>
     *   <li>an {@code id INTEGER} auto-increment primary key first, when no attribute is a key;</li>
     *   <li>{@code createdAt}/{@code updatedAt} ({@code DATE NOT NULL}) last, when timestamps are on and
     *       under the names the options give ({@code createdAt: false} leaves one out); {@code deletedAt}
     *       (nullable) after them when the model is paranoid. An attribute of the same name defined by the
     *       caller stays where and as it is;</li>
     *   <li>{@code underscored}: every column not named by {@code field} in snake_case, and the
     *       pluralized table name too;</li>
     *   <li>defaults checked against their attribute's type, index fields checked against the attributes.</li>
     * </ul>
     *
     * @param options   the model's options, already merged with the instance-wide defaults
     * @param pluralize how to pluralize the model name into the table name
     * @throws ValidationError naming the attribute or option at fault and what would be valid
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
            byName = byName.put(attribute.name(), checkAttribute(name, attribute));
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
        // Sequelize keeps timestamps only with `timestamps`, and deletedAt only when also paranoid.
        boolean timestamps = options.timestamps().getOrElse(true);
        Option<String> createdAt = timestamps ? stampName(options.createdAt(), CREATED_AT) : Option.none();
        Option<String> updatedAt = timestamps ? stampName(options.updatedAt(), UPDATED_AT) : Option.none();
        Option<String> deletedAt = timestamps && options.paranoid().getOrElse(false)
                ? stampName(options.deletedAt(), DELETED_AT) : Option.none();
        for (String stamp : createdAt.toVector().appendAll(updatedAt).appendAll(deletedAt)) {
            if (!byName.containsKey(stamp)) {
                boolean required = !deletedAt.contains(stamp);
                byName = byName.put(stamp, Attribute.attribute(stamp, DataTypes.DATE).allowNull(!required));
            }
        }
        boolean underscored = options.underscored().getOrElse(false);
        if (underscored) {
            byName = byName.mapValues(a -> a.fieldGiven() ? a : a.withDerivedField(Naming.underscore(a.name())));
        }
        checkColumnsUnique(name, byName);
        String tableName = options.tableName().getOrElse(() -> {
            if (options.freezeTableName().getOrElse(false)) {
                return name;
            }
            String plural = pluralize.pluralize(name);
            return underscored ? Naming.underscore(plural) : plural;
        });
        Seq<IndexDefinition> indexes = options.indexes().getOrElse(Vector.empty());
        for (IndexDefinition index : indexes) {
            for (IndexDefinition.IndexField field : index.fields()) {
                columnOf(name, byName, field.name());
            }
        }
        return new ModelDefinition(name, new TableName(options.schema(), tableName), byName,
                createdAt, updatedAt, deletedAt, indexes.toVector());
    }

    private static Option<String> stampName(Option<Either<Boolean, String>> option, String standard) {
        if (option.isEmpty()) {
            return Option.some(standard);
        }
        Either<Boolean, String> given = option.get();
        return given.isRight() ? Option.some(given.get()) : given.getLeft() ? Option.some(standard) : Option.none();
    }

    /**
     * One attribute's options that only make sense together, and its default checked against its type
     * (the default then holds its canonical Java value). Also used for the QueryInterface's column specs.
     *
     * @param model the model (or table) the attribute belongs to, for messages
     */
    public static Attribute checkAttribute(String model, Attribute attribute) {
        String where = model + "." + attribute.name();
        DataType type = attribute.type();
        if (attribute.autoIncrement() && !(type instanceof DataType.IntegralType)) {
            throw new ValidationError(where + ": autoIncrement needs an integer type (INTEGER, BIGINT, ...), not "
                    + DataTypes.describe(type));
        }
        if (!attribute.stored() && (attribute.primaryKey() || attribute.unique() || attribute.uniqueKey().isDefined()
                || attribute.references().isDefined() || attribute.autoIncrement())) {
            throw new ValidationError(where + ": a VIRTUAL attribute has no column, so it cannot be a primary key,"
                    + " unique, auto-increment or a foreign key");
        }
        if (attribute.defaultValue().isEmpty()) {
            return attribute;
        }
        return switch (attribute.defaultValue().get()) {
            case DefaultValue.Value v -> {
                Object value = ValueChecker.checkValue(where + " (defaultValue)", type, v.value());
                yield attribute.withDefault(new DefaultValue.Value(value));
            }
            case DefaultValue.Now n -> {
                if (!DefaultValues.takesNow(type)) {
                    throw new ValidationError(where + ": defaultValue NOW needs a DATE, DATEONLY or TIME attribute, not "
                            + DataTypes.describe(type));
                }
                yield attribute;
            }
            case DefaultValue.UuidV1 u -> uuidDefault(where, attribute, "UUIDV1");
            case DefaultValue.UuidV4 u -> uuidDefault(where, attribute, "UUIDV4");
            case DefaultValue.Literal l -> attribute;
        };
    }

    private static Attribute uuidDefault(String where, Attribute attribute, String marker) {
        if (!DefaultValues.takesUuid(attribute.type())) {
            throw new ValidationError(where + ": defaultValue " + marker + " needs a UUID, STRING, CHAR or TEXT attribute, not "
                    + DataTypes.describe(attribute.type()));
        }
        return attribute;
    }

    /** Two attributes in one column would make every statement ambiguous. */
    private static void checkColumnsUnique(String model, LinkedHashMap<String, Attribute> attributes) {
        java.util.Map<String, String> byColumn = new java.util.HashMap<>();
        for (Attribute attribute : attributes.values()) {
            if (!attribute.stored()) {
                continue;
            }
            String other = byColumn.putIfAbsent(attribute.field(), attribute.name());
            if (other != null) {
                throw new ValidationError("model '" + model + "': attributes '" + other + "' and '" + attribute.name()
                        + "' are both stored in column '" + attribute.field() + "'; give one of them another field");
            }
        }
    }

    /** The column an index field names: an attribute's column, or a column by its own name. */
    private static String columnOf(String model, LinkedHashMap<String, Attribute> attributes, String field) {
        Option<Attribute> byName = attributes.get(field).filter(Attribute::stored);
        if (byName.isDefined()) {
            return byName.get().field();
        }
        Option<Attribute> byColumn = attributes.values().find(a -> a.stored() && a.field().equals(field));
        if (byColumn.isDefined()) {
            return field;
        }
        Seq<String> names = attributes.values().filter(Attribute::stored).map(Attribute::name).toVector();
        throw new ValidationError("model '" + model + "': index field '" + field + "' is not one of its attributes"
                + Suggestions.didYouMean(field, names) + "; its attributes are " + names.mkString(", "));
    }

    /** The column an index field of this model names (an attribute's column, or a column by its name). */
    public String indexColumn(String field) {
        return columnOf(name, attributes, field);
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

    /** The attribute of that name (VIRTUAL ones too), or a {@link ValidationError} naming the attributes there are. */
    public Attribute attribute(String attributeName) {
        Option<Attribute> found = attributes.get(attributeName);
        if (found.isEmpty()) {
            throw new ValidationError("model '" + name + "' has no attribute '" + attributeName + "'"
                    + Suggestions.didYouMean(attributeName, attributes.keySet())
                    + "; its attributes are " + attributes.keySet().mkString(", "));
        }
        return found.get();
    }

    /** Whether any attribute (VIRTUAL ones too) has a {@code defaultValue}; when none has, a write fills in nothing. */
    public boolean hasDefaults() {
        return hasDefaults;
    }

    /** The primary-key attributes, in definition order. */
    public Seq<Attribute> primaryKey() {
        return primaryKey;
    }

    /**
     * The attributes stored in columns, in definition order: every attribute but the VIRTUAL ones, which
     * no statement reads or writes (as Sequelize leaves them out of SELECT and INSERT).
     */
    public Vector<Attribute> attributeList() {
        return attributeList;
    }

    /**
     * The composite unique keys ({@code unique: "name"} shared by attributes), by name in order of first
     * appearance, each with its attributes in definition order.
     */
    public LinkedHashMap<String, Seq<Attribute>> uniqueKeys() {
        LinkedHashMap<String, Seq<Attribute>> keys = LinkedHashMap.empty();
        for (Attribute attribute : attributeList()) {
            for (String key : attribute.uniqueKey()) {
                keys = keys.put(key, keys.get(key).getOrElse(Vector.empty()).append(attribute));
            }
        }
        return keys;
    }
}
