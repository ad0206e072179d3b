package dev.sequelj.render.dialect;

import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.statement.TableName;
import dev.sequelj.render.SqlWriter;
import dev.sequelj.render.literal.LiteralWriter;
import dev.sequelj.render.literal.MySqlLiteralWriter;
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

    // ---- inline literals -------------------------------------------------------------------------

    private static final LiteralWriter LITERALS = new MySqlLiteralWriter("mysql");

    @Override
    public LiteralWriter literals() {
        return LITERALS;
    }
}
