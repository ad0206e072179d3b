package dev.sequelj.ast.model;

import dev.sequelj.ast.statement.TableName;
import io.vavr.control.Option;

/**
 * A foreign key: Sequelize's {@code references: {model, key}} with the attribute's {@code onDelete} and
 * {@code onUpdate}. The referenced model is already resolved to its table.
 *
 * <pre>{@code
 * attribute("userId", DataTypes.INTEGER).references(Reference.to(TableName.of("users"), "id").onDelete(ReferentialAction.CASCADE))
 * }</pre>
 *
 * @param table    the referenced table
 * @param key      the referenced column ({@code id} unless said otherwise, as in Sequelize)
 * @param onDelete what deleting the referenced row does, when said
 * @param onUpdate what updating the referenced key does, when said
 */
public record Reference(TableName table, String key, Option<ReferentialAction> onDelete, Option<ReferentialAction> onUpdate) {

    /** A reference to {@code key} of {@code table}, with no ON DELETE / ON UPDATE. */
    public static Reference to(TableName table, String key) {
        return new Reference(table, key, Option.none(), Option.none());
    }

    /** A reference to the {@code id} of {@code table}, Sequelize's default key. */
    public static Reference to(TableName table) {
        return to(table, "id");
    }

    /** A reference to another model's table and (single) primary key, as {@code references: {model: Model}} does. */
    public static Reference to(ModelDefinition model) {
        return to(model.table(), model.primaryKey().size() == 1 ? model.primaryKey().head().field() : "id");
    }

    public Reference onDelete(ReferentialAction action) {
        return new Reference(table, key, Option.of(action), onUpdate);
    }

    public Reference onUpdate(ReferentialAction action) {
        return new Reference(table, key, onDelete, Option.of(action));
    }
}
