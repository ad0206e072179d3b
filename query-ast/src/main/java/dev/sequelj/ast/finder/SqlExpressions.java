package dev.sequelj.ast.finder;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.Expression;
import io.vavr.collection.Vector;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Sequelize's SQL helpers, for the places a finder takes more than an attribute name: selected
 * {@code attributes}, {@code order}, {@code group} and {@code having}. Spelled as in Sequelize
 * ({@code Sequelize.fn}, {@code col}, {@code literal}, {@code cast}, {@code sequelize.random()},
 * {@code Sequelize.where}).
 *
 * <pre>{@code
 * import static dev.sequelj.ast.finder.SqlExpressions.*;
 *
 * options().attributes(Selection.of("lastName"), Selection.of(fn("COUNT", col("id"))).as("n"))
 *          .group("lastName")
 *          .having(where(fn("COUNT", col("id")), Op.gt, 1))
 *          .order(fn("max", col("age")), Direction.DESC);
 * }</pre>
 *
 * <p>Nothing a caller passes can change a statement's structure, except through {@link #literal}:
 * function names must be plain identifiers, cast types plain type names, column names are quoted, and
 * values are bound as parameters. {@code literal} writes its text as given: it is the escape hatch, as
 * in Sequelize, and must never be built from user input.
 *
 * <p>{@code col} names a column as written, as Sequelize's does: it is not looked up among the model's
 * attributes, so for an attribute stored under another name ({@code field}) give the column name.
 * (The static {@code col} here and {@link Where#col} differ: import the one you mean.)
 */
public final class SqlExpressions {
    /** A function name: an identifier, optionally schema-qualified. No quotes, spaces or punctuation. */
    private static final Pattern FUNCTION_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
    /**
     * A type name: words, an optional {@code (n)} or {@code (p, s)}, more words, an optional {@code []}:
     * {@code INTEGER}, {@code DECIMAL(10,2)}, {@code TIMESTAMP(3) WITH TIME ZONE}, {@code TEXT[]}. With no
     * quote, semicolon or unmatched parenthesis, a type cannot end the CAST early.
     */
    private static final Pattern TYPE_NAME = Pattern.compile(
            "[A-Za-z][A-Za-z0-9_]*( [A-Za-z][A-Za-z0-9_]*)*( ?\\(\\d+( ?, ?\\d+)?\\))?( [A-Za-z][A-Za-z0-9_]*)*(\\[\\])?");

    private SqlExpressions() {}

    /**
     * {@code name(arguments...)}: each argument is an expression from this class, or a value (String,
     * number, Boolean, {@code java.time.Instant}, null) bound as a parameter.
     *
     * <pre>{@code fn("COUNT", col("id"))   // COUNT("id")
     * fn("lower", col("email"))          // lower("email")
     * fn("coalesce", col("nick"), "none") // coalesce("nick", ?)}</pre>
     *
     * @throws ValidationError when the name is not a plain identifier or an argument cannot be bound
     */
    public static Expression fn(String name, Object... arguments) {
        if (name == null || !FUNCTION_NAME.matcher(name).matches()) {
            throw new ValidationError("fn: '" + name + "' is not a function name; a name is letters, digits and"
                    + " underscores, optionally schema-qualified (COUNT, lower, public.my_function)");
        }
        Vector<Expression> args = Vector.empty();
        for (int i = 0; i < arguments.length; i++) {
            args = args.append(operand(arguments[i], "fn " + name + " argument " + (i + 1)));
        }
        return new Expression.FunctionCall(name, args);
    }

    /**
     * A column named as written, quoted: {@code col("age")} → {@code "age"}, {@code col("user.age")} →
     * {@code "user"."age"}, {@code col("*")} → {@code *}.
     */
    public static Expression col(String name) {
        if (name == null || name.isEmpty()) {
            throw new ValidationError("col: a column name must be a non-empty string");
        }
        Vector<String> parts = Vector.of(name.split("\\.", -1));
        if (parts.exists(String::isEmpty)) {
            throw new ValidationError("col: '" + name + "' has an empty part; write table.column, e.g. user.age");
        }
        if (parts.init().contains("*")) {
            throw new ValidationError("col: '" + name + "': only the last part may be *");
        }
        return new Expression.ColumnName(parts);
    }

    /**
     * Raw SQL, written as given: {@code literal("CURRENT_DATE")}. The escape hatch for what the other
     * helpers cannot say; never build its text from user input.
     */
    public static Expression literal(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new ValidationError("literal: the SQL must be a non-empty string");
        }
        return new Expression.Literal(sql);
    }

    /**
     * {@code CAST(operand AS type)}: {@code cast(col("age"), "TEXT")}. The operand is an expression or a
     * value (bound); the type a plain type name, which some dialects rename as Sequelize does (MySQL has
     * no {@code CAST(... AS INTEGER)}: {@code DECIMAL}).
     */
    public static Expression cast(Object operand, String type) {
        if (type == null || !TYPE_NAME.matcher(type).matches()) {
            throw new ValidationError("cast: '" + type + "' is not a type name; a type is words with an optional"
                    + " (n) or (p,s), such as INTEGER, TEXT, DECIMAL(10,2), TIMESTAMP WITH TIME ZONE");
        }
        return new Expression.Cast(operand(operand, "cast operand"), type.toUpperCase(Locale.ROOT));
    }

    /** A random number per row, to {@code order} by: {@code RANDOM()}, {@code RAND()} or {@code NEWID()} per dialect. */
    public static Expression random() {
        return new Expression.Random();
    }

    /**
     * {@code Sequelize.where(left, condition)}: a condition on an expression, for {@code having} (or a
     * {@code where} over a function). The condition is a value ({@code =}; null → {@code IS NULL}; a
     * list → {@code IN}) or a map of operators: {@code where(fn("COUNT", col("id")), Map.of(Op.gt, 1))}.
     * Operators: {@code $eq $ne $gt $gte $lt $lte $in $notIn $like $notLike $is}, and {@code $not: null}.
     */
    public static Expression where(Expression left, Object condition) {
        return ExpressionConditions.parse(left, condition, "where");
    }

    /** {@code Sequelize.where(left, Op.gt, 1)}: one operator and its value. */
    public static Expression where(Expression left, Op operator, Object value) {
        return ExpressionConditions.parse(left, Map.of(operator, value == null ? ExpressionConditions.NULL : value), "where");
    }

    /** An expression as given, or a value as a bound parameter. */
    static Expression operand(Object value, String context) {
        if (value instanceof Expression expression) {
            return expression;
        }
        return ExpressionConditions.param(value, context);
    }
}
