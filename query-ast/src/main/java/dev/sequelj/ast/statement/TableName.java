package dev.sequelj.ast.statement;

import io.vavr.control.Option;

/**
 * A table, optionally in a schema (Sequelize's {@code schema} model option): {@code "public"."users"}.
 * How the two parts are written is the dialect's affair.
 *
 * @param schema the schema, when the model names one
 * @param name   the table name
 */
public record TableName(Option<String> schema, String name) {

    /** A table in the connection's default schema. */
    public static TableName of(String name) {
        return new TableName(Option.none(), name);
    }
}
