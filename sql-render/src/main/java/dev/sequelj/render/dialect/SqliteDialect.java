package dev.sequelj.render.dialect;

import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.statement.OnDuplicate;
import dev.sequelj.ast.statement.TableName;
import dev.sequelj.render.SqlWriter;
import dev.sequelj.render.ValueCodec;
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

    // ---- writes (helper D) ------------------------------------------------------------------------

    /** {@code INSERT OR IGNORE INTO}, as Sequelize skips duplicates on SQLite. */
    @Override
    public void writeInsertInto(SqlWriter out, OnDuplicate onDuplicate) {
        out.sql(onDuplicate instanceof OnDuplicate.Ignore ? "INSERT OR IGNORE INTO " : "INSERT INTO ");
    }

    /** Duplicates to skip are said up front ({@link #writeInsertInto}); an update is PostgreSQL's ON CONFLICT. */
    @Override
    public void writeOnDuplicate(SqlWriter out, OnDuplicate onDuplicate) {
        if (!(onDuplicate instanceof OnDuplicate.Ignore)) {
            super.writeOnDuplicate(out, onDuplicate);
        }
    }

    /** SQLite's default {@code SQLITE_MAX_VARIABLE_NUMBER} since 3.32. */
    @Override
    public int maxParameters() {
        return 32_766;
    }

    @Override
    public WriteLimit writeLimit() {
        return WriteLimit.ROWID_SUBSELECT;
    }

    /** SQLite has no TRUNCATE: {@code DELETE FROM `users`} without a WHERE is its fast way to empty a table. */
    @Override
    public void writeTruncate(SqlWriter out, TableName table, boolean cascade, boolean restartIdentity) {
        if (cascade) {
            throw truncateCascadeUnsupported();
        }
        out.sql("DELETE FROM ").table(table);
    }

    /**
     * {@code DELETE FROM `sqlite_sequence` WHERE `name` = ?}: AUTOINCREMENT keeps its counter in that
     * table, which DELETE leaves alone. Sequelize sends it in the same string as the DELETE; a JDBC
     * statement runs one SQL statement, so here it is a statement of its own.
     */
    @Override
    public boolean writeIdentityReset(SqlWriter out, TableName table) {
        out.sql("DELETE FROM ").table(new TableName(table.schema(), "sqlite_sequence"))
                .sql(" WHERE ").identifier("name").sql(" = ").param(table.name());
        return true;
    }
}
