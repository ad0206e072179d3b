package dev.sequelj.executor.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.finder.FindOptions;
import dev.sequelj.executor.Model;
import dev.sequelj.executor.ModelInstance;
import dev.sequelj.executor.Sequelize;
import dev.sequelj.executor.SequelizeOptions;
import dev.sequelj.executor.testing.LiveDatabase;
import dev.sequelj.executor.testing.LiveSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.sequelj.ast.model.Attribute.attribute;
import static dev.sequelj.executor.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sequelj exec} against every live database (SQLite as a file in a temporary directory): the
 * results printed, parsed back value by value, and the rows read back through a Sequelize of the test's
 * own, on a connection of its own. Model names are the session's unique ones, and their tables are
 * dropped afterwards.
 */
class ExecCommandLiveTest {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private static final Instant NOW = Instant.parse("2024-01-15T10:30:45.123Z"); // CliRun's clock

    @TempDir
    Path dir;

    /** The attributes of the request's model, as the test defines them too, to read the rows back. */
    private static final List<Attribute> USER = List.of(
            attribute("email", DataTypes.STRING).unique(true),
            attribute("firstName", DataTypes.STRING),
            attribute("age", DataTypes.INTEGER).allowNull(false),
            attribute("balance", DataTypes.DECIMAL(10, 2)),
            attribute("active", DataTypes.BOOLEAN),
            attribute("birthday", DataTypes.DATEONLY));

    private String models(LiveSession live) {
        return """
                "models": {"%s": {"attributes": {
                    "email": {"type": "STRING", "unique": true}, "firstName": "STRING",
                    "age": {"type": "INTEGER", "allowNull": false}, "balance": "DECIMAL(10,2)",
                    "active": "BOOLEAN", "birthday": "DATEONLY"}}}""".formatted(live.name("user"));
    }

    private String requests(LiveSession live, String... requests) {
        return "{" + models(live) + ", \"requests\": [" + String.join(",\n", requests).replace("$user", live.name("user")) + "]}";
    }

    private String url(LiveDatabase database) {
        return database == LiveDatabase.SQLITE ? "sqlite:" + dir.resolve("exec.db") : database.uri();
    }

    /** SQLite only: a Sequelize on the test's file, as the session's own is on {@code sqlite::memory:}. */
    private Sequelize onFile;

    @AfterEach
    void closeFile() {
        if (onFile != null) {
            onFile.close();
        }
    }

    /**
     * The request's model, defined by the test to read its rows back on a connection of its own: the
     * session's (whose tables are dropped when it closes), or on SQLite one on the test's file.
     */
    private Model readBack(LiveSession live, LiveDatabase database) {
        Model registered = live.define("user", USER);
        if (database != LiveDatabase.SQLITE) {
            return registered;
        }
        onFile = new Sequelize(url(database), SequelizeOptions.options().logging(false));
        return onFile.define(live.name("user"), USER);
    }

    private static final String SYNC = """
            {"model": "$user", "method": "sync", "args": [{"force": true}]}""";

    private static String create(String email, String firstName, int age, String balance) {
        return """
                {"model": "$user", "method": "create", "args": [{"email": "%s", "firstName": "%s", "age": %d,
                  "balance": "%s", "active": true, "birthday": "1990-02-28"}]}""".formatted(email, firstName, age, balance);
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void requestsRunInOrderAndPrintWhatTheModelApiAnswers(LiveDatabase database) throws Exception {
        try (LiveSession live = database.session(SequelizeOptions.options().logging(false))) {
            Model users = readBack(live, database);

            CliRun run = run(requests(live, SYNC, create("ada@example.com", "Ada", 36, "12.50"),
                    create("bob@example.com", "Bob", 17, "-3.25"), """
                    {"model": "$user", "method": "findAll", "args": [{"where": {"age": {"$gte": 18}}, "order": [["id", "ASC"]]}]}""",
                    """
                    {"model": "$user", "method": "findOne", "args": [{"where": {"firstName": "Bob"}}]}""", """
                    {"model": "$user", "method": "findOne", "args": [{"where": {"firstName": "Nobody"}}]}"""),
                    "exec", "--url", url(database));

            assertThat(run.err()).isEmpty();
            assertThat(run.exit()).isZero();
            JsonNode results = JSON.readTree(run.out());
            assertThat(results.size()).isEqualTo(6);
            assertThat(results.get(0).isNull()).isTrue();
            JsonNode ada = results.get(1);
            assertThat(ada.get("id").intValue()).isEqualTo(1);
            assertThat(ada.get("email").textValue()).isEqualTo("ada@example.com");
            assertThat(ada.get("age").intValue()).isEqualTo(36);
            assertThat(ada.get("balance").decimalValue()).isEqualByComparingTo("12.50");
            assertThat(ada.get("active").booleanValue()).isTrue();
            assertThat(ada.get("birthday").textValue()).isEqualTo("1990-02-28");
            // MySQL's DATETIME keeps no milliseconds, and the created instance holds what a find returns.
            Instant stamped = database == LiveDatabase.MARIADB || database == LiveDatabase.MYSQL
                    ? Instant.parse("2024-01-15T10:30:45Z") : NOW;
            assertThat(Instant.parse(ada.get("createdAt").textValue())).isEqualTo(stamped);
            JsonNode adults = results.get(3);
            assertThat(adults.size()).isEqualTo(1);
            assertThat(adults.get(0)).isEqualTo(ada);
            JsonNode bob = results.get(4);
            assertThat(bob.get("id").intValue()).isEqualTo(2);
            assertThat(bob.get("balance").decimalValue()).isEqualByComparingTo("-3.25");
            assertThat(results.get(5).isNull()).isTrue();

            // Read back on a connection of the test's own: the rows exec wrote, as the Java API reads them.
            List<ModelInstance> stored = users.findAll(FindOptions.options().order("id")).join();
            assertThat(stored).extracting(u -> u.get("email")).containsExactly("ada@example.com", "bob@example.com");
            assertThat(JSON.readTree(ResultJson.pretty(ResultJson.value(stored)))).isEqualTo(
                    JSON.createArrayNode().add(ada).add(bob));
            if (database != LiveDatabase.SQLITE) {
                // A server keeps a DECIMAL's scale, and exec prints it exactly.
                assertThat(ada.get("balance").decimalValue()).isEqualTo(new BigDecimal("12.50"));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void everyModelMethodAnswersAsItsJavaMethodDoes(LiveDatabase database) throws Exception {
        try (LiveSession live = database.session(SequelizeOptions.options().logging(false))) {
            Model users = readBack(live, database);
            String[] requests = {
                    SYNC,
                    """
                    {"model": "$user", "method": "bulkCreate", "args": [[
                      {"email": "a@x.org", "firstName": "Ada", "age": 36, "balance": "10.00"},
                      {"email": "b@x.org", "firstName": "Bob", "age": 17, "balance": "2.50"},
                      {"email": "c@x.org", "firstName": "Ada", "age": 50, "balance": "7.25"}]]}""",
                    """
                    {"model": "$user", "method": "findByPk", "args": [2]}""",
                    """
                    {"model": "$user", "method": "findByPk", "args": [99]}""",
                    """
                    {"model": "$user", "method": "findOrCreate", "args": [{"where": {"email": "d@x.org"}, "defaults": {"firstName": "Dee", "age": 20}}]}""",
                    """
                    {"model": "$user", "method": "findOrCreate", "args": [{"where": {"email": "d@x.org"}, "defaults": {"firstName": "Other", "age": 99}}]}""",
                    """
                    {"model": "$user", "method": "findAndCountAll", "args": [{"where": {"age": {"$gte": 18}}, "order": [["id", "ASC"]], "limit": 2}]}""",
                    """
                    {"model": "$user", "method": "count", "args": [{"where": {"firstName": "Ada"}}]}""",
                    """
                    {"model": "$user", "method": "count", "args": [{"group": "firstName"}]}""",
                    """
                    {"model": "$user", "method": "max", "args": ["age"]}""",
                    """
                    {"model": "$user", "method": "min", "args": ["age", {"where": {"firstName": "Ada"}}]}""",
                    """
                    {"model": "$user", "method": "sum", "args": ["age"]}""",
                    """
                    {"model": "$user", "method": "update", "args": [{"firstName": "Bo"}, {"where": {"age": {"$lt": 18}}}]}""",
                    """
                    {"model": "$user", "method": "increment", "args": ["age", {"by": 2, "where": {"email": "a@x.org"}}]}""",
                    """
                    {"model": "$user", "method": "decrement", "args": [{"age": 5}, {"where": {"email": "c@x.org"}}]}""",
                    """
                    {"model": "$user", "method": "upsert", "args": [{"id": 7, "email": "e@x.org", "firstName": "Eve", "age": 40}]}""",
                    """
                    {"model": "$user", "method": "destroy", "args": [{"where": {"age": {"$lt": 21}}}]}""",
                    """
                    {"model": "$user", "method": "findAll", "args": [{"order": [["id", "ASC"]], "attributes": ["id", "firstName", "age"]}]}""",
                    """
                    {"model": "$user", "method": "truncate"}""",
                    """
                    {"model": "$user", "method": "count"}"""};
            CliRun run = run(requests(live, requests), "exec", "--url", url(database));

            assertThat(run.err()).isEmpty();
            assertThat(run.exit()).isZero();
            JsonNode results = JSON.readTree(run.out());
            assertThat(results.size()).isEqualTo(requests.length);
            JsonNode bulk = results.get(1);
            assertThat(bulk.size()).isEqualTo(3);
            assertThat(bulk.get(2).get("id").intValue()).isEqualTo(3);
            assertThat(bulk.get(2).get("email").textValue()).isEqualTo("c@x.org");
            assertThat(results.get(2).get("firstName").textValue()).isEqualTo("Bob");
            assertThat(results.get(2).get("balance").decimalValue()).isEqualByComparingTo("2.50");
            assertThat(results.get(3).isNull()).isTrue();
            // findOrCreate: [instance, created], created the first time, found the second.
            assertThat(results.get(4).size()).isEqualTo(2);
            assertThat(results.get(4).get(0).get("id").intValue()).isEqualTo(4);
            assertThat(results.get(4).get(0).get("firstName").textValue()).isEqualTo("Dee");
            assertThat(results.get(4).get(1).booleanValue()).isTrue();
            assertThat(results.get(5).get(0).get("firstName").textValue()).isEqualTo("Dee");
            assertThat(results.get(5).get(1).booleanValue()).isFalse();
            // findAndCountAll: {count, rows}, the count ignoring the limit.
            JsonNode page = results.get(6);
            assertThat(page.properties()).extracting(Map.Entry::getKey).containsExactly("count", "rows");
            assertThat(page.get("count").intValue()).isEqualTo(3);
            assertThat(page.get("rows").size()).isEqualTo(2);
            assertThat(page.get("rows").get(1).get("email").textValue()).isEqualTo("c@x.org");
            assertThat(results.get(7).intValue()).isEqualTo(2);
            JsonNode groups = results.get(8);
            // count drops order, as Sequelize's does: the groups come in the database's order.
            Map<String, Integer> counts = new java.util.TreeMap<>();
            groups.forEach(group -> counts.put(group.get("firstName").textValue(), group.get("count").intValue()));
            assertThat(counts).isEqualTo(Map.of("Ada", 2, "Bob", 1, "Dee", 1));
            assertThat(groups.get(0).properties()).extracting(Map.Entry::getKey).containsExactly("firstName", "count");
            assertThat(results.get(9).intValue()).isEqualTo(50);
            assertThat(results.get(10).intValue()).isEqualTo(36);
            assertThat(results.get(11).intValue()).isEqualTo(36 + 17 + 50 + 20);
            // update: Sequelize's [affectedCount]. increment and decrement return rows by default, as in
            // Sequelize: [affectedCount, affectedRows], the rows where the database hands them back.
            assertThat(results.get(12).toString()).isEqualTo("[1]");
            boolean handsBack = database != LiveDatabase.MYSQL && database != LiveDatabase.MARIADB;
            for (int i : new int[] {13, 14}) {
                assertThat(results.get(i).get(0).intValue()).isEqualTo(1);
                assertThat(results.get(i).get(1).size()).isEqualTo(handsBack ? 1 : 0);
            }
            if (handsBack) {
                assertThat(results.get(13).get(1).get(0).get("age").intValue()).isEqualTo(38);
                assertThat(results.get(14).get(1).get(0).get("age").intValue()).isEqualTo(45);
            }
            // upsert: [instance, created]; created is known only where the database tells (MySQL's count).
            assertThat(results.get(15).get(0).get("firstName").textValue()).isEqualTo("Eve");
            JsonNode created = results.get(15).get(1);
            assertThat(created.isNull() || created.booleanValue()).isTrue();
            if (database == LiveDatabase.MYSQL) {
                assertThat(created.booleanValue()).isTrue();
            }
            assertThat(results.get(16).intValue()).isEqualTo(2); // Bo (17) and Dee (20)
            JsonNode left = results.get(17);
            assertThat(left.toString()).isEqualTo("[{\"id\":1,\"firstName\":\"Ada\",\"age\":38},"
                    + "{\"id\":3,\"firstName\":\"Ada\",\"age\":45},{\"id\":7,\"firstName\":\"Eve\",\"age\":40}]");
            assertThat(results.get(18).isNull()).isTrue();
            assertThat(results.get(19).intValue()).isZero();
            assertThat(users.count().join()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void updateWithReturningAnswersTheRowsWhereTheDatabaseHandsThemBack(LiveDatabase database) throws Exception {
        try (LiveSession live = database.session(SequelizeOptions.options().logging(false))) {
            Model users = readBack(live, database);
            CliRun run = run(requests(live, SYNC, create("a@x.org", "Ada", 36, "1"), create("b@x.org", "Bob", 17, "2"), """
                    {"model": "$user", "method": "update", "args": [{"age": 18}, {"where": {"firstName": "Bob"}, "returning": true}]}"""),
                    "exec", "--url", url(database));

            assertThat(run.err()).isEmpty();
            JsonNode updated = JSON.readTree(run.out()).get(3);
            assertThat(updated.size()).isEqualTo(2);
            assertThat(updated.get(0).intValue()).isEqualTo(1);
            // MySQL and MariaDB hand back no rows from an UPDATE: an empty list, as in Sequelize.
            boolean handsBack = database != LiveDatabase.MYSQL && database != LiveDatabase.MARIADB;
            assertThat(updated.get(1).size()).isEqualTo(handsBack ? 1 : 0);
            if (handsBack) {
                assertThat(updated.get(1).get(0).get("age").intValue()).isEqualTo(18);
                assertThat(updated.get(1).get(0).get("email").textValue()).isEqualTo("b@x.org");
            }
            assertThat(users.findAll().join()).extracting(u -> u.get("age")).containsExactlyInAnyOrder(36, 18);
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void aFailingRequestIsTypedAndWithTransactionNothingOfTheListRemains(LiveDatabase database) throws Exception {
        try (LiveSession live = database.session(SequelizeOptions.options().logging(false))) {
            Model users = readBack(live, database);
            assertThat(run(requests(live, SYNC), "exec", "--url", url(database)).exit()).isZero();

            CliRun failed = run(requests(live, create("ada@example.com", "Ada", 36, "1"), create("bob@example.com", "Bob", 17, "2"),
                    create("ada@example.com", "Again", 40, "3")), "exec", "--url", url(database), "--transaction");

            assertThat(failed.exit()).isEqualTo(SequeljCli.REQUEST_FAILED);
            assertThat(failed.out()).isEmpty();
            JsonNode error = JSON.readTree(failed.err()).get("error");
            assertThat(error.get("name").textValue()).isEqualTo("UniqueConstraintError");
            assertThat(error.get("request").intValue()).isEqualTo(2);
            assertThat(users.findAll().join()).isEmpty();

            CliRun partly = run(requests(live, create("ada@example.com", "Ada", 36, "1"),
                    create("ada@example.com", "Again", 40, "3")), "exec", "--url", url(database));

            assertThat(partly.exit()).isEqualTo(SequeljCli.REQUEST_FAILED);
            assertThat(JSON.readTree(partly.err()).get("error").get("request").intValue()).isEqualTo(1);
            assertThat(JSON.readTree(partly.out()).get(0).get("firstName").textValue()).isEqualTo("Ada");
            assertThat(users.findAll().join()).extracting(u -> u.get("firstName")).containsExactly("Ada");
        }
    }
}
