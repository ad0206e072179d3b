package dev.sequelj.render.dialect;

import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.statement.TableName;
import dev.sequelj.render.SqlWriter;
import dev.sequelj.render.literal.LiteralWriter;
import dev.sequelj.render.literal.MssqlLiteralWriter;
import io.vavr.control.Option;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

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

    /** {@code OFFSET ? ROWS FETCH NEXT ? ROWS ONLY}; the offset is required, so 0 when none is given. */
    @Override
    public void writeLimitOffset(SqlWriter out, Option<Integer> limit, Option<Integer> offset) {
        if (limit.isEmpty() && offset.isEmpty()) {
            return;
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

    @Override
    protected Object writeDate(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private String quoted(TableName table) {
        StringBuilder out = new StringBuilder();
        quoteTableName(out, table);
        return out.toString();
    }

    // ---- inline literals -------------------------------------------------------------------------

    private static final LiteralWriter LITERALS = new MssqlLiteralWriter();

    @Override
    public LiteralWriter literals() {
        return LITERALS;
    }
}
