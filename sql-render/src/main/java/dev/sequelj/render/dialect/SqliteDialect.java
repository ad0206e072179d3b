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

    /**
     * SQLite's column types, as Sequelize writes them (SQLite takes any type name; what matters is the
     * affinity): Sequelize's odd {@code VARCHAR BINARY(255)} and {@code FLOAT UNSIGNED(10,2)} included,
     * CITEXT as {@code TEXT COLLATE NOCASE}, ENUM as TEXT. JSONB and ARRAY are refused.
     */
    @Override
    public String columnType(DataType type) {
        return switch (type) {
            case DataType.StringType s -> s.binary() ? "VARCHAR BINARY(" + s.length() + ")" : "VARCHAR(" + s.length() + ")";
            case DataType.CharType c -> c.binary() ? "CHAR BINARY(" + c.length() + ")" : "CHAR(" + c.length() + ")";
            case DataType.TextType t -> "TEXT";
            case DataType.CitextType c -> "TEXT COLLATE NOCASE";
            case DataType.IntegralType i -> dev.sequelj.ast.model.DataTypes.integralName(i)
                    + i.length().map(l -> "(" + l + ")").getOrElse("");
            case DataType.FloatingType f -> MySqlDialect.floatingName(f) + MySqlDialect.flags(f.unsigned(), f.zerofill())
                    + f.length().map(l -> "(" + l + f.decimals().map(d -> "," + d).getOrElse("") + ")").getOrElse("");
            case DataType.DecimalType d -> PostgresDialect.decimal(d);
            case DataType.BooleanType b -> "TINYINT(1)";
            case DataType.DateType d -> "DATETIME";
            case DataType.DateOnlyType d -> "DATE";
            case DataType.TimeType t -> "TIME";
            case DataType.UuidType u -> "UUID";
            case DataType.JsonType j -> "JSON";
            case DataType.JsonbType j -> throw unsupported("has no JSONB column type (JSONB is PostgreSQL's); use JSON");
            case DataType.EnumType e -> "TEXT";
            case DataType.ArrayType a -> throw unsupported("has no ARRAY column type (ARRAY is PostgreSQL's); use JSON");
            case DataType.BlobType b -> switch (b.size()) {
                case DEFAULT -> "BLOB";
                case TINY -> "TINYBLOB";
                case MEDIUM -> "MEDIUMBLOB";
                case LONG -> "LONGBLOB";
            };
            case DataType.VirtualType v -> throw unsupported("cannot store a VIRTUAL attribute: it has no column");
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

    // ---- schemas, values and DDL (helper A) ------------------------------------------------------

    /**
     * Sequelize writes a table in a schema as one name on SQLite, {@code `app.users`} (SQLite's schemas
     * are attached database files); Sequelj writes the same name, so both find the same table.
     */
    @Override
    public void quoteTableName(StringBuilder out, dev.sequelj.ast.statement.TableName table) {
        quoteIdentifier(out, table.schema().map(schema -> schema + "." + table.name()).getOrElse(table.name()));
    }

    /** DATEONLY as Sequelize stores it on SQLite: the text {@code 2024-01-15}. */
    @Override
    protected Object writeDateOnly(java.time.LocalDate date) {
        return date.toString();
    }

    /** TIME as text, {@code 10:30:00}. */
    @Override
    protected Object writeTime(java.time.LocalTime time) {
        return ValueCodec.formatTime(time);
    }

    /**
     * SQLite cannot change a column's definition in place; Sequelize rebuilds the table from the
     * database's description of it, which needs a connection. Refused.
     */
    @Override
    public void writeChangeColumn(SqlWriter out, dev.sequelj.ast.statement.Statement.ChangeColumn change) {
        throw unsupported("cannot change column '" + change.column().name() + "' in place (ALTER TABLE has no"
                + " ALTER COLUMN there); Sequelize rebuilds the table from its live description, which needs a"
                + " connection: add a new column and copy, or recreate the table with sync({force: true})");
    }

    /**
     * {@code ALTER TABLE `users` ADD `age` INTEGER}, as Sequelize writes it. SQLite cannot add a UNIQUE
     * column (it would have to check the existing rows); that is refused here, before the database says so.
     */
    @Override
    public void writeAddColumn(SqlWriter out, dev.sequelj.ast.statement.Statement.AddColumn add) {
        if (add.column().unique()) {
            throw unsupported("cannot add a UNIQUE column ('" + add.column().name() + "'); add the column, then"
                    + " addIndex with unique: true");
        }
        out.sql("ALTER TABLE ").table(add.table()).sql(" ADD ").identifier(add.column().name()).sql(' ');
        writeColumnDefinition(out, add.table(), add.column(), ColumnContext.ADD_COLUMN);
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

    /**
     * {@code INSERT INTO `users` (`id`,`firstName`) VALUES (NULL,?)} and the key from
     * {@code last_insert_rowid()}, as Sequelize sends it on SQLite (it reads {@code lastID}), where the
     * stored row is the values sent plus that key; {@code RETURNING} where it is not (a column left to its
     * default, duplicates skipped or updated, a row giving its own key, {@code returning} asked for).
     * Reading the row back through sqlite-jdbc costs about a quarter more than reading the key.
     */
    @Override
    public boolean insertReadsKeyWhenRowIsKnown() {
        return true;
    }

    /**
     * {@code last_insert_rowid()} names the last row of a multi-row INSERT; the rows before it have the keys
     * just below (one writer, and a rowid key given by no row), as Sequelize counts them on SQLite:
     * {@code lastID - changes + 1 ... lastID}.
     */
    @Override
    public GeneratedKeyRow generatedKeyRow() {
        return GeneratedKeyRow.LAST;
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
        // A table in a schema is one name here (quoteTableName), and sqlite_sequence keeps it so.
        String name = table.schema().map(schema -> schema + "." + table.name()).getOrElse(table.name());
        out.sql("DELETE FROM ").table(new TableName(Option.none(), "sqlite_sequence"))
                .sql(" WHERE ").identifier("name").sql(" = ").param(name);
        return true;
    }

    // ---- inline literals -------------------------------------------------------------------------

    private static final LiteralWriter LITERALS = new SqliteLiteralWriter();

    @Override
    public LiteralWriter literals() {
        return LITERALS;
    }

    /** {@code PRAGMA INDEX_LIST(`users`)}, Sequelize's; the name in {@code name}. */
    @Override
    public void writeShowIndexes(SqlWriter out, TableName table) {
        out.sql("PRAGMA INDEX_LIST(").table(table).sql(")");
    }
}
