package dev.sequelj.render.dialect;

import dev.sequelj.ast.expression.ComparisonOperator;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.statement.TableName;
import dev.sequelj.render.SqlWriter;
import dev.sequelj.render.ValueCodec;
import dev.sequelj.render.literal.LiteralWriter;
import io.vavr.control.Option;

import java.time.Instant;

/**
 * Everything one database does differently, in one place: quoting, column types, and small hooks for
 * the clauses whose shape differs (as Apache Calcite's {@code SqlDialect} subclasses and Sequelize's
 * per-dialect query generators are split). The renderer asks the dialect; it never tests which
 * dialect it has.
 *
 * <p>The defaults here are standard SQL as PostgreSQL speaks it; each subclass overrides only what
 * its database does otherwise. Dialects are stateless and shared.
 */
public abstract class Dialect {
    private final char openQuote;
    private final char closeQuote;

    /**
     * @param openQuote  the character that opens a quoted identifier: {@code "}, {@code `} or {@code [}
     * @param closeQuote the character that closes it, doubled wherever it appears inside a name
     */
    protected Dialect(char openQuote, char closeQuote) {
        this.openQuote = openQuote;
        this.closeQuote = closeQuote;
    }

    /** Sequelize's name for the dialect: {@code postgres}, {@code mysql}, {@code mariadb}, {@code sqlite}, {@code mssql}. */
    public abstract String name();

    // ---- identifiers and literals -------------------------------------------------------------

    /** Appends {@code name} quoted, with the closing quote doubled inside, so no name can end the quoting. */
    public final void quoteIdentifier(StringBuilder out, String name) {
        quote(out, name, openQuote, closeQuote);
    }

    /** {@code open name close}, with every {@code close} inside the name doubled. */
    protected static void quote(StringBuilder out, String name, char open, char close) {
        out.append(open);
        appendDoubling(out, name, close);
        out.append(close);
    }

    /** Appends a table name, qualified by its schema when it has one: {@code "public"."users"}. */
    public void quoteTableName(StringBuilder out, TableName table) {
        table.schema().forEach(schema -> {
            quoteIdentifier(out, schema);
            out.append('.');
        });
        quoteIdentifier(out, table.name());
    }

    /** Appends a string literal, escaped by the dialect's {@link #literals() literal writer}. */
    public void quoteStringLiteral(StringBuilder out, String value) {
        literals().string(out, value);
    }

    private static void appendDoubling(StringBuilder out, String text, char quote) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c);
            if (c == quote) {
                out.append(quote);
            }
        }
    }

    // ---- types ----------------------------------------------------------------------------------

    /**
     * The column type of a data type in CREATE TABLE, as Sequelize writes it. These are PostgreSQL's
     * names; a dialect overrides the ones its database calls otherwise and defers to these for the rest.
     */
    public String columnType(DataType type) {
        return switch (type) {
            case DataType.StringType s -> "VARCHAR(" + s.length() + ")";
            case DataType.TextType t -> "TEXT";
            case DataType.IntegerType i -> "INTEGER";
            case DataType.BigIntType b -> "BIGINT";
            case DataType.BooleanType b -> "BOOLEAN";
            case DataType.DateType d -> "TIMESTAMP WITH TIME ZONE";
        };
    }

    // ---- CREATE / DROP TABLE -------------------------------------------------------------------

    /** Writes what comes before the column list: {@code CREATE TABLE IF NOT EXISTS "users"}. */
    public void writeCreateTableStart(SqlWriter out, TableName table) {
        out.sql("CREATE TABLE IF NOT EXISTS ").table(table);
    }

    /** Writes what comes after the closing parenthesis of the column list (MySQL's engine, say). */
    public void writeCreateTableEnd(SqlWriter out) {}

    /**
     * Writes the definition of the single auto-increment primary-key column, after its name.
     *
     * @return true when the key is declared inline, so no {@code PRIMARY KEY (...)} clause follows
     */
    public boolean writeAutoIncrementColumn(SqlWriter out, DataType type) {
        out.sql(' ').sql(type instanceof DataType.BigIntType ? "BIGSERIAL" : "SERIAL");
        return false;
    }

    /** Writes the nullability of an ordinary column; the standard says only {@code NOT NULL}. */
    public void writeNullability(SqlWriter out, boolean allowNull) {
        if (!allowNull) {
            out.sql(" NOT NULL");
        }
    }

    /** Writes {@code DROP TABLE IF EXISTS "users"}, with CASCADE where the database has it and it is asked for. */
    public void writeDropTable(SqlWriter out, TableName table, boolean cascade) {
        out.sql("DROP TABLE IF EXISTS ").table(table);
        if (cascade) {
            out.sql(" CASCADE");
        }
    }

    // ---- INSERT ---------------------------------------------------------------------------------

    /** How an INSERT names the auto-increment key it leaves to the database. */
    public enum AutoIncrementInsert {
        /** Listed, with the value {@code DEFAULT}. */
        DEFAULT_KEYWORD,
        /** Listed, with the value {@code NULL}, which SQLite turns into the next rowid. */
        NULL_VALUE,
        /** Not listed at all (SQL Server refuses any value for an IDENTITY column). */
        OMITTED
    }

    public AutoIncrementInsert autoIncrementInsert() {
        return AutoIncrementInsert.DEFAULT_KEYWORD;
    }

    /** Writes what must precede an INSERT that gives the auto-increment key a value; nothing in standard SQL. */
    public void writeBeforeExplicitKeyInsert(SqlWriter out, TableName table) {}

    /** Writes what must follow an INSERT that gives the auto-increment key a value. */
    public void writeAfterExplicitKeyInsert(SqlWriter out, TableName table) {}

    /** How an INSERT hands back the stored row. */
    public enum InsertReturning {
        /** {@code ... RETURNING "id", ...} after the values. */
        RETURNING_CLAUSE,
        /** {@code OUTPUT INSERTED.[id], ...} between the column list and VALUES. */
        OUTPUT_INSERTED,
        /** Not at all: the executor reads the generated key instead (MySQL). */
        GENERATED_KEY
    }

    public InsertReturning insertReturning() {
        return InsertReturning.RETURNING_CLAUSE;
    }

    /** Writes the values part of an INSERT that gives no column at all. */
    public void writeEmptyInsertValues(SqlWriter out) {
        out.sql(" DEFAULT VALUES");
    }

    // ---- WHERE ----------------------------------------------------------------------------------

    /** How a comparison is spelled. Sequelize writes {@code !=} for {@code Op.ne} everywhere. */
    public String comparisonOperator(ComparisonOperator operator) {
        return switch (operator) {
            case EQ -> " = ";
            case NE -> " != ";
            case GT -> " > ";
            case GTE -> " >= ";
            case LT -> " < ";
            case LTE -> " <= ";
            case LIKE -> " LIKE ";
            case NOT_LIKE -> " NOT LIKE ";
        };
    }

    // ---- SELECT ---------------------------------------------------------------------------------

    /** Whether this dialect can page (limit/offset) only after an ORDER BY, so one must be supplied. */
    public boolean pagingNeedsOrderBy() {
        return false;
    }

    /** Writes the paging clause; standard {@code LIMIT ? OFFSET ?}, each part only when given. */
    public void writeLimitOffset(SqlWriter out, Option<Integer> limit, Option<Integer> offset) {
        limit.forEach(l -> out.sql(" LIMIT ").param(l));
        offset.forEach(o -> out.sql(" OFFSET ").param(o));
    }

    // ---- values ---------------------------------------------------------------------------------

    /** A checked Java value in the form this database stores it, ready to bind. */
    public Object toDatabaseValue(DataType type, Object value) {
        if (value instanceof Instant instant && type instanceof DataType.DateType) {
            return writeDate(instant);
        }
        return value;
    }

    /** How a DATE value is bound. */
    protected abstract Object writeDate(Instant instant);

    /** A value as the executor read it, in the Java type the attribute's data type stands for. */
    public Object fromDatabaseValue(DataType type, Object value) {
        return ValueCodec.read(type, value);
    }

    // ---- inline literals (SqlRenderer.inline, sequelj render --inline) --------------------------

    /**
     * The one writer of this dialect's SQL literals: every value of an inline rendering, and every
     * string literal the renderers write where SQL takes no parameter, goes through it.
     */
    public abstract LiteralWriter literals();

    @Override
    public String toString() {
        return name();
    }
}
