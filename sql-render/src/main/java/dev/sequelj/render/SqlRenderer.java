package dev.sequelj.render;

import dev.sequelj.ast.statement.Statement;
import dev.sequelj.render.dialect.Dialect;

/**
 * Renders any statement for any dialect into {@link Sql}: text with {@code ?} placeholders plus the
 * bound values. Stateless; one {@link SqlWriter} per call.
 *
 * <pre>{@code
 * Sql sql = SqlRenderer.render(FindStatements.findAll(user, options()), Dialects.POSTGRES);
 * sql.text();   // SELECT "id", "firstName", ... FROM "users" AS "user";
 * }</pre>
 */
public final class SqlRenderer {
    private SqlRenderer() {}

    public static Sql render(Statement statement, Dialect dialect) {
        return write(statement, new SqlWriter(dialect));
    }

    private static Sql write(Statement statement, SqlWriter out) {
        Sql.Returns returns = switch (statement) {
            case Statement.Select select -> SelectRenderer.render(out, select);
            case Statement.Insert insert -> InsertRenderer.render(out, insert);
            case Statement.CreateTable create -> TableRenderer.create(out, create);
            case Statement.DropTable drop -> TableRenderer.drop(out, drop);
        };
        out.sql(';');
        return out.toSql(returns);
    }

    // ---- inline literals (sequelj render --inline) ---------------------------------------------

    /**
     * Renders the statement with every value written as a literal of the dialect instead of {@code ?},
     * for offline scripts; the result has no params. The text is that of {@link #render} with each
     * placeholder replaced by its value, escaped by the dialect's one literal writer
     * ({@code dialect.literals()}) so that no value can change the statement's structure. When
     * executing, use {@link #render}: values are bound.
     *
     * <pre>{@code
     * SqlRenderer.inline(FindStatements.findAll(user, options().where(Map.of("firstName", "O'Brien")).limit(10)),
     *                    Dialects.POSTGRES).text();
     * // SELECT "id", "firstName", ... FROM "users" AS "user" WHERE "user"."firstName" = 'O''Brien' LIMIT 10;
     * }</pre>
     *
     * @throws dev.sequelj.ast.error.UnsupportedFeatureError for a value the dialect has no literal for
     *                                                       (NUL in PostgreSQL text, say)
     */
    public static Sql inline(Statement statement, Dialect dialect) {
        return write(statement, new SqlWriter(dialect, SqlWriter.Values.INLINE));
    }
}
