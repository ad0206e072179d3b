package dev.sequelj.executor.request;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.statement.Lock;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.render.SqlRenderer;
import dev.sequelj.render.dialect.Dialects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The finder methods and options as the request reader takes them; their SQL is pinned by the golden cases. */
class FindCallReaderTest {
    private static final RequestReader READER = RequestReader.atOracleTime();
    private static final String USER = """
            "models": {"user": {"attributes": {"firstName": "STRING", "lastName": {"type": "STRING", "field": "last_name"},
                                               "age": "INTEGER", "born": "DATE"}}},
            "model": "user"
            """;

    private static List<Statement> read(String methodAndArgs) {
        return READER.read("{" + USER + ", " + methodAndArgs + "}").statements();
    }

    private static String postgres(Statement statement) {
        return SqlRenderer.render(statement, Dialects.POSTGRES).text();
    }

    @Test
    void eachFinderReadsIntoTheStatementsItSendsInOrder() {
        assertThat(read("\"method\": \"findAll\"")).singleElement().isInstanceOf(Statement.Select.class);
        assertThat(read("\"method\": \"findOne\", \"args\": [{}]")).singleElement().isInstanceOf(Statement.Select.class);
        assertThat(read("\"method\": \"findByPk\", \"args\": [1]")).singleElement().isInstanceOf(Statement.Select.class);
        assertThat(read("\"method\": \"findByPk\", \"args\": [null]")).isEmpty();
        assertThat(read("\"method\": \"findOrCreate\", \"args\": [{\"where\": {\"firstName\": \"Ann\"}}]"))
                .extracting(Object::getClass).containsExactly((Class<?>) Statement.Select.class, Statement.Insert.class);
        assertThat(read("\"method\": \"findAndCountAll\", \"args\": [{\"limit\": 2}]"))
                .extracting(Object::getClass).containsExactly((Class<?>) Statement.Select.class, Statement.Select.class);
        assertThat(read("\"method\": \"count\"")).singleElement().isInstanceOf(Statement.Select.class);
        for (String aggregate : List.of("max", "min", "sum")) {
            assertThat(postgres(read("\"method\": \"" + aggregate + "\", \"args\": [\"age\"]").get(0)))
                    .isEqualTo("SELECT " + aggregate + "(\"age\") AS \"" + aggregate + "\" FROM \"users\" AS \"user\";");
        }
    }

    @Test
    void attributesOrderGroupAndHavingReadEveryFormSequelizeTakes() {
        Statement select = read("""
                "method": "findAll", "args": [{
                  "attributes": ["lastName", [{"$fn": "COUNT", "args": [{"$col": "id"}]}, "n"],
                                 [{"$cast": {"$col": "age"}, "type": "TEXT"}, "a"], {"$literal": "1"}],
                  "group": ["lastName", {"$fn": "lower", "args": [{"$col": "firstName"}]}],
                  "having": {"$or": [{"n": {"$gt": 1}}, {"$where": {"$fn": "MAX", "args": [{"$col": "age"}]}, "comparator": ">=", "logic": 65}]},
                  "order": [["n", "DESC"], "lastName", [{"$fn": "MIN", "args": [{"$col": "born"}]}, "ASC NULLS LAST"], {"$random": true}],
                  "limit": 5}]""").get(0);

        assertThat(postgres(select)).isEqualTo("SELECT \"last_name\" AS \"lastName\", COUNT(\"id\") AS \"n\","
                + " CAST(\"age\" AS TEXT) AS \"a\", 1 FROM \"users\" AS \"user\" GROUP BY \"last_name\", lower(\"firstName\")"
                + " HAVING COUNT(\"id\") > ? OR MAX(\"age\") >= ?"
                + " ORDER BY \"n\" DESC, \"lastName\", MIN(\"born\") ASC NULLS LAST, RANDOM() LIMIT ?;");
        assertThat(SqlRenderer.render(select, Dialects.POSTGRES).params().toJavaList()).containsExactly(1, 65, 5);
    }

    @Test
    void includeExcludeOrderAsOneExpressionAndGroupAsOneName() {
        Statement select = read("""
                "method": "findAll", "args": [{
                  "attributes": {"exclude": ["born", "createdAt", "updatedAt"], "include": [[{"$fn": "upper", "args": [{"$col": "firstName"}, "x"]}, "u"]]},
                  "group": "id", "order": {"$random": true}}]""").get(0);

        assertThat(postgres(select)).isEqualTo("SELECT \"id\", \"firstName\", \"last_name\" AS \"lastName\", \"age\","
                + " upper(\"firstName\", ?) AS \"u\" FROM \"users\" AS \"user\" GROUP BY \"id\" ORDER BY RANDOM();");
    }

    @Test
    void lockLevelsParanoidRawAndCountOptions() {
        assertThat(((Statement.Select) read("\"method\": \"findAll\", \"args\": [{\"lock\": true}]").get(0)).lock())
                .containsExactly(Lock.UPDATE);
        assertThat(((Statement.Select) read("\"method\": \"findAll\", \"args\": [{\"lock\": \"NO KEY UPDATE\"}]").get(0)).lock())
                .containsExactly(Lock.NO_KEY_UPDATE);
        assertThat(((Statement.Select) read("\"method\": \"findAll\", \"args\": [{\"lock\": false, \"raw\": true, \"paranoid\": false}]").get(0)).lock())
                .isEmpty();
        assertThat(postgres(read("\"method\": \"count\", \"args\": [{\"distinct\": true, \"col\": \"lastName\"}]").get(0)))
                .isEqualTo("SELECT count(DISTINCT(\"last_name\")) AS \"count\" FROM \"users\" AS \"user\";");
    }

    @Test
    void datesInDefaultsAndHavingBecomeInstants() {
        Statement.Insert insert = (Statement.Insert) read("""
                "method": "findOrCreate", "args": [{"where": {"firstName": "Ann"}, "defaults": {"born": "1990-05-01T12:00:00+02:00"}}]
                """).get(1);
        assertThat(insert.values().map(v -> ((Expression.Param) v).value()))
                .containsExactly("Ann", Instant.parse("1990-05-01T10:00:00Z"), RequestReader.ORACLE_NOW, RequestReader.ORACLE_NOW);

        Statement.Select select = (Statement.Select) read("""
                "method": "findAll", "args": [{"attributes": ["born"], "group": ["born"], "having": {"born": {"$gt": "2000-01-01T00:00:00Z"}}}]
                """).get(0);
        assertThat(SqlRenderer.render(select, Dialects.POSTGRES).params().map(Object::toString)).containsExactly("2000-01-01T00:00Z");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            findByPk without key     | "method": "findByPk"                                              | args: findByPk takes the key and optionally options, e.g. [5] or [5, {"attributes": ["id"]}]; got 0 arguments
            findByPk object key      | "method": "findByPk", "args": [{"id": 1}]                         | args[0]: findByPk takes one primary-key value, got object
            findByPk where           | "method": "findByPk", "args": [1, {"where": {"age": 2}}]          | args[1].where: findByPk finds by the key given as args[0]; leave out where (Sequelize would silently replace it), or use findOne
            findByPk options         | "method": "findByPk", "args": [1, {"limitt": 2}]                  | args[1].limitt: unknown option; did you mean limit?
            findOrCreate no where    | "method": "findOrCreate", "args": [{"defaults": {"age": 1}}]      | args[0]: findOrCreate needs a where: the row to find, whose values the created row takes, e.g. {"where": {"email": "a@example.com"}, "defaults": {...}}
            findOrCreate two args    | "method": "findOrCreate", "args": [{"where": {"age": 1}}, {}]      | args: findOrCreate takes one options object with where and defaults, e.g. [{"where": {"email": "a@example.com"}, "defaults": {"age": 30}}]
            defaults unknown         | "method": "findOrCreate", "args": [{"where": {"age": 1}, "defaults": {"nick": 1}}] | args[0].defaults.nick: model 'user' has no attribute 'nick'; its attributes are id, firstName, lastName, age, born, createdAt, updatedAt
            defaults in findAll      | "method": "findAll", "args": [{"defaults": {}}]                   | args[0].defaults: unknown option; expected one of where, attributes, order, group, having, limit, offset, distinct, col, lock, paranoid, raw
            aggregate not a name     | "method": "max", "args": [1]                                       | args[0]: expected a string, got number 1
            aggregate unknown        | "method": "sum", "args": ["nick"]                                  | args[0]: model 'user' has no attribute 'nick'; its attributes are id, firstName, lastName, age, born, createdAt, updatedAt
            attributes pair          | "method": "findAll", "args": [{"attributes": [["age"]]}]           | args[0].attributes[0]: expected [attribute or expression, alias], e.g. ["age", "years"]
            attributes set key       | "method": "findAll", "args": [{"attributes": {"only": []}}]        | args[0].attributes.only: unknown key; expected one of include, exclude
            attributes empty         | "method": "findAll", "args": [{"attributes": []}]                  | args[0].attributes: select at least one attribute
            unknown form             | "method": "findAll", "args": [{"attributes": [{"$func": "x"}]}]    | args[0].attributes[0]: expected one of {"$fn": ..., "args": [...]}, {"$col": ...}, {"$literal": ...}, {"$cast": ..., "type": ...}, {"$random": true}; got object
            fn extra key             | "method": "findAll", "args": [{"attributes": [{"$fn": "f", "arg": []}]}] | args[0].attributes[0].arg: unknown key of $fn; did you mean args?
            fn bad name              | "method": "findAll", "args": [{"order": [{"$fn": "f()"}]}]          | args[0].order[0]: fn: 'f()' is not a function name; a name is letters, digits and underscores, optionally schema-qualified (COUNT, lower, public.my_function)
            fn list argument         | "method": "findAll", "args": [{"order": [{"$fn": "f", "args": [[1]]}]}] | args[0].order[0].args[0]: expected a string, number, boolean or null, got array
            cast without type        | "method": "findAll", "args": [{"order": [{"$cast": 1}]}]            | args[0].order[0].type: missing
            random false             | "method": "findAll", "args": [{"order": {"$random": false}}]        | args[0].order.$random: only true means anything here
            order unknown            | "method": "findAll", "args": [{"attributes": [["age", "years"]], "order": [["agee"]]}] | args[0].order[0][0]: 'agee' is neither an attribute of model 'user' nor an alias in attributes; did you mean age?; attributes are id, firstName, lastName, age, born, createdAt, updatedAt; aliases are years
            order direction          | "method": "findAll", "args": [{"order": [["age", 1]]}]             | args[0].order[0][1]: expected a string, got number 1
            order string             | "method": "findAll", "args": [{"order": "age"}]                     | args[0].order: expected a list such as [["age", "DESC"]], or an expression such as {"$random": true}; got string "age"
            group unknown            | "method": "findAll", "args": [{"group": ["nick"]}]                  | args[0].group[0]: model 'user' has no attribute 'nick'; its attributes are id, firstName, lastName, age, born, createdAt, updatedAt
            having unknown           | "method": "findAll", "args": [{"group": ["age"], "having": {"n": 1}}] | args[0].having.n: neither an attribute of model 'user' nor an alias in attributes; attributes are id, firstName, lastName, age, born, createdAt, updatedAt; aliases are lastName
            having comparator        | "method": "findAll", "args": [{"having": {"$where": {"$col": "age"}, "comparator": "~", "logic": 1}}] | args[0].having.comparator: unknown comparator '~'; expected one of !=, <, <=, <>, =, >, >=, LIKE, NOT LIKE
            having not an object     | "method": "findAll", "args": [{"having": [1]}]                      | args[0].having: expected an object, got array
            lock level               | "method": "findAll", "args": [{"lock": "ROW"}]                      | args[0].lock: unknown lock 'ROW'; expected true, "UPDATE", "SHARE", "KEY SHARE" or "NO KEY UPDATE"
            col unknown              | "method": "count", "args": [{"col": "nick"}]                        | args[0].col: model 'user' has no attribute 'nick'; its attributes are id, firstName, lastName, age, born, createdAt, updatedAt
            negative offset          | "method": "findAll", "args": [{"offset": -1}]                       | args[0].offset must be 0 or more, got -1
            where type via count     | "method": "count", "args": [{"where": {"age": "ten"}}]              | args[0].where.age (EQ): user.age is INTEGER and cannot take String "ten"; allowed: Integer, Short, Byte, or a Long/BigInteger within 32 bits
            """)
    void namesThePathOfAMistake(String mistake, String methodAndArgs, String message) {
        assertThatThrownBy(() -> read(methodAndArgs)).isInstanceOf(ValidationError.class).hasMessage(message);
    }
}
