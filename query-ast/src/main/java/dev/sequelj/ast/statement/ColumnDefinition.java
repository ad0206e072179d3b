package dev.sequelj.ast.statement;

import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.model.DefaultValue;
import dev.sequelj.ast.model.Reference;
import io.vavr.control.Option;

/**
 * One column of a {@code CREATE TABLE} (or of {@code ALTER TABLE ... ADD}/{@code ALTER COLUMN}).
 *
 * @param name          the column name
 * @param type          its data type
 * @param allowNull     whether NULL is allowed
 * @param autoIncrement the database generates the value
 * @param defaultValue  the attribute's default; only plain values and literals reach the SQL
 * @param unique        {@code UNIQUE} on the column alone
 * @param references    the foreign key
 * @param comment       the column comment
 */
public record ColumnDefinition(String name, DataType type, boolean allowNull, boolean autoIncrement,
                               Option<DefaultValue> defaultValue, boolean unique, Option<Reference> references,
                               Option<String> comment) {

    /** A column with no default, constraint or comment. */
    public ColumnDefinition(String name, DataType type, boolean allowNull, boolean autoIncrement) {
        this(name, type, allowNull, autoIncrement, Option.none(), false, Option.none(), Option.none());
    }
}
