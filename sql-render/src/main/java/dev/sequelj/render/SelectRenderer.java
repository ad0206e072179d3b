package dev.sequelj.render;

import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.statement.OrderItem;
import dev.sequelj.ast.statement.SelectColumn;
import dev.sequelj.ast.statement.Statement;
import io.vavr.collection.Seq;

/**
 * {@code SELECT "id", ... FROM "users" AS "user" [lock hint] WHERE ... GROUP BY ... HAVING ... ORDER BY ...
 * <paging> [lock clause]}.
 */
final class SelectRenderer {
    private SelectRenderer() {}

    static Sql.Returns render(SqlWriter out, Statement.Select select) {
        out.sql("SELECT ");
        boolean first = true;
        for (SelectColumn column : select.columns()) {
            if (!first) {
                out.sql(", ");
            }
            ExpressionRenderer.write(out, column.expression());
            if (column.alias().isDefined()) {
                out.sql(" AS ").identifier(column.alias().get());
            }
            first = false;
        }
        out.sql(" FROM ").table(select.table()).sql(" AS ").identifier(select.alias());
        if (select.lock().isDefined()) {
            out.dialect().writeTableLockHint(out, select.lock().get());
        }
        if (select.where().isDefined()) {
            out.sql(" WHERE ");
            ExpressionRenderer.write(out, select.where().get());
        }
        if (!select.group().isEmpty()) {
            out.sql(" GROUP BY ");
            writeList(out, select.group());
        }
        if (select.having().isDefined()) {
            out.sql(" HAVING ");
            ExpressionRenderer.write(out, select.having().get());
        }
        boolean paging = select.limit().isDefined() || select.offset().isDefined();
        if (!select.order().isEmpty()) {
            writeOrder(out, select.order());
        } else if (paging && out.dialect().pagingNeedsOrderBy()) {
            // SQL Server pages only after an ORDER BY; Sequelize orders by the primary key then.
            if (select.keyOrder().isEmpty()) {
                out.sql(" ORDER BY (SELECT NULL)");
            } else {
                writeOrder(out, select.keyOrder());
            }
        }
        out.dialect().writeLimitOffset(out, select.limit(), select.offset());
        if (select.lock().isDefined()) {
            out.dialect().writeLockClause(out, select.lock().get());
        }
        return Sql.Returns.ROWS;
    }

    private static void writeOrder(SqlWriter out, Seq<OrderItem> order) {
        out.sql(" ORDER BY ");
        boolean first = true;
        for (OrderItem item : order) {
            if (!first) {
                out.sql(", ");
            }
            out.dialect().writeOrderKey(out, o -> ExpressionRenderer.write(o, item.expression()), item.direction(), item.nulls());
            first = false;
        }
    }

    private static void writeList(SqlWriter out, Seq<Expression> expressions) {
        boolean first = true;
        for (Expression expression : expressions) {
            if (!first) {
                out.sql(", ");
            }
            ExpressionRenderer.write(out, expression);
            first = false;
        }
    }
}
