package dev.sequelj.ast.finder;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.ComparisonOperator;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.model.DataTypes;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.sequelj.ast.finder.SqlExpressions.cast;
import static dev.sequelj.ast.finder.SqlExpressions.col;
import static dev.sequelj.ast.finder.SqlExpressions.fn;
import static dev.sequelj.ast.finder.SqlExpressions.literal;
import static dev.sequelj.ast.finder.SqlExpressions.where;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sequelize's helpers: what they build, and the names, types and values they refuse. */
class SqlExpressionsTest {

    @Test
    void fnTakesExpressionsAndBindsValues() {
        Expression call = fn("coalesce", col("nick"), "none", 3, 2.5, new BigDecimal("1.10"), true, null);

        assertThat(call).isEqualTo(new Expression.FunctionCall("coalesce", Vector.of(
                new Expression.ColumnName(Vector.of("nick")), untyped("none"), untyped(3), untyped(2.5),
                untyped(new BigDecimal("1.10")), untyped(true), untyped(null))));
        assertThat(fn("public.my_function")).isEqualTo(new Expression.FunctionCall("public.my_function", Vector.empty()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"COUNT(*); DROP TABLE users; --", "count(", "lower x", "a.b.c", "", "1abc", "f\"", "schema."})
    void aFunctionNameThatIsNotAPlainIdentifierIsRefused(String name) {
        assertThatThrownBy(() -> fn(name)).isInstanceOf(ValidationError.class)
                .hasMessage("fn: '" + name + "' is not a function name; a name is letters, digits and underscores,"
                        + " optionally schema-qualified (COUNT, lower, public.my_function)");
    }

    @Test
    void aValueThatCannotBeBoundIsRefused() {
        assertThatThrownBy(() -> fn("lower", Map.of("a", 1))).isInstanceOf(ValidationError.class)
                .hasMessageStartingWith("fn lower argument 1: cannot bind map");
        assertThatThrownBy(() -> fn("lower", "x", new java.util.ArrayList<>(List.of(1)))).isInstanceOf(ValidationError.class)
                .hasMessageStartingWith("fn lower argument 2: cannot bind list [1]");
    }

    @Test
    void anInstantIsBoundAsADate() {
        Instant at = Instant.parse("2024-01-15T10:30:45.123456Z");
        assertThat(fn("date", at)).isEqualTo(new Expression.FunctionCall("date", Vector.of(
                new Expression.Param(Instant.parse("2024-01-15T10:30:45.123Z"), Option.some(DataTypes.DATE)))));
    }

    @Test
    void colSplitsTableAndColumnAndKeepsAStar() {
        assertThat(col("user.age")).isEqualTo(new Expression.ColumnName(Vector.of("user", "age")));
        assertThat(col("*")).isEqualTo(new Expression.ColumnName(Vector.of("*")));
        assertThat(col("user.*")).isEqualTo(new Expression.ColumnName(Vector.of("user", "*")));
        assertThatThrownBy(() -> col("user.")).isInstanceOf(ValidationError.class)
                .hasMessage("col: 'user.' has an empty part; write table.column, e.g. user.age");
        assertThatThrownBy(() -> col("*.age")).isInstanceOf(ValidationError.class)
                .hasMessage("col: '*.age': only the last part may be *");
        assertThatThrownBy(() -> col("")).isInstanceOf(ValidationError.class)
                .hasMessage("col: a column name must be a non-empty string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"INTEGER", "text", "DECIMAL(10,2)", "DECIMAL(10, 2)", "TIMESTAMP WITH TIME ZONE",
            "TIMESTAMP(3) WITH TIME ZONE", "VARCHAR(255)", "DOUBLE PRECISION", "TEXT[]", "unsigned"})
    void castTakesTypeNamesInUpperCase(String type) {
        assertThat(cast(col("age"), type)).isEqualTo(new Expression.Cast(new Expression.ColumnName(Vector.of("age")),
                type.toUpperCase(java.util.Locale.ROOT)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT) FROM users; --", "INT; DROP TABLE users", "VARCHAR(10", "TEXT -- x", "'TEXT'", "", "INT)"})
    void aCastTypeThatIsNotATypeNameIsRefused(String type) {
        assertThatThrownBy(() -> cast(col("age"), type)).isInstanceOf(ValidationError.class)
                .hasMessageStartingWith("cast: '" + type + "' is not a type name");
    }

    @Test
    void literalIsTheEscapeHatchButNotEmpty() {
        assertThat(literal("CURRENT_DATE")).isEqualTo(new Expression.Literal("CURRENT_DATE"));
        assertThatThrownBy(() -> literal(" ")).isInstanceOf(ValidationError.class)
                .hasMessage("literal: the SQL must be a non-empty string");
    }

    @Test
    void whereComparesAnExpressionWithValuesListsAndNull() {
        Expression count = fn("COUNT", col("*"));

        assertThat(where(count, Op.gt, 1)).isEqualTo(new Expression.Comparison(count, ComparisonOperator.GT, untyped(1)));
        assertThat(where(count, 2)).isEqualTo(new Expression.Comparison(count, ComparisonOperator.EQ, untyped(2)));
        assertThat(where(count, List.of(1, 2))).isEqualTo(new Expression.In(count, Vector.of(untyped(1), untyped(2)), false));
        assertThat(where(count, (Object) null)).isEqualTo(new Expression.IsNull(count, false));
        assertThat(where(count, Op.ne, null)).isEqualTo(new Expression.IsNull(count, true));
        assertThat(where(count, Map.of("$gte", 1, "$lte", 9))).isInstanceOf(Expression.And.class);
        assertThat(where(fn("lower", col("name")), Map.of(Op.like, "jo%")))
                .isEqualTo(new Expression.Comparison(fn("lower", col("name")), ComparisonOperator.LIKE, untyped("jo%")));
        assertThat(where(count, col("limit"))).isEqualTo(new Expression.Comparison(count, ComparisonOperator.EQ, col("limit")));
    }

    @Test
    void whereRefusesOperatorsThatNeedAnAttributeOrTheWrongValue() {
        Expression count = fn("COUNT", col("*"));
        assertThatThrownBy(() -> where(count, Map.of("$gtt", 1))).isInstanceOf(ValidationError.class)
                .hasMessageStartingWith("where.$gtt: unknown operator; supported: $eq, $ne");
        assertThatThrownBy(() -> where(count, Op.or, 1)).isInstanceOf(ValidationError.class)
                .hasMessageStartingWith("where.$or: $or is not supported on a function, cast or alias");
        assertThatThrownBy(() -> where(count, Op.in, 1)).isInstanceOf(ValidationError.class)
                .hasMessage("where.$in: $in needs a list of values, e.g. [1, 2, 3]; got Integer 1");
        assertThatThrownBy(() -> where(count, Op.gt, null)).isInstanceOf(ValidationError.class)
                .hasMessage("where.$gt: $gt needs a value to compare with, not null");
        assertThatThrownBy(() -> where(count, Op.like, 5)).isInstanceOf(ValidationError.class)
                .hasMessage("where.$like: $like needs a string pattern such as \"J%\"; got Integer 5");
    }

    private static Expression.Param untyped(Object value) {
        return new Expression.Param(value, Option.none());
    }
}
