package dev.sequelj.render.dialect;

import dev.sequelj.ast.expression.ComparisonOperator;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.model.DefaultValue;
import dev.sequelj.ast.model.Reference;
import dev.sequelj.ast.statement.ColumnDefinition;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.ast.statement.TableName;
import dev.sequelj.ast.error.UnsupportedFeatureError;
import dev.sequelj.render.JsonText;
import dev.sequelj.render.SqlWriter;
import dev.sequelj.render.ValueCodec;
import io.vavr.control.Option;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

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
        quoteQualified(out, table);
    }

    /** {@code "public"."users"}: schema and table quoted apart, joined by a dot. */
    protected final void quoteQualified(StringBuilder out, TableName table) {
        table.schema().forEach(schema -> {
            quoteIdentifier(out, schema);
            out.append('.');
        });
        quoteIdentifier(out, table.name());
    }

    /** Appends a string literal; the standard doubles single quotes. */
    public void quoteStringLiteral(StringBuilder out, String value) {
        quote(out, value, '\'', '\'');
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
     * The column type of a data type in CREATE TABLE, as Sequelize writes it for this database: each
     * dialect holds its own table, an exhaustive switch over the data types. A type the database has no
     * column for is an {@link dev.sequelj.ast.error.UnsupportedFeatureError} naming the dialect.
     */
    public abstract String columnType(DataType type);

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

    /** Writes what must run after a DROP TABLE: PostgreSQL drops the ENUM columns' types when cascading. */
    public void writeAfterDropTable(SqlWriter out, Statement.DropTable drop) {}

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

    /** A checked Java value (see {@code ValueChecker}) in the form this database stores it, ready to bind. */
    public Object toDatabaseValue(DataType type, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case DataType.StringType s -> value;
            case DataType.CharType c -> value;
            case DataType.TextType t -> value;
            case DataType.CitextType c -> value;
            case DataType.EnumType e -> value;
            case DataType.IntegralType i -> value;
            case DataType.FloatingType f -> value;
            case DataType.DecimalType d -> value;
            case DataType.BooleanType b -> value;
            case DataType.DateType d -> value instanceof Instant instant ? writeDate(d, instant) : value;
            case DataType.DateOnlyType d -> value instanceof LocalDate date ? writeDateOnly(date) : value;
            case DataType.TimeType t -> value instanceof LocalTime time ? writeTime(time) : value;
            case DataType.UuidType u -> value instanceof UUID uuid ? writeUuid(uuid) : value;
            // JSON is bound as its text, as Sequelize sends JSON.stringify(value).
            case DataType.JsonType j -> JsonText.write(value);
            case DataType.JsonbType j -> JsonText.write(value);
            case DataType.ArrayType a -> writeArray(a, value instanceof List<?> list ? list : List.of(value));
            case DataType.BlobType b -> value;
            case DataType.VirtualType v -> value;
        };
    }

    /** How a DATE value is bound. */
    protected abstract Object writeDate(Instant instant);

    /** How a DATE value is bound, given the column's precision; by default as {@link #writeDate(Instant)}. */
    protected Object writeDate(DataType.DateType type, Instant instant) {
        return writeDate(instant);
    }

    /** How a DATEONLY value is bound: a {@code LocalDate}, which every driver here binds as SQL DATE. */
    protected Object writeDateOnly(LocalDate date) {
        return date;
    }

    /** How a TIME value is bound: a {@code LocalTime}. */
    protected Object writeTime(LocalTime time) {
        return time;
    }

    /** How a UUID is bound: its text, for the {@code CHAR(36)} columns most databases store it in. */
    protected Object writeUuid(UUID uuid) {
        return uuid.toString();
    }

    /** How an ARRAY value is bound; only PostgreSQL has arrays. */
    protected Object writeArray(DataType.ArrayType type, List<?> elements) {
        throw new UnsupportedFeatureError(name() + " has no ARRAY type (ARRAY is PostgreSQL's); store a JSON array instead");
    }

    /** A value as the executor read it, in the Java type the attribute's data type stands for. */
    public Object fromDatabaseValue(DataType type, Object value) {
        return ValueCodec.read(type, value);
    }

    // ---- DDL: column definitions, constraints, indexes, the QueryInterface (helper A) ------------
    //
    // The renderer (TableRenderer) walks the statement; these hooks hold what each database writes.
    // DDL takes no parameters: defaults, ENUM values and comments are written as literals, escaped the
    // dialect's way by writeLiteral.

    /** Where a column definition is written: its clauses differ slightly between the three. */
    public enum ColumnContext { CREATE_TABLE, ADD_COLUMN, CHANGE_COLUMN }

    /** A refusal naming this dialect: {@code "mysql cannot ..."}. */
    protected UnsupportedFeatureError unsupported(String what) {
        return new UnsupportedFeatureError(name() + " " + what);
    }

    /**
     * Appends a value, already in this database's stored form ({@link #toDatabaseValue}), as a literal:
     * strings quoted and escaped ({@link #quoteStringLiteral}), numbers as they are, booleans and bytes
     * the dialect's way, dates and times as quoted text.
     */
    public void writeLiteral(StringBuilder out, Object value) {
        switch (value) {
            case null -> out.append("NULL");
            case String s -> quoteStringLiteral(out, s);
            case Boolean b -> out.append(booleanLiteral(b));
            case java.math.BigDecimal d -> out.append(d.toPlainString());
            case Double d when !Double.isFinite(d) -> throw unsupported("cannot write the number " + d + " as a literal");
            case Float f when !Float.isFinite(f) -> throw unsupported("cannot write the number " + f + " as a literal");
            case Number n -> out.append(n);
            case byte[] bytes -> writeBytesLiteral(out, bytes);
            case Instant i -> quoteStringLiteral(out, ValueCodec.formatSequelizeDate(i));
            case java.time.OffsetDateTime o -> quoteStringLiteral(out, ValueCodec.formatSequelizeDate(o.toInstant()));
            case java.time.LocalDateTime l -> quoteStringLiteral(out, ValueCodec.formatLocalDateTime(l));
            case LocalDate d -> quoteStringLiteral(out, d.toString());
            case LocalTime t -> quoteStringLiteral(out, ValueCodec.formatTime(t));
            case UUID u -> quoteStringLiteral(out, u.toString());
            default -> throw unsupported("cannot write a " + value.getClass().getSimpleName() + " as a literal");
        }
    }

    /** {@code true}/{@code false}; databases without a boolean type write {@code 1}/{@code 0}. */
    protected String booleanLiteral(boolean value) {
        return value ? "true" : "false";
    }

    /** A byte string literal; the SQL standard's {@code X'6869'}. */
    protected void writeBytesLiteral(StringBuilder out, byte[] bytes) {
        out.append("X'").append(java.util.HexFormat.of().formatHex(bytes)).append('\'');
    }

    /** Writes a column's type; by default {@link #columnType}. PostgreSQL names an ENUM column's type after the column. */
    public void writeColumnType(SqlWriter out, TableName table, ColumnDefinition column) {
        try {
            out.sql(columnType(column.type()));
        } catch (UnsupportedFeatureError e) {
            throw new UnsupportedFeatureError(table.name() + "." + column.name() + ": " + e.getMessage());
        }
    }

    /**
     * Writes a column's definition after its name: type, nullability, DEFAULT, UNIQUE, then (where the
     * database takes it inline) REFERENCES, a comment and a CHECK.
     */
    public void writeColumnDefinition(SqlWriter out, TableName table, ColumnDefinition column, ColumnContext context) {
        writeColumnType(out, table, column);
        writeColumnNullability(out, column);
        writeColumnDefault(out, column);
        if (column.unique()) {
            out.sql(" UNIQUE");
        }
        if (referencesInline(context)) {
            column.references().forEach(reference -> writeReferenceTarget(out, reference));
        }
        column.comment().forEach(comment -> writeInlineComment(out, comment));
        writeColumnCheck(out, column);
    }

    /** The nullability of a column; by default {@link #writeNullability(SqlWriter, boolean)}. */
    protected void writeColumnNullability(SqlWriter out, ColumnDefinition column) {
        writeNullability(out, column.allowNull());
    }

    /**
     * {@code DEFAULT value} for a plain default (written as a literal) or a literal default (written as
     * given); {@code NOW} and the UUIDs are filled in by {@code create}, as in Sequelize, and write nothing.
     */
    protected void writeColumnDefault(SqlWriter out, ColumnDefinition column) {
        if (!hasSchemaDefault(column)) {
            return;
        }
        switch (column.defaultValue().get()) {
            case DefaultValue.Value v -> out.sql(" DEFAULT ").literal(toDatabaseValue(column.type(), v.value()));
            case DefaultValue.Literal l -> out.sql(" DEFAULT ").sql(l.sql());
            case DefaultValue.Now n -> { }
            case DefaultValue.UuidV1 u -> { }
            case DefaultValue.UuidV4 u -> { }
        }
    }

    /** Whether the column's definition has a DEFAULT clause: a plain or literal default the column type takes. */
    protected boolean hasSchemaDefault(ColumnDefinition column) {
        return column.defaultValue().exists(d -> d instanceof DefaultValue.Value || d instanceof DefaultValue.Literal)
                && columnTakesDefault(column.type());
    }

    /** Whether a column of this type can have a DEFAULT clause; MySQL's TEXT, BLOB and JSON cannot. */
    protected boolean columnTakesDefault(DataType type) {
        return true;
    }

    /** Whether a foreign key is written on its column ({@code REFERENCES ...}) rather than as a table constraint. */
    public boolean referencesInline(ColumnContext context) {
        return true;
    }

    /** {@code REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE}, with a leading space. */
    public void writeReferenceTarget(SqlWriter out, Reference reference) {
        out.sql(" REFERENCES ").table(reference.table()).sql(" (").identifier(reference.key()).sql(')');
        reference.onDelete().forEach(action -> out.sql(" ON DELETE ").sql(action.sql()));
        reference.onUpdate().forEach(action -> out.sql(" ON UPDATE ").sql(action.sql()));
    }

    /** A comment written in the column definition; only MySQL has them (the others comment after). */
    protected void writeInlineComment(SqlWriter out, String comment) {}

    /** A CHECK on the column; SQL Server's ENUM columns are text with a CHECK of their values. */
    protected void writeColumnCheck(SqlWriter out, ColumnDefinition column) {}

    /** Writes what must run before a CREATE TABLE: PostgreSQL creates its ENUM columns' types. */
    public void writeBeforeCreateTable(SqlWriter out, Statement.CreateTable create) {}

    /** {@code , UNIQUE ("a", "b")}: a composite unique key; MySQL and SQL Server name it. */
    public void writeUniqueKey(SqlWriter out, Statement.UniqueKey key) {
        out.sql(", UNIQUE (");
        writeColumnList(out, key.columns());
        out.sql(')');
    }

    /** Writes what must run after a CREATE TABLE: PostgreSQL's and SQL Server's column comments. */
    public void writeAfterCreateTable(SqlWriter out, Statement.CreateTable create) {}

    /** {@code "a", "b"}. */
    protected static void writeColumnList(SqlWriter out, Iterable<String> columns) {
        boolean first = true;
        for (String column : columns) {
            if (!first) {
                out.sql(", ");
            }
            out.identifier(column);
            first = false;
        }
    }

    /**
     * {@code CREATE [UNIQUE] INDEX "name" ON "table" [USING method] ("a", "b" DESC) [WHERE ...]}, the
     * condition's values written as literals. What a database cannot do is refused ({@link #checkIndex}).
     */
    public void writeCreateIndex(SqlWriter out, Statement.CreateIndex index) {
        checkIndex(index);
        out.sql(index.unique() ? "CREATE UNIQUE INDEX " : "CREATE INDEX ");
        writeIndexName(out, index);
        out.sql(" ON ").table(index.table());
        writeIndexUsing(out, index);
        out.sql(" (");
        writeIndexColumns(out, index);
        out.sql(')');
    }

    /** Refuses what the database cannot do with an index: by default {@code USING} and MySQL's index types. */
    protected void checkIndex(Statement.CreateIndex index) {
        if (index.using().isDefined()) {
            throw unsupported("cannot choose an index method (index '" + index.name() + "' has using: "
                    + index.using().get() + "); PostgreSQL, MySQL and MariaDB can");
        }
        if (index.type().isDefined()) {
            throw unsupported("has no " + index.type().get() + " index (index '" + index.name()
                    + "'); MySQL and MariaDB have FULLTEXT and SPATIAL indexes");
        }
    }

    /**
     * The index name, after {@code CREATE INDEX}, with {@code IF NOT EXISTS} when the index may exist
     * already ({@code sync}); PostgreSQL puts {@code CONCURRENTLY} first.
     */
    protected void writeIndexName(SqlWriter out, Statement.CreateIndex index) {
        if (index.ifNotExists()) {
            out.sql("IF NOT EXISTS ");
        }
        out.identifier(index.name());
    }

    /** {@code USING method} between the table and the columns (PostgreSQL). */
    protected void writeIndexUsing(SqlWriter out, Statement.CreateIndex index) {
        index.using().forEach(method -> out.sql(" USING ").sql(method));
    }

    /** {@code "a", "b" DESC}. */
    protected static void writeIndexColumns(SqlWriter out, Statement.CreateIndex index) {
        boolean first = true;
        for (Statement.IndexColumn column : index.columns()) {
            if (!first) {
                out.sql(", ");
            }
            out.identifier(column.column());
            column.order().forEach(order -> out.sql(' ').sql(order.name()));
            first = false;
        }
    }

    /** {@code DROP INDEX IF EXISTS "name"}; MySQL and SQL Server name the table too. */
    public void writeDropIndex(SqlWriter out, Statement.DropIndex drop) {
        out.sql("DROP INDEX IF EXISTS ").identifier(drop.name());
    }

    /** {@code ALTER TABLE "users" ADD COLUMN "age" INTEGER}. */
    public void writeAddColumn(SqlWriter out, Statement.AddColumn add) {
        out.sql("ALTER TABLE ").table(add.table()).sql(" ADD COLUMN ").identifier(add.column().name()).sql(' ');
        writeColumnDefinition(out, add.table(), add.column(), ColumnContext.ADD_COLUMN);
    }

    /** {@code ALTER TABLE "users" DROP COLUMN "age"}. */
    public void writeRemoveColumn(SqlWriter out, Statement.RemoveColumn remove) {
        out.sql("ALTER TABLE ").table(remove.table()).sql(" DROP COLUMN ").identifier(remove.column());
    }

    /** The column's new definition; each database says it its own way. */
    public abstract void writeChangeColumn(SqlWriter out, Statement.ChangeColumn change);

    /** {@code ALTER TABLE "users" RENAME COLUMN "age" TO "years"}. */
    public void writeRenameColumn(SqlWriter out, Statement.RenameColumn rename) {
        out.sql("ALTER TABLE ").table(rename.table()).sql(" RENAME COLUMN ").identifier(rename.from())
                .sql(" TO ").identifier(rename.to());
    }

    @Override
    public String toString() {
        return name();
    }
}
