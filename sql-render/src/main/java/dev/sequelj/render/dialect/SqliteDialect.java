package dev.sequelj.render.dialect;

import dev.sequelj.ast.expression.JsonCast;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.statement.Lock;
import dev.sequelj.ast.statement.OnDuplicate;
import dev.sequelj.ast.statement.TableName;
import dev.sequelj.render.SqlWriter;
import dev.sequelj.render.ValueCodec;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
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

    // ---- SELECT: finder clauses ---------------------------------------------------------------------

    /** SQLite has no TIMESTAMP type name; Sequelize casts to {@code DATETIME} instead, and so does this. */
    @Override
    public String castType(String type) {
        return type.contains("TIMESTAMP") ? "DATETIME" : type;
    }

    /**
     * SQLite locks the whole database, not rows, so there is nothing to say. Sequelize drops the lock
     * silently; refusing tells the caller the row is not locked. A transaction that must not lose a
     * concurrent write begins with {@code BEGIN IMMEDIATE}, which takes the write lock at once.
     */
    @Override
    public void writeLockClause(SqlWriter out, Lock lock) {
        throw unsupportedLock(lock, "SQLite locks the whole database, not rows; leave the lock out"
                + " (a transaction begun with BEGIN IMMEDIATE holds the write lock from the start)");
    }

    @Override
    protected Object writeDate(Instant instant) {
        return ValueCodec.formatSequelizeDate(instant, timezone());
    }

    // ---- WHERE: booleans and JSON paths --------------------------------------------------------------
    // SQLite has no REGEXP function unless the application registers one, no ILIKE, arrays or ranges:
    // those operators are refused (Sequelize sends REGEXP, which fails with "no such function: REGEXP").

    /**
     * Sequelize's casts as it writes them for SQLite: the name as given, {@code timestamp}/{@code timestamptz}
     * as {@code DATETIME}. SQLite takes any type name in a CAST and picks the affinity from it.
     */
    private static final Map<JsonCast, String> JSON_CASTS = Vector.of(JsonCast.values())
            .foldLeft(LinkedHashMap.empty(), (table, cast) -> table.put(cast, switch (cast) {
                case TIMESTAMP, TIMESTAMPTZ -> "DATETIME";
                default -> cast.sequelizeName().toUpperCase(java.util.Locale.ROOT);
            }));

    /** Booleans are stored as 1 and 0, so {@code IS 1} / {@code IS NOT 0}, as Sequelize writes them. */
    @Override
    protected Option<String> truthLiteral(boolean value) {
        return Option.some(value ? "1" : "0");
    }

    @Override
    protected Map<JsonCast, String> jsonCasts() {
        return JSON_CASTS;
    }

    /** {@code json_extract(`user`.`meta`,'$.address.city')}: SQLite's json_extract already hands back SQL values. */
    @Override
    public void writeJsonText(SqlWriter out, Runnable column, Seq<String> path) {
        out.sql("json_extract(");
        column.run();
        out.sql(',').stringLiteral(sqlJsonPath(path, false)).sql(')');
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

    // ---- inline literals -------------------------------------------------------------------------

    private static final LiteralWriter LITERALS = new SqliteLiteralWriter();

    @Override
    public LiteralWriter literals() {
        return LITERALS;
    }
}
