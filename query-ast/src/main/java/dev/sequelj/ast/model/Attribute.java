package dev.sequelj.ast.model;

/**
 * One attribute of a model, with Sequelize's attribute options. Immutable; each option method returns
 * a new attribute.
 *
 * <pre>{@code
 * attribute("email", DataTypes.STRING).allowNull(false)
 * attribute("firstName", DataTypes.STRING).field("first_name")
 * attribute("code", DataTypes.INTEGER).primaryKey(true)
 * }</pre>
 *
 * @param name          the attribute name used in Java ({@code create}, {@code where}, instances)
 * @param type          its data type
 * @param allowNull     Sequelize's {@code allowNull}, true unless said otherwise (primary keys: false)
 * @param primaryKey    part of the primary key
 * @param autoIncrement the database generates the value
 * @param field         the column name; the attribute name unless {@link #field(String)} says otherwise
 */
public record Attribute(
        String name, DataType type, boolean allowNull, boolean primaryKey, boolean autoIncrement, String field) {

    /** An attribute of the given type, nullable, stored in a column of the same name. */
    public static Attribute attribute(String name, DataType type) {
        if (name == null || name.isEmpty()) {
            throw new dev.sequelj.ast.error.ValidationError("an attribute needs a non-empty name");
        }
        if (type == null) {
            throw new dev.sequelj.ast.error.ValidationError("attribute '" + name + "' needs a type, e.g. DataTypes.STRING");
        }
        return new Attribute(name, type, true, false, false, name);
    }

    public Attribute allowNull(boolean allowNull) {
        return new Attribute(name, type, allowNull, primaryKey, autoIncrement, field);
    }

    /** Marks the attribute as (part of) the primary key; a primary key does not allow null. */
    public Attribute primaryKey(boolean primaryKey) {
        return new Attribute(name, type, allowNull && !primaryKey, primaryKey, autoIncrement, field);
    }

    public Attribute autoIncrement(boolean autoIncrement) {
        return new Attribute(name, type, allowNull, primaryKey, autoIncrement, field);
    }

    /** Stores the attribute in a column of another name (Sequelize's {@code field}). */
    public Attribute field(String field) {
        if (field == null || field.isEmpty()) {
            throw new dev.sequelj.ast.error.ValidationError("attribute '" + name + "': field must be a non-empty column name");
        }
        return new Attribute(name, type, allowNull, primaryKey, autoIncrement, field);
    }
}
