package dev.sequelj.ast.statement;

import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.model.DataType;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * A SQL statement: plain data with no logic, built by {@code dev.sequelj.ast.finder} (TableStatements, FindStatements, WriteStatements)
 * and turned into SQL by the renderer. Equal statements are {@code equals} and hash alike.
 */
public sealed interface Statement {

    /**
     * {@code CREATE TABLE IF NOT EXISTS table (columns..., UNIQUE (...), PRIMARY KEY (...), FOREIGN KEY ...)},
     * with what the dialect needs around it: PostgreSQL creates the ENUM columns' types first and
     * comments the columns after; SQL Server comments them after.
     *
     * @param primaryKey the key columns, in order; a dialect may declare a lone auto-increment key inline
     * @param uniqueKeys the composite unique keys ({@code unique: "name"} shared by columns)
     */
    record CreateTable(TableName table, Seq<ColumnDefinition> columns, Seq<String> primaryKey, Seq<UniqueKey> uniqueKeys)
            implements Statement {
        /** A table with no composite unique key. */
        public CreateTable(TableName table, Seq<ColumnDefinition> columns, Seq<String> primaryKey) {
            this(table, columns, primaryKey, io.vavr.collection.Vector.empty());
        }
    }

    /**
     * {@code DROP TABLE IF EXISTS table}.
     *
     * @param cascade     also drop what depends on the table, where the dialect can say so (PostgreSQL)
     * @param enumColumns the table's ENUM columns, whose types PostgreSQL drops too when cascading, as Sequelize does
     */
    record DropTable(TableName table, boolean cascade, Seq<String> enumColumns) implements Statement {
        /** A table with no ENUM column. */
        public DropTable(TableName table, boolean cascade) {
            this(table, cascade, io.vavr.collection.Vector.empty());
        }
    }

    /**
     * {@code INSERT INTO table (columns) VALUES (values)}, handing back the stored row.
     *
     * @param autoIncrementColumn the table's auto-increment key column, if any. When {@code columns}
     *                            does not list it, the database generates the key, and dialects differ
     *                            on how (or whether) it is named; when it does, the key is given
     *                            explicitly, which some databases must be told (SQL Server)
     * @param columns             the columns given values, in order
     * @param values              one expression per column
     * @param returning           the columns of the stored row to hand back (RETURNING / OUTPUT); none when empty
     * @param onDuplicate         what to do when the row collides with an existing one on a unique key
     * @param returningRequired   whether {@code returning} must be read from the database. When false, the
     *                            stored row is the values sent plus the generated key (no column is left to a
     *                            database default, the caller did not ask for the stored row, a duplicate is
     *                            refused), and a dialect may read the key instead of the row (SQLite, as
     *                            Sequelize does: {@code Dialect.insertReturnsKeyWhenRowIsKnown()})
     */
    record Insert(TableName table, Option<String> autoIncrementColumn, Seq<String> columns, Seq<Expression> values,
                  Seq<String> returning, OnDuplicate onDuplicate, boolean returningRequired) implements Statement {

        /** An insert whose {@code returning} columns are read from the database wherever it can hand them back. */
        public Insert(TableName table, Option<String> autoIncrementColumn, Seq<String> columns, Seq<Expression> values,
                      Seq<String> returning, OnDuplicate onDuplicate) {
            this(table, autoIncrementColumn, columns, values, returning, onDuplicate, true);
        }

        /** An insert the database refuses on a duplicate key, as a plain {@code create} is. */
        public Insert(TableName table, Option<String> autoIncrementColumn, Seq<String> columns, Seq<Expression> values,
                      Seq<String> returning) {
            this(table, autoIncrementColumn, columns, values, returning, OnDuplicate.REFUSE);
        }
    }

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

    // ---- writes: bulkCreate, update, destroy, restore, truncate, upsert, increment (helper D) ----------

    /**
     * {@code INSERT INTO table (columns) VALUES (...), (...), ...}: several rows in one statement, as
     * {@code bulkCreate} sends them. A dialect that caps the parameters or rows of one statement gets
     * several statements.
     *
     * @param autoIncrementColumn the table's auto-increment key column, if any. When {@code columns} does
     *                            not list it, the database generates it for every row; when it does, a row
     *                            whose cell is empty leaves it to the database and the others give it
     * @param columns             the columns given values, in order
     * @param types               each column's data type, in the order of {@code columns}: every value of the
     *                            column is bound as a parameter of that type
     * @param rows                one value per column in each row, as checked against its attribute (null
     *                            binds NULL), or {@link Generated#KEY} only in the auto-increment key's column
     *                            ("let the database generate it"). A row is an array of plain values rather
     *                            than an expression per cell: {@code bulkCreate} sends 100,000 rows at once
     * @param onDuplicate         what to do with a row that collides with an existing one
     * @param returning           the columns of the stored rows to hand back; none when empty
     * @param returningRequired   whether {@code returning} must be read from the database; when false, each
     *                            stored row is the values sent plus a generated key (as for {@link Insert}), no
     *                            row gives the auto-increment key, and the keys of one statement's rows are
     *                            consecutive, so a dialect may read the generated key instead of the rows
     */
    record BulkInsert(TableName table, Option<String> autoIncrementColumn, Seq<String> columns, Seq<DataType> types,
                      Seq<Array<Object>> rows, OnDuplicate onDuplicate, Seq<String> returning,
                      boolean returningRequired)
            implements Statement {

        /** The cell of a row that leaves the auto-increment key to the database. */
        public enum Generated { KEY }

        public BulkInsert {
            if (types.size() != columns.size()) {
                throw new IllegalArgumentException(types.size() + " types for " + columns.size() + " columns");
            }
        }

        /** A bulk insert whose {@code returning} columns are read from the database wherever it can hand them back. */
        public BulkInsert(TableName table, Option<String> autoIncrementColumn, Seq<String> columns, Seq<DataType> types,
                          Seq<Array<Object>> rows, OnDuplicate onDuplicate, Seq<String> returning) {
            this(table, autoIncrementColumn, columns, types, rows, onDuplicate, returning, true);
        }

        /** The same insert with other rows (a part of it, as a dialect's caps cut it). */
        public BulkInsert withRows(Seq<Array<Object>> someRows) {
            return new BulkInsert(table, autoIncrementColumn, columns, types, someRows, onDuplicate, returning,
                    returningRequired);
        }
    }

    /**
     * {@code upsert}: insert the row, or update the row whose {@code conflictColumns} it collides with.
     * {@code INSERT ... ON CONFLICT ... DO UPDATE}, {@code ON DUPLICATE KEY UPDATE} or {@code MERGE},
     * as the dialect does it.
     *
     * @param autoIncrementColumn the table's auto-increment key column, if any (listed in {@code columns}
     *                            only when its value is given)
     * @param columns             the columns inserted, in order
     * @param values              one expression per column
     * @param conflictColumns     the unique key the row is matched on
     * @param updateColumns       the columns overwritten when the row exists
     * @param returning           the columns of the stored row to hand back; none when empty
     */
    record Upsert(TableName table, Option<String> autoIncrementColumn, Seq<String> columns, Seq<Expression> values,
                  Seq<String> conflictColumns, Seq<String> updateColumns, Seq<String> returning) implements Statement {}

    /**
     * {@code UPDATE table SET ... WHERE ...}: {@code update}, {@code increment}/{@code decrement}, and the
     * soft {@code destroy}/{@code restore} of a paranoid model. Columns are not qualified.
     *
     * @param limit      change at most this many rows (how is the dialect's affair)
     * @param keyColumns the primary key, for dialects that limit through a sub-select on it
     * @param returning  the columns of the changed rows to hand back, where the dialect can; none when empty
     */
    record Update(TableName table, Seq<Assignment> assignments, Option<Expression> where, Option<Integer> limit,
                  Seq<String> keyColumns, Seq<String> returning) implements Statement {}

    /**
     * {@code DELETE FROM table WHERE ...}: {@code destroy}. Columns are not qualified.
     *
     * @param limit      delete at most this many rows
     * @param keyColumns the primary key, for dialects that limit through a sub-select on it
     */
    record Delete(TableName table, Option<Expression> where, Option<Integer> limit, Seq<String> keyColumns)
            implements Statement {}

    /**
     * {@code TRUNCATE table}, or what the dialect has instead (SQLite: {@code DELETE FROM}).
     *
     * @param cascade         also empty the tables whose foreign keys point here, where the dialect can say so
     * @param restartIdentity restart the auto-increment counter
     */
    record Truncate(TableName table, boolean cascade, boolean restartIdentity) implements Statement {}

    // ---- DDL: indexes and the QueryInterface (helper A) ------------------------------------------

    /** A composite unique key of a CREATE TABLE: {@code UNIQUE (a, b)}, named where the dialect names it. */
    record UniqueKey(String name, Seq<String> columns) {}

    /**
     * {@code CREATE [UNIQUE] INDEX name ON table (columns) [WHERE ...]}; MySQL writes
     * {@code ALTER TABLE table ADD [UNIQUE] INDEX name (columns)}.
     *
     * @param name         the index name
     * @param columns      the indexed columns, each with its order when given
     * @param unique       a unique index
     * @param where        a partial index's condition, columns unqualified; written with inline literals,
     *                     as DDL takes no parameters
     * @param using        the index method ({@code BTREE}, ...)
     * @param type         MySQL's {@code FULLTEXT} or {@code SPATIAL}
     * @param concurrently PostgreSQL's {@code CONCURRENTLY}
     * @param ifNotExists  leave an index of that name in place ({@code sync}, which Sequelize makes add only
     *                     the indexes missing); {@code addIndex} creates unconditionally, as Sequelize's does
     */
    record CreateIndex(TableName table, String name, Seq<IndexColumn> columns, boolean unique, Option<Expression> where,
                       Option<String> using, Option<String> type, boolean concurrently, boolean ifNotExists)
            implements Statement {}

    /** One column of an index, with its sort order when given. */
    record IndexColumn(String column, Option<OrderItem.Direction> order) {}

    /** {@code DROP INDEX name} (each dialect places the table its own way). */
    record DropIndex(TableName table, String name) implements Statement {}

    /** {@code ALTER TABLE table ADD [COLUMN] column ...}: {@code queryInterface.addColumn}. */
    record AddColumn(TableName table, ColumnDefinition column) implements Statement {}

    /** {@code ALTER TABLE table DROP [COLUMN] column}: {@code queryInterface.removeColumn}. */
    record RemoveColumn(TableName table, String column) implements Statement {}

    /**
     * The column's new definition: {@code queryInterface.changeColumn}. PostgreSQL and SQL Server
     * {@code ALTER COLUMN}, MySQL {@code CHANGE}; a reference adds a foreign key.
     */
    record ChangeColumn(TableName table, ColumnDefinition column) implements Statement {}

    /** {@code queryInterface.renameColumn}: {@code ALTER TABLE ... RENAME COLUMN from TO to}; SQL Server {@code sp_rename}. */
    record RenameColumn(TableName table, String from, String to) implements Statement {}

    // ---- reading the schema (issue 4: sync idempotent where indexes have no IF NOT EXISTS) --------

    /**
     * {@code queryInterface.showIndex(table)}: the table's indexes, one row per index column, as each
     * database describes them (MySQL {@code SHOW INDEX FROM `users`}); the column holding the index name
     * is the dialect's {@code indexNameColumn()}. {@code sync} reads it where the database cannot create
     * an index only if it is missing, to add only the missing ones, as Sequelize's {@code sync} does.
     */
    record ShowIndexes(TableName table) implements Statement {}
}
