package dev.sequelj.ast.model;

/**
 * Turns a model name into its table name's plural ({@code user} → {@code users}), as Sequelize does
 * unless {@code freezeTableName} is set. {@link #SEQUELIZE} gives Sequelize's own table names; another
 * implementation can be passed to {@link ModelDefinition#define(String, Iterable, ModelOptions, Pluralizer)}.
 */
@FunctionalInterface
public interface Pluralizer {
    /** Sequelize's pluralization, name for name ({@code person} → {@code people}). */
    Pluralizer SEQUELIZE = SequelizePluralizer.INSTANCE;

    String pluralize(String word);
}
