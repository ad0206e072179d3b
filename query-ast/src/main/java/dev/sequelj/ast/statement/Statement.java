package dev.sequelj.ast.statement;

import dev.sequelj.ast.expression.Expression;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * A SQL statement: plain data with no logic, built by {@code dev.sequelj.ast.finder} (TableStatements, FindStatements, WriteStatements)
 * and turned into SQL by the renderer. Equal statements are {@code equals} and hash alike.
 */
public sealed interface Statement {

    /**
     * {@code CREATE TABLE IF NOT EXISTS table (columns..., PRIMARY KEY (...))}.
     *
     * @param primaryKey the key columns, in order; a dialect may declare a lone auto-increment key inline
     */
    record CreateTable(TableName table, Seq<ColumnDefinition> columns, Seq<String> primaryKey) implements Statement {}

    /**
     * {@code DROP TABLE IF EXISTS table}.
     *
     * @param cascade also drop what depends on the table, where the dialect can say so (PostgreSQL)
     */
    record DropTable(TableName table, boolean cascade) implements Statement {}

    /**
     * {@code INSERT INTO table (columns) VALUES (values)}, handing back the stored row.
     *
     * @param autoIncrementColumn the table's auto-increment key column, if any. When {@code columns}
     *                            does not list it, the database generates the key, and dialects differ
     *                            on how (or whether) it is named; when it does, the key is given
     *                            explicitly, which some databases must be told (SQL Server)
     * @param columns             the columns given values, in order
     * @param values              one expression per column
     * @param returning           the columns of the stored row to hand back (RETURNING / OUTPUT)
     */
    record Insert(TableName table, Option<String> autoIncrementColumn, Seq<String> columns, Seq<Expression> values,
                  Seq<String> returning) implements Statement {}

    // ---- SELECT (finders): helper C ---------------------------------------------------------------

    /**
     * {@code SELECT columns FROM table AS alias WHERE ... GROUP BY ... HAVING ... ORDER BY ... LIMIT ...
     * OFFSET ... FOR UPDATE}.
     *
     * @param group    the GROUP BY keys, in order; empty for none
     * @param having   the HAVING condition, resolved
     * @param keyOrder the order used only by dialects that can page (limit/offset) solely over an ORDER BY
     *                 (SQL Server) when {@code order} is empty: the primary key, or the group keys of a
     *                 grouped select
     * @param lock     the row lock to take, if any
     */
    record Select(Seq<SelectColumn> columns, TableName table, String alias, Option<Expression> where,
                  Seq<Expression> group, Option<Expression> having, Seq<OrderItem> order,
                  Option<Integer> limit, Option<Integer> offset, Seq<OrderItem> keyOrder, Option<Lock> lock)
            implements Statement {

        /** A select without grouping or lock. */
        public Select(Seq<SelectColumn> columns, TableName table, String alias, Option<Expression> where,
                      Seq<OrderItem> order, Option<Integer> limit, Option<Integer> offset, Seq<OrderItem> keyOrder) {
            this(columns, table, alias, where, io.vavr.collection.Vector.empty(), Option.none(), order, limit, offset,
                    keyOrder, Option.none());
        }
    }
}
