package dev.sequelj.executor.request;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.render.Sql;
import dev.sequelj.render.SqlRenderer;
import dev.sequelj.render.dialect.Dialects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the request reader builds, and how it names the place of a mistake. SQL itself is pinned by the golden cases. */
class RequestReaderTest {
    private static final RequestReader READER = RequestReader.atOracleTime();
    private static final String USER = """
            "models": {"user": {"attributes": {"firstName": "STRING", "age": {"type": "INTEGER", "allowNull": false},
                                               "born": "DATE"},
                                "options": {"timestamps": true}}},
            "model": "user"
            """;

    private static ModelCall read(String methodAndArgs) {
        return READER.read("{" + USER + ", " + methodAndArgs + "}");
    }

    @Test
    void readsTheExampleOfTheContract() {
        ModelCall call = read("""
                "method": "findAll", "args": [{"where": {"age": {"$gt": 18}}, "limit": 10}]""");

        assertThat(call.model().tableName()).isEqualTo("users");
        assertThat(call.method()).isEqualTo("findAll");
        assertThat(call.statements()).hasSize(1);
        assertThat(SqlRenderer.render(call.statements().get(0), Dialects.POSTGRES).text()).isEqualTo(
                "SELECT \"id\", \"firstName\", \"age\", \"born\", \"createdAt\", \"updatedAt\" FROM \"users\" AS \"user\""
                        + " WHERE \"user\".\"age\" > ? LIMIT ?;");
    }

    @Test
    void atOracleTimeCountsUuidDefaultsFromOneForEachRequestAsTheOracleDoes() {
        String request = """
                {"models": {"thing": {"attributes": {"id": {"type": "UUID", "primaryKey": true, "defaultValue": {"$fn": "UUIDV4"}},
                                                     "name": "STRING"}}},
                 "model": "thing", "method": "bulkCreate", "args": [[{"name": "a"}, {"name": "b"}]]}""";
        String first = "00000000-0000-4000-8000-000000000001";
        String second = "00000000-0000-4000-8000-000000000002";

        // Each read starts again at 1, so a golden file renders the same UUIDs whatever ran before it.
        for (int run = 0; run < 2; run++) {
            Sql sql = SqlRenderer.render(READER.read(request).statements().get(0), Dialects.SQLITE);
            assertThat(sql.params()).contains(first, second);
        }
        Sql random = SqlRenderer.render(new RequestReader(java.time.Clock.systemUTC()).read(request).statements().get(0), Dialects.SQLITE);
        assertThat(random.params()).doesNotContain(first, second);
    }

    @Test
    void syncWithForceDropsWithCascadeThenCreates() {
        assertThat(read("\"method\": \"sync\", \"args\": [{\"force\": true}]").statements())
                .extracting(Object::getClass)
                .containsExactly((Class<?>) Statement.DropTable.class, Statement.CreateTable.class);
        assertThat(((Statement.DropTable) read("\"method\": \"sync\", \"args\": [{\"force\": true}]").statements().get(0)).cascade())
                .isTrue();
        assertThat(read("\"method\": \"sync\"").statements()).singleElement().isInstanceOf(Statement.CreateTable.class);
        assertThat(read("\"method\": \"drop\"").statements()).singleElement()
                .isEqualTo(new Statement.DropTable(dev.sequelj.ast.statement.TableName.of("users"), false));
    }

    @Test
    void createTurnsIsoTextIntoInstantsForDateAttributesAndStampsWithTheFixedClock() {
        Statement.Insert insert = (Statement.Insert) read("""
                "method": "create", "args": [{"firstName": "John", "age": 30, "born": "1990-05-01T12:00:00+02:00"}]
                """).statements().get(0);

        assertThat(insert.columns()).containsExactly("firstName", "age", "born", "createdAt", "updatedAt");
        assertThat(insert.values().map(v -> ((Expression.Param) v).value())).containsExactly(
                "John", 30, Instant.parse("1990-05-01T10:00:00Z"), RequestReader.ORACLE_NOW, RequestReader.ORACLE_NOW);
    }

    @Test
    void whereTurnsIsoTextIntoInstantsForDateAttributesAtAnyDepth() {
        Statement.Select select = (Statement.Select) read("""
                "method": "findAll", "args": [{"where": {"$or": [{"born": {"$gte": "2000-01-01T00:00:00Z"}},
                                                                 {"born": ["1990-05-01T10:00:00Z"]}]}}]
                """).statements().get(0);

        assertThat(SqlRenderer.render(select, Dialects.POSTGRES).params().map(Object::toString))
                .containsExactly("2000-01-01T00:00Z", "1990-05-01T10:00Z");
    }

    /** Text stands for DATEONLY, TIME, UUID and DECIMAL values in writes, finders and where clauses alike. */
    private static final String TYPED = """
            "models": {"item": {"attributes": {"day": "DATEONLY", "at": "TIME", "key": "UUID", "price": "DECIMAL(10,2)",
                                               "tags": "ARRAY(DataTypes.STRING)"},
                                "options": {"timestamps": false}}},
            "model": "item"
            """;

    @Test
    void textIsReadAsTheAttributesTypeInWritesFindersAndWhereClauses() {
        Statement.Insert insert = (Statement.Insert) READER.read("{" + TYPED + """
                , "method": "create", "args": [{"day": "2024-02-29", "at": "10:30:00", "price": "12.50",
                                                 "key": "00000000-0000-4000-8000-000000000001", "tags": ["a"]}]}
                """).statements().get(0);
        assertThat(insert.values().map(v -> ((Expression.Param) v).value())).containsExactly(
                java.time.LocalDate.of(2024, 2, 29), java.time.LocalTime.of(10, 30), java.util.UUID.fromString(
                        "00000000-0000-4000-8000-000000000001"), new java.math.BigDecimal("12.50"), java.util.List.of("a"));

        Statement.Select select = (Statement.Select) READER.read("{" + TYPED + """
                , "method": "findAll", "args": [{"where": {"day": {"$between": ["2024-01-01", "2024-12-31"]},
                    "at": {"$lt": "12:00:00"}, "key": "00000000-0000-4000-8000-000000000001",
                    "price": {"$in": ["12.50", 3]}, "tags": {"$overlap": ["a", "b"]}}}]}
                """).statements().get(0);
        var sql = SqlRenderer.render(select, Dialects.POSTGRES);
        assertThat(sql.text()).isEqualTo("SELECT \"id\", \"day\", \"at\", \"key\", \"price\", \"tags\" FROM \"items\" AS \"item\""
                + " WHERE \"item\".\"day\" BETWEEN ? AND ? AND \"item\".\"at\" < ? AND \"item\".\"key\" = ?"
                + " AND \"item\".\"price\" IN (?, ?) AND \"item\".\"tags\" && ARRAY[?,?]::VARCHAR(255)[];");
        assertThat(sql.params()).containsExactly(java.time.LocalDate.of(2024, 1, 1), java.time.LocalDate.of(2024, 12, 31),
                java.time.LocalTime.of(12, 0), java.util.UUID.fromString("00000000-0000-4000-8000-000000000001"),
                new java.math.BigDecimal("12.50"), new java.math.BigDecimal(3), "a", "b");

        assertThatThrownBy(() -> READER.read("{" + TYPED + """
                , "method": "findAll", "args": [{"where": {"day": "yesterday"}}]}
                """)).isInstanceOf(ValidationError.class)
                .hasMessage("args[0].where.day: 'yesterday' is not a date such as 2024-01-15");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            misspelt option    | "method": "findAll", "args": [{"limitt": 10}]                 | args[0].limitt: unknown option; did you mean limit?
            unknown option     | "method": "findAll", "args": [{"include": []}]               | args[0].include: unknown option; expected one of where, attributes, order, group, having, limit, offset, distinct, col, lock, paranoid, raw
            misspelt operator  | "method": "findAll", "args": [{"where": {"age": {"$gtt": 1}}}] | args[0].where.age.$gtt: unknown operator; did you mean $gt?
            nested attribute   | "method": "findAll", "args": [{"where": {"$or": [{"age": 1}, {"agee": 2}]}}] | args[0].where.$or[1].agee: model 'user' has no attribute 'agee'; did you mean age?; its attributes are id, firstName, age, born, createdAt, updatedAt
            wrong value type   | "method": "findAll", "args": [{"where": {"age": "ten"}}]     | args[0].where.age (EQ): user.age is INTEGER and cannot take String "ten"; allowed: Integer, Short, Byte, or a Long/BigInteger within 32 bits
            bad date           | "method": "create", "args": [{"age": 1, "born": "yesterday"}] | args[0].born: 'yesterday' is not an ISO-8601 date-time with an offset, such as 2024-01-15T10:30:45.123Z
            null not allowed   | "method": "create", "args": [{"firstName": "John"}]          | args[0]: notNull Violation: user.age cannot be null (no value was given)
            order shape        | "method": "findAll", "args": [{"order": [["age", "DESC", "x"]]}] | args[0].order[0]: expected [attribute, direction], e.g. ["age", "DESC"]
            order direction    | "method": "findAll", "args": [{"order": [["age", "UP"]]}]    | args[0].order[0][1]: unknown direction 'UP'; expected one of ASC, DESC, ASC NULLS LAST, DESC NULLS LAST, ASC NULLS FIRST, DESC NULLS FIRST, NULLS FIRST, NULLS LAST
            negative limit     | "method": "findAll", "args": [{"limit": -1}]                 | args[0].limit must be 0 or more, got -1
            fractional offset  | "method": "findAll", "args": [{"offset": 1.5}]               | args[0].offset: expected a whole number, got number 1.5
            misspelt method    | "method": "findAl"                                           | method: unknown method 'findAl'; did you mean findAll?; supported: sync, drop, create, findAll, findOne, findByPk, findOrCreate, findAndCountAll, count, max, min, sum, bulkCreate, update, destroy, restore, truncate, upsert, increment, decrement, queryInterface.addColumn, queryInterface.removeColumn, queryInterface.changeColumn, queryInterface.renameColumn, queryInterface.addIndex, queryInterface.removeIndex
            sync option        | "method": "sync", "args": [{"forse": true}]                  | args[0].forse: unknown option; did you mean force?
            args not an array  | "method": "findAll", "args": {"limit": 1}                    | args: expected an array, got object
            create option      | "method": "create", "args": [{"age": 1}, {"raw": true}]      | args[1].raw: unknown option; expected one of fields, returning, ignoreDuplicates, silent
            """)
    void namesThePathOfAMistake(String mistake, String methodAndArgs, String message) {
        assertThatThrownBy(() -> read(methodAndArgs)).isInstanceOf(ValidationError.class).hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            misspelt type       | {"models": {"user": {"attributes": {"age": "INTEGR"}}}, "model": "user", "method": "sync"}   | ~models.user.attributes.age: unknown type 'INTEGR'; did you mean INTEGER?; supported: STRING(n), CHAR(n), TEXT('tiny'|'medium'|'long'), CITEXT, TINYINT, SMALLINT, MEDIUMINT, INTEGER, BIGINT (with .UNSIGNED, .ZEROFILL), FLOAT, REAL, DOUBLE, DECIMAL(p,s), BOOLEAN, DATE(precision), DATEONLY, TIME, UUID, JSON, JSONB, ENUM('a','b'), ARRAY(DataTypes.INTEGER), BLOB('tiny'|'medium'|'long'), VIRTUAL~
            scale > precision   | {"models": {"user": {"attributes": {"price": "DECIMAL(10,12)"}}}, "model": "user", "method": "sync"} | models.user.attributes.price: DECIMAL(10,12): the scale must be between 0 and the precision (10); e.g. DECIMAL(10,2) holds 10 digits, 2 after the point
            attribute option    | {"models": {"user": {"attributes": {"age": {"type": "INTEGER", "allownull": false}}}}, "model": "user", "method": "sync"} | models.user.attributes.age.allownull: unknown attribute option; did you mean allowNull?
            model option        | {"models": {"user": {"attributes": {}, "options": {"paranoidd": true}}}, "model": "user", "method": "sync"} | models.user.options.paranoidd: unknown model option; did you mean paranoid?
            unknown model       | {"models": {"user": {"attributes": {}}}, "model": "users", "method": "sync"}               | model: no model 'users' in models; did you mean user?; defined: user
            id not the key      | {"models": {"user": {"attributes": {"id": "INTEGER", "code": "STRING"}}}, "model": "user", "method": "sync"} | models.user: model 'user' has an attribute 'id' that is not its primary key; mark it primaryKey(true) or mark another attribute as the primary key
            top-level key       | {"models": {"user": {"attributes": {}}}, "model": "user", "method": "sync", "options": {}} | options: unknown key; expected one of models, model, method, args
            missing method      | {"models": {"user": {"attributes": {}}}, "model": "user"}                                  | method: missing
            duplicate key       | {"models": {"user": {"attributes": {}}}, "model": "user", "method": "sync", "method": "drop"} | request: not valid JSON: Duplicate field 'method'
            """)
    void namesThePathOfAMistakeInTheModels(String mistake, String request, String message) {
        assertThatThrownBy(() -> READER.read(request)).isInstanceOf(ValidationError.class).hasMessage(message);
    }
}
