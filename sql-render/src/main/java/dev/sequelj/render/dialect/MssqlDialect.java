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

    @Override
    public String columnType(DataType type) {
        return switch (type) {
            case DataType.StringType s -> "NVARCHAR(" + s.length() + ")";
            case DataType.TextType t -> "NVARCHAR(MAX)";
            case DataType.BooleanType b -> "BIT";
            case DataType.DateType d -> "DATETIMEOFFSET";
            case DataType.JsonType j -> "NVARCHAR(MAX)"; // SQL Server keeps JSON as text
            case DataType.JsonbType j -> "NVARCHAR(MAX)";
            default -> super.columnType(type);
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
