package dev.sequelj.render.dialect;

import dev.sequelj.ast.error.UnsupportedFeatureError;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.statement.Lock;
import dev.sequelj.ast.statement.OrderItem.Direction;
import dev.sequelj.ast.statement.OrderItem.Nulls;
import dev.sequelj.ast.statement.OnDuplicate;
import dev.sequelj.ast.statement.TableName;
import dev.sequelj.render.SqlWriter;
import dev.sequelj.render.literal.LiteralWriter;
import dev.sequelj.render.literal.MssqlLiteralWriter;
import io.vavr.control.Option;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.Consumer;

/**
 * SQL Server: bracketed identifiers, {@code N'...'} literals, {@code IDENTITY} keys that an INSERT
 * must leave out, {@code OUTPUT INSERTED} for the stored row, {@code IF OBJECT_ID(...)} guards instead
 * of {@code IF [NOT] EXISTS}, explicit {@code NULL} on nullable columns, and paging only through
 * {@code ORDER BY ... OFFSET ... FETCH}.
 */
public class MssqlDialect extends Dialect {
    public MssqlDialect() {
        super('[', ']');
    }

    @Override
    public String name() {
        return "mssql";
    }

    /**
     * SQL Server's column types, as Sequelize maps them. Where Sequelize writes what SQL Server does not
     * have (CITEXT, MEDIUMINT, JSON, JSONB, arrays; {@code DOUBLE PRECISION(10,2)}, {@code CHAR(255) BINARY})
     * Sequelj refuses or writes the nearest valid type, as noted in DIFFERENCES.md.
     */
    @Override
    public String columnType(DataType type) {
        return switch (type) {
            case DataType.StringType s -> s.binary() ? "BINARY(" + s.length() + ")" : "NVARCHAR(" + s.length() + ")";
            case DataType.CharType c -> c.binary() ? "BINARY(" + c.length() + ")" : "CHAR(" + c.length() + ")";
            case DataType.TextType t -> t.size() == DataType.TextSize.TINY ? "NVARCHAR(256)" : "NVARCHAR(MAX)";
            case DataType.CitextType c -> throw unsupported("has no CITEXT column type (PostgreSQL's citext);"
                    + " use STRING or TEXT, which compare case-insensitively under SQL Server's default collations");
            case DataType.TinyIntType t -> "TINYINT";
            case DataType.SmallIntType t -> "SMALLINT";
            case DataType.MediumIntType t -> throw unsupported("has no MEDIUMINT column type; use INTEGER");
            case DataType.IntegerType t -> "INTEGER";
            case DataType.BigIntType t -> "BIGINT";
            case DataType.FloatType f -> f.decimals().isEmpty() ? f.length().map(l -> "FLOAT(" + l + ")").getOrElse("FLOAT") : "FLOAT";
            case DataType.RealType r -> "REAL";
            case DataType.DoubleType d -> "DOUBLE PRECISION";
            case DataType.DecimalType d -> PostgresDialect.decimal(d);
            case DataType.BooleanType b -> "BIT";
            case DataType.DateType d -> "DATETIMEOFFSET";
            case DataType.DateOnlyType d -> "DATE";
            case DataType.TimeType t -> "TIME";
            case DataType.UuidType u -> "CHAR(36)";
            case DataType.JsonType j -> throw unsupported("has no JSON column type; store JSON text in a TEXT attribute");
            case DataType.JsonbType j -> throw unsupported("has no JSONB column type (JSONB is PostgreSQL's)");
            case DataType.EnumType e -> "VARCHAR(255)";
            case DataType.ArrayType a -> throw unsupported("has no ARRAY column type (ARRAY is PostgreSQL's)");
            case DataType.BlobType b -> b.size() == DataType.TextSize.TINY ? "VARBINARY(256)" : "VARBINARY(MAX)";
            case DataType.VirtualType v -> throw unsupported("cannot store a VIRTUAL attribute: it has no column");
        };
    }

    /**
     * Before: {@code CREATE TABLE IF NOT EXISTS "users"}. After:
     * {@code IF OBJECT_ID(N'[users]', 'U') IS NULL CREATE TABLE [users]} (Sequelize leaves out
     * the {@code N}; with it, a table name outside the server's code page is still found).
     */
    @Override
    public void writeCreateTableStart(SqlWriter out, TableName table) {
        out.sql("IF OBJECT_ID(").stringLiteral(quoted(table)).sql(", 'U') IS NULL CREATE TABLE ").table(table);
    }

    @Override
    public boolean writeAutoIncrementColumn(SqlWriter out, DataType type) {
        out.sql(' ').sql(columnType(type)).sql(" NOT NULL IDENTITY(1,1)");
        return false;
    }

    @Override
    public void writeNullability(SqlWriter out, boolean allowNull) {
        out.sql(allowNull ? " NULL" : " NOT NULL");
    }

    /** {@code IF OBJECT_ID(N'[users]', 'U') IS NOT NULL DROP TABLE [users]}; SQL Server has no CASCADE here. */
    @Override
    public void writeDropTable(SqlWriter out, TableName table, boolean cascade) {
        out.sql("IF OBJECT_ID(").stringLiteral(quoted(table)).sql(", 'U') IS NOT NULL DROP TABLE ").table(table);
    }

    @Override
    public AutoIncrementInsert autoIncrementInsert() {
        return AutoIncrementInsert.OMITTED;
    }

    /**
     * SQL Server refuses a value for an IDENTITY column (error 544) unless told, per table and session:
     * {@code SET IDENTITY_INSERT [users] ON; INSERT ...; SET IDENTITY_INSERT [users] OFF}, as Sequelize sends it.
     */
    @Override
    public void writeBeforeExplicitKeyInsert(SqlWriter out, TableName table) {
        out.sql("SET IDENTITY_INSERT ").table(table).sql(" ON; ");
    }

    @Override
    public void writeAfterExplicitKeyInsert(SqlWriter out, TableName table) {
        out.sql("; SET IDENTITY_INSERT ").table(table).sql(" OFF");
    }

    @Override
    public InsertReturning insertReturning() {
        return InsertReturning.OUTPUT_INSERTED;
    }

    @Override
    public boolean pagingNeedsOrderBy() {
        return true;
    }

    /**
     * {@code OFFSET ? ROWS FETCH NEXT ? ROWS ONLY}; the offset is required, so 0 when none is given. SQL
     * Server refuses to FETCH 0 rows, so a limit of 0 is refused here (Sequelize drops the paging then,
     * and so selects every row).
     */
    @Override
    public void writeLimitOffset(SqlWriter out, Option<Integer> limit, Option<Integer> offset) {
        if (limit.isEmpty() && offset.isEmpty()) {
            return;
        }
        if (limit.contains(0)) {
            throw new UnsupportedFeatureError("limit 0 is not supported on mssql: SQL Server's FETCH NEXT needs at"
                    + " least one row; a limit of 0 selects nothing, so skip the query");
        }
        out.sql(" OFFSET ");
        if (offset.isDefined()) {
            out.param(offset.get());
        } else {
            out.sql('0');
        }
        out.sql(" ROWS");
        limit.forEach(l -> out.sql(" FETCH NEXT ").param(l).sql(" ROWS ONLY"));
    }

    // ---- SELECT: finder clauses ---------------------------------------------------------------------

    /**
     * {@code NEWID()}: SQL Server's {@code RAND()}, which Sequelize sends, is computed once per statement,
     * so {@code ORDER BY RAND()} does not shuffle; a new GUID per row does.
     */
    @Override
    public String randomFunction() {
        return "NEWID()";
    }

    /** SQL Server has no {@code NULLS FIRST/LAST} (Sequelize sends it anyway, and SQL Server refuses it). */
    @Override
    public void writeOrderKey(SqlWriter out, Consumer<SqlWriter> key, Option<Direction> direction, Option<Nulls> nulls) {
        writeOrderKeyEmulatingNulls(out, key, direction, nulls);
    }

    /**
     * SQL Server locks rows through table hints, not a FOR clause (Sequelize ignores {@code lock} here):
     * {@code FROM [users] AS [user] WITH (UPDLOCK)} takes update locks held to the end of the transaction,
     * as {@code FOR UPDATE} does; {@code WITH (REPEATABLEREAD)} holds the shared locks of the rows read, as
     * {@code FOR SHARE} does.
     */
    @Override
    public void writeTableLockHint(SqlWriter out, Lock lock) {
        switch (lock) {
            case UPDATE -> out.sql(" WITH (UPDLOCK)");
            case SHARE -> out.sql(" WITH (REPEATABLEREAD)");
            case KEY_SHARE, NO_KEY_UPDATE -> throw unsupportedLock(lock, "use UPDATE or SHARE");
        }
    }

    /** The lock is the table hint; nothing follows the statement. */
    @Override
    public void writeLockClause(SqlWriter out, Lock lock) {}

    @Override
    protected Object writeDate(Instant instant) {
        return OffsetDateTime.ofInstant(instant, timezone());
    }

    private String quoted(TableName table) {
        StringBuilder out = new StringBuilder();
        quoteTableName(out, table);
        return out.toString();
    }

    // ---- values and DDL (helper A) ---------------------------------------------------------------

    /**
     * {@code NOT NULL}, or {@code NULL} for a nullable column without a DEFAULT clause, as Sequelize
     * writes it (SQL Server's nullability default depends on session settings, so it is spelled out).
     */
    @Override
    protected void writeColumnNullability(SqlWriter out, dev.sequelj.ast.statement.ColumnDefinition column) {
        if (!column.allowNull()) {
            out.sql(" NOT NULL");
        } else if (!hasSchemaDefault(column)) {
            out.sql(" NULL");
        }
    }

    /** In CREATE TABLE foreign keys are table constraints; {@code addColumn} writes them on the column, as Sequelize does. */
    @Override
    public boolean referencesInline(ColumnContext context) {
        return context == ColumnContext.ADD_COLUMN;
    }

    /** An ENUM column is text with {@code CHECK ([mood] IN(N'happy', N'sad'))}. */
    @Override
    protected void writeColumnCheck(SqlWriter out, dev.sequelj.ast.statement.ColumnDefinition column) {
        if (column.type() instanceof DataType.EnumType e) {
            writeEnumCheck(out, column.name(), e);
        }
    }

    private static void writeEnumCheck(SqlWriter out, String column, DataType.EnumType type) {
        out.sql(" CHECK (").identifier(column).sql(" IN(");
        boolean first = true;
        for (String value : type.values()) {
            if (!first) {
                out.sql(", ");
            }
            out.stringLiteral(value);
            first = false;
        }
        out.sql("))");
    }

    /** {@code , CONSTRAINT [name] UNIQUE ([a], [b])}. */
    @Override
    public void writeUniqueKey(SqlWriter out, dev.sequelj.ast.statement.Statement.UniqueKey key) {
        out.sql(", CONSTRAINT ").identifier(key.name()).sql(" UNIQUE (");
        writeColumnList(out, key.columns());
        out.sql(')');
    }

    /** Column comments are extended properties, added after the table as Sequelize adds them. */
    @Override
    public void writeAfterCreateTable(SqlWriter out, dev.sequelj.ast.statement.Statement.CreateTable create) {
        for (var column : create.columns()) {
            column.comment().forEach(comment -> writeComment(out, create.table(), column.name(), comment));
        }
    }

    /**
     * {@code ; EXEC sp_addextendedproperty @name = N'MS_Description', @value = N'...', @level0type = N'Schema',
     * @level0name = N'dbo', @level1type = N'Table', @level1name = [users], @level2type = N'Column',
     * @level2name = [email]}; the table's schema when it has one (Sequelize always says {@code 'dbo'}).
     */
    private void writeComment(SqlWriter out, TableName table, String column, String comment) {
        out.sql("; EXEC sp_addextendedproperty @name = N'MS_Description', @value = ").stringLiteral(comment)
                .sql(", @level0type = N'Schema', @level0name = ").stringLiteral(table.schema().getOrElse("dbo"))
                .sql(", @level1type = N'Table', @level1name = ").identifier(table.name())
                .sql(", @level2type = N'Column', @level2name = ").identifier(column);
    }

    /**
     * SQL Server has no {@code CREATE INDEX IF NOT EXISTS}: {@code IF NOT EXISTS (SELECT * FROM sys.indexes
     * WHERE name = N'users_email' AND object_id = OBJECT_ID(N'[users]')) CREATE INDEX ...}.
     */
    @Override
    public void writeCreateIndex(SqlWriter out, dev.sequelj.ast.statement.Statement.CreateIndex index) {
        if (index.ifNotExists()) {
            StringBuilder table = new StringBuilder();
            quoteTableName(table, index.table());
            out.sql("IF NOT EXISTS (SELECT * FROM sys.indexes WHERE name = ").stringLiteral(index.name())
                    .sql(" AND object_id = OBJECT_ID(").stringLiteral(table.toString()).sql(")) ");
        }
        super.writeCreateIndex(out, index);
    }

    @Override
    protected void writeIndexName(SqlWriter out, dev.sequelj.ast.statement.Statement.CreateIndex index) {
        out.identifier(index.name());
    }

    /** {@code EXEC sys.sp_helpindex @objname = N'[users]'}, Sequelize's; the name in {@code index_name}. */
    @Override
    public void writeShowIndexes(SqlWriter out, dev.sequelj.ast.statement.TableName table) {
        StringBuilder quoted = new StringBuilder();
        quoteTableName(quoted, table);
        out.sql("EXEC sys.sp_helpindex @objname = ").stringLiteral(quoted.toString());
    }

    @Override
    public String indexNameColumn() {
        return "index_name";
    }

    /** {@code DROP INDEX [name] ON [users]}. */
    @Override
    public void writeDropIndex(SqlWriter out, dev.sequelj.ast.statement.Statement.DropIndex drop) {
        out.sql("DROP INDEX ").identifier(drop.name()).sql(" ON ").table(drop.table());
    }

    /** {@code ALTER TABLE [users] ADD [age] INTEGER NULL}, then the comment. */
    @Override
    public void writeAddColumn(SqlWriter out, dev.sequelj.ast.statement.Statement.AddColumn add) {
        out.sql("ALTER TABLE ").table(add.table()).sql(" ADD ").identifier(add.column().name()).sql(' ');
        writeColumnDefinition(out, add.table(), add.column(), ColumnContext.ADD_COLUMN);
        add.column().comment().forEach(comment -> writeComment(out, add.table(), add.column().name(), comment));
    }

    /**
     * {@code ALTER TABLE [users] ALTER COLUMN [age] BIGINT NULL}, then, as separate statements, what ALTER
     * COLUMN cannot say: {@code ADD UNIQUE}, an ENUM's {@code ADD CHECK}, {@code ADD FOREIGN KEY}, the comment.
     * A default is refused: SQL Server keeps it in a constraint whose name only the database knows.
     */
    @Override
    public void writeChangeColumn(SqlWriter out, dev.sequelj.ast.statement.Statement.ChangeColumn change) {
        var column = change.column();
        if (hasSchemaDefault(column)) {
            throw unsupported("cannot change the default of column '" + column.name() + "' with changeColumn: SQL Server"
                    + " keeps a default in a named constraint, which must be dropped and added by name");
        }
        out.sql("ALTER TABLE ").table(change.table()).sql(" ALTER COLUMN ").identifier(column.name()).sql(' ');
        writeColumnType(out, change.table(), column);
        out.sql(column.allowNull() ? " NULL" : " NOT NULL");
        if (column.unique()) {
            out.sql("; ALTER TABLE ").table(change.table()).sql(" ADD UNIQUE (").identifier(column.name()).sql(')');
        }
        if (column.type() instanceof DataType.EnumType e) {
            out.sql("; ALTER TABLE ").table(change.table()).sql(" ADD");
            writeEnumCheck(out, column.name(), e);
        }
        column.references().forEach(reference -> {
            out.sql("; ALTER TABLE ").table(change.table()).sql(" ADD FOREIGN KEY (").identifier(column.name()).sql(')');
            writeReferenceTarget(out, reference);
        });
        column.comment().forEach(comment -> writeComment(out, change.table(), column.name(), comment));
    }

    /** {@code EXEC sp_rename N'[users].[age]', N'years', N'COLUMN'}. */
    @Override
    public void writeRenameColumn(SqlWriter out, dev.sequelj.ast.statement.Statement.RenameColumn rename) {
        StringBuilder object = new StringBuilder();
        quoteTableName(object, rename.table());
        object.append('.');
        quoteIdentifier(object, rename.from());
        out.sql("EXEC sp_rename ").stringLiteral(object.toString()).sql(", ").stringLiteral(rename.to()).sql(", N'COLUMN'");
    }

    // ---- WHERE ----------------------------------------------------------------------------------------
    // SQL Server has the standard comparisons only: no IS TRUE (a BIT is compared with = 1), no ILIKE,
    // regular expressions, arrays, ranges or JSON paths; Sequelize sends those anyway and SQL Server
    // rejects them, Sequelj refuses them before any SQL.

    @Override
    protected Option<String> truthLiteral(boolean value) {
        return Option.none();
    }

    // ---- writes (helper D) ------------------------------------------------------------------------

    /**
     * SQL Server's INSERT has no clause for duplicates; Sequelize refuses {@code ignoreDuplicates} and
     * {@code updateOnDuplicate} in bulkCreate (and silently drops {@code ignoreDuplicates} in create).
     * Both are refused here, before any SQL; {@code upsert} is a MERGE.
     */
    @Override
    public void writeInsertInto(SqlWriter out, OnDuplicate onDuplicate) {
        switch (onDuplicate) {
            case OnDuplicate.Refuse refuse -> out.sql("INSERT INTO ");
            case OnDuplicate.Ignore ignore -> throw new UnsupportedFeatureError("mssql does not support the"
                    + " ignoreDuplicates option: SQL Server's INSERT cannot skip duplicate rows; leave it out");
            case OnDuplicate.Update update -> throw new UnsupportedFeatureError("mssql does not support the"
                    + " updateOnDuplicate option: SQL Server's INSERT cannot update duplicate rows; use upsert"
                    + " (a MERGE) row by row, or leave it out");
        }
    }

    /** Never reached: {@link #writeInsertInto} refuses every duplicate handling. */
    @Override
    public void writeOnDuplicate(SqlWriter out, OnDuplicate onDuplicate) {}

    /**
     * SQL Server takes at most 2100 parameters in one request; the driver's own call uses a few, so a
     * bulk INSERT is split well below.
     */
    @Override
    public int maxParameters() {
        return 2_000;
    }

    /** A VALUES list holds at most 1000 rows (error 10738). */
    @Override
    public int maxInsertRows() {
        return 1_000;
    }

    @Override
    public UpsertForm upsertForm() {
        return UpsertForm.MERGE;
    }

    /**
     * {@code $action}, a pseudo-column of {@code OUTPUT} in a MERGE ({@code N'INSERT'} or {@code N'UPDATE'}),
     * not an identifier, so never bracketed; its result column is labelled {@code $action}.
     */
    @Override
    public Option<String> mergeActionColumn() {
        return Option.some("$action");
    }

    /** {@code WITH(HOLDLOCK)}: without it two concurrent MERGEs of a new key can both insert it. */
    @Override
    public void writeMergeInto(SqlWriter out, TableName table) {
        out.sql("MERGE INTO ").table(table).sql(" WITH(HOLDLOCK)");
    }

    @Override
    public UpdateReturning updateReturning() {
        return UpdateReturning.OUTPUT_INSERTED;
    }

    @Override
    public WriteLimit writeLimit() {
        return WriteLimit.TOP;
    }

    /** {@code TRUNCATE TABLE [users]}, which always reseeds the IDENTITY; SQL Server has no CASCADE on it. */
    @Override
    public void writeTruncate(SqlWriter out, TableName table, boolean cascade, boolean restartIdentity) {
        if (cascade) {
            throw truncateCascadeUnsupported();
        }
        out.sql("TRUNCATE TABLE ").table(table);
    }

    // ---- inline literals -------------------------------------------------------------------------

    private static final LiteralWriter LITERALS = new MssqlLiteralWriter();

    @Override
    public LiteralWriter literals() {
        return LITERALS;
    }
}
