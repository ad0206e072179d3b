package dev.sequelj.ast.statement;

import dev.sequelj.ast.model.DataType;

/** One column of a {@code CREATE TABLE}. */
public record ColumnDefinition(String name, DataType type, boolean allowNull, boolean autoIncrement) {}
