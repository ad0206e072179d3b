package dev.sequelj.render;

import dev.sequelj.ast.statement.ColumnDefinition;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.render.dialect.Dialect;

/**
 * The DDL: {@code CREATE TABLE}, {@code DROP TABLE}, indexes and the QueryInterface's column changes.
 * The shape is here; every clause a database writes its own way is a hook of its {@link Dialect}.
 */
final class TableRenderer {
    private TableRenderer() {}

    /**
     * {@code CREATE TABLE IF NOT EXISTS "users" ("id" SERIAL, "name" VARCHAR(255) NOT NULL DEFAULT 'x' UNIQUE,
     * UNIQUE ("a", "b"), PRIMARY KEY ("id"), FOREIGN KEY ...)}: columns, composite unique keys, the primary
     * key, then foreign keys where the dialect writes them as table constraints. A lone auto-increment key
     * is written by the dialect, which may declare it inline (SQLite) and so leave out the PRIMARY KEY
     * clause. What must run before (PostgreSQL's ENUM types) and after (column comments) comes from the
     * dialect too.
     */
    static Sql.Returns create(SqlWriter out, Statement.CreateTable create) {
        Dialect dialect = out.dialect();
        dialect.writeBeforeCreateTable(out, create);
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
                out.sql(' ');
                dialect.writeColumnDefinition(out, create.table(), column, Dialect.ColumnContext.CREATE_TABLE);
            }
            first = false;
        }
        for (Statement.UniqueKey key : create.uniqueKeys()) {
            dialect.writeUniqueKey(out, key);
        }
        if (!keyInline && !create.primaryKey().isEmpty()) {
            out.sql(", PRIMARY KEY (");
            writeList(out, create.primaryKey());
            out.sql(')');
        }
        if (!dialect.referencesInline(Dialect.ColumnContext.CREATE_TABLE)) {
            for (ColumnDefinition column : create.columns()) {
                column.references().forEach(reference -> {
                    out.sql(", FOREIGN KEY (").identifier(column.name()).sql(')');
                    dialect.writeReferenceTarget(out, reference);
                });
            }
        }
        out.sql(')');
        dialect.writeCreateTableEnd(out);
        dialect.writeAfterCreateTable(out, create);
        return Sql.Returns.NOTHING;
    }

    static Sql.Returns drop(SqlWriter out, Statement.DropTable drop) {
        out.dialect().writeDropTable(out, drop.table(), drop.cascade());
        out.dialect().writeAfterDropTable(out, drop);
        return Sql.Returns.NOTHING;
    }

    static Sql.Returns createIndex(SqlWriter out, Statement.CreateIndex index) {
        out.dialect().writeCreateIndex(out, index);
        index.where().forEach(where -> {
            // DDL takes no parameters: the condition's values are written as escaped literals.
            out.sql(" WHERE ").inline(w -> ExpressionRenderer.write(w, where));
        });
        return Sql.Returns.NOTHING;
    }

    static Sql.Returns showIndexes(SqlWriter out, Statement.ShowIndexes show) {
        out.dialect().writeShowIndexes(out, show.table());
        return Sql.Returns.ROWS;
    }

    static Sql.Returns dropIndex(SqlWriter out, Statement.DropIndex drop) {
        out.dialect().writeDropIndex(out, drop);
        return Sql.Returns.NOTHING;
    }

    static Sql.Returns addColumn(SqlWriter out, Statement.AddColumn add) {
        out.dialect().writeAddColumn(out, add);
        return Sql.Returns.NOTHING;
    }

    static Sql.Returns removeColumn(SqlWriter out, Statement.RemoveColumn remove) {
        out.dialect().writeRemoveColumn(out, remove);
        return Sql.Returns.NOTHING;
    }

    static Sql.Returns changeColumn(SqlWriter out, Statement.ChangeColumn change) {
        out.dialect().writeChangeColumn(out, change);
        return Sql.Returns.NOTHING;
    }

    static Sql.Returns renameColumn(SqlWriter out, Statement.RenameColumn rename) {
        out.dialect().writeRenameColumn(out, rename);
        return Sql.Returns.NOTHING;
    }

    private static void writeList(SqlWriter out, Iterable<String> columns) {
        boolean first = true;
        for (String column : columns) {
            if (!first) {
                out.sql(", ");
            }
            out.identifier(column);
            first = false;
        }
    }
}
