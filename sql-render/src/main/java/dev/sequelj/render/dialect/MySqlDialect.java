package dev.sequelj.render.dialect;

import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.statement.OnDuplicate;
import dev.sequelj.ast.statement.TableName;
import dev.sequelj.render.SqlWriter;
import io.vavr.control.Option;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * MySQL: backtick identifiers, backslash-escaping string literals, {@code auto_increment} keys,
 * InnoDB tables, dates as UTC {@code DATETIME}, and no way to return an inserted row: the executor
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

    /** MySQL reads backslash as an escape inside literals (unless NO_BACKSLASH_ESCAPES), so it is escaped too. */
    @Override
    public void quoteStringLiteral(StringBuilder out, String value) {
        out.append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\'' -> out.append("''");
                case '\\' -> out.append("\\\\");
                case '\0' -> out.append("\\0");
                default -> out.append(c);
            }
        }
        out.append('\'');
    }

    @Override
    public String columnType(DataType type) {
        return switch (type) {
            case DataType.BooleanType b -> "TINYINT(1)";
            case DataType.DateType d -> "DATETIME";
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

    /**
     * A UTC wall-clock time, as Sequelize writes it with its default timezone {@code +00:00}. The
     * {@code DATETIME} column keeps whole seconds and MySQL would round the milliseconds (into the next
     * day at {@code 23:59:59.5}); Sequelize drops them, and so does this.
     */
    @Override
    protected Object writeDate(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
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
}
