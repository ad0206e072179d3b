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
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.sequelj.ast.finder.Where.all;
import static dev.sequelj.ast.finder.Where.any;
import static dev.sequelj.ast.finder.Where.col;
import static dev.sequelj.ast.finder.Where.not;
import static dev.sequelj.ast.finder.Where.or;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every Sequelize operator, read from the object form and built with the typed builder: both give the
 * same unresolved condition, shown here as the AST it is. Values are checked against the model later
 * ({@link WhereResolverTest}); SQL is pinned per dialect by the golden cases and the renderer tests.
 */
class WhereOperatorsTest {

    static Stream<org.junit.jupiter.params.provider.Arguments> operators() {
        return Stream.of(
                arguments("$eq", 5, col("a").eq(5), compare(ComparisonOperator.EQ, 5)),
                arguments("$eq", null, col("a").eq(null), new Expression.IsNull(a(), false)),
                arguments("$ne", 5, col("a").ne(5), compare(ComparisonOperator.NE, 5)),
                arguments("$gt", 5, col("a").gt(5), compare(ComparisonOperator.GT, 5)),
                arguments("$gte", 5, col("a").gte(5), compare(ComparisonOperator.GTE, 5)),
                arguments("$lt", 5, col("a").lt(5), compare(ComparisonOperator.LT, 5)),
                arguments("$lte", 5, col("a").lte(5), compare(ComparisonOperator.LTE, 5)),
                arguments("$in", List.of(1, 2), col("a").in(1, 2), new Expression.In(a(), params(1, 2), false)),
                arguments("$notIn", List.of(1, 2), col("a").notIn(1, 2), new Expression.In(a(), params(1, 2), true)),
                arguments("$is", true, col("a").is(true), new Expression.IsBoolean(a(), true, false)),
                arguments("$is", null, col("a").isNull(), new Expression.IsNull(a(), false)),
                arguments("$not", false, col("a").not(false), new Expression.IsBoolean(a(), false, true)),
                arguments("$not", null, col("a").isNotNull(), new Expression.IsNull(a(), true)),
                arguments("$not", 5, col("a").not(5), compare(ComparisonOperator.NE, 5)),
                arguments("$not", List.of(1, 2), col("a").not(List.of(1, 2)), new Expression.In(a(), params(1, 2), true)),
                arguments("$like", "J%", col("a").like("J%"), compare(ComparisonOperator.LIKE, "J%")),
                arguments("$notLike", "J%", col("a").notLike("J%"), compare(ComparisonOperator.NOT_LIKE, "J%")),
                arguments("$iLike", "j%", col("a").iLike("j%"), compare(ComparisonOperator.ILIKE, "j%")),
                arguments("$notILike", "j%", col("a").notILike("j%"), compare(ComparisonOperator.NOT_ILIKE, "j%")),
                arguments("$startsWith", "Jo", col("a").startsWith("Jo"), compare(ComparisonOperator.LIKE, "Jo%")),
                arguments("$endsWith", "hn", col("a").endsWith("hn"), compare(ComparisonOperator.LIKE, "%hn")),
                arguments("$substring", "o_h", col("a").substring("o_h"), compare(ComparisonOperator.LIKE, "%o_h%")),
                arguments("$regexp", "^J", col("a").regexp("^J"), compare(ComparisonOperator.REGEXP, "^J")),
                arguments("$notRegexp", "^J", col("a").notRegexp("^J"), compare(ComparisonOperator.NOT_REGEXP, "^J")),
                arguments("$iRegexp", "^j", col("a").iRegexp("^j"), compare(ComparisonOperator.IREGEXP, "^j")),
                arguments("$notIRegexp", "^j", col("a").notIRegexp("^j"), compare(ComparisonOperator.NOT_IREGEXP, "^j")),
                arguments("$between", List.of(1, 5), col("a").between(1, 5), new Expression.Between(a(), p(1), p(5), false)),
                arguments("$notBetween", List.of(1, 5), col("a").notBetween(1, 5), new Expression.Between(a(), p(1), p(5), true)),
                arguments("$any", List.of(1, 2), col("a").any(1, 2), new Expression.Comparison(a(), ComparisonOperator.EQ, quantified(Quantifier.ANY, 1, 2))),
                arguments("$all", List.of(1, 2), col("a").all(1, 2), new Expression.Comparison(a(), ComparisonOperator.EQ, quantified(Quantifier.ALL, 1, 2))),
                arguments("$overlap", List.of(1, 2), col("a").overlap(List.of(1, 2)), compare(ComparisonOperator.OVERLAP, List.of(1, 2))),
                arguments("$contains", Map.of("k", 1), col("a").contains(Map.of("k", 1)), compare(ComparisonOperator.CONTAINS, Map.of("k", 1))),
                arguments("$contained", List.of(1, 2), col("a").contained(List.of(1, 2)), compare(ComparisonOperator.CONTAINED, List.of(1, 2))),
                arguments("$adjacent", List.of(1, 5), col("a").adjacent(1, 5), compare(ComparisonOperator.ADJACENT, List.of(1, 5))),
                arguments("$strictLeft", List.of(1, 5), col("a").strictLeft(1, 5), compare(ComparisonOperator.STRICT_LEFT, List.of(1, 5))),
                arguments("$strictRight", List.of(1, 5), col("a").strictRight(1, 5), compare(ComparisonOperator.STRICT_RIGHT, List.of(1, 5))),
                arguments("$noExtendRight", List.of(1, 5), col("a").noExtendRight(1, 5), compare(ComparisonOperator.NO_EXTEND_RIGHT, List.of(1, 5))),
                arguments("$noExtendLeft", List.of(1, 5), col("a").noExtendLeft(1, 5), compare(ComparisonOperator.NO_EXTEND_LEFT, List.of(1, 5))),
                arguments("$match", "fat & rat", col("a").match("fat & rat"), compare(ComparisonOperator.MATCH, "fat & rat")),
                arguments("$col", "b", col("a").col("b"), new Expression.Comparison(a(), ComparisonOperator.EQ, column("b"))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("operators")
    void bothFormsBuildTheSameCondition(String operator, Object value, Expression typed, Expression expected) {
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put(operator, value);

        assertThat(WhereObject.parse(Map.of("a", condition))).isEqualTo(expected).hasSameHashCodeAs(expected);
        assertThat(typed).isEqualTo(expected).hasSameHashCodeAs(expected);
    }

    @Test
    void everyOperatorHasACase() {
        assertThat(operators().map(arguments -> (String) arguments.get()[0]).distinct())
                .containsExactlyInAnyOrderElementsOf(Op.keys().filter(key -> !key.equals("$and") && !key.equals("$or")));
    }

    @Test
    void quantifiedComparisonsAndColumnsAreValuesOfOtherOperators() {
        assertThat(WhereObject.parse(Map.of("a", Map.of("$gt", Map.of("$any", List.of(1, 2))))))
                .isEqualTo(col("a").gt(any(1, 2)))
                .isEqualTo(new Expression.Comparison(a(), ComparisonOperator.GT, quantified(Quantifier.ANY, 1, 2)));
        assertThat(WhereObject.parse(Map.of("a", Map.of("$notLike", Map.of("$all", List.of("x%", "y%"))))))
                .isEqualTo(col("a").notLike(all("x%", "y%")));
        assertThat(WhereObject.parse(Map.of("a", Map.of("$lt", Map.of("$col", "b")))))
                .isEqualTo(col("a").lt(col("b")))
                .isEqualTo(new Expression.Comparison(a(), ComparisonOperator.LT, column("b")));
        assertThat(WhereObject.parse(Map.of("a", Map.of("$any", List.of()))))
                .isEqualTo(new Expression.Comparison(a(), ComparisonOperator.EQ,
                        new Quantified(Quantifier.ANY, new ArrayValue(Vector.empty(), Option.none()))));
    }

    @Test
    void conditionsChainWithAndAndOr() {
        Expression chained = col("a").gt(1).and(col("b").eq(2)).and(col("c").eq(3)).or(col("d").isNull());

        assertThat(chained).isEqualTo(or(Where.and(col("a").gt(1), col("b").eq(2), col("c").eq(3)), col("d").isNull()));
        // The typed builder keeps its operands in Arrays, the object form in Vectors: the same condition either way.
        Expression typed = Where.and(col("a").eq(1), col("b").in(2, 3));
        Expression object = WhereObject.parse(Map.of("$and", List.of(Map.of("a", 1), Map.of("b", List.of(2, 3)))));
        assertThat(typed).isEqualTo(object).hasSameHashCodeAs(object);
        assertThat(object).isEqualTo(typed);
        assertThat(WhereObject.parse(Map.of("$not", Map.of("$or", List.of(Map.of("a", 1), Map.of("b", 2))))))
                .isEqualTo(not(col("a").eq(1).or(col("b").eq(2))));
    }

    // ---- JSON paths ------------------------------------------------------------------------------------

    @Test
    void aNestedObjectADottedKeyAndTheTypedFormNameTheSamePath() {
        JsonPath city = new JsonPath(column("meta"), Vector.of("address", "city"), Option.none());
        Expression expected = new Expression.Comparison(city, ComparisonOperator.EQ, p("Oslo"));

        assertThat(WhereObject.parse(Map.of("meta", Map.of("address", Map.of("city", "Oslo"))))).isEqualTo(expected);
        assertThat(WhereObject.parse(Map.of("meta.address.city", "Oslo"))).isEqualTo(expected);
        assertThat(WhereObject.parse(Map.of("meta", Map.of("address.city", "Oslo")))).isEqualTo(expected);
        assertThat(col("meta.address.city").eq("Oslo")).isEqualTo(expected);
    }

    @Test
    void pathsTakeArrayIndexesAndACastOnTheLastKey() {
        assertThat(WhereObject.parse(Map.of("meta.items[0][2].name", "x"))).isEqualTo(new Expression.Comparison(
                new JsonPath(column("meta"), Vector.of("items", "0", "2", "name"), Option.none()), ComparisonOperator.EQ, p("x")));
        assertThat(WhereObject.parse(Map.of("meta", Map.of("age::integer", Map.of("$gt", 5))))).isEqualTo(new Expression.Comparison(
                new JsonPath(column("meta"), Vector.of("age"), Option.some(JsonCast.INTEGER)), ComparisonOperator.GT, p(5)));
        assertThat(col("meta.price::Double Precision").lt(9.5)).isEqualTo(new Expression.Comparison(
                new JsonPath(column("meta"), Vector.of("price"), Option.some(JsonCast.DOUBLE_PRECISION)), ComparisonOperator.LT, p(9.5)));
    }

    @Test
    void operatorsAndLogicMixWithKeysInsideAJsonAttribute() {
        JsonPath a = new JsonPath(column("meta"), Vector.of("a"), Option.none());
        JsonPath b = new JsonPath(column("meta"), Vector.of("b"), Option.none());
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("$ne", null);
        meta.put("$or", List.of(Map.of("a", 1), Map.of("b", Map.of("$in", List.of(2, 3)))));

        assertThat(WhereObject.parse(Map.of("meta", meta))).isEqualTo(Where.and(
                new Expression.IsNull(column("meta"), true),
                or(new Expression.Comparison(a, ComparisonOperator.EQ, p(1)), new Expression.In(b, params(2, 3), false))));
    }

    // ---- shape mistakes, named by path ---------------------------------------------------------------

    static Stream<org.junit.jupiter.params.provider.Arguments> mistakes() {
        return Stream.of(
                arguments(Map.of("a", Map.of("$between", List.of(1))), "where.a.$between: $between needs exactly two values, e.g. [18, 65]; got list [1]"),
                arguments(Map.of("a", Map.of("$between", 5)), "where.a.$between: $between needs exactly two values, e.g. [18, 65]; got Integer 5"),
                arguments(Map.of("a", Map.of("$notBetween", Arrays.asList(null, 5))), "where.a.$notBetween: $notBetween needs two non-null bounds; got list [null, 5]"),
                arguments(Map.of("a", Map.of("$in", "x")), "where.a.$in: $in needs a list of values, e.g. [1, 2, 3]; got String \"x\""),
                arguments(Map.of("a", Map.of("$like", 5)), "where.a.$like: $like needs a string pattern such as \"J%\"; got Integer 5"),
                arguments(Map.of("a", Map.of("$startsWith", List.of("x"))), "where.a.$startsWith: $startsWith needs a string; got list [\"x\"]"),
                arguments(Map.of("a", Map.of("$regexp", true)), "where.a.$regexp: $regexp needs a string; got Boolean true"),
                arguments(Map.of("a", Map.of("$any", 5)), "where.a.$any: $any needs a list of values, e.g. [1, 2]; got Integer 5"),
                arguments(Map.of("a", Map.of("$gt", Map.of("$all", Arrays.asList(1, null)))), "where.a.$gt.$all: $all compares with each value; null is never equal to anything, so leave it out (or add an {\"$is\": null} alternative)"),
                arguments(Map.of("a", Map.of("$is", "yes")), "where.a.$is: $is accepts only null, true or false; use $eq to compare with String \"yes\""),
                arguments(Map.of("a", Map.of("$col", 5)), "where.a.$col: $col names another attribute, e.g. \"lastName\"; got Integer 5"),
                arguments(Map.of("a", Map.of("$gt", Map.of("$col", 5))), "where.a.$gt.$col: $col names another attribute, e.g. \"lastName\"; got Integer 5"),
                arguments(Map.of("a", Map.of("$adjacent", List.of(1, 2, 3))), "where.a.$adjacent: $adjacent needs exactly two values, e.g. [1, 10]; got list [1, 2, 3]"),
                arguments(Map.of("a", Map.of("$or", 5)), "where.a.$or: expected a list of values or operator maps, e.g. [5, {\"$gt\": 10}], got Integer 5"),
                arguments(Map.of("meta.age::number", 5), "where.meta.age::number: unknown cast ::number; casts are ::integer, ::int, ::smallint, ::bigint, ::float, ::real, ::double precision, ::decimal, ::numeric, ::boolean, ::text, ::char, ::varchar, ::nvarchar, ::date, ::timestamp, ::timestamptz, ::datetime, ::json, ::jsonb, ::signed, ::unsigned"),
                arguments(Map.of("meta", Map.of("a::text", Map.of("b", 1))), "where.meta.a::text.b: the cast ::text must end the JSON path; nothing can follow it"),
                arguments(Map.of("meta..a", 1), "where.meta..a: a JSON path has an empty key; write keys as a.b.c"),
                arguments(Map.of("meta.items[x]", 1), "where.meta.items[x]: 'items[x]' is not a JSON key with array indexes such as items[0]"),
                arguments(Map.of("$gt", 5), "where.$gt: $gt compares an attribute; put it under one, e.g. {\"age\": {\"$gt\": ...}}"),
                arguments(Map.of("a", Map.of("$lte", Map.of("$gtt", 2))), "where.a.$lte.$gtt: unknown operator; did you mean $gt?"),
                arguments(Map.of("a", Map.of("$lte", Map.of("b", 2))), "where.a.$lte: $lte needs a value, not a map"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("mistakes")
    void shapeMistakesAreRefusedWithThePathOfTheKey(Map<?, ?> where, String message) {
        assertThatThrownBy(() -> WhereObject.parse(where)).isInstanceOf(ValidationError.class).hasMessage(message);
    }

    @Test
    void theTypedBuilderRefusesTheSameShapesAtOnce() {
        assertThatThrownBy(() -> col("age").between(1, null)).isInstanceOf(ValidationError.class)
                .hasMessage("where.age.$between: $between needs two non-null bounds; got list [1, null]");
        assertThatThrownBy(() -> col("age").gt(null)).isInstanceOf(ValidationError.class)
                .hasMessage("where.age.$gt: $gt needs a value to compare with, not null");
        assertThatThrownBy(() -> col("name").like(5)).isInstanceOf(ValidationError.class)
                .hasMessage("where.name.$like: $like needs a string pattern such as \"J%\"; got Integer 5");
        assertThatThrownBy(() -> col("meta.x::money").eq(1)).isInstanceOf(ValidationError.class)
                .hasMessageStartingWith("where.meta.x::money.$eq: unknown cast ::money; casts are ::integer");
    }

    private static Column a() {
        return column("a");
    }

    private static Column column(String name) {
        return new Column(Option.none(), name);
    }

    private static Param p(Object value) {
        return new Param(value, Option.none());
    }

    private static Vector<Expression> params(Object... values) {
        return Vector.of(values).map(WhereOperatorsTest::p);
    }

    private static Quantified quantified(Quantifier quantifier, Object... values) {
        return new Quantified(quantifier, new ArrayValue(params(values), Option.none()));
    }

    private static Expression compare(ComparisonOperator operator, Object value) {
        return new Expression.Comparison(a(), operator, p(value));
    }
}
