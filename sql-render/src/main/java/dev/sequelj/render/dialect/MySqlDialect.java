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

    @Override
    public String columnType(DataType type) {
        return switch (type) {
            case DataType.BooleanType b -> "TINYINT(1)";
            case DataType.DateType d -> "DATETIME";
            case DataType.JsonbType j -> "JSON"; // MySQL's JSON is stored binary; it has no JSONB name
            default -> super.columnType(type);
        };
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
