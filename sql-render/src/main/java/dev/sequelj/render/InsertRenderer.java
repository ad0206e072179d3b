package dev.sequelj.render;

import dev.sequelj.ast.error.UnsupportedFeatureError;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.statement.OnDuplicate;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.ast.statement.TableName;
import dev.sequelj.render.dialect.Dialect;
import dev.sequelj.render.shape.Slot;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * {@code INSERT INTO "users" ("id","firstName") VALUES (DEFAULT,?) RETURNING "id","firstName"}, with the
 * generated key and the returned row written the dialect's way:
 * <ul>
 *   <li>postgres: {@code ("id",...) VALUES (DEFAULT,...) RETURNING ...}</li>
 *   <li>sqlite: {@code (`id`,...) VALUES (NULL,...)}, the key read back by the executor, as Sequelize does;
 *       {@code RETURNING ...} where the stored row is more than the values sent and that key</li>
 *   <li>mysql: {@code (`id`,...) VALUES (DEFAULT,...)}, the key read back by the executor</li>
 *   <li>mssql: {@code ([firstName],...) OUTPUT INSERTED.[id],... VALUES (...)}</li>
 * </ul>
 * A key given explicitly is listed like any other column, inside whatever the dialect needs around it
 * (SQL Server's {@code SET IDENTITY_INSERT}). A bulk insert writes several rows the same way,
 * {@code VALUES (...),(...)}, in as many statements as the dialect's caps on parameters and rows need.
 * Duplicate handling ({@code INSERT IGNORE}, {@code ON CONFLICT ...}) is written by the dialect.
 */
final class InsertRenderer {
    private InsertRenderer() {}

    static Sql.Returns render(SqlWriter out, Statement.Insert insert) {
        return withKey(writeRow(out, insert.table(), insert.autoIncrementColumn(), insert.columns(),
                insert.values(), insert.onDuplicate(),
                returned(out.dialect(), insert.returning(), insert.returningRequired())),
                out.dialect(), insert.returning(), insert.returningRequired());
    }

    /**
     * The columns the INSERT hands back; none where the dialect reads the generated key instead
     * ({@link Dialect#insertReadsKeyWhenRowIsKnown()}), which {@link #keyInstead} then asks for.
     */
    private static Seq<String> returned(Dialect dialect, Seq<String> returning, boolean required) {
        return keyInstead(dialect, returning, required) ? Vector.empty() : returning;
    }

    /** Whether the INSERT reads the generated key in place of the rows it was asked to hand back. */
    private static boolean keyInstead(Dialect dialect, Seq<String> returning, boolean required) {
        return !returning.isEmpty() && !required && dialect.insertReadsKeyWhenRowIsKnown();
    }

    private static Sql.Returns withKey(Sql.Returns returns, Dialect dialect, Seq<String> returning, boolean required) {
        return keyInstead(dialect, returning, required) ? Sql.Returns.GENERATED_KEYS : returns;
    }

    /** All rows of a bulk insert in one statement, whatever the dialect's caps. */
    static Sql.Returns render(SqlWriter out, Statement.BulkInsert insert) {
        return withKey(writeRows(out, insert.table(), insert.autoIncrementColumn(), insert.columns(),
                new BulkRows(insert.types(), insert.rows()), insert.onDuplicate(), returned(out.dialect(), insert.returning(), insert.returningRequired())),
                out.dialect(), insert.returning(), insert.returningRequired());
    }

    /**
     * Every statement of a bulk insert, as {@link #chunks} cuts it. Parts of one size whose rows all give every
     * value (no key left to the database) have the same text: it is written once, as a template, and each of
     * them only binds its values ({@link SqlTemplate#bind}). 100,000 rows of 6 values on SQLite are 18 parts of
     * 5,461 rows and one of 1,702: the text of 5,461 rows is written once instead of 18 times.
     */
    static Seq<Sql> renderAll(Statement.BulkInsert insert, Dialect dialect, SqlWriter.Values values) {
        Seq<Statement.BulkInsert> chunks = chunks(insert, dialect);
        if (values != SqlWriter.Values.BOUND || chunks.size() < 2) {
            return chunks.map(chunk -> SqlRenderer.renderOne(chunk, dialect, values));
        }
        java.util.ArrayList<Sql> rendered = new java.util.ArrayList<>(chunks.size());
        int templateRows = -1;
        SqlTemplate template = null;
        for (int i = 0; i < chunks.size(); i++) {
            Statement.BulkInsert chunk = chunks.get(i);
            int rows = chunk.rows().size();
            boolean sizeAgain = (i > 0 && chunks.get(i - 1).rows().size() == rows)
                    || (i + 1 < chunks.size() && chunks.get(i + 1).rows().size() == rows);
            if (sizeAgain && !generatesAnyKey(chunk)) {
                if (rows != templateRows) {
                    template = SqlRenderer.template(slotsFor(chunk), dialect).getOrNull();
                    templateRows = rows;
                }
                if (template != null) {
                    rendered.add(template.bind(valuesOf(chunk), dialect));
                    continue;
                }
            }
            rendered.add(SqlRenderer.renderOne(chunk, dialect, values));
        }
        return Vector.ofAll(rendered);
    }

    private static boolean generatesAnyKey(Statement.BulkInsert insert) {
        return insert.rows().exists(row -> row.contains(Statement.BulkInsert.Generated.KEY));
    }

    /** The insert with each value replaced by its slot: its position among {@link #valuesOf} the rows. */
    private static Statement.BulkInsert slotsFor(Statement.BulkInsert insert) {
        int width = insert.columns().size();
        return insert.withRows(io.vavr.collection.Array.tabulate(insert.rows().size(),
                row -> io.vavr.collection.Array.tabulate(width, column -> (Object) new Slot(row * width + column))));
    }

    /** Every value of the rows, row after row. */
    private static Object[] valuesOf(Statement.BulkInsert insert) {
        int width = insert.columns().size();
        Object[] values = new Object[insert.rows().size() * width];
        int at = 0;
        for (io.vavr.collection.Array<Object> row : insert.rows()) {
            for (int column = 0; column < width; column++) {
                values[at++] = row.get(column);
            }
        }
        return values;
    }

    /**
     * A bulk insert cut into the statements the dialect can take: at most {@link Dialect#maxInsertRows()}
     * rows and {@link Dialect#maxParameters()} bound values each (SQLite takes 32,766 values, SQL Server
     * 1,000 rows), and one row each where a row lists no column at all ({@code DEFAULT VALUES}).
     */
    static Seq<Statement.BulkInsert> chunks(Statement.BulkInsert insert, Dialect dialect) {
        boolean keyListed = insert.autoIncrementColumn().isDefined() && !insert.columns().contains(insert.autoIncrementColumn().get())
                && dialect.autoIncrementInsert() != Dialect.AutoIncrementInsert.OMITTED;
        int maxRows = insert.columns().isEmpty() && !keyListed ? 1 : dialect.maxInsertRows();
        // Rows are counted here and each chunk sliced out of the whole at the end: a bulk insert of 100,000 rows
        // comes through, and appending to a persistent collection row by row copies as it goes.
        io.vavr.collection.Array<io.vavr.collection.Array<Object>> rows = io.vavr.collection.Array.ofAll(insert.rows());
        java.util.ArrayList<Statement.BulkInsert> chunks = new java.util.ArrayList<>();
        int start = 0;
        int params = 0;
        for (int i = 0; i < rows.size(); i++) {
            // Every value is one parameter; a generated key is none.
            io.vavr.collection.Array<Object> row = rows.get(i);
            int rowParams = 0;
            for (int c = 0; c < row.size(); c++) {
                rowParams += row.get(c) == Statement.BulkInsert.Generated.KEY ? 0 : 1;
            }
            if (i > start && (i - start >= maxRows || params + rowParams > dialect.maxParameters())) {
                chunks.add(insert.withRows(rows.slice(start, i)));
                start = i;
                params = 0;
            }
            params += rowParams;
        }
        if (start < rows.size()) {
            chunks.add(start == 0 ? insert.withRows(rows) : insert.withRows(rows.slice(start, rows.size())));
        }
        return Vector.ofAll(chunks);
    }

    /** The VALUES rows of an INSERT, cell by cell: one row of expressions, or a bulk insert's rows of values. */
    private sealed interface ValueRows permits OneRow, BulkRows {
        int size();

        /** Whether some row leaves the cell of this column to the database (the auto-increment key). */
        boolean generatesIn(int column);

        /** Writes the cells of row {@code row}, each after a comma but the first when {@code continuing} is false. */
        void write(SqlWriter out, int row, boolean continuing, String generated);
    }

    /** An {@link Statement.Insert}'s one row: every cell an expression. */
    private record OneRow(Seq<Expression> values) implements ValueRows {
        public int size() {
            return 1;
        }

        public boolean generatesIn(int column) {
            return false;
        }

        public void write(SqlWriter out, int row, boolean continuing, String generated) {
            boolean first = !continuing;
            for (Expression cell : values) {
                if (!first) {
                    out.sql(',');
                }
                ExpressionRenderer.write(out, cell);
                first = false;
            }
        }
    }

    /**
     * A {@link Statement.BulkInsert}'s rows: each value bound as its column's type, as a typed
     * {@link Expression.Param} is ({@link Dialect#writeTypedParam}), or the key left to the database.
     */
    private record BulkRows(io.vavr.collection.Array<DataType> types, Seq<io.vavr.collection.Array<Object>> rows)
            implements ValueRows {
        BulkRows(Seq<DataType> types, Seq<io.vavr.collection.Array<Object>> rows) {
            this(io.vavr.collection.Array.ofAll(types), rows instanceof io.vavr.collection.IndexedSeq<?> ? rows
                    : io.vavr.collection.Array.ofAll(rows));
        }

        public int size() {
            return rows.size();
        }

        public boolean generatesIn(int column) {
            return rows.exists(row -> row.get(column) == Statement.BulkInsert.Generated.KEY);
        }

        public void write(SqlWriter out, int row, boolean continuing, String generated) {
            io.vavr.collection.Array<Object> cells = rows.get(row);
            Dialect dialect = out.dialect();
            boolean first = !continuing;
            for (int c = 0; c < cells.size(); c++) {
                if (!first) {
                    out.sql(',');
                }
                Object value = cells.get(c);
                if (value == Statement.BulkInsert.Generated.KEY) {
                    out.sql(generated);
                } else {
                    DataType type = types.get(c);
                    dialect.writeTypedParam(out, type, out.databaseValue(type, value));
                }
                first = false;
            }
        }
    }

    /** {@link #writeRows} for one row of expressions: an INSERT's, or an upsert's. */
    static Sql.Returns writeRow(SqlWriter out, TableName table, Option<String> autoIncrementColumn, Seq<String> columns,
                                Seq<Expression> values, OnDuplicate onDuplicate, Seq<String> returning) {
        return writeRows(out, table, autoIncrementColumn, columns, new OneRow(values), onDuplicate, returning);
    }

    /**
     * Writes {@code INSERT INTO table (columns) [OUTPUT ...] VALUES (row), (row) [duplicates] [RETURNING ...]}.
     *
     * @param autoIncrementColumn the table's auto-increment key: generated for every row when {@code columns}
     *                            does not list it; when it does, generated for each row whose cell is empty
     * @param rows                one cell per column; a generated cell leaves the key to the database
     */
    private static Sql.Returns writeRows(SqlWriter out, TableName table, Option<String> autoIncrementColumn, Seq<String> columns,
                                         ValueRows rows, OnDuplicate onDuplicate, Seq<String> returning) {
        Dialect dialect = out.dialect();
        Option<String> generatedKey = autoIncrementColumn.filter(key -> !columns.contains(key));
        Option<String> keyColumn = dialect.autoIncrementInsert() == Dialect.AutoIncrementInsert.OMITTED
                ? Option.none()
                : generatedKey;
        boolean explicitKey = autoIncrementColumn.isDefined() && generatedKey.isEmpty();
        if (explicitKey && dialect.autoIncrementInsert() == Dialect.AutoIncrementInsert.OMITTED) {
            int key = columns.indexOf(autoIncrementColumn.get());
            if (rows.generatesIn(key)) {
                throw new UnsupportedFeatureError(dialect.name() + " cannot insert rows that give the auto-increment key "
                        + autoIncrementColumn.get() + " together with rows that leave it to the database: SQL Server"
                        + " takes explicit IDENTITY values for a whole statement or for none; give "
                        + autoIncrementColumn.get() + " in every row or in none");
            }
        }
        if (explicitKey) {
            dialect.writeBeforeExplicitKeyInsert(out, table);
        }
        dialect.writeInsertInto(out, onDuplicate);
        out.table(table);
        boolean empty = keyColumn.isEmpty() && columns.isEmpty();
        if (!empty) {
            out.sql(" (");
            keyColumn.forEach(out::identifier);
            writeList(out, columns, keyColumn.isDefined());
            out.sql(')');
        }
        if (dialect.insertReturning() == Dialect.InsertReturning.OUTPUT_INSERTED && !returning.isEmpty()) {
            out.sql(" OUTPUT ");
            boolean first = true;
            for (String column : returning) {
                out.sql(first ? "INSERTED." : ",INSERTED.").identifier(column);
                first = false;
            }
        }
        if (empty) {
            dialect.writeEmptyInsertValues(out);
        } else {
            String generated = dialect.autoIncrementInsert() == Dialect.AutoIncrementInsert.NULL_VALUE ? "NULL" : "DEFAULT";
            out.sql(" VALUES ");
            for (int row = 0; row < rows.size(); row++) {
                out.sql(row == 0 ? "(" : ",(");
                if (keyColumn.isDefined()) {
                    out.sql(generated);
                }
                rows.write(out, row, keyColumn.isDefined(), generated);
                out.sql(')');
            }
        }
        dialect.writeOnDuplicate(out, onDuplicate);
        Sql.Returns returns = Sql.Returns.UPDATE_COUNT;
        if (!returning.isEmpty()) {
            returns = switch (dialect.insertReturning()) {
                case RETURNING_CLAUSE -> {
                    out.sql(" RETURNING ");
                    writeList(out, returning, false);
                    yield Sql.Returns.ROWS;
                }
                case OUTPUT_INSERTED -> Sql.Returns.ROWS;
                case GENERATED_KEY -> Sql.Returns.GENERATED_KEYS;
            };
        }
        if (explicitKey) {
            dialect.writeAfterExplicitKeyInsert(out, table);
        }
        return returns;
    }

    /** Identifiers separated by commas without spaces, as Sequelize writes INSERT lists. */
    static void writeList(SqlWriter out, Seq<String> columns, boolean continuing) {
        boolean first = !continuing;
        for (String column : columns) {
            if (!first) {
                out.sql(',');
            }
            out.identifier(column);
            first = false;
        }
    }
}
