package dev.sequelj.render.dialect;

import dev.sequelj.ast.expression.ComparisonOperator;
import dev.sequelj.ast.expression.JsonCast;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.statement.Lock;
import dev.sequelj.ast.statement.OrderItem.Direction;
import dev.sequelj.ast.statement.OrderItem.Nulls;
import dev.sequelj.ast.statement.OnDuplicate;
import dev.sequelj.ast.statement.TableName;
import dev.sequelj.render.SqlWriter;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import dev.sequelj.render.literal.LiteralWriter;
import dev.sequelj.render.literal.MySqlLiteralWriter;
import io.vavr.control.Option;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

/**
 * MySQL: backtick identifiers, backslash-escaping string literals, {@code auto_increment} keys,
 * InnoDB tables, dates as {@code DATETIME} wall clocks at the {@linkplain #timezone() timezone} (UTC unless
 * configured), and no way to return an inserted row: the executor
 * reads the generated key.
 */
public class MySqlDialect extends Dialect {
    /** MySQL's documented way to say "no limit" when only an offset is given: the largest BIGINT UNSIGNED. */
    private static final String NO_LIMIT = "18446744073709551615";

    public MySqlDialect() {
        super('`', '`');
    }

    @Override
    public String name() {
        return "mysql";
    }

    /**
     * MySQL's (and MariaDB's) column types, as Sequelize maps them, with MySQL's display widths and
     * UNSIGNED/ZEROFILL flags. Types MySQL does not have (CITEXT, JSONB, ARRAY) are refused.
     */
    @Override
    public String columnType(DataType type) {
        return switch (type) {
            case DataType.StringType s -> "VARCHAR(" + s.length() + ")" + (s.binary() ? " BINARY" : "");
            case DataType.CharType c -> "CHAR(" + c.length() + ")" + (c.binary() ? " BINARY" : "");
            case DataType.TextType t -> switch (t.size()) {
                case DEFAULT -> "TEXT";
                case TINY -> "TINYTEXT";
                case MEDIUM -> "MEDIUMTEXT";
                case LONG -> "LONGTEXT";
            };
            case DataType.CitextType c -> throw unsupported("has no CITEXT column type (PostgreSQL's citext);"
                    + " use STRING or TEXT, which compare case-insensitively under MySQL's default collations");
            case DataType.IntegralType i -> dev.sequelj.ast.model.DataTypes.integralName(i)
                    + i.length().map(l -> "(" + l + ")").getOrElse("") + flags(i.unsigned(), i.zerofill());
            case DataType.FloatingType f -> floatingName(f)
                    + f.length().map(l -> "(" + l + f.decimals().map(d -> "," + d).getOrElse("") + ")").getOrElse("")
                    + flags(f.unsigned(), f.zerofill());
            case DataType.DecimalType d -> PostgresDialect.decimal(d) + flags(d.unsigned(), d.zerofill());
            case DataType.BooleanType b -> "TINYINT(1)";
            case DataType.DateType d -> d.precision().filter(p -> p > 0).map(p -> "DATETIME(" + p + ")").getOrElse("DATETIME");
            case DataType.DateOnlyType d -> "DATE";
            case DataType.TimeType t -> "TIME";
            case DataType.UuidType u -> "CHAR(36) BINARY";
            case DataType.JsonType j -> "JSON";
            case DataType.JsonbType j -> throw unsupported("has no JSONB column type (JSONB is PostgreSQL's); use JSON");
            case DataType.EnumType e -> {
                StringBuilder out = new StringBuilder("ENUM(");
                boolean first = true;
                for (String value : e.values()) {
                    if (!first) {
                        out.append(", ");
                    }
                    quoteStringLiteral(out, value);
                    first = false;
                }
                yield out.append(')').toString();
            }
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

    /** {@code DOUBLE PRECISION} for DOUBLE, as Sequelize writes it. */
    static String floatingName(DataType.FloatingType type) {
        return type instanceof DataType.DoubleType ? "DOUBLE PRECISION" : dev.sequelj.ast.model.DataTypes.floatingName(type);
    }

    static String flags(boolean unsigned, boolean zerofill) {
        return (unsigned ? " UNSIGNED" : "") + (zerofill ? " ZEROFILL" : "");
    }

    @Override
    public boolean writeAutoIncrementColumn(SqlWriter out, DataType type) {
        out.sql(' ').sql(columnType(type)).sql(" NOT NULL auto_increment");
        return false;
    }

    @Override
    public void writeCreateTableEnd(SqlWriter out) {
        out.sql(" ENGINE=InnoDB");
    }

    /** Sequelize sends no CASCADE here: MySQL parses it and does nothing. */
    @Override
    public void writeDropTable(SqlWriter out, TableName table, boolean cascade) {
        super.writeDropTable(out, table, false);
    }

    /** MySQL has no {@code DEFAULT VALUES}; an empty column list with empty values means the same. */
    @Override
    public void writeEmptyInsertValues(SqlWriter out) {
        out.sql(" () VALUES ()");
    }

    @Override
    public InsertReturning insertReturning() {
        return InsertReturning.GENERATED_KEY;
    }

    @Override
    public void writeLimitOffset(SqlWriter out, Option<Integer> limit, Option<Integer> offset) {
        if (limit.isEmpty() && offset.isDefined()) {
            out.sql(" LIMIT ").sql(NO_LIMIT);
        }
        super.writeLimitOffset(out, limit, offset);
    }

    // ---- SELECT: finder clauses ---------------------------------------------------------------------

    /**
     * MySQL's CAST knows fewer type names; Sequelize renames them, and so does this: any TIMESTAMP type
     * → {@code DATETIME}; DOUBLE PRECISION, BOOLEAN, INTEGER → {@code DECIMAL}; TEXT → {@code CHAR}.
     */
    @Override
    public String castType(String type) {
        if (type.contains("TIMESTAMP")) {
            return "DATETIME";
        }
        if (type.contains("DOUBLE PRECISION") || type.contains("BOOLEAN") || type.contains("INTEGER")) {
            return "DECIMAL";
        }
        return type.contains("TEXT") ? "CHAR" : type;
    }

    @Override
    public String randomFunction() {
        return "RAND()";
    }

    /** MySQL has no {@code NULLS FIRST/LAST} (Sequelize sends it anyway, and MySQL refuses it). */
    @Override
    public void writeOrderKey(SqlWriter out, Consumer<SqlWriter> key, Option<Direction> direction, Option<Nulls> nulls) {
        writeOrderKeyEmulatingNulls(out, key, direction, nulls);
    }

    /**
     * {@code FOR UPDATE}; a shared lock is {@code LOCK IN SHARE MODE}, which MySQL and MariaDB both read.
     * PostgreSQL's key-share levels do not exist here (Sequelize silently sends FOR UPDATE instead).
     */
    @Override
    public void writeLockClause(SqlWriter out, Lock lock) {
        switch (lock) {
            case UPDATE -> out.sql(" FOR UPDATE");
            case SHARE -> out.sql(" LOCK IN SHARE MODE");
            case KEY_SHARE, NO_KEY_UPDATE -> throw unsupportedLock(lock, "use UPDATE or SHARE");
        }
    }

    /**
     * The wall-clock time at the dialect's timezone, as Sequelize writes it ({@code +00:00} by default). The
     * {@code DATETIME} column keeps whole seconds and MySQL would round the milliseconds (into the next
     * day at {@code 23:59:59.5}); Sequelize drops them, and so does this.
     */
    @Override
    protected Object writeDate(Instant instant) {
        return LocalDateTime.ofInstant(instant, timezone()).truncatedTo(ChronoUnit.SECONDS);
    }

    // ---- schemas, values and DDL (helper A) ------------------------------------------------------

    /**
     * Sequelize's mysql dialect writes a table in a schema as one name, {@code `app.users`}: a table of
     * that name in the connection's database, not the table {@code users} of database {@code app}.
     * Sequelj writes the same name, so both find the same table (MariaDB qualifies: {@code `app`.`users`}).
     */
    @Override
    public void quoteTableName(StringBuilder out, TableName table) {
        quoteIdentifier(out, table.schema().map(schema -> schema + "." + table.name()).getOrElse(table.name()));
    }

    /**
     * A DATETIME with fractional seconds ({@code DATE(3)}) keeps them, up to its precision, bound as the
     * text Sequelize sends ({@code 2024-01-15 10:30:45.123}). Text, not a {@code LocalDateTime}: MariaDB
     * reports itself to MySQL Connector/J as server 5.5.5, older than fractional seconds, and the driver
     * then drops them from a bound date-time.
     */
    @Override
    protected Object writeDate(DataType.DateType type, Instant instant) {
        int precision = type.precision().getOrElse(0);
        if (precision == 0) {
            return writeDate(instant);
        }
        LocalDateTime utc = LocalDateTime.ofInstant(instant, timezone());
        long unit = (long) Math.pow(10, 9 - Math.min(precision, 9));
        return dev.sequelj.render.ValueCodec.formatLocalDateTime(utc.withNano((int) (utc.getNano() / unit * unit)));
    }

    /** MySQL has no DEFAULT for TEXT, BLOB and JSON columns, nor (in Sequelize) for binary strings; Sequelize leaves it out. */
    @Override
    protected boolean columnTakesDefault(DataType type) {
        boolean binaryString = type instanceof DataType.StringType s && s.binary() || type instanceof DataType.CharType c && c.binary();
        return !(type instanceof DataType.TextType || type instanceof DataType.BlobType || type instanceof DataType.JsonType
                || binaryString);
    }

    /** Foreign keys are table constraints, {@code FOREIGN KEY (`userId`) REFERENCES ...}, after the primary key. */
    @Override
    public boolean referencesInline(ColumnContext context) {
        return false;
    }

    /** {@code COMMENT 'text'} in the column definition. */
    @Override
    protected void writeInlineComment(SqlWriter out, String comment) {
        out.sql(" COMMENT ").stringLiteral(comment);
    }

    /** {@code , UNIQUE `name` (`a`, `b`)}. */
    @Override
    public void writeUniqueKey(SqlWriter out, dev.sequelj.ast.statement.Statement.UniqueKey key) {
        out.sql(", UNIQUE ").identifier(key.name()).sql(" (");
        writeColumnList(out, key.columns());
        out.sql(')');
    }

    /**
     * {@code ALTER TABLE `users` ADD [UNIQUE | FULLTEXT | SPATIAL] INDEX `name` [USING BTREE] (`a`, `b`)},
     * as Sequelize writes it. MySQL has no partial indexes: a where is refused (Sequelize drops it).
     */
    @Override
    public void writeCreateIndex(SqlWriter out, dev.sequelj.ast.statement.Statement.CreateIndex index) {
        if (index.where().isDefined()) {
            throw unsupported("has no partial indexes (index '" + index.name() + "' has a where);"
                    + " PostgreSQL, SQLite and SQL Server do");
        }
        out.sql("ALTER TABLE ").table(index.table()).sql(" ADD ");
        index.type().forEach(type -> out.sql(type).sql(' '));
        out.sql(index.unique() ? "UNIQUE INDEX " : "INDEX ");
        writeIndexIfNotExists(out, index);
        out.identifier(index.name());
        index.using().forEach(method -> out.sql(" USING ").sql(method));
        out.sql(" (");
        writeIndexColumns(out, index);
        out.sql(')');
    }

    /**
     * MySQL has no {@code IF NOT EXISTS} for indexes, so {@code sync} reads the table's indexes first
     * ({@code SHOW INDEX FROM `users`}) and adds only those missing, as Sequelize does; a second
     * {@code sync()} then sends no index at all. MariaDB has the clause.
     */
    protected void writeIndexIfNotExists(SqlWriter out, dev.sequelj.ast.statement.Statement.CreateIndex index) {}

    @Override
    public boolean createsIndexIfNotExists() {
        return false;
    }

    /** {@code SHOW INDEX FROM `users`}, Sequelize's; one row per index column, the name in {@code Key_name}. */
    @Override
    public void writeShowIndexes(SqlWriter out, TableName table) {
        out.sql("SHOW INDEX FROM ").table(table);
    }

    @Override
    public String indexNameColumn() {
        return "Key_name";
    }

    /** {@code DROP INDEX `name` ON `users`}. */
    @Override
    public void writeDropIndex(SqlWriter out, dev.sequelj.ast.statement.Statement.DropIndex drop) {
        out.sql("DROP INDEX ").identifier(drop.name()).sql(" ON ").table(drop.table());
    }

    /**
     * {@code ALTER TABLE `users` ADD `teamId` INTEGER, ADD CONSTRAINT `users_teamId_foreign_idx` FOREIGN KEY
     * (`teamId`) REFERENCES `teams` (`id`)}: a foreign key is a constraint of its own, named as Sequelize names it.
     */
    @Override
    public void writeAddColumn(SqlWriter out, dev.sequelj.ast.statement.Statement.AddColumn add) {
        var column = add.column();
        out.sql("ALTER TABLE ").table(add.table()).sql(" ADD ").identifier(column.name()).sql(' ');
        writeColumnDefinition(out, add.table(), column, ColumnContext.ADD_COLUMN);
        column.references().forEach(reference -> {
            out.sql(", ADD CONSTRAINT ").identifier(add.table().name() + "_" + column.name() + "_foreign_idx")
                    .sql(" FOREIGN KEY (").identifier(column.name()).sql(')');
            writeReferenceTarget(out, reference);
        });
    }

    /** {@code ALTER TABLE `users` DROP `age`}. */
    @Override
    public void writeRemoveColumn(SqlWriter out, dev.sequelj.ast.statement.Statement.RemoveColumn remove) {
        out.sql("ALTER TABLE ").table(remove.table()).sql(" DROP ").identifier(remove.column());
    }

    /** {@code ALTER TABLE `users` CHANGE `age` `age` BIGINT NOT NULL[, ADD FOREIGN KEY (`age`) REFERENCES ...]}. */
    @Override
    public void writeChangeColumn(SqlWriter out, dev.sequelj.ast.statement.Statement.ChangeColumn change) {
        var column = change.column();
        out.sql("ALTER TABLE ").table(change.table()).sql(" CHANGE ").identifier(column.name()).sql(' ')
                .identifier(column.name()).sql(' ');
        writeColumnDefinition(out, change.table(), column, ColumnContext.CHANGE_COLUMN);
        column.references().forEach(reference -> {
            out.sql(", ADD FOREIGN KEY (").identifier(column.name()).sql(')');
            writeReferenceTarget(out, reference);
        });
    }

    // ---- WHERE: operators and JSON paths -------------------------------------------------------------

    private static final Map<ComparisonOperator, String> OPERATORS = STANDARD_OPERATORS.merge(LinkedHashMap.of(
            ComparisonOperator.REGEXP, " REGEXP ", ComparisonOperator.NOT_REGEXP, " NOT REGEXP "));

    /**
     * Sequelize's casts by MySQL's names, as Sequelize maps them ({@code integer} → {@code DECIMAL},
     * {@code text} → {@code CHAR}, {@code timestamp} → {@code DATETIME}), except that numbers compare as
     * {@code DOUBLE}: Sequelize's {@code DECIMAL} is {@code DECIMAL(10,0)}, which rounds {@code 5.4} to
     * {@code 5} before comparing. Booleans compare as JSON's text ({@code 'true'}), so no cast. The names
     * MySQL cannot cast to ({@code int}, {@code smallint}, {@code bigint}, {@code real}, {@code numeric},
     * {@code varchar}, {@code nvarchar}, {@code jsonb}) are refused rather than sent as Sequelize sends them.
     */
    static final Map<JsonCast, String> JSON_CASTS = LinkedHashMap.ofEntries(
            Map.entry(JsonCast.INTEGER, "DECIMAL"), Map.entry(JsonCast.FLOAT, "FLOAT"),
            Map.entry(JsonCast.DOUBLE_PRECISION, "DOUBLE"), Map.entry(JsonCast.DECIMAL, "DECIMAL"),
            Map.entry(JsonCast.BOOLEAN, NO_CAST), Map.entry(JsonCast.TEXT, "CHAR"), Map.entry(JsonCast.CHAR, "CHAR"),
            Map.entry(JsonCast.DATE, "DATE"), Map.entry(JsonCast.TIMESTAMP, "DATETIME"),
            Map.entry(JsonCast.TIMESTAMPTZ, "DATETIME"), Map.entry(JsonCast.DATETIME, "DATETIME"),
            Map.entry(JsonCast.JSON, "JSON"), Map.entry(JsonCast.SIGNED, "SIGNED"), Map.entry(JsonCast.UNSIGNED, "UNSIGNED"));

    @Override
    protected Map<ComparisonOperator, String> comparisonOperators() {
        return OPERATORS;
    }

    @Override
    protected Map<JsonCast, String> jsonCasts() {
        return JSON_CASTS;
    }

    /** {@code json_unquote(json_extract(`user`.`meta`,'$."address"."city"'))}, every key quoted as Sequelize quotes them. */
    @Override
    public void writeJsonText(SqlWriter out, Runnable column, Seq<String> path) {
        out.sql("json_unquote(json_extract(");
        column.run();
        out.sql(',').stringLiteral(sqlJsonPath(path, quotesEveryJsonKey())).sql("))");
    }

    /** Whether every key of a JSON path is double-quoted, as Sequelize writes MySQL paths. */
    protected boolean quotesEveryJsonKey() {
        return true;
    }

    @Override
    public boolean jsonScalarsAsText() {
        return true;
    }

    // ---- writes (helper D) ------------------------------------------------------------------------

    /** {@code INSERT IGNORE INTO}: MySQL skips duplicates up front (and turns some other errors into warnings, as Sequelize accepts). */
    @Override
    public void writeInsertInto(SqlWriter out, OnDuplicate onDuplicate) {
        out.sql(onDuplicate instanceof OnDuplicate.Ignore ? "INSERT IGNORE INTO " : "INSERT INTO ");
    }

    /**
     * {@code ON DUPLICATE KEY UPDATE `a`=VALUES(`a`)}: MySQL matches on any unique key, so no target is
     * named. {@code VALUES(col)} is what Sequelize writes; MySQL 8.0.20 deprecates it for row aliases,
     * which MariaDB does not have. An update of no column keeps the row as it is, {@code `id`=`id`}, as
     * Sequelize writes it (MySQL has no DO NOTHING).
     */
    @Override
    public void writeOnDuplicate(SqlWriter out, OnDuplicate onDuplicate) {
        switch (onDuplicate) {
            case OnDuplicate.Refuse refuse -> {}
            case OnDuplicate.Ignore ignore -> {}
            case OnDuplicate.Update update -> {
                out.sql(" ON DUPLICATE KEY UPDATE ");
                if (update.columns().isEmpty()) {
                    String key = update.conflictColumns().head();
                    out.identifier(key).sql("=").identifier(key);
                    return;
                }
                boolean first = true;
                for (String column : update.columns()) {
                    out.sql(first ? "" : ",").identifier(column).sql("=VALUES(").identifier(column).sql(")");
                    first = false;
                }
            }
        }
    }

    @Override
    public UpdateReturning updateReturning() {
        return UpdateReturning.NONE;
    }

    /** {@code ON DUPLICATE KEY UPDATE} reports 1 row for an insert, 2 for an update. */
    @Override
    public boolean upsertCountTellsInsert() {
        return true;
    }

    @Override
    public WriteLimit writeLimit() {
        return WriteLimit.LIMIT_CLAUSE;
    }

    /** {@code TRUNCATE `users`}: MySQL's TRUNCATE always restarts AUTO_INCREMENT, and has no CASCADE. */
    @Override
    public void writeTruncate(SqlWriter out, TableName table, boolean cascade, boolean restartIdentity) {
        if (cascade) {
            throw truncateCascadeUnsupported();
        }
        out.sql("TRUNCATE ").table(table);
    }

    // ---- inline literals -------------------------------------------------------------------------

    private static final LiteralWriter LITERALS = new MySqlLiteralWriter("mysql");

    @Override
    public LiteralWriter literals() {
        return LITERALS;
    }
}
