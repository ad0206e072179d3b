package dev.sequelj.render;

import dev.sequelj.ast.error.UnsupportedFeatureError;
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
import dev.sequelj.ast.statement.SelectColumn;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.ast.statement.TableName;
import dev.sequelj.render.dialect.Dialect;
import dev.sequelj.render.dialect.Dialects;
import io.vavr.collection.Array;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The where-clause nodes beyond plain comparisons, rendered for every dialect, and the refusals of the
 * dialects that lack them. Requests reach most of these through the golden cases; the array and range
 * values need attribute types that only some models have, so they are pinned here on the AST itself.
 */
class WhereRenderingTest {

    @Test
    void betweenAndTruthTestsAreSinglePredicatesThatNeedNoParentheses() {
        Expression where = new Expression.Or(Vector.of(
                new Expression.Between(column("a"), p(1), p(5), false),
                new Expression.And(Vector.of(new Expression.Between(column("a"), p(7), p(9), true),
                        new Expression.IsBoolean(column("b"), true, true)))));
        assertThat(whereOf(Dialects.POSTGRES, where))
                .isEqualTo("\"t\".\"a\" BETWEEN ? AND ? OR (\"t\".\"a\" NOT BETWEEN ? AND ? AND \"t\".\"b\" IS NOT true)");
        assertThat(whereOf(Dialects.MYSQL, where)).isEqualTo(whereOf(Dialects.MARIADB, where))
                .isEqualTo("`t`.`a` BETWEEN ? AND ? OR (`t`.`a` NOT BETWEEN ? AND ? AND `t`.`b` IS NOT true)");
        assertThat(whereOf(Dialects.SQLITE, where))
                .isEqualTo("`t`.`a` BETWEEN ? AND ? OR (`t`.`a` NOT BETWEEN ? AND ? AND `t`.`b` IS NOT 1)");
        refuses(Dialects.MSSQL, where, "IS TRUE / IS FALSE (Op.is with true or false, Op.not with true or false) is not"
                + " supported on mssql; it works on postgres, mysql, mariadb, sqlite");
    }

    @Test
    void eachDialectSpellsTheOperatorsItHasAndRefusesTheRest() {
        record Case(ComparisonOperator operator, String postgres, String mysql, String sqlite, String mssql) {
            /** How the dialect spells the operator; null where it refuses it. */
            String spelling(Dialect dialect) {
                return switch (dialect.name()) {
                    case "postgres" -> postgres;
                    case "mysql", "mariadb" -> mysql;
                    case "sqlite" -> sqlite;
                    default -> mssql;
                };
            }
        }
        List<Case> cases = List.of(
                new Case(ComparisonOperator.LIKE, " LIKE ", " LIKE ", " LIKE ", " LIKE "),
                new Case(ComparisonOperator.NOT_LIKE, " NOT LIKE ", " NOT LIKE ", " NOT LIKE ", " NOT LIKE "),
                new Case(ComparisonOperator.ILIKE, " ILIKE ", null, null, null),
                new Case(ComparisonOperator.NOT_ILIKE, " NOT ILIKE ", null, null, null),
                new Case(ComparisonOperator.REGEXP, " ~ ", " REGEXP ", null, null),
                new Case(ComparisonOperator.NOT_REGEXP, " !~ ", " NOT REGEXP ", null, null),
                new Case(ComparisonOperator.IREGEXP, " ~* ", null, null, null),
                new Case(ComparisonOperator.NOT_IREGEXP, " !~* ", null, null, null),
                new Case(ComparisonOperator.OVERLAP, " && ", null, null, null),
                new Case(ComparisonOperator.CONTAINS, " @> ", null, null, null),
                new Case(ComparisonOperator.CONTAINED, " <@ ", null, null, null),
                new Case(ComparisonOperator.ADJACENT, " -|- ", null, null, null),
                new Case(ComparisonOperator.STRICT_LEFT, " << ", null, null, null),
                new Case(ComparisonOperator.STRICT_RIGHT, " >> ", null, null, null),
                new Case(ComparisonOperator.NO_EXTEND_RIGHT, " &< ", null, null, null),
                new Case(ComparisonOperator.NO_EXTEND_LEFT, " &> ", null, null, null),
                new Case(ComparisonOperator.MATCH, " @@ ", null, null, null));
        for (Case c : cases) {
            Expression where = new Expression.Comparison(column("a"), c.operator(), p("x"));
            String elsewhere = Dialects.all().filter(d -> c.spelling(d) != null).map(Dialect::name).mkString(", ");
            for (Dialect dialect : Dialects.all()) {
                String spelling = c.spelling(dialect);
                if (spelling == null) {
                    String op = c.operator().sequelizeKey();
                    refuses(dialect, where, "Op." + op.substring(1) + " (" + op + ") is not supported on " + dialect.name()
                            + "; it works on " + elsewhere);
                } else {
                    String a = dialect.name().equals("postgres") ? "\"t\".\"a\"" : dialect.name().equals("mssql") ? "[t].[a]" : "`t`.`a`";
                    assertThat(whereOf(dialect, where)).as("%s %s", c.operator(), dialect).isEqualTo(a + spelling + "?");
                }
            }
        }
    }

    @Test
    void quantifiedComparisonsBindEachElementAndAnEmptyListIsAConstant() {
        Expression any = new Expression.Comparison(column("a"), ComparisonOperator.GT,
                new Quantified(Quantifier.ANY, new ArrayValue(Vector.of(p(1), p(2)), Option.none())));
        Expression noneAll = new Expression.Comparison(column("a"), ComparisonOperator.NOT_LIKE,
                new Quantified(Quantifier.ALL, new ArrayValue(Vector.empty(), Option.none())));
        Expression noneAny = new Expression.Comparison(column("a"), ComparisonOperator.EQ,
                new Quantified(Quantifier.ANY, new ArrayValue(Vector.empty(), Option.none())));

        assertThat(whereOf(Dialects.POSTGRES, any)).isEqualTo("\"t\".\"a\" > ANY (ARRAY[?,?])");
        assertThat(SqlRenderer.render(select(any), Dialects.POSTGRES).params()).isEqualTo(Array.of(1, 2));
        assertThat(whereOf(Dialects.POSTGRES, new Expression.Or(Vector.of(noneAny, noneAll)))).isEqualTo("1 = 0 OR 1 = 1");
        for (Dialect dialect : List.of(Dialects.MYSQL, Dialects.MARIADB, Dialects.SQLITE, Dialects.MSSQL)) {
            refuses(dialect, any, "Op.any / Op.all ($any, $all) is not supported on " + dialect.name() + "; it works on postgres");
            refuses(dialect, noneAny, "Op.any / Op.all ($any, $all) is not supported on " + dialect.name() + "; it works on postgres");
        }
    }

    @Test
    void arrayValuesAreCastToTheArrayOfTheirElementType() {
        Expression overlap = new Expression.Comparison(column("tags"), ComparisonOperator.OVERLAP,
                new ArrayValue(Vector.of(typed("a", DataTypes.STRING), typed("b", DataTypes.STRING)), Option.some(DataTypes.STRING)));
        Expression empty = new Expression.Comparison(column("nums"), ComparisonOperator.CONTAINED,
                new ArrayValue(Vector.empty(), Option.some(DataTypes.INTEGER)));

        assertThat(whereOf(Dialects.POSTGRES, overlap)).isEqualTo("\"t\".\"tags\" && ARRAY[?,?]::VARCHAR(255)[]");
        assertThat(whereOf(Dialects.POSTGRES, empty)).isEqualTo("\"t\".\"nums\" <@ ARRAY[]::INTEGER[]");
        refuses(Dialects.MYSQL, overlap, "Op.overlap ($overlap) is not supported on mysql; it works on postgres");
    }

    @Test
    void rangesAreBuiltFromTheirBoundsByTheRangeTypesConstructor() {
        Expression adjacent = new Expression.Comparison(column("during"), ComparisonOperator.ADJACENT,
                new Expression.RangeValue(typed(1, DataTypes.INTEGER), typed(5, DataTypes.INTEGER), true, false, DataTypes.INTEGER));
        Expression unbounded = new Expression.Comparison(column("during"), ComparisonOperator.STRICT_LEFT,
                new Expression.RangeValue(p(null), typed(5L, DataTypes.BIGINT), false, true, DataTypes.BIGINT));
        Expression dates = new Expression.Comparison(column("during"), ComparisonOperator.CONTAINED,
                new Expression.RangeValue(p(null), p(null), false, false, DataTypes.DATE));

        assertThat(whereOf(Dialects.POSTGRES, adjacent)).isEqualTo("\"t\".\"during\" -|- int4range(?, ?, '[)')");
        assertThat(whereOf(Dialects.POSTGRES, unbounded)).isEqualTo("\"t\".\"during\" << int8range(?, ?, '(]')");
        assertThat(whereOf(Dialects.POSTGRES, dates)).isEqualTo("\"t\".\"during\" <@ tstzrange(?, ?, '()')");
        assertThatThrownBy(() -> whereOf(Dialects.POSTGRES, new Expression.Comparison(column("during"), ComparisonOperator.ADJACENT,
                new Expression.RangeValue(p("a"), p("b"), true, false, DataTypes.TEXT))))
                .isInstanceOf(UnsupportedFeatureError.class)
                .hasMessage("a range of TEXT (the range operators) is not supported on postgres");
    }

    @Test
    void jsonPathsAreWrittenEachDatabasesWayWithKeysQuotedWhereNeeded() {
        Expression simple = new Expression.Comparison(json(Option.none(), "address", "city"), ComparisonOperator.EQ, p("Oslo"));
        assertThat(whereOf(Dialects.POSTGRES, simple)).isEqualTo("(\"t\".\"meta\"#>>'{address,city}') = ?");
        assertThat(whereOf(Dialects.MYSQL, simple)).isEqualTo("json_unquote(json_extract(`t`.`meta`,'$.\"address\".\"city\"')) = ?");
        assertThat(whereOf(Dialects.MARIADB, simple)).isEqualTo("json_unquote(json_extract(`t`.`meta`,'$.address.city')) = ?");
        assertThat(whereOf(Dialects.SQLITE, simple)).isEqualTo("json_extract(`t`.`meta`,'$.address.city') = ?");
        refuses(Dialects.MSSQL, simple, "JSON path conditions ({\"meta\": {\"key\": ...}}, \"meta.key\") is not supported on"
                + " mssql; it works on postgres, mysql, mariadb, sqlite");

        // A key cannot end the literal, the quoting of a key, or reach another key.
        Expression odd = new Expression.IsNull(json(Option.none(), "it's", "a \"b\",{c}", "0", "null", "x\\y"), false);
        assertThat(whereOf(Dialects.POSTGRES, odd))
                .isEqualTo("(\"t\".\"meta\"#>>E'{it''s,\"a \\\\\"b\\\\\",{c}\",0,\"null\",\"x\\\\\\\\y\"}') IS NULL");
        assertThat(whereOf(Dialects.MYSQL, odd))
                .isEqualTo("json_unquote(json_extract(`t`.`meta`,'$.\"it''s\".\"a \\\\\"b\\\\\",{c}\"[0].\"null\".\"x\\\\\\\\y\"')) = ?");
        assertThat(whereOf(Dialects.MARIADB, odd))
                .isEqualTo("json_unquote(json_extract(`t`.`meta`,'$.\"it''s\".\"a \\\\\"b\\\\\",{c}\"[0].null.\"x\\\\\\\\y\"')) = ?");
        assertThat(whereOf(Dialects.SQLITE, odd))
                .isEqualTo("json_extract(`t`.`meta`,'$.\"it''s\".\"a \\\"b\\\",{c}\"[0].null.\"x\\\\y\"') IS NULL");
    }

    @Test
    void castsComeFromEachDialectsTableAndMysqlComparesJsonScalarsAsText() {
        Expression number = new Expression.Comparison(json(Option.some(JsonCast.DOUBLE_PRECISION), "n"), ComparisonOperator.GT, p(5));
        Expression truth = new Expression.Comparison(json(Option.some(JsonCast.BOOLEAN), "b"), ComparisonOperator.EQ, p(true));
        Expression notTrue = new Expression.IsBoolean(json(Option.some(JsonCast.BOOLEAN), "b"), true, true);
        Expression isNull = new Expression.IsNull(json(Option.none(), "x"), true);

        assertThat(whereOf(Dialects.POSTGRES, number)).isEqualTo("CAST((\"t\".\"meta\"#>>'{n}') AS DOUBLE PRECISION) > ?");
        assertThat(whereOf(Dialects.MYSQL, number)).isEqualTo("CAST(json_unquote(json_extract(`t`.`meta`,'$.\"n\"')) AS DOUBLE) > ?");
        assertThat(whereOf(Dialects.SQLITE, number)).isEqualTo("CAST(json_extract(`t`.`meta`,'$.n') AS DOUBLE PRECISION) > ?");

        assertThat(whereOf(Dialects.POSTGRES, truth)).isEqualTo("CAST((\"t\".\"meta\"#>>'{b}') AS BOOLEAN) = ?");
        assertThat(SqlRenderer.render(select(truth), Dialects.POSTGRES).params()).isEqualTo(Array.of(true));
        assertThat(whereOf(Dialects.MARIADB, truth)).isEqualTo("json_unquote(json_extract(`t`.`meta`,'$.b')) = ?");
        assertThat(SqlRenderer.render(select(truth), Dialects.MARIADB).params()).isEqualTo(Array.of("true"));

        assertThat(whereOf(Dialects.SQLITE, notTrue)).isEqualTo("CAST(json_extract(`t`.`meta`,'$.b') AS BOOLEAN) IS NOT 1");
        assertThat(whereOf(Dialects.MYSQL, notTrue)).isEqualTo("json_unquote(json_extract(`t`.`meta`,'$.\"b\"')) != ?");
        assertThat(SqlRenderer.render(select(notTrue), Dialects.MYSQL).params()).isEqualTo(Array.of("true"));

        assertThat(whereOf(Dialects.POSTGRES, isNull)).isEqualTo("(\"t\".\"meta\"#>>'{x}') IS NOT NULL");
        assertThat(whereOf(Dialects.MYSQL, isNull)).isEqualTo("json_unquote(json_extract(`t`.`meta`,'$.\"x\"')) != ?");
        assertThat(SqlRenderer.render(select(isNull), Dialects.MYSQL).params()).isEqualTo(Array.of("null"));

        Expression signed = new Expression.Comparison(json(Option.some(JsonCast.SIGNED), "n"), ComparisonOperator.GT, p(5));
        assertThat(whereOf(Dialects.MYSQL, signed)).isEqualTo("CAST(json_unquote(json_extract(`t`.`meta`,'$.\"n\"')) AS SIGNED) > ?");
        refuses(Dialects.POSTGRES, signed, "the JSON path cast ::signed is not supported on postgres; it works on mysql, mariadb, sqlite");
        Expression json = new Expression.Comparison(json(Option.some(JsonCast.JSON), "n"), ComparisonOperator.EQ, p("x"));
        refuses(Dialects.MARIADB, json, "the JSON path cast ::json is not supported on mariadb; it works on postgres, mysql, sqlite");
    }

    @Test
    void jsonDocumentsAreBoundAsTheirTextAndPostgresIsToldTheirType() {
        Expression contains = new Expression.Comparison(column("data"), ComparisonOperator.CONTAINS,
                typed(Map.of("tags", List.of("a", 1, true)), DataTypes.JSONB));
        Sql sql = SqlRenderer.render(select(contains), Dialects.POSTGRES);

        assertThat(sql.text()).isEqualTo("SELECT \"a\" FROM \"t\" AS \"t\" WHERE \"t\".\"data\" @> CAST(? AS JSONB);");
        assertThat(sql.params()).isEqualTo(Array.of("{\"tags\":[\"a\",1,true]}"));
        refuses(Dialects.SQLITE, contains, "Op.contains ($contains) is not supported on sqlite; it works on postgres");
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private static void refuses(Dialect dialect, Expression where, String message) {
        assertThatThrownBy(() -> SqlRenderer.render(select(where), dialect))
                .as(dialect.name())
                .isInstanceOf(UnsupportedFeatureError.class)
                .hasMessage(message);
    }

    private static String whereOf(Dialect dialect, Expression where) {
        String text = SqlRenderer.render(select(where), dialect).text();
        return text.substring(text.indexOf(" WHERE ") + " WHERE ".length(), text.length() - 1);
    }

    private static Statement.Select select(Expression where) {
        return new Statement.Select(Vector.of(new SelectColumn("a", Option.none())), TableName.of("t"), "t",
                Option.some(where), Vector.empty(), Option.none(), Option.none(), Vector.empty());
    }

    private static JsonPath json(Option<JsonCast> cast, String... path) {
        return new JsonPath(column("meta"), Vector.of(path), cast);
    }

    private static Column column(String name) {
        return new Column(Option.some("t"), name);
    }

    private static Param p(Object value) {
        return new Param(value, Option.none());
    }

    private static Param typed(Object value, DataType type) {
        return new Param(value, Option.some(type));
    }
}
