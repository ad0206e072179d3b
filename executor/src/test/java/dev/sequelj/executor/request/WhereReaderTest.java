package dev.sequelj.executor.request;

import dev.sequelj.ast.error.UnsupportedFeatureError;
import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.render.Sql;
import dev.sequelj.render.SqlRenderer;
import dev.sequelj.render.dialect.Dialects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How a where object in a request is read: which strings become dates, how JSON paths and documents
 * arrive, and how a mistake anywhere in the object names its JSON path. The SQL of every operator is
 * pinned by the golden cases ({@code op-*}, {@code where-*}, {@code json-*}).
 */
class WhereReaderTest {
    private static final RequestReader READER = RequestReader.atOracleTime();
    private static final String MODEL = """
            "models": {"user": {"attributes": {"name": "STRING", "age": "INTEGER", "born": "DATE", "meta": "JSON",
                                               "data": "JSONB"},
                                "options": {"timestamps": false}}},
            "model": "user", "method": "findAll"
            """;

    private static Sql render(String where) {
        Statement select = READER.read("{" + MODEL + ", \"args\": [{\"where\": " + where + "}]}").statements().get(0);
        return SqlRenderer.render(select, Dialects.POSTGRES);
    }

    private static String whereOf(String where) {
        String text = render(where).text();
        return text.substring(text.indexOf(" WHERE ") + " WHERE ".length(), text.length() - 1);
    }

    @Test
    void isoTextBecomesADateWhereTheOperatorComparesDates() {
        Sql sql = render("""
                {"born": {"$between": ["2024-01-01T00:00:00Z", "2024-02-01T00:00:00+01:00"],
                          "$notIn": ["2000-01-01T00:00:00Z"], "$or": [{"$gt": "2030-01-01T00:00:00Z"}, null]}}""");

        assertThat(sql.params()).containsExactly(
                OffsetDateTime.parse("2024-01-01T00:00Z"), OffsetDateTime.parse("2024-01-31T23:00Z"),
                OffsetDateTime.parse("2000-01-01T00:00Z"), OffsetDateTime.parse("2030-01-01T00:00Z"));
    }

    @Test
    void textOperatorsAndJsonPathsKeepTheirStrings() {
        assertThat(whereOf("{\"born\": {\"$col\": \"name\"}}")).isEqualTo("\"user\".\"born\" = \"user\".\"name\"");
        assertThatThrownBy(() -> render("{\"born\": {\"$startsWith\": \"2024-\"}}")).isInstanceOf(ValidationError.class)
                .hasMessage("args[0].where.born (LIKE): $like compares text; user.born is DATE (compare dates with $gte/$lt or $between)");
        assertThat(render("{\"meta.since\": {\"$gte\": \"2024-01-01T00:00:00Z\"}}").params()).containsExactly("2024-01-01T00:00:00Z");
    }

    @Test
    void aJsonbDocumentArrivesAsNestedMapsAndListsAndIsSentAsJsonText() {
        Sql sql = render("{\"data\": {\"$contains\": {\"tags\": [\"a\", {\"$x\": 1}], \"n\": 1.5, \"ok\": true, \"none\": null}}}");

        assertThat(sql.text()).endsWith(" WHERE \"user\".\"data\" @> CAST(? AS JSONB);");
        assertThat(sql.params()).containsExactly("{\"tags\":[\"a\",{\"$x\":1}],\"n\":1.5,\"ok\":true,\"none\":null}");
    }

    @Test
    void nestedObjectsAndDottedKeysReachIntoJson() {
        assertThat(whereOf("{\"meta\": {\"address\": {\"city\": \"Oslo\"}}, \"meta.age::integer\": {\"$gte\": 18}}"))
                .isEqualTo("(\"user\".\"meta\"#>>'{address,city}') = ? AND CAST((\"user\".\"meta\"#>>'{age}') AS INTEGER) >= ?");
        assertThat(render("{\"meta\": {\"address\": {\"city\": \"Oslo\"}}, \"meta.age::integer\": {\"$gte\": 18}}").params())
                .containsExactly("Oslo", 18);
    }

    @Test
    void aDialectThatLacksAnOperatorRefusesItWhenRendering() {
        Statement select = READER.read("{" + MODEL + ", \"args\": [{\"where\": {\"name\": {\"$iLike\": \"a%\"}}}]}")
                .statements().get(0);

        assertThat(SqlRenderer.render(select, Dialects.POSTGRES).text()).endsWith(" WHERE \"user\".\"name\" ILIKE ?;");
        assertThatThrownBy(() -> SqlRenderer.render(select, Dialects.MYSQL)).isInstanceOf(UnsupportedFeatureError.class)
                .hasMessage("Op.iLike ($iLike) is not supported on mysql; it works on postgres");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            misspelt deep operator | {"$or": [{"age": 1}, {"$not": {"age": {"$lte": {"$gtt": 1}}}}]} | args[0].where.$or[1].$not.age.$lte.$gtt: unknown operator; did you mean $gt?
            unknown JSON attribute | {"$and": [{"metaa.city": "Oslo"}]}                              | args[0].where.$and[0].metaa.city: model 'user' has no attribute 'metaa'; did you mean meta?; its attributes are id, name, age, born, meta, data
            path into a STRING     | {"name": {"first": "Ann"}}                                      | args[0].where.name.first: user.name is STRING(255), not JSON; a path such as name.key reaches only into a JSON or JSONB attribute
            between shape          | {"age": {"$between": [1]}}                                      | args[0].where.age.$between: $between needs exactly two values, e.g. [18, 65]; got list [1]
            in with a scalar       | {"age": {"$in": 3}}                                             | args[0].where.age.$in: $in needs a list of values, e.g. [1, 2, 3]; got Integer 3
            like with a number     | {"name": {"$like": 3}}                                          | args[0].where.name.$like: $like needs a string pattern such as "J%"; got Integer 3
            overlap on INTEGER     | {"age": {"$overlap": [1, 2]}}                                   | args[0].where.age (OVERLAP): $overlap compares arrays and ranges; user.age is INTEGER
            contains on STRING     | {"name": {"$contains": "a"}}                                    | args[0].where.name (CONTAINS): $contains compares arrays, ranges and JSONB documents; user.name is STRING(255)
            date in a between      | {"born": {"$between": ["2024-01-01", "2024-02-01T00:00:00Z"]}}  | args[0].where.born.$between[0]: '2024-01-01' is not an ISO-8601 date-time with an offset, such as 2024-01-15T10:30:45.123Z
            unknown cast           | {"meta.age::num": 1}                                            | args[0].where.meta.age::num: unknown cast ::num; casts are ::integer, ::int, ::smallint, ::bigint, ::float, ::real, ::double precision, ::decimal, ::numeric, ::boolean, ::text, ::char, ::varchar, ::nvarchar, ::date, ::timestamp, ::timestamptz, ::datetime, ::json, ::jsonb, ::signed, ::unsigned
            """)
    void aMistakeNamesItsJsonPath(String mistake, String where, String message) {
        assertThatThrownBy(() -> render(where)).isInstanceOf(ValidationError.class).hasMessage(message);
    }
}
