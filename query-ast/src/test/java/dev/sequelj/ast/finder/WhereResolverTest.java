package dev.sequelj.ast.finder;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.ComparisonOperator;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.expression.Expression.ArrayValue;
import dev.sequelj.ast.expression.Expression.Column;
import dev.sequelj.ast.expression.Expression.JsonPath;
import dev.sequelj.ast.expression.Expression.Param;
import dev.sequelj.ast.expression.Expression.Quantified;
import dev.sequelj.ast.expression.Expression.Quantifier;
import dev.sequelj.ast.expression.JsonCast;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.model.ModelOptions;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.sequelj.ast.finder.Where.any;
import static dev.sequelj.ast.finder.Where.col;
import static dev.sequelj.ast.model.Attribute.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Resolving against a model: columns by field, values checked and typed, JSON paths given Sequelize's
 * casts, and operators refused where the attribute's type has no meaning for them.
 */
class WhereResolverTest {
    private static final ModelDefinition USER = ModelDefinition.define("user", List.of(
            attribute("name", DataTypes.STRING).field("full_name"),
            attribute("age", DataTypes.INTEGER),
            attribute("minAge", DataTypes.INTEGER).field("min_age"),
            attribute("active", DataTypes.BOOLEAN),
            attribute("born", DataTypes.DATE),
            attribute("meta", DataTypes.JSON),
            attribute("data", DataTypes.JSONB)), ModelOptions.options().timestamps(false), word -> word + "s");

    private static Expression resolve(Expression where) {
        return WhereResolver.resolve(USER, where);
    }

    private static Expression resolve(Map<?, ?> where) {
        return WhereResolver.resolve(USER, WhereObject.parse(where));
    }

    @Test
    void valuesAreTypedByTheirAttributeAndColumnsNamedByField() {
        assertThat(resolve(col("name").between("A", "M"))).isEqualTo(new Expression.Between(
                column("full_name"), typed("A", DataTypes.STRING), typed("M", DataTypes.STRING), false));
        assertThat(resolve(col("born").gt(Instant.parse("2024-01-15T10:30:45.123456Z")))).isEqualTo(new Expression.Comparison(
                column("born"), ComparisonOperator.GT, typed(Instant.parse("2024-01-15T10:30:45.123Z"), DataTypes.DATE)));
        assertThat(resolve(col("age").gt(any(1, 2L)))).isEqualTo(new Expression.Comparison(column("age"), ComparisonOperator.GT,
                new Quantified(Quantifier.ANY, new ArrayValue(Vector.of(typed(1, DataTypes.INTEGER), typed(2, DataTypes.INTEGER)),
                        Option.none()))));
        assertThat(resolve(col("name").startsWith("Jo"))).isEqualTo(new Expression.Comparison(
                column("full_name"), ComparisonOperator.LIKE, typed("Jo%", DataTypes.STRING)));
        assertThat(resolve(col("active").not(true))).isEqualTo(new Expression.IsBoolean(column("active"), true, true));
    }

    @Test
    void withoutAQualifierColumnsAreNamedByFieldAlone() {
        Column name = new Column(Option.none(), "full_name");
        assertThat(WhereResolver.resolve(USER, col("name").eq("Ann").or(col("meta.a").eq(1)), Option.none()))
                .isEqualTo(new Expression.Or(Vector.of(
                        new Expression.Comparison(name, ComparisonOperator.EQ, typed("Ann", DataTypes.STRING)),
                        new Expression.Comparison(new JsonPath(new Column(Option.none(), "meta"), Vector.of("a"),
                                Option.some(JsonCast.DOUBLE_PRECISION)), ComparisonOperator.EQ, p(1)))));
    }

    @Test
    void colNamesAnotherAttributeOfTheModelByNameOrQualified() {
        Expression expected = new Expression.Comparison(column("age"), ComparisonOperator.GTE, column("min_age"));
        assertThat(resolve(col("age").gte(col("minAge")))).isEqualTo(expected);
        assertThat(resolve(Map.of("age", Map.of("$gte", Map.of("$col", "user.minAge"))))).isEqualTo(expected);
        assertThat(resolve(Map.of("name", Map.of("$col", "name")))).isEqualTo(
                new Expression.Comparison(column("full_name"), ComparisonOperator.EQ, column("full_name")));
    }

    @Test
    void jsonPathsGetTheCastSequelizeGivesTheComparedValue() {
        assertThat(resolve(Map.of("meta", Map.of("a", 1)))).isEqualTo(new Expression.Comparison(
                json("meta", JsonCast.DOUBLE_PRECISION, "a"), ComparisonOperator.EQ, p(1)));
        assertThat(resolve(Map.of("meta.a", true))).isEqualTo(new Expression.Comparison(
                json("meta", JsonCast.BOOLEAN, "a"), ComparisonOperator.EQ, p(true)));
        assertThat(resolve(Map.of("data.a.b", "x"))).isEqualTo(new Expression.Comparison(
                json("data", null, "a", "b"), ComparisonOperator.EQ, p("x")));
        assertThat(resolve(Map.of("meta.a::integer", Map.of("$gt", 1.5)))).isEqualTo(new Expression.Comparison(
                json("meta", JsonCast.INTEGER, "a"), ComparisonOperator.GT, p(1.5)));
        assertThat(resolve(Map.of("meta.a", Map.of("$like", "x%")))).isEqualTo(new Expression.Comparison(
                json("meta", null, "a"), ComparisonOperator.LIKE, p("x%")));
        assertThat(resolve(Map.of("meta.a", Map.of("$in", Arrays.asList(null, 2, 3))))).isEqualTo(new Expression.In(
                json("meta", JsonCast.DOUBLE_PRECISION, "a"), Vector.of(p(null), p(2), p(3)), false));
        assertThat(resolve(Map.of("meta.a", Map.of("$notBetween", List.of(1, 2))))).isEqualTo(new Expression.Between(
                json("meta", JsonCast.DOUBLE_PRECISION, "a"), p(1), p(2), true));
        assertThat(resolve(Map.of("meta.a", Map.of("$not", false)))).isEqualTo(new Expression.IsBoolean(
                json("meta", JsonCast.BOOLEAN, "a"), false, true));
        assertThat(resolve(Map.of("meta.a", java.util.Collections.singletonMap("$is", null)))).isEqualTo(new Expression.IsNull(
                json("meta", null, "a"), false));
    }

    @Test
    void aJsonbAttributeComparesDocumentsByContainment() {
        Map<String, Object> document = Map.of("tags", List.of("a"));
        assertThat(resolve(Map.of("data", Map.of("$contains", document)))).isEqualTo(new Expression.Comparison(
                column("data"), ComparisonOperator.CONTAINS, typed(document, DataTypes.JSONB)));
        assertThat(resolve(col("data").contained(List.of(1, 2)))).isEqualTo(new Expression.Comparison(
                column("data"), ComparisonOperator.CONTAINED, typed(List.of(1, 2), DataTypes.JSONB)));
    }

    @Test
    void anEmptyQuantifiedListStaysForTheRendererToDecide() {
        assertThat(resolve(Map.of("age", Map.of("$all", List.of())))).isEqualTo(new Expression.Comparison(column("age"),
                ComparisonOperator.EQ, new Quantified(Quantifier.ALL, new ArrayValue(Vector.empty(), Option.none()))));
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> refusals() {
        return Stream.of(
                arguments(col("age").overlap(List.of(1, 2)), "where.age (OVERLAP): $overlap compares arrays and ranges; user.age is INTEGER"),
                arguments(col("name").contains("a"), "where.name (CONTAINS): $contains compares arrays, ranges and JSONB documents; user.name is STRING(255)"),
                arguments(col("meta").contains(Map.of("a", 1)), "where.meta (CONTAINS): $contains compares JSON documents by containment, which only JSONB can; user.meta is JSON (declare it DataTypes.JSONB)"),
                arguments(col("data").contains(Instant.EPOCH), "where.data (CONTAINS): user.data is JSONB and cannot take Instant 1970-01-01T00:00:00Z; allowed: Map (string keys), List, String, Number, Boolean or null, nested"),
                arguments(col("age").adjacent(1, 5), "where.age (ADJACENT): $adjacent compares ranges; user.age is INTEGER"),
                arguments(col("age").like("1%"), "where.age (LIKE): $like compares text; user.age is INTEGER"),
                arguments(col("born").regexp("^2024"), "where.born (REGEXP): $regexp compares text; user.born is DATE (compare dates with $gte/$lt or $between)"),
                arguments(col("age").match("x"), "where.age (MATCH): $match compares text; user.age is INTEGER"),
                arguments(col("age").like(any("1%")), "where.age (LIKE): $like compares text; user.age is INTEGER"),
                arguments(col("age").is(true), "where.age (IS): IS true tests a BOOLEAN; user.age is INTEGER (compare it with $eq, or test it for null)"),
                arguments(col("age").not(false), "where.age (IS NOT): IS NOT false tests a BOOLEAN; user.age is INTEGER (compare it with $eq, or test it for null)"),
                arguments(col("age").between("a", "b"), "where.age (BETWEEN): user.age is INTEGER and cannot take String \"a\"; allowed: Integer, Short, Byte, or a Long/BigInteger within 32 bits"),
                arguments(col("age").any(1, "two"), "where.age (EQ): user.age is INTEGER and cannot take String \"two\"; allowed: Integer, Short, Byte, or a Long/BigInteger within 32 bits"),
                arguments(col("meta").eq("x"), "where.meta (EQ): $eq does not compare a whole JSON document; compare a value inside it, e.g. {\"meta\": {\"key\": value}}, or test it for null"),
                arguments(col("data").in("x"), "where.data (EQ): $eq does not compare a whole JSON document; compare a value inside it, e.g. {\"data\": {\"key\": value}}, or test it for null"),
                arguments(col("name.first").eq("Ann"), "where.name.first: user.name is STRING(255), not JSON; a path such as name.key reaches only into a JSON or JSONB attribute"),
                arguments(col("agee.first").eq("Ann"), "where.agee.first: model 'user' has no attribute 'agee'; did you mean age?; its attributes are id, name, age, minAge, active, born, meta, data"),
                arguments(col("meta.since").gt(Instant.EPOCH), "where.meta.since (GT): a value inside JSON compares with a String, a finite Number, a Boolean or null; got Instant 1970-01-01T00:00:00Z"),
                arguments(col("meta.tags").overlap(List.of("a")), "where.meta.tags (OVERLAP): $overlap does not apply to a value inside JSON; use $eq, $ne, $gt, $gte, $lt, $lte, $in, $between, $like or $regexp there"),
                arguments(col("age").eq(col("nam")), "where.age (EQ): $col: model 'user' has no attribute 'nam'; did you mean name?; its attributes are id, name, age, minAge, active, born, meta, data"),
                arguments(col("age").eq(col("post.id")), "where.age (EQ): $col 'post.id' names another model's attribute; only user's attributes can be compared here (\"user.<attribute>\" or \"<attribute>\")"),
                arguments(col("age").overlap(col("minAge")), "where.age (OVERLAP): $overlap cannot compare with another attribute's column"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refusals")
    void operatorsThatDoNotFitTheAttributeTypeAreRefused(Expression where, String message) {
        assertThatThrownBy(() -> resolve(where)).isInstanceOf(ValidationError.class).hasMessage(message);
    }

    private static Column column(String field) {
        return new Column(Option.some("user"), field);
    }

    private static JsonPath json(String field, JsonCast cast, String... path) {
        return new JsonPath(column(field), Vector.of(path), Option.of(cast));
    }

    private static Param p(Object value) {
        return new Param(value, Option.none());
    }

    private static Param typed(Object value, DataType type) {
        return new Param(value, Option.some(type));
    }
}
