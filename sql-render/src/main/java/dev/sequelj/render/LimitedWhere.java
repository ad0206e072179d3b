package dev.sequelj.render;

import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.statement.TableName;
import dev.sequelj.render.dialect.Dialect;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * The WHERE of an UPDATE or DELETE, with its row limit written the dialect's way
 * ({@link Dialect#writeLimit()}):
 * <ul>
 *   <li>mysql: {@code WHERE ... LIMIT ?};</li>
 *   <li>mssql: {@code WHERE ...}, the limit being {@code TOP(?)} after the verb ({@link #writeTop});</li>
 *   <li>sqlite: {@code WHERE rowid IN (SELECT rowid FROM `users` WHERE ... LIMIT ?)};</li>
 *   <li>postgres: {@code WHERE "id" IN (SELECT "id" FROM "users" WHERE ... LIMIT ?)}, on the primary key,
 *       as Sequelize's DELETE does; a composite key is compared as a row, {@code ("a","b") IN (...)}.</li>
 * </ul>
 */
final class LimitedWhere {
    private LimitedWhere() {}

    /** {@code TOP(?) } after UPDATE / DELETE, where the dialect limits that way. */
    static void writeTop(SqlWriter out, Option<Integer> limit) {
        if (limit.isDefined() && out.dialect().writeLimit() == Dialect.WriteLimit.TOP) {
            out.sql("TOP(").param(limit.get()).sql(") ");
        }
    }

    static void write(SqlWriter out, TableName table, Option<Expression> where, Option<Integer> limit,
                      Seq<String> keyColumns) {
        if (limit.isEmpty()) {
            writeWhere(out, where);
            return;
        }
        switch (out.dialect().writeLimit()) {
            case LIMIT_CLAUSE -> {
                writeWhere(out, where);
                out.sql(" LIMIT ").param(limit.get());
            }
            case TOP -> writeWhere(out, where);
            case ROWID_SUBSELECT -> {
                out.sql(" WHERE rowid IN (SELECT rowid FROM ").table(table);
                writeWhere(out, where);
                out.sql(" LIMIT ").param(limit.get()).sql(')');
            }
            case KEY_SUBSELECT -> {
                out.sql(" WHERE ");
                writeKey(out, keyColumns);
                out.sql(" IN (SELECT ");
                InsertRenderer.writeList(out, keyColumns, false);
                out.sql(" FROM ").table(table);
                writeWhere(out, where);
                out.sql(" LIMIT ").param(limit.get()).sql(')');
            }
        }
    }

    private static void writeKey(SqlWriter out, Seq<String> keyColumns) {
        if (keyColumns.size() == 1) {
            out.identifier(keyColumns.head());
        } else {
            out.sql('(');
            InsertRenderer.writeList(out, keyColumns, false);
            out.sql(')');
        }
    }

    private static void writeWhere(SqlWriter out, Option<Expression> where) {
        where.forEach(condition -> {
            out.sql(" WHERE ");
            ExpressionRenderer.write(out, condition);
        });
    }
}
