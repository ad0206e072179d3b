package dev.sequelj.render.dialect;

import dev.sequelj.ast.expression.ComparisonOperator;
import dev.sequelj.ast.expression.JsonCast;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.model.Naming;
import dev.sequelj.ast.statement.ColumnDefinition;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.ast.statement.TableName;
import dev.sequelj.render.PostgresArrays;
import dev.sequelj.render.SqlWriter;
import dev.sequelj.render.literal.LiteralWriter;
import dev.sequelj.render.literal.PostgresLiteralWriter;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * PostgreSQL: the base dialect's standard SQL as it is, with {@code SERIAL} keys, {@code TIMESTAMP WITH
 * TIME ZONE} dates and {@code DROP ... CASCADE}; dates are bound as {@code OffsetDateTime} at the
 * dialect's {@linkplain #timezone() timezone} (UTC unless configured). It has
 * every Sequelize operator: {@code ILIKE}, POSIX regular expressions, arrays with {@code ANY}/{@code ALL},
 * the array, range and JSONB operators, full-text {@code @@}, and JSON paths ({@code #>>}).
 * ENUM columns get a type of their own, {@code "public"."enum_<table>_<column>"}, created before the
 * table as Sequelize creates it; arrays are bound as array text ({@code {1,2}}), as node-postgres sends
 * them for Sequelize.
 */
public class PostgresDialect extends Dialect {
    /** The schema a table without one lives in, which Sequelize names in ENUM type names. */
    private static final String DEFAULT_SCHEMA = "public";

    public PostgresDialect() {
        super('"', '"');
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    protected Object writeDate(Instant instant) {
        return OffsetDateTime.ofInstant(instant, timezone());
    }

    // ---- types and values (helper A) -------------------------------------------------------------

    /**
     * PostgreSQL's column types, as Sequelize maps them. Where Sequelize writes a type PostgreSQL does not
     * have ({@code TINYINT}, {@code MEDIUMINT}) Sequelj refuses instead of sending SQL that fails.
     */
    @Override
    public String columnType(DataType type) {
        return switch (type) {
            case DataType.StringType s -> s.binary() ? "BYTEA" : "VARCHAR(" + s.length() + ")";
            case DataType.CharType c -> c.binary() ? "BYTEA" : "CHAR(" + c.length() + ")";
            case DataType.TextType t -> "TEXT";
            case DataType.CitextType c -> "CITEXT";
            case DataType.TinyIntType t -> throw unsupported("has no TINYINT column type; use SMALLINT");
            case DataType.SmallIntType t -> "SMALLINT";
            case DataType.MediumIntType t -> throw unsupported("has no MEDIUMINT column type; use INTEGER");
            case DataType.IntegerType t -> "INTEGER";
            case DataType.BigIntType t -> "BIGINT";
            // Only FLOAT(n) takes a length; with decimals (MySQL's FLOAT(10,2)) Sequelize writes FLOAT.
            case DataType.FloatType f -> f.decimals().isEmpty() ? f.length().map(l -> "FLOAT(" + l + ")").getOrElse("FLOAT") : "FLOAT";
            case DataType.RealType r -> "REAL";
            case DataType.DoubleType d -> "DOUBLE PRECISION";
            case DataType.DecimalType d -> decimal(d);
            case DataType.BooleanType b -> "BOOLEAN";
            case DataType.DateType d -> "TIMESTAMP WITH TIME ZONE";
            case DataType.DateOnlyType d -> "DATE";
            case DataType.TimeType t -> "TIME";
            case DataType.UuidType u -> "UUID";
            case DataType.JsonType j -> "JSON";
            case DataType.JsonbType j -> "JSONB";
            case DataType.EnumType e -> throw new IllegalStateException(
                    "an ENUM column's type is named after its table and column; writeColumnType writes it");
            case DataType.ArrayType a -> columnType(a.element()) + "[]";
            case DataType.BlobType b -> "BYTEA";
            case DataType.VirtualType v -> throw unsupported("cannot store a VIRTUAL attribute: it has no column");
        };
    }

    static String decimal(DataType.DecimalType d) {
        return "DECIMAL" + d.precision().map(p -> "(" + p + d.scale().map(s -> "," + s).getOrElse("") + ")").getOrElse("");
    }

    /** {@code "public"."enum_users_mood"} for an ENUM column (and {@code ...[]} for an array of one). */
    @Override
    public void writeColumnType(SqlWriter out, TableName table, ColumnDefinition column) {
        Option<DataType.EnumType> enumType = enumOf(column.type());
        if (enumType.isEmpty()) {
            super.writeColumnType(out, table, column);
            return;
        }
        out.table(enumTypeName(table, column.name()));
        if (column.type() instanceof DataType.ArrayType) {
            out.sql("[]");
        }
    }

    @Override
    protected Object writeUuid(UUID uuid) {
        return uuid;
    }

    /** Array text, {@code {1,2}}, each element in its stored form; the server reads it by the column's type. */
    @Override
    protected Object writeArray(DataType.ArrayType type, List<?> elements) {
        List<Object> stored = new ArrayList<>(elements.size());
        for (Object element : elements) {
            stored.add(toDatabaseValue(type.element(), element));
        }
        return PostgresArrays.format(stored);
    }

    // ---- DDL (helper A) --------------------------------------------------------------------------

    /**
     * Before: {@code CREATE TABLE ... ("mood" "public"."enum_users_mood")}. After, in front of it, one per
     * ENUM column: {@code DO 'BEGIN CREATE TYPE "public"."enum_users_mood" AS ENUM(''happy'', ''sad'');
     * EXCEPTION WHEN duplicate_object THEN null; END'; }, as Sequelize sends it (an existing type is kept:
     * Sequelize would read it back and add missing values, which needs a connection).
     */
    @Override
    public void writeBeforeCreateTable(SqlWriter out, Statement.CreateTable create) {
        for (ColumnDefinition column : create.columns()) {
            writeCreateEnumType(out, create.table(), column);
        }
    }

    private void writeCreateEnumType(SqlWriter out, TableName table, ColumnDefinition column) {
        Option<DataType.EnumType> enumType = enumOf(column.type());
        if (enumType.isEmpty()) {
            return;
        }
        StringBuilder body = new StringBuilder("BEGIN CREATE TYPE ");
        quoteTableName(body, enumTypeName(table, column.name()));
        body.append(" AS ENUM(");
        boolean first = true;
        for (String value : enumType.get().values()) {
            if (!first) {
                body.append(", ");
            }
            quoteStringLiteral(body, value);
            first = false;
        }
        body.append("); EXCEPTION WHEN duplicate_object THEN null; END");
        out.sql("DO ").stringLiteral(body.toString()).sql("; ");
    }

    /** {@code ; COMMENT ON COLUMN "users"."email" IS 'mail'} for each commented column, as Sequelize appends them. */
    @Override
    public void writeAfterCreateTable(SqlWriter out, Statement.CreateTable create) {
        for (ColumnDefinition column : create.columns()) {
            column.comment().forEach(comment -> writeComment(out, create.table(), column.name(), comment));
        }
    }

    private void writeComment(SqlWriter out, TableName table, String column, String comment) {
        out.sql("; COMMENT ON COLUMN ").table(table).sql('.').identifier(column).sql(" IS ").stringLiteral(comment);
    }

    /** {@code ; DROP TYPE IF EXISTS "public"."enum_users_mood"} for each ENUM column when cascading, as Sequelize does. */
    @Override
    public void writeAfterDropTable(SqlWriter out, Statement.DropTable drop) {
        if (!drop.cascade()) {
            return;
        }
        for (String column : drop.enumColumns()) {
            out.sql("; DROP TYPE IF EXISTS ").table(enumTypeName(drop.table(), column));
        }
    }

    /** {@code CREATE INDEX CONCURRENTLY IF NOT EXISTS "name"}. */
    @Override
    protected void writeIndexName(SqlWriter out, Statement.CreateIndex index) {
        if (index.concurrently()) {
            out.sql("CONCURRENTLY ");
        }
        super.writeIndexName(out, index);
    }

    /** PostgreSQL takes {@code USING}; it has no MySQL index types. */
    @Override
    protected void checkIndex(Statement.CreateIndex index) {
        if (index.type().isDefined()) {
            throw unsupported("has no " + index.type().get() + " index (index '" + index.name()
                    + "'); MySQL and MariaDB have FULLTEXT and SPATIAL indexes; PostgreSQL uses using: GIN or GIST");
        }
    }

    /** An index lives in its table's schema: {@code DROP INDEX IF EXISTS "app"."users_email"}. */
    @Override
    public void writeDropIndex(SqlWriter out, Statement.DropIndex drop) {
        out.sql("DROP INDEX IF EXISTS ").table(new TableName(drop.table().schema(), drop.name()));
    }

    /** An ENUM column's type is created first: {@code DO '...'; ALTER TABLE ... ADD COLUMN ...}; a comment follows. */
    @Override
    public void writeAddColumn(SqlWriter out, Statement.AddColumn add) {
        writeCreateEnumType(out, add.table(), add.column());
        super.writeAddColumn(out, add);
        add.column().comment().forEach(comment -> writeComment(out, add.table(), add.column().name(), comment));
    }

    /**
     * One ALTER TABLE with every change: {@code ALTER TABLE "users" ALTER COLUMN "age" SET NOT NULL,
     * ALTER COLUMN "age" SET DEFAULT 5, ALTER COLUMN "age" TYPE BIGINT} (an ENUM type is created first and
     * converted to with {@code USING}), then {@code ADD UNIQUE ("age")} and {@code ADD FOREIGN KEY ...}
     * when asked. Sequelize sends the changes as separate statements in one string; one statement applies
     * them all or none.
     */
    @Override
    public void writeChangeColumn(SqlWriter out, Statement.ChangeColumn change) {
        ColumnDefinition column = change.column();
        writeCreateEnumType(out, change.table(), column);
        out.sql("ALTER TABLE ").table(change.table()).sql(" ALTER COLUMN ").identifier(column.name())
                .sql(column.allowNull() ? " DROP NOT NULL" : " SET NOT NULL");
        out.sql(", ALTER COLUMN ").identifier(column.name());
        if (hasSchemaDefault(column)) {
            out.sql(" SET");
            writeColumnDefault(out, column);
        } else {
            out.sql(" DROP DEFAULT"); // none, or NOW and the UUIDs, which live in Java, not in the column
        }
        out.sql(", ALTER COLUMN ").identifier(column.name()).sql(" TYPE ");
        writeColumnType(out, change.table(), column);
        if (enumOf(column.type()).isDefined()) {
            out.sql(" USING (").identifier(column.name()).sql("::");
            writeColumnType(out, change.table(), column);
            out.sql(')');
        }
        if (column.unique()) {
            out.sql(", ADD UNIQUE (").identifier(column.name()).sql(')');
        }
        column.references().forEach(reference -> {
            out.sql(", ADD FOREIGN KEY (").identifier(column.name()).sql(')');
            writeReferenceTarget(out, reference);
        });
        column.comment().forEach(comment -> writeComment(out, change.table(), column.name(), comment));
    }

    private static Option<DataType.EnumType> enumOf(DataType type) {
        if (type instanceof DataType.EnumType e) {
            return Option.some(e);
        }
        return type instanceof DataType.ArrayType a ? enumOf(a.element()) : Option.none();
    }

    /** {@code "public"."enum_users_mood"}: Sequelize's name, in the table's schema. */
    private static TableName enumTypeName(TableName table, String column) {
        return new TableName(Option.some(table.schema().getOrElse(DEFAULT_SCHEMA)), Naming.enumTypeName(table.name(), column));
    }

    // ---- WHERE: operators, arrays, ranges, JSON paths ------------------------------------------------

    private static final Map<ComparisonOperator, String> OPERATORS = STANDARD_OPERATORS.merge(LinkedHashMap.ofEntries(
            Map.entry(ComparisonOperator.ILIKE, " ILIKE "), Map.entry(ComparisonOperator.NOT_ILIKE, " NOT ILIKE "),
            Map.entry(ComparisonOperator.REGEXP, " ~ "), Map.entry(ComparisonOperator.NOT_REGEXP, " !~ "),
            Map.entry(ComparisonOperator.IREGEXP, " ~* "), Map.entry(ComparisonOperator.NOT_IREGEXP, " !~* "),
            Map.entry(ComparisonOperator.OVERLAP, " && "), Map.entry(ComparisonOperator.CONTAINS, " @> "),
            Map.entry(ComparisonOperator.CONTAINED, " <@ "), Map.entry(ComparisonOperator.ADJACENT, " -|- "),
            Map.entry(ComparisonOperator.STRICT_LEFT, " << "), Map.entry(ComparisonOperator.STRICT_RIGHT, " >> "),
            Map.entry(ComparisonOperator.NO_EXTEND_RIGHT, " &< "), Map.entry(ComparisonOperator.NO_EXTEND_LEFT, " &> "),
            Map.entry(ComparisonOperator.MATCH, " @@ ")));

    /** Sequelize's casts by their PostgreSQL names; {@code nvarchar}, {@code datetime}, {@code signed}, {@code unsigned} have none. */
    private static final Map<JsonCast, String> JSON_CASTS = LinkedHashMap.ofEntries(
            Map.entry(JsonCast.INTEGER, "INTEGER"), Map.entry(JsonCast.INT, "INT"), Map.entry(JsonCast.SMALLINT, "SMALLINT"),
            Map.entry(JsonCast.BIGINT, "BIGINT"), Map.entry(JsonCast.FLOAT, "FLOAT"), Map.entry(JsonCast.REAL, "REAL"),
            Map.entry(JsonCast.DOUBLE_PRECISION, "DOUBLE PRECISION"), Map.entry(JsonCast.DECIMAL, "DECIMAL"),
            Map.entry(JsonCast.NUMERIC, "NUMERIC"), Map.entry(JsonCast.BOOLEAN, "BOOLEAN"), Map.entry(JsonCast.TEXT, "TEXT"),
            Map.entry(JsonCast.CHAR, "CHAR"), Map.entry(JsonCast.VARCHAR, "VARCHAR"), Map.entry(JsonCast.DATE, "DATE"),
            Map.entry(JsonCast.TIMESTAMP, "TIMESTAMP"), Map.entry(JsonCast.TIMESTAMPTZ, "TIMESTAMPTZ"),
            Map.entry(JsonCast.JSON, "JSON"), Map.entry(JsonCast.JSONB, "JSONB"));

    @Override
    protected Map<ComparisonOperator, String> comparisonOperators() {
        return OPERATORS;
    }

    @Override
    protected boolean hasArrays() {
        return true;
    }

    /** The built-in range types, by their bounds' type. */
    @Override
    protected Option<String> rangeConstructor(DataType subtype) {
        return switch (subtype) {
            case DataType.IntegerType i -> Option.some("int4range");
            case DataType.BigIntType b -> Option.some("int8range");
            case DataType.DateType d -> Option.some("tstzrange");
            default -> Option.none();
        };
    }

    @Override
    protected Map<JsonCast, String> jsonCasts() {
        return JSON_CASTS;
    }

    /** {@code ("user"."meta"#>>'{address,city}')}: the text at the path, as Sequelize writes it. */
    @Override
    public void writeJsonText(SqlWriter out, Runnable column, Seq<String> path) {
        out.sql('(');
        column.run();
        out.sql("#>>").stringLiteral(textArray(path)).sql(')');
    }

    /**
     * The path as a {@code text[]} literal, {@code {address,city}}; a key that holds a brace, comma, quote,
     * backslash or space, is empty or reads as NULL is double-quoted with {@code "} and {@code \} escaped,
     * so that it stays one key.
     */
    private static String textArray(Seq<String> path) {
        StringBuilder out = new StringBuilder("{");
        boolean first = true;
        for (String key : path) {
            if (!first) {
                out.append(',');
            }
            boolean quote = key.isEmpty() || key.equalsIgnoreCase("null")
                    || key.chars().anyMatch(c -> "{}\",\\".indexOf(c) >= 0 || Character.isWhitespace(c));
            if (quote) {
                out.append('"');
                for (int i = 0; i < key.length(); i++) {
                    char c = key.charAt(i);
                    if (c == '"' || c == '\\') {
                        out.append('\\');
                    }
                    out.append(c);
                }
                out.append('"');
            } else {
                out.append(key);
            }
            first = false;
        }
        return out.append('}').toString();
    }

    /**
     * JSON documents are bound as text, which PostgreSQL will not take for a JSON column or a JSONB
     * operand without being told: {@code CAST(? AS JSONB)}. (Sequelize inlines an untyped literal, which
     * PostgreSQL types from the context.)
     */
    @Override
    public void writeTypedParam(SqlWriter out, DataType type, Object databaseValue) {
        switch (type) {
            case DataType.JsonType j -> out.sql("CAST(").param(databaseValue).sql(" AS JSON)");
            case DataType.JsonbType j -> out.sql("CAST(").param(databaseValue).sql(" AS JSONB)");
            default -> out.param(databaseValue);
        }
    }

    // ---- inline literals -------------------------------------------------------------------------

    private static final LiteralWriter LITERALS = new PostgresLiteralWriter();

    @Override
    public LiteralWriter literals() {
        return LITERALS;
    }
}
