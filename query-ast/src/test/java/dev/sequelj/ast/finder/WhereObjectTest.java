package dev.sequelj.ast.finder;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.Expression;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.sequelj.ast.finder.Where.and;
import static dev.sequelj.ast.finder.Where.col;
import static dev.sequelj.ast.finder.Where.not;
import static dev.sequelj.ast.finder.Where.or;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The object form reads exactly as the typed builder writes the same condition. */
class WhereObjectTest {

    @Test
    void aValueIsEqualityNullIsIsNullAListIsIn() {
        Map<String, Object> where = new LinkedHashMap<>();
        where.put("firstName", "John");
        where.put("lastName", null);
        where.put("age", List.of(30, 40));

        assertThat(WhereObject.parse(where)).isEqualTo(
                and(col("firstName").eq("John"), col("lastName").isNull(), col("age").in(30, 40)));
    }

    @Test
    void aSingleConditionIsNotWrappedInAnAnd() {
        assertThat(WhereObject.parse(Map.of("firstName", "John"))).isEqualTo(col("firstName").eq("John"));
    }

    @Test
    void operatorsOnOneAttributeMustAllHold() {
        Map<Object, Object> range = new LinkedHashMap<>();
        range.put(Op.gte, 18);
        range.put("$lt", 65);
        assertThat(WhereObject.parse(Map.of("age", range))).isEqualTo(and(col("age").gte(18), col("age").lt(65)));
    }

    @Test
    void logicalOperatorsNestWithSymbolOrStringKeys() {
        Map<Object, Object> where = Map.of(Op.or, List.of(
                Map.of("a", 5),
                Map.of("$and", List.of(Map.of("b", Map.of("$ne", 6)), Map.of("$not", Map.of("c", Map.of("$like", "x%")))))));

        assertThat(WhereObject.parse(where)).isEqualTo(
                or(col("a").eq(5), and(col("b").ne(6), not(col("c").like("x%")))));
    }

    @Test
    void anOrGivenAsAMapHasOneOperandPerEntry() {
        Map<String, Object> alternatives = new LinkedHashMap<>();
        alternatives.put("a", 5);
        alternatives.put("b", null);
        assertThat(WhereObject.parse(Map.of("$or", alternatives))).isEqualTo(or(col("a").eq(5), col("b").isNull()));
    }

    @Test
    void neNullIsIsNotNullAndIsNullIsIsNull() {
        Map<String, Object> ne = new LinkedHashMap<>();
        ne.put("$ne", null);
        Map<String, Object> is = new LinkedHashMap<>();
        is.put("$is", null);
        assertThat(WhereObject.parse(Map.of("a", ne))).isEqualTo(new Expression.IsNull(column("a"), true));
        assertThat(WhereObject.parse(Map.of("a", is))).isEqualTo(new Expression.IsNull(column("a"), false));
    }

    @Test
    void inAcceptsArraysAndEmptyLists() {
        assertThat(WhereObject.parse(Map.of("a", Map.of("$notIn", new Integer[] {1, 2}))))
                .isEqualTo(col("a").notIn(1, 2));
        assertThat(WhereObject.parse(Map.of("a", Map.of("$in", List.of()))))
                .isEqualTo(new Expression.In(column("a"), Vector.empty(), false));
    }

    @Test
    void anUnknownOperatorSuggestsTheNearestOne() {
        assertThatThrownBy(() -> WhereObject.parse(Map.of("age", Map.of("$gtt", 18))))
                .isInstanceOf(ValidationError.class)
                .hasMessage("where.age.$gtt: unknown operator; did you mean $gt?");
    }

    @Test
    void anOperatorFarFromAnyKnownOneListsThemAll() {
        assertThatThrownBy(() -> WhereObject.parse(Map.of("age", Map.of("$greaterThan", 18))))
                .isInstanceOf(ValidationError.class)
                .hasMessage("where.age.$greaterThan: unknown operator; operators are $eq, $ne, $gt, $gte, $lt, $lte,"
                        + " $in, $notIn, $is, $not, $like, $notLike, $iLike, $notILike, $startsWith, $endsWith, $substring,"
                        + " $regexp, $notRegexp, $iRegexp, $notIRegexp, $between, $notBetween, $any, $all, $overlap,"
                        + " $contains, $contained, $adjacent, $strictLeft, $strictRight, $noExtendRight, $noExtendLeft,"
                        + " $match, $col, $and, $or");
    }

    @Test
    void inNeedsAList() {
        assertThatThrownBy(() -> WhereObject.parse(Map.of("age", Map.of("$in", 18))))
                .isInstanceOf(ValidationError.class)
                .hasMessage("where.age.$in: $in needs a list of values, e.g. [1, 2, 3]; got Integer 18");
    }

    @Test
    void orderingComparisonsNeedOneNonNullValue() {
        Map<String, Object> gtNull = new LinkedHashMap<>();
        gtNull.put("$gt", null);
        assertThatThrownBy(() -> WhereObject.parse(Map.of("age", gtNull)))
                .isInstanceOf(ValidationError.class)
                .hasMessage("where.age.$gt: $gt needs a value to compare with, not null");
        assertThatThrownBy(() -> WhereObject.parse(Map.of("age", Map.of("$gt", Arrays.asList(1, 2)))))
                .isInstanceOf(ValidationError.class)
                .hasMessage("where.age.$gt: $gt needs a single value, not a list");
    }

    @Test
    void likeNeedsAStringPattern() {
        assertThatThrownBy(() -> WhereObject.parse(Map.of("name", Map.of("$like", 5))))
                .isInstanceOf(ValidationError.class)
                .hasMessage("where.name.$like: $like needs a string pattern such as \"J%\"; got Integer 5");
    }

    @Test
    void logicalOperatorsInsideAnAttributeCombineItsConditions() {
        assertThat(WhereObject.parse(Map.of("a", Map.of("$or", List.of(1, Map.of("$gt", 5))))))
                .isEqualTo(or(col("a").eq(1), col("a").gt(5)));
        assertThat(WhereObject.parse(Map.of("a", Map.of("$and", Map.of("$gt", 1)))))
                .isEqualTo(and(col("a").gt(1)));
        assertThat(WhereObject.parse(Map.of("a", Map.of("$not", Map.of("$gt", 5)))))
                .isEqualTo(not(col("a").gt(5)));
    }

    @Test
    void anOrNeedsConditionMaps() {
        assertThatThrownBy(() -> WhereObject.parse(Map.of("$or", List.of(Map.of("a", 1), "b"))))
                .isInstanceOf(ValidationError.class)
                .hasMessage("where.$or[1]: expected a map of conditions, got String \"b\"");
    }

    private static Expression.Column column(String name) {
        return new Expression.Column(Option.none(), name);
    }
}
