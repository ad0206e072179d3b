package dev.sequelj.render;

import dev.sequelj.ast.statement.ColumnDefinition;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.render.dialect.Dialect;

/** {@code CREATE TABLE} and {@code DROP TABLE}. */
final class TableRenderer {
    private TableRenderer() {}

    /**
     * {@code CREATE TABLE IF NOT EXISTS "users" ("id" SERIAL, "name" VARCHAR(255), PRIMARY KEY ("id"))}.
     * A lone auto-increment key is written by the dialect, which may declare it inline (SQLite) and so
     * leave out the PRIMARY KEY clause.
     */
    static Sql.Returns create(SqlWriter out, Statement.CreateTable create) {
        Dialect dialect = out.dialect();
        dialect.writeCreateTableStart(out, create.table());
        out.sql(" (");
        boolean keyInline = false;
        boolean first = true;
        for (ColumnDefinition column : create.columns()) {
            if (!first) {
                out.sql(", ");
            }
            out.identifier(column.name());
            boolean soleGeneratedKey = column.autoIncrement() && create.primaryKey().size() == 1
                    && create.primaryKey().head().equals(column.name());
            if (soleGeneratedKey) {
                keyInline = dialect.writeAutoIncrementColumn(out, column.type());
            } else {
                out.sql(' ').sql(dialect.columnType(column.type()));
                dialect.writeNullability(out, column.allowNull());
            }
            first = false;
        }
        if (!keyInline && !create.primaryKey().isEmpty()) {
            out.sql(", PRIMARY KEY (");
            first = true;
            for (String key : create.primaryKey()) {
                if (!first) {
                    out.sql(", ");
                }
                out.identifier(key);
                first = false;
            }
            out.sql(')');
        }
        out.sql(')');
        dialect.writeCreateTableEnd(out);
        return Sql.Returns.NOTHING;
    }

    static Sql.Returns drop(SqlWriter out, Statement.DropTable drop) {
        out.dialect().writeDropTable(out, drop.table(), drop.cascade());
        return Sql.Returns.NOTHING;
    }
}
