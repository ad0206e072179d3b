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
