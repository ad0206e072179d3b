package dev.sequelj.ast.model;

import dev.sequelj.ast.error.ValidationError;
import io.vavr.control.Option;

/**
 * One attribute of a model, with Sequelize's attribute options. Immutable; each option method returns
 * a new attribute.
 *
 * <pre>{@code
 * attribute("email", DataTypes.STRING).allowNull(false).unique(true)
 * attribute("firstName", DataTypes.STRING).field("first_name")
 * attribute("code", DataTypes.INTEGER).primaryKey(true)
 * attribute("score", DataTypes.INTEGER).defaultValue(0).comment("points so far")
 * attribute("teamId", DataTypes.INTEGER).references(Reference.to(TableName.of("teams")).onDelete(ReferentialAction.CASCADE))
 * attribute("firstName", DataTypes.STRING).unique("full_name")   // with lastName: one composite UNIQUE
 * }</pre>
 *
 * @param name          the attribute name used in Java ({@code create}, {@code where}, instances)
 * @param type          its data type
 * @param allowNull     Sequelize's {@code allowNull}, true unless said otherwise (primary keys: false)
 * @param primaryKey    part of the primary key
 * @param autoIncrement the database generates the value
 * @param field         the column name; the attribute name unless {@link #field(String)} says otherwise
 *                      (or the model is {@code underscored})
 * @param fieldGiven    whether {@link #field(String)} named the column, so {@code underscored} leaves it alone
 * @param defaultValue  Sequelize's {@code defaultValue}, when there is one
 * @param unique        {@code unique: true}: the column alone is unique
 * @param uniqueKey     {@code unique: "name"}: the column is part of the composite unique key of that name,
 *                      shared with every attribute naming it
 * @param references    the foreign key, when the column has one
 * @param comment       the column comment, when there is one
 */
public record Attribute(
        String name, DataType type, boolean allowNull, boolean primaryKey, boolean autoIncrement, String field,
        boolean fieldGiven, Option<DefaultValue> defaultValue, boolean unique, Option<String> uniqueKey,
        Option<Reference> references, Option<String> comment) {

    /** An attribute of the given type, nullable, stored in a column of the same name. */
    public static Attribute attribute(String name, DataType type) {
        if (name == null || name.isEmpty()) {
            throw new ValidationError("an attribute needs a non-empty name");
        }
        if (type == null) {
            throw new ValidationError("attribute '" + name + "' needs a type, e.g. DataTypes.STRING");
        }
        return new Attribute(name, type, true, false, false, name, false, Option.none(), false, Option.none(),
                Option.none(), Option.none());
    }

    public Attribute allowNull(boolean allowNull) {
        return new Attribute(name, type, allowNull, primaryKey, autoIncrement, field, fieldGiven, defaultValue, unique,
                uniqueKey, references, comment);
    }

    /** Marks the attribute as (part of) the primary key; a primary key does not allow null. */
    public Attribute primaryKey(boolean primaryKey) {
        return new Attribute(name, type, allowNull && !primaryKey, primaryKey, autoIncrement, field, fieldGiven,
                defaultValue, unique, uniqueKey, references, comment);
    }

    public Attribute autoIncrement(boolean autoIncrement) {
        return new Attribute(name, type, allowNull, primaryKey, autoIncrement, field, fieldGiven, defaultValue, unique,
                uniqueKey, references, comment);
    }

    /** Stores the attribute in a column of another name (Sequelize's {@code field}). */
    public Attribute field(String field) {
        if (field == null || field.isEmpty()) {
            throw new ValidationError("attribute '" + name + "': field must be a non-empty column name");
        }
        return new Attribute(name, type, allowNull, primaryKey, autoIncrement, field, true, defaultValue, unique,
                uniqueKey, references, comment);
    }

    /**
     * Sequelize's {@code defaultValue}: a plain value (checked against the type when the model is
     * defined), or one of {@link DataTypes#NOW}, {@link DataTypes#UUIDV1}, {@link DataTypes#UUIDV4},
     * {@link DefaultValue#literal(String)}.
     */
    public Attribute defaultValue(Object value) {
        DefaultValue given = value instanceof DefaultValue marker ? marker : new DefaultValue.Value(value);
        return new Attribute(name, type, allowNull, primaryKey, autoIncrement, field, fieldGiven, Option.some(given),
                unique, uniqueKey, references, comment);
    }

    /** {@code unique: true}: no two rows hold the same value ({@code UNIQUE} on the column). */
    public Attribute unique(boolean unique) {
        return new Attribute(name, type, allowNull, primaryKey, autoIncrement, field, fieldGiven, defaultValue, unique,
                Option.none(), references, comment);
    }

    /** {@code unique: "name"}: part of the composite unique key of that name, with every attribute naming it. */
    public Attribute unique(String keyName) {
        if (keyName == null || keyName.isEmpty()) {
            throw new ValidationError("attribute '" + name + "': a unique key name must be a non-empty string"
                    + " (or use unique(true))");
        }
        return new Attribute(name, type, allowNull, primaryKey, autoIncrement, field, fieldGiven, defaultValue, false,
                Option.some(keyName), references, comment);
    }

    /** Sequelize's {@code references} with {@code onDelete}/{@code onUpdate}: a foreign key. */
    public Attribute references(Reference reference) {
        return new Attribute(name, type, allowNull, primaryKey, autoIncrement, field, fieldGiven, defaultValue, unique,
                uniqueKey, Option.of(reference), comment);
    }

    /** Sequelize's {@code comment}: a comment on the column, where the database keeps one. */
    public Attribute comment(String comment) {
        return new Attribute(name, type, allowNull, primaryKey, autoIncrement, field, fieldGiven, defaultValue, unique,
                uniqueKey, references, Option.of(comment));
    }

    /** The same attribute stored in {@code column}, without counting it as named by the caller (underscored models). */
    Attribute withDerivedField(String column) {
        return new Attribute(name, type, allowNull, primaryKey, autoIncrement, column, false, defaultValue, unique,
                uniqueKey, references, comment);
    }

    /** The same attribute with its default replaced (by its checked value). */
    Attribute withDefault(DefaultValue checked) {
        return new Attribute(name, type, allowNull, primaryKey, autoIncrement, field, fieldGiven, Option.some(checked),
                unique, uniqueKey, references, comment);
    }

    /** Whether the attribute has a column: every type but {@code VIRTUAL}. */
    public boolean stored() {
        return !(type instanceof DataType.VirtualType);
    }
}
