package dev.sequelj.render.dialect;

import dev.sequelj.ast.expression.ComparisonOperator;
import dev.sequelj.ast.expression.JsonCast;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.render.SqlWriter;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import dev.sequelj.render.literal.LiteralWriter;
import dev.sequelj.render.literal.PostgresLiteralWriter;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * PostgreSQL: the base dialect's standard SQL as it is, with {@code SERIAL} keys, {@code TIMESTAMP WITH
 * TIME ZONE} dates and {@code DROP ... CASCADE}; dates are bound as {@code OffsetDateTime} at the
 * dialect's {@linkplain #timezone() timezone} (UTC unless configured). It has
 * every Sequelize operator: {@code ILIKE}, POSIX regular expressions, arrays with {@code ANY}/{@code ALL},
 * the array, range and JSONB operators, full-text {@code @@}, and JSON paths ({@code #>>}).
 */
public class PostgresDialect extends Dialect {
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
