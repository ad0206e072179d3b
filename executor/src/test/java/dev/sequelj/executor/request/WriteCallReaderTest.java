package dev.sequelj.executor.request;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.statement.Assignment;
import dev.sequelj.ast.statement.OnDuplicate;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.ast.statement.TableName;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The write methods read from a request: which statement each builds from its positional arguments, and
 * how a mistake is named by its JSON path. Their SQL is pinned by the golden cases.
 */
class WriteCallReaderTest {
    private static final RequestReader READER = RequestReader.atOracleTime();
    private static final TableName USERS = TableName.of("users");
    private static final String USER = """
            "models": {"user": {"attributes": {"firstName": "STRING", "age": {"type": "INTEGER", "allowNull": false},
                                               "born": "DATE"}}},
            "model": "user"
            """;

    private static ModelCall read(String methodAndArgs) {
        return READER.read("{" + USER + ", " + methodAndArgs + "}");
    }

    private static Statement only(String methodAndArgs) {
        ModelCall call = read(methodAndArgs);
        assertThat(call.statements()).hasSize(1);
        return call.statements().get(0);
    }

    @Test
    void createReadsItsOptions() {
        Statement.Insert insert = (Statement.Insert) only("""
                "method": "create", "args": [{"firstName": "J", "age": 3},
                                             {"fields": ["age"], "returning": ["id"], "ignoreDuplicates": true}]""");
        assertThat(insert.columns()).containsExactly("age", "createdAt", "updatedAt");
        assertThat(insert.returning()).containsExactly("id");
        assertThat(insert.onDuplicate()).isEqualTo(OnDuplicate.IGNORE);
    }

    @Test
    void bulkCreateReadsEveryRowAndNothingForNoRows() {
        Statement.BulkInsert insert = (Statement.BulkInsert) only("""
                "method": "bulkCreate", "args": [[{"age": 1, "born": "2000-01-01T00:00:00Z"}, {"age": 2}],
                                                 {"updateOnDuplicate": ["age"], "returning": false}]""");
        assertThat(insert.rows()).hasSize(2);
        assertThat(insert.rows().get(0).get(1)).isEqualTo(Instant.parse("2000-01-01T00:00:00Z"));
        assertThat(insert.types().get(1)).isEqualTo(DataTypes.DATE);
        assertThat(insert.onDuplicate()).isEqualTo(new OnDuplicate.Update(Vector.of("id"), Vector.of("age")));
        assertThat(insert.returning()).isEmpty();
        assertThat(read("\"method\": \"bulkCreate\", \"args\": [[]]").statements()).isEmpty();
    }

    @Test
    void updateReadsValuesThenOptions() {
        Statement.Update update = (Statement.Update) only("""
                "method": "update", "args": [{"age": 4}, {"where": {"born": {"$lt": "2000-01-01T00:00:00Z"}},
                                                          "limit": 2, "silent": true, "returning": true}]""");
        assertThat(update.assignments()).containsExactly(
                new Assignment.ToValue("age", new Expression.Param(4, Option.some(DataTypes.INTEGER))));
        assertThat(update.limit()).contains(2);
        assertThat(update.returning()).hasSize(6);
        assertThat(read("\"method\": \"update\", \"args\": [{}, {\"where\": {}}]").statements()).isEmpty();
    }

    @Test
    void destroyRestoreAndTruncateBuildTheirStatements() {
        assertThat(only("\"method\": \"destroy\", \"args\": [{\"where\": {}}]"))
                .isEqualTo(new Statement.Delete(USERS, Option.none(), Option.none(), Vector.of("id")));
        assertThat(only("\"method\": \"destroy\", \"args\": [{\"truncate\": true, \"restartIdentity\": true}]"))
                .isEqualTo(new Statement.Truncate(USERS, false, true));
        assertThat(only("\"method\": \"truncate\", \"args\": [{\"cascade\": true}]"))
                .isEqualTo(new Statement.Truncate(USERS, true, false));
        assertThat(only("\"method\": \"truncate\"")).isEqualTo(new Statement.Truncate(USERS, false, false));
    }

    @Test
    void upsertReadsItsConflictKeyAndFields() {
        Statement.Upsert upsert = (Statement.Upsert) only("""
                "method": "upsert", "args": [{"id": 1, "age": 3}, {"fields": ["age"], "conflictFields": ["firstName"]}]""");
        assertThat(upsert.conflictColumns()).containsExactly("firstName");
        assertThat(upsert.updateColumns()).containsExactly("age", "updatedAt");
    }

    @Test
    void incrementTakesANameAListOrAMapOfAmounts() {
        Expression.Param one = new Expression.Param(1, Option.some(DataTypes.INTEGER));
        Expression.Param three = new Expression.Param(3, Option.some(DataTypes.INTEGER));
        assertThat(((Statement.Update) only("\"method\": \"increment\", \"args\": [\"age\", {\"where\": {\"id\": 1}}]"))
                .assignments().head()).isEqualTo(new Assignment.Increment("age", one, false));
        assertThat(((Statement.Update) only("\"method\": \"decrement\", \"args\": [[\"age\"], {\"where\": {}, \"by\": 3}]"))
                .assignments().head()).isEqualTo(new Assignment.Increment("age", three, true));
        assertThat(((Statement.Update) only("\"method\": \"increment\", \"args\": [{\"age\": 3}, {\"where\": {}, \"silent\": true}]"))
                .assignments()).containsExactly(new Assignment.Increment("age", three, false));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            create with three args   | "method": "create", "args": [{}, {}, {}]                              | args: create takes its values, e.g. [{"firstName": "John"}], then optionally an options object; got 3 arguments
            create values not object | "method": "create", "args": [[1]]                                     | args[0]: expected an object, got array
            create option misspelt   | "method": "create", "args": [{"age": 1}, {"silnet": true}]            | args[1].silnet: unknown option; did you mean silent?
            create fields not list   | "method": "create", "args": [{"age": 1}, {"fields": "age"}]           | args[1].fields: expected an array, got string "age"
            create returning empty   | "method": "create", "args": [{"age": 1}, {"returning": []}]           | args[1].returning: give at least one attribute name, or true/false
            create date not iso      | "method": "create", "args": [{"age": 1, "born": "yesterday"}]         | args[0].born: 'yesterday' is not an ISO-8601 date-time with an offset, such as 2024-01-15T10:30:45.123Z
            bulk row unknown attr    | "method": "bulkCreate", "args": [[{"age": 1}, {"agee": 2}]]            | args[0][1].agee: model 'user' has no attribute 'agee'; did you mean age?; its attributes are id, firstName, age, born, createdAt, updatedAt
            bulk row null required   | "method": "bulkCreate", "args": [[{"age": 1}, {"age": null}]]          | args[0][1]: notNull Violation: user.age cannot be null
            bulk conflict unknown    | "method": "bulkCreate", "args": [[{"age": 1}], {"updateOnDuplicate": ["age"], "conflictAttributes": ["nope"]}] | args[1].conflictAttributes[0]: model 'user' has no attribute 'nope'; its attributes are id, firstName, age, born, createdAt, updatedAt
            update no where          | "method": "update", "args": [{"age": 1}, {"limit": 1}]                | args[1].where: missing where attribute in the options parameter, as Sequelize requires; give a where clause (an empty one, {}, matches every row)
            update where attribute   | "method": "update", "args": [{"age": 1}, {"where": {"agee": 1}}]      | args[1].where.agee: model 'user' has no attribute 'agee'; did you mean age?; its attributes are id, firstName, age, born, createdAt, updatedAt
            update where operator    | "method": "update", "args": [{"age": 1}, {"where": {"age": {"$gtt": 1}}}] | args[1].where.age.$gtt: unknown operator; did you mean $gt?
            update where value type  | "method": "update", "args": [{"age": 1}, {"where": {"age": "x"}}]     | args[1].where.age (EQ): user.age is INTEGER and cannot take String "x"; allowed: Integer, Short, Byte, or a Long/BigInteger within 32 bits
            update limit negative    | "method": "update", "args": [{"age": 1}, {"where": {}, "limit": -2}]  | args[1].limit must be 0 or more, got -2
            update null required     | "method": "update", "args": [{"age": null}, {"where": {}}]            | args[0]: notNull Violation: user.age cannot be null
            destroy two args         | "method": "destroy", "args": [{}, {}]                                 | args: destroy takes at most one argument, an options object; got 2
            destroy nothing          | "method": "destroy", "args": [{"limit": 1}]                           | args[0]: missing where or truncate attribute in the options parameter of destroy; give a where clause (an empty one, {}, deletes every row) or "truncate": true
            destroy force not bool   | "method": "destroy", "args": [{"where": {}, "force": 1}]              | args[0].force: expected true or false, got number 1
            truncate option          | "method": "truncate", "args": [{"where": {}}]                         | args[0].where: unknown option; expected one of cascade, restartIdentity, force
            restore not paranoid     | "method": "restore"                                                   | args[0]: restore: model 'user' is not paranoid; only a paranoid model (paranoid: true) keeps soft-deleted rows to restore
            upsert option            | "method": "upsert", "args": [{"id": 1}, {"conflictField": ["id"]}]    | args[1].conflictField: unknown option; did you mean conflictFields?
            increment no args        | "method": "increment"                                                 | args: increment takes its attributes: a name, a list of names, or {"age": 2}, e.g. ["age", {"where": {"id": 1}}], then optionally an options object; got 0 arguments
            increment no where       | "method": "increment", "args": ["age"]                                | args[1].where: missing where attribute in the options parameter, as Sequelize requires; give a where clause (an empty one, {}, matches every row)
            increment by text        | "method": "increment", "args": ["age", {"where": {}, "by": "2"}]      | args[1].by: expected a number, got string "2"
            increment by fraction    | "method": "increment", "args": ["age", {"where": {}, "by": 0.5}]      | args[1].by: user.age is INTEGER and cannot take Double 0.5; allowed: Integer, Short, Byte, or a Long/BigInteger within 32 bits
            increment a date         | "method": "increment", "args": ["born", {"where": {}}]                | args[0]: increment: user.born is DATE and cannot take Integer 1; allowed: Instant, OffsetDateTime, ZonedDateTime, java.util.Date
            increment map amount     | "method": "increment", "args": [{"age": "2"}, {"where": {}}]          | args[0].age: expected a number, got string "2"
            decrement unknown        | "method": "decrement", "args": [["agee"], {"where": {}}]              | args[0][0]: model 'user' has no attribute 'agee'; did you mean age?; its attributes are id, firstName, age, born, createdAt, updatedAt
            """)
    void namesThePathOfAMistake(String mistake, String methodAndArgs, String message) {
        assertThatThrownBy(() -> read(methodAndArgs)).isInstanceOf(ValidationError.class).hasMessage(message);
    }
}
