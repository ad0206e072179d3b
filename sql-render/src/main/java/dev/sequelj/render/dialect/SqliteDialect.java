package dev.sequelj.render.dialect;

import dev.sequelj.ast.model.DataType;
import dev.sequelj.render.SqlWriter;
import dev.sequelj.render.ValueCodec;
import dev.sequelj.render.literal.LiteralWriter;
import dev.sequelj.render.literal.SqliteLiteralWriter;
import io.vavr.control.Option;

import java.time.Instant;

/**
 * SQLite, as Sequelize uses it: backtick identifiers (SQLite accepts them), the key declared inline as
 * {@code INTEGER PRIMARY KEY AUTOINCREMENT}, {@code NULL} inserted for it, and dates stored as
 * Sequelize's text ({@code 2024-01-15 10:30:45.123 +00:00}) so a Node service reading the same file
 * sees what it wrote itself.
 */
public class SqliteDialect extends Dialect {
    public SqliteDialect() {
        super('`', '`');
    }

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public String columnType(DataType type) {
        return switch (type) {
            case DataType.BooleanType b -> "TINYINT(1)";
            case DataType.DateType d -> "DATETIME";
            default -> super.columnType(type);
        };
    }

    /** Only {@code INTEGER PRIMARY KEY} aliases the rowid, whatever the attribute's integer type. */
    @Override
    public boolean writeAutoIncrementColumn(SqlWriter out, DataType type) {
        out.sql(" INTEGER PRIMARY KEY AUTOINCREMENT");
        return true;
    }

    /** SQLite has no CASCADE on DROP TABLE. */
    @Override
    public void writeDropTable(SqlWriter out, dev.sequelj.ast.statement.TableName table, boolean cascade) {
        super.writeDropTable(out, table, false);
    }

    @Override
    public AutoIncrementInsert autoIncrementInsert() {
        return AutoIncrementInsert.NULL_VALUE;
    }

    /** An offset without a limit needs {@code LIMIT -1} (no limit) before it. */
    @Override
    public void writeLimitOffset(SqlWriter out, Option<Integer> limit, Option<Integer> offset) {
        if (limit.isEmpty() && offset.isDefined()) {
            out.sql(" LIMIT -1");
        }
        super.writeLimitOffset(out, limit, offset);
    }

    @Override
    protected Object writeDate(Instant instant) {
        return ValueCodec.formatSequelizeDate(instant);
    }

    // ---- inline literals -------------------------------------------------------------------------

    private static final LiteralWriter LITERALS = new SqliteLiteralWriter();

    @Override
    public LiteralWriter literals() {
        return LITERALS;
    }
}
