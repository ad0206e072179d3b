package dev.sequelj.executor.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sequelj.executor.QueryOptions;
import dev.sequelj.executor.Sequelize;
import dev.sequelj.executor.SequelizeOptions;
import dev.sequelj.executor.query.QueryTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.sequelj.executor.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sequelj exec} on SQLite, through picocli as the launcher runs it: a file database in a temporary
 * directory (so that one run can see another's rows, and the test can look at them itself) and
 * {@code sqlite::memory:}. Every output is parsed back and checked value by value.
 */
class ExecCommandTest {
    /** Exact numbers: 12.50 stays a BigDecimal 12.50. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private static final String MODELS = """
            "models": {"user": {"attributes": {
                "id": {"type": "INTEGER", "primaryKey": true, "autoIncrement": true},
                "email": {"type": "STRING", "unique": true},
                "firstName": "STRING", "age": {"type": "INTEGER", "allowNull": false}}}}
            """;
    private static final String NOW = "2024-01-15T10:30:45.123Z"; // CliRun's clock

    @TempDir
    Path dir;

    private String fileUrl() {
        return "sqlite:" + dir.resolve("exec.db");
    }

    private static String requests(String... requests) {
        return "{" + MODELS + ", \"requests\": [" + String.join(",\n", requests) + "]}";
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static final String SYNC = """
            {"model": "user", "method": "sync", "args": [{"force": true}]}""";

    private static String create(String email, String firstName, int age) {
        return """
                {"model": "user", "method": "create", "args": [{"email": "%s", "firstName": "%s", "age": %d}]}"""
                .formatted(email, firstName, age);
    }

    @Test
    void aListOfRequestsRunsInOrderAndPrintsEachResult() throws Exception {
        CliRun run = run(requests(SYNC, create("ada@example.com", "Ada", 36), create("bob@example.com", "Bob", 17),
                """
                {"model": "user", "method": "findAll", "args": [{"where": {"age": {"$gte": 18}}, "order": [["id", "ASC"]]}]}""",
                """
                {"model": "user", "method": "findOne", "args": [{"where": {"firstName": "Nobody"}}]}"""),
                "exec", "--url", fileUrl());

        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        JsonNode results = json(run.out());
        assertThat(results.size()).isEqualTo(5);
        assertThat(results.get(0).isNull()).isTrue(); // sync: Sequelize resolves to the model class
        JsonNode ada = results.get(1);
        assertThat(ada.properties()).extracting(Map.Entry::getKey)
                .containsExactly("id", "email", "firstName", "age", "createdAt", "updatedAt");
        assertThat(ada.get("id").intValue()).isEqualTo(1);
        assertThat(ada.get("email").textValue()).isEqualTo("ada@example.com");
        assertThat(ada.get("age").intValue()).isEqualTo(36);
        assertThat(ada.get("createdAt").textValue()).isEqualTo(NOW);
        assertThat(results.get(2).get("id").intValue()).isEqualTo(2);
        assertThat(results.get(2).get("firstName").textValue()).isEqualTo("Bob");
        JsonNode adults = results.get(3);
        assertThat(adults.isArray()).isTrue();
        assertThat(adults.size()).isEqualTo(1);
        assertThat(adults.get(0)).isEqualTo(ada); // read back as created
        assertThat(results.get(4).isNull()).isTrue(); // findOne found nothing
    }

    @Test
    void oneRequestPrintsItsResultAndALaterRunSeesTheRowsOfAnEarlierOne() throws Exception {
        assertThat(run(requests(SYNC, create("ada@example.com", "Ada", 36)), "exec", "--url", fileUrl()).exit()).isZero();

        CliRun find = run("{" + MODELS + """
                , "model": "user", "method": "findOne", "args": [{"where": {"email": "ada@example.com"}}]}""",
                "exec", "-u", fileUrl());

        assertThat(find.exit()).isZero();
        JsonNode ada = json(find.out());
        assertThat(ada.isObject()).isTrue();
        assertThat(ada.get("firstName").textValue()).isEqualTo("Ada");
        assertThat(ada.get("age").intValue()).isEqualTo(36);
        assertThat(ada.get("updatedAt").textValue()).isEqualTo(NOW);
    }

    @Test
    void createTakesItsOptions() throws Exception {
        CliRun run = run(requests(SYNC, """
                {"model": "user", "method": "create", "args": [{"email": "ada@example.com", "firstName": "Ada", "age": 36},
                  {"fields": ["email", "age"]}]}""", """
                {"model": "user", "method": "findAll"}"""), "exec", "--url", fileUrl());

        assertThat(run.err()).isEmpty();
        JsonNode stored = json(run.out()).get(2).get(0);
        assertThat(stored.get("email").textValue()).isEqualTo("ada@example.com");
        assertThat(stored.get("age").intValue()).isEqualTo(36);
        assertThat(stored.get("firstName").isNull()).isTrue(); // left out by fields
    }

    @Test
    void onSqliteMemoryEveryRequestOfAListSharesTheOneDatabase() throws Exception {
        CliRun run = run(requests(SYNC, create("ada@example.com", "Ada", 36), """
                {"model": "user", "method": "findAll"}"""), "exec", "--url", "sqlite::memory:");

        assertThat(run.exit()).isZero();
        JsonNode all = json(run.out()).get(2);
        assertThat(all.size()).isEqualTo(1);
        assertThat(all.get(0).get("email").textValue()).isEqualTo("ada@example.com");
    }

    @Test
    void valuesOfEveryTypeArePrintedAsSequelizesJson() throws Exception {
        String request = """
                {"models": {"item": {"attributes": {"price": "DECIMAL(10,2)", "ratio": "DOUBLE", "day": "DATEONLY",
                   "at": "TIME", "when": "DATE", "key": "UUID", "meta": "JSON", "data": "BLOB", "ok": "BOOLEAN",
                   "big": "BIGINT"}, "options": {"timestamps": false}}},
                 "requests": [{"model": "item", "method": "sync"},
                   {"model": "item", "method": "create", "args": [{"price": "12.50", "ratio": 0.5, "day": "2024-01-15",
                     "at": "10:30:00", "when": "2024-01-15T12:30:45+02:00", "key": "00000000-0000-4000-8000-000000000001",
                     "meta": {"a": [1, true], "b": null}, "data": "hi", "ok": true, "big": 9007199254740993}]},
                   {"model": "item", "method": "findAll"}]}
                """;
        CliRun run = run(request, "exec", "--url", fileUrl());

        assertThat(run.err()).isEmpty();
        JsonNode found = json(run.out()).get(2).get(0);
        assertThat(found.get("id").intValue()).isEqualTo(1);
        assertThat(found.get("price").decimalValue()).isEqualByComparingTo(new BigDecimal("12.50"));
        assertThat(found.get("ratio").doubleValue()).isEqualTo(0.5);
        assertThat(found.get("day").textValue()).isEqualTo("2024-01-15");
        assertThat(found.get("at").textValue()).isEqualTo("10:30:00");
        assertThat(found.get("when").textValue()).isEqualTo("2024-01-15T10:30:45.000Z");
        assertThat(found.get("key").textValue()).isEqualTo("00000000-0000-4000-8000-000000000001");
        assertThat(found.get("meta")).isEqualTo(json("{\"a\": [1, true], \"b\": null}"));
        assertThat(found.get("data").textValue()).isEqualTo("6869");
        assertThat(found.get("ok").booleanValue()).isTrue();
        assertThat(found.get("big").bigIntegerValue()).hasToString("9007199254740993"); // beyond a double's digits
        assertThat(json(run.out()).get(1)).isEqualTo(found);
    }

    // ---- failures -------------------------------------------------------------------------------------

    @Test
    void aFailingRequestExitsThreeWithTheTypedErrorAndTheResultsOfTheRequestsBeforeIt() throws Exception {
        CliRun run = run(requests(SYNC, create("ada@example.com", "Ada", 36), create("ada@example.com", "Again", 40),
                create("cy@example.com", "Cy", 50)), "exec", "--url", fileUrl());

        assertThat(run.exit()).isEqualTo(SequeljCli.REQUEST_FAILED);
        JsonNode error = json(run.err()).get("error");
        assertThat(error.get("name").textValue()).isEqualTo("UniqueConstraintError");
        assertThat(error.get("message").textValue()).isNotBlank();
        assertThat(error.get("request").intValue()).isEqualTo(2);
        assertThat(error.get("sql").textValue()).startsWith("INSERT INTO `users`");
        assertThat(run.err().lines().count()).isEqualTo(1);
        JsonNode ran = json(run.out());
        assertThat(ran.size()).isEqualTo(2);
        assertThat(ran.get(1).get("firstName").textValue()).isEqualTo("Ada");
        // What ran before the failure stays; what came after it never ran.
        assertThat(emails()).containsExactly("ada@example.com");
    }

    @Test
    void withTransactionAFailureRollsBackEveryRequestAndPrintsNoResults() throws Exception {
        assertThat(run(requests(SYNC), "exec", "--url", fileUrl()).exit()).isZero();

        CliRun run = run(requests(create("ada@example.com", "Ada", 36), create("bob@example.com", "Bob", 17),
                create("ada@example.com", "Again", 40)), "exec", "--url", fileUrl(), "--transaction");

        assertThat(run.exit()).isEqualTo(SequeljCli.REQUEST_FAILED);
        assertThat(run.out()).isEmpty();
        assertThat(json(run.err()).get("error").get("name").textValue()).isEqualTo("UniqueConstraintError");
        assertThat(json(run.err()).get("error").get("request").intValue()).isEqualTo(2);
        assertThat(emails()).isEmpty();

        CliRun committed = run(requests(create("ada@example.com", "Ada", 36), create("bob@example.com", "Bob", 17)),
                "exec", "--url", fileUrl(), "--transaction");
        assertThat(committed.exit()).isZero();
        assertThat(json(committed.out()).get(1).get("id").intValue()).isEqualTo(2);
        assertThat(emails()).containsExactly("ada@example.com", "bob@example.com");
    }

    @Test
    void aBadRequestInAListIsRefusedBeforeAnyRequestRunsNamingItsPath() throws Exception {
        CliRun run = run(requests(SYNC, """
                {"model": "user", "method": "findAll", "args": [{"where": {"age": {"$gtt": 18}}}]}"""),
                "exec", "--url", fileUrl());

        assertThat(run.exit()).isEqualTo(SequeljCli.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        JsonNode error = json(run.err()).get("error");
        assertThat(error.get("name").textValue()).isEqualTo("ValidationError");
        assertThat(error.get("message").textValue())
                .isEqualTo("requests[1].args[0].where.age.$gtt: unknown operator; did you mean $gt?");
        assertThat(error.has("request")).isFalse();
        assertThat(tables()).isEmpty(); // the sync of requests[0] never ran
    }

    @Test
    void aBadSingleRequestNamesItsPathAsRenderDoes() throws Exception {
        CliRun run = run("{" + MODELS + ", \"model\": \"user\", \"method\": \"findAll\", \"args\": [{\"limt\": 2}]}",
                "exec", "--url", fileUrl());

        assertThat(run.exit()).isEqualTo(SequeljCli.BAD_INPUT);
        assertThat(json(run.err()).get("error").get("message").textValue())
                .isEqualTo("args[0].limt: unknown option; did you mean limit?");
        assertThat(run(requests("{\"model\": \"usr\", \"method\": \"findAll\"}"), "exec", "--url", fileUrl()).err())
                .contains("requests[0].model: no model 'usr' in models; did you mean user?");
        assertThat(run("{" + MODELS + ", \"requests\": []}", "exec", "--url", fileUrl()).err()).contains("requests: empty");
        assertThat(run("not json", "exec", "--url", fileUrl()).err()).contains("request: not valid JSON");
        assertThat(run("", "exec", "--url", fileUrl()).err()).contains("request: empty");
    }

    @Test
    void aMethodWithoutAJavaApiIsRefusedBeforeAnythingRuns() throws Exception {
        CliRun run = run(requests(SYNC, """
                {"model": "user", "method": "queryInterface.addColumn", "args": ["users", "nickname", "STRING"]}"""),
                "exec", "--url", fileUrl());

        assertThat(run.exit()).isEqualTo(SequeljCli.BAD_INPUT);
        JsonNode error = json(run.err()).get("error");
        assertThat(error.get("name").textValue()).isEqualTo("UnsupportedFeatureError");
        assertThat(error.get("message").textValue()).startsWith("method: queryInterface.addColumn has no Java API");
        assertThat(error.get("request").intValue()).isEqualTo(1);
        assertThat(tables()).isEmpty();
    }

    @Test
    void aBadUrlOrAMissingOneIsAUsageError() throws Exception {
        CliRun unknown = run(requests(SYNC), "exec", "--url", "nosuchdb://localhost/x");
        assertThat(unknown.exit()).isEqualTo(SequeljCli.BAD_INPUT);
        assertThat(json(unknown.err()).get("error").get("name").textValue()).isEqualTo("ConfigurationError");

        CliRun missing = run(requests(SYNC), "exec");
        assertThat(missing.exit()).isEqualTo(SequeljCli.BAD_INPUT);
        assertThat(missing.err()).startsWith("Missing required option: '--url=<uri>'");
    }

    @Test
    void aServerThatDoesNotAnswerIsAConnectionErrorOfTheFirstRequestAfterAcquire() throws Exception {
        // Port 1 on the loopback: nothing listens there, so the connection is refused at once.
        CliRun run = run(requests(SYNC), "exec", "--url", "postgres://postgres@127.0.0.1:1/none", "--acquire", "2000");

        assertThat(run.exit()).isEqualTo(SequeljCli.REQUEST_FAILED);
        JsonNode error = json(run.err()).get("error");
        assertThat(error.get("name").textValue()).isEqualTo("ConnectionRefusedError");
        assertThat(error.get("request").intValue()).isZero();
        assertThat(json(run.out()).isEmpty()).isTrue();
    }

    @Test
    void logPrintsEachStatementOnStandardErrorAsSequelizeLogsIt() throws Exception {
        CliRun run = run(requests(SYNC, """
                {"model": "user", "method": "findAll"}"""), "exec", "--url", fileUrl(), "--log");

        assertThat(run.exit()).isZero();
        assertThat(run.err().lines().toList()).containsExactly(
                "Executing (default): DROP TABLE IF EXISTS `users`;",
                "Executing (default): CREATE TABLE IF NOT EXISTS `users` (`id` INTEGER PRIMARY KEY AUTOINCREMENT,"
                        + " `email` VARCHAR(255) UNIQUE, `firstName` VARCHAR(255), `age` INTEGER NOT NULL,"
                        + " `createdAt` DATETIME NOT NULL, `updatedAt` DATETIME NOT NULL);",
                "Executing (default): SELECT `id`, `email`, `firstName`, `age`, `createdAt`, `updatedAt` FROM `users` AS `user`;");
        assertThat(json(run.out()).get(1).isEmpty()).isTrue();
    }

    @Test
    void theRequestCanBeAFile() throws Exception {
        Path request = dir.resolve("request.json");
        Files.writeString(request, requests(SYNC, create("ada@example.com", "Ada", 36)));

        CliRun run = run("", "exec", "--url", fileUrl(), request.toString());

        assertThat(run.exit()).isZero();
        assertThat(emails()).containsExactly("ada@example.com");
    }

    // ---- what is in the database, read with a Sequelize of the test's own ----------------------------

    private List<Object> emails() {
        try (Sequelize sequelize = new Sequelize(fileUrl(), SequelizeOptions.options().logging(false))) {
            return sequelize.query("SELECT email FROM users ORDER BY id", QueryOptions.options(QueryTypes.SELECT)).join()
                    .stream().map(row -> row.get("email")).toList();
        }
    }

    private List<Object> tables() {
        try (Sequelize sequelize = new Sequelize(fileUrl(), SequelizeOptions.options().logging(false))) {
            return sequelize.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'users'",
                    QueryOptions.options(QueryTypes.SELECT)).join().stream().map(row -> row.get("name")).toList();
        }
    }
}
