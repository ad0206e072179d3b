package dev.sequelj.ast.model;

/**
 * Turns a model name into its table name's plural ({@code user} → {@code users}), as Sequelize does
 * unless {@code freezeTableName} is set. The executor supplies an English inflector; the compiler
 * modules stay free of that dependency.
 */
@FunctionalInterface
public interface Pluralizer {
    String pluralize(String word);
}
