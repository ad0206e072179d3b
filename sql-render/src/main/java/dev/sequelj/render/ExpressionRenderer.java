package dev.sequelj.render;

import dev.sequelj.ast.expression.Expression;
import io.vavr.collection.Seq;

/**
 * Writes expressions. Nested AND/OR groups are parenthesized, so the tree's precedence survives
 * whatever the operators are; a NOT always wraps its operand.
 */
final class ExpressionRenderer {
    private ExpressionRenderer() {}

    static void write(SqlWriter out, Expression expression) {
        switch (expression) {
            case Expression.Column column -> {
                column.qualifier().forEach(q -> out.identifier(q).sql('.'));
                out.identifier(column.name());
            }
            case Expression.Param param -> out.param(param.type().isDefined()
                    ? out.dialect().toDatabaseValue(param.type().get(), param.value())
                    : param.value());
            case Expression.Comparison comparison -> {
                write(out, comparison.left());
                out.sql(out.dialect().comparisonOperator(comparison.operator()));
                write(out, comparison.right());
            }
            case Expression.IsNull isNull -> {
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
        boolean first = true;
        for (Expression value : in.values()) {
            if (!first) {
                out.sql(", ");
            }
            write(out, value);
            first = false;
        }
        out.sql(')');
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
