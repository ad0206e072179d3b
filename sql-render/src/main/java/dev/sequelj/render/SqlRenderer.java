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
        SqlWriter out = new SqlWriter(dialect);
        Sql.Returns returns = switch (statement) {
            case Statement.Select select -> SelectRenderer.render(out, select);
            case Statement.Insert insert -> InsertRenderer.render(out, insert);
            case Statement.CreateTable create -> TableRenderer.create(out, create);
            case Statement.DropTable drop -> TableRenderer.drop(out, drop);
            // DDL: indexes and the QueryInterface (helper A)
            case Statement.CreateIndex index -> TableRenderer.createIndex(out, index);
            case Statement.DropIndex drop -> TableRenderer.dropIndex(out, drop);
            case Statement.AddColumn add -> TableRenderer.addColumn(out, add);
            case Statement.RemoveColumn remove -> TableRenderer.removeColumn(out, remove);
            case Statement.ChangeColumn change -> TableRenderer.changeColumn(out, change);
            case Statement.RenameColumn rename -> TableRenderer.renameColumn(out, rename);
        };
        out.sql(';');
        return out.toSql(returns);
    }
}
