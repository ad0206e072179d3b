package dev.sequelj.render;

import dev.sequelj.ast.expression.Expression;
import dev.sequelj.render.dialect.Dialect;
import io.vavr.collection.Seq;

/**
 * Writes expressions. Nested AND/OR groups are parenthesized, so the tree's precedence survives
 * whatever the operators are; a NOT always wraps its operand. Every other condition is a single
 * predicate ({@code a = ?}, {@code a BETWEEN ? AND ?}, {@code a IS NOT TRUE}) that binds tighter than
 * AND, OR and NOT, so it needs no parentheses of its own.
 *
 * <p>How an operator is spelled, and whether a database has it at all, is asked of the dialect; a
 * database that lacks one refuses it with an {@code UnsupportedFeatureError}.
 */
final class ExpressionRenderer {
    private static final String QUANTIFIED = "Op.any / Op.all ($any, $all)";

    private ExpressionRenderer() {}

    static void write(SqlWriter out, Expression expression) {
        switch (expression) {
            case Expression.Column column -> {
                if (column.qualifier().isDefined()) {
                    out.identifier(column.qualifier().get()).sql('.');
                }
                out.identifier(column.name());
            }
            case Expression.Param param -> {
                if (param.type().isDefined()) {
                    out.dialect().writeTypedParam(out, param.type().get(), out.databaseValue(param.type().get(), param.value()));
                } else {
                    out.param(param.value());
                }
            }
            case Expression.Comparison comparison -> writeComparison(out, comparison);
            case Expression.IsNull isNull -> {
                if (comparesJsonAsText(out, isNull.operand())) {
                    // MySQL: JSON null unquotes to the text 'null' (Sequelize compares so).
                    write(out, isNull.operand());
                    out.sql(isNull.negated() ? " != " : " = ").param("null");
                    return;
                }
                write(out, isNull.operand());
                out.sql(isNull.negated() ? " IS NOT NULL" : " IS NULL");
            }
            case Expression.In in -> writeIn(out, in);
            case Expression.And and -> writeJunction(out, and.operands(), " AND ", "1 = 1");
            case Expression.Or or -> writeJunction(out, or.operands(), " OR ", "1 = 0");
            case Expression.Not not -> {
                out.sql("NOT (");
                write(out, not.operand());
                out.sql(')');
            }
            // ---- finder expressions: fn, col, literal, cast, random
            case Expression.FunctionCall call -> writeFunctionCall(out, call);
            case Expression.ColumnName name -> writeColumnName(out, name);
            case Expression.Literal literal -> out.sql(literal.sql());
            case Expression.Cast cast -> {
                out.sql("CAST(");
                write(out, cast.operand());
                out.sql(" AS ").sql(out.dialect().castType(cast.type())).sql(')');
            }
            case Expression.Random random -> out.sql(out.dialect().randomFunction());
            case Expression.Between between -> {
                write(out, between.operand());
                out.sql(between.negated() ? " NOT BETWEEN " : " BETWEEN ");
                write(out, between.low());
                out.sql(" AND ");
                write(out, between.high());
            }
            case Expression.IsBoolean is -> {
                if (comparesJsonAsText(out, is.operand())) {
                    // MySQL: JSON true unquotes to the text 'true' (Sequelize compares so).
                    write(out, is.operand());
                    out.sql(is.negated() ? " != " : " = ").param(Boolean.toString(is.value()));
                    return;
                }
                write(out, is.operand());
                out.sql(is.negated() ? " IS NOT " : " IS ");
                out.dialect().writeTruthLiteral(out, is.value());
            }
            case Expression.Quantified quantified -> {
                out.dialect().requireArrays(QUANTIFIED);
                out.sql(quantified.quantifier() == Expression.Quantifier.ANY ? "ANY (" : "ALL (");
                write(out, quantified.array());
                out.sql(')');
            }
            case Expression.ArrayValue array -> {
                out.dialect().requireArrays("array values (ARRAY[...])");
                out.sql("ARRAY[");
                writeList(out, array.elements(), ",");
                out.sql(']');
                array.elementType().forEach(type -> out.sql("::").sql(out.dialect().columnType(type)).sql("[]"));
            }
            case Expression.RangeValue range -> {
                out.sql(out.dialect().rangeFunction(range.subtype())).sql('(');
                write(out, range.lower());
                out.sql(", ");
                write(out, range.upper());
                // The bounds' brackets are fixed text chosen from two booleans, never a caller's string.
                out.sql(", '").sql(range.lowerInclusive() ? "[" : "(").sql(range.upperInclusive() ? "]" : ")").sql("')");
            }
            case Expression.JsonPath json -> writeJsonPath(out, json);
        }
    }

    /** {@code name(a, b)}, as Sequelize writes it; the name was checked to be a plain identifier when built. */
    private static void writeFunctionCall(SqlWriter out, Expression.FunctionCall call) {
        out.sql(call.name()).sql('(');
        boolean first = true;
        for (Expression argument : call.arguments()) {
            if (!first) {
                out.sql(", ");
            }
            write(out, argument);
            first = false;
        }
        out.sql(')');
    }

    /** {@code "user"."age"}; a last part {@code *} is written bare, as in {@code count(*)}. */
    private static void writeColumnName(SqlWriter out, Expression.ColumnName name) {
        boolean first = true;
        for (String part : name.parts()) {
            if (!first) {
                out.sql('.');
            }
            if (part.equals("*")) {
                out.sql('*');
            } else {
                out.identifier(part);
            }
            first = false;
        }
    }

    private static void writeComparison(SqlWriter out, Expression.Comparison comparison) {
        Dialect dialect = out.dialect();
        String operator = dialect.comparisonOperator(comparison.operator());
        if (comparison.right() instanceof Expression.Quantified quantified && quantified.array().elements().isEmpty()) {
            // No element to compare with: ANY of none is false, ALL of none true. PostgreSQL could not type
            // an empty ARRAY[] anyway. Refused like any other quantified comparison where there are no arrays.
            dialect.requireArrays(QUANTIFIED);
            out.sql(quantified.quantifier() == Expression.Quantifier.ANY ? "1 = 0" : "1 = 1");
            return;
        }
        write(out, comparison.left());
        out.sql(operator);
        if (comparison.right() instanceof Expression.Param param && param.value() instanceof Boolean bool
                && comparesJsonAsText(out, comparison.left())) {
            // MySQL: JSON booleans unquote to the text 'true' / 'false' (Sequelize compares so).
            out.param(bool.toString());
            return;
        }
        write(out, comparison.right());
    }

    /**
     * {@code CAST((<text at path>) AS <type>)}, or the text alone without a cast. The dialect writes the
     * extraction ({@code "meta"#>>'{a,b}'}, {@code json_extract(...)}) and names the cast's type.
     */
    private static void writeJsonPath(SqlWriter out, Expression.JsonPath json) {
        Dialect dialect = out.dialect();
        dialect.requireJsonPaths();
        String castType = json.cast().map(dialect::jsonCast).getOrElse("");
        boolean cast = !castType.isEmpty();
        if (cast) {
            out.sql("CAST(");
        }
        dialect.writeJsonText(out, () -> write(out, json.column()), json.path());
        if (cast) {
            out.sql(" AS ").sql(castType).sql(')');
        }
    }

    private static boolean comparesJsonAsText(SqlWriter out, Expression operand) {
        return operand instanceof Expression.JsonPath && out.dialect().jsonScalarsAsText();
    }

    /**
     * An empty list matches nothing ({@code 1 = 0}), or everything when negated ({@code 1 = 1}).
     * Sequelize writes {@code IN (NULL)} for the first and drops the second condition altogether,
     * which changes the meaning of an OR around it ({@code {$or: [{id: {$notIn: []}}, ...]}} should
     * match every row).
     */
    private static void writeIn(SqlWriter out, Expression.In in) {
        if (in.values().isEmpty()) {
            out.sql(in.negated() ? "1 = 1" : "1 = 0");
            return;
        }
        write(out, in.operand());
        out.sql(in.negated() ? " NOT IN (" : " IN (");
        writeList(out, in.values(), ", ");
        out.sql(')');
    }

    private static void writeList(SqlWriter out, Seq<Expression> items, String separator) {
        boolean first = true;
        for (Expression item : items) {
            if (!first) {
                out.sql(separator);
            }
            write(out, item);
            first = false;
        }
    }

    private static void writeJunction(SqlWriter out, Seq<Expression> operands, String separator, String whenEmpty) {
        if (operands.isEmpty()) {
            out.sql(whenEmpty);
            return;
        }
        boolean first = true;
        for (Expression operand : operands) {
            if (!first) {
                out.sql(separator);
            }
            boolean group = operand instanceof Expression.And || operand instanceof Expression.Or;
            if (group) {
                out.sql('(');
            }
            write(out, operand);
            if (group) {
                out.sql(')');
            }
            first = false;
        }
    }
}
