package dev.sequelj.executor.spi;

import dev.sequelj.ast.finder.BulkCreateOptions;
import dev.sequelj.ast.finder.DestroyOptions;
import dev.sequelj.ast.finder.FindStatements;
import dev.sequelj.ast.finder.UpdateOptions;
import dev.sequelj.ast.finder.UpsertOptions;
import dev.sequelj.ast.finder.WriteStatements;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.ast.finder.TableStatements;
import dev.sequelj.executor.Model;
import dev.sequelj.executor.ModelInstance;
import dev.sequelj.executor.Sequelize;
import dev.sequelj.executor.SequelizeOptions;
import dev.sequelj.executor.error.ConnectionError;
import dev.sequelj.executor.error.TimeoutError;
import dev.sequelj.executor.QueryOptions;
import dev.sequelj.executor.query.QueryTypes;
import dev.sequelj.executor.spi.RecordingExecutor.Call;
import dev.sequelj.render.Sql;
import io.vavr.collection.Array;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import static dev.sequelj.ast.finder.FindOptions.options;
import static dev.sequelj.ast.model.Attribute.attribute;
import static dev.sequelj.executor.testing.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The recording executor shipped in main code: what it records (every statement with its kind and
 * connection) and how it answers (rules by text, pattern, kind or predicate, then answers in order, then
 * empty). And the kinds Sequelj tells an executor for each call.
 */
class RecordingExecutorTest {
    private static final Instant NOW = Instant.parse("2024-01-15T10:30:45.123Z");

    private static Sequelize sequelize(RecordingExecutor executor) {
        return new Sequelize("postgres", executor, SequelizeOptions.options().logging(false));
    }

    private static Model user(Sequelize sequelize) {
        return sequelize.define("user", List.of(attribute("firstName", DataTypes.STRING)),
                ModelOptions.options().timestamps(false));
    }

    private static Sql sql(String text) {
        return new Sql(text, Array.empty(), Sql.Returns.ROWS);
    }

    @Test
    void everyCallIsRecordedWithItsKindAndItsConnection() {
        RecordingExecutor executor = new RecordingExecutor();
        try (Sequelize sequelize = sequelize(executor)) {
            Model user = user(sequelize);
            sequelize.authenticate().join();
            user.sync(true).join();
            executor.answer(QueryResult.rows(List.of("id", "firstName"), new Object[] {1, "John"}));
            user.create(Map.of("firstName", "John")).join();
            user.findAll().join();
            sequelize.query("UPDATE users SET x = 1", QueryOptions.options(QueryTypes.UPDATE)).join();
            sequelize.query("DELETE FROM users", QueryOptions.options(QueryTypes.DELETE)).join();
            sequelize.query("SELECT 1", QueryOptions.options(QueryTypes.SELECT)).join();
            sequelize.query("INSERT INTO users DEFAULT VALUES", QueryOptions.options(QueryTypes.INSERT)).join();
            sequelize.query("VACUUM").join();
            sequelize.transaction(t -> user.findOne(t)).join();
        }

        assertThat(executor.calls()).extracting(Call::connection, Call::kind, call -> call.sql().text()).containsExactly(
                tuple("pool", StatementKind.RAW, "SELECT 1+1 AS result;"),
                tuple("pool", StatementKind.DDL, "DROP TABLE IF EXISTS \"users\" CASCADE;"),
                tuple("pool", StatementKind.DDL,
                        "CREATE TABLE IF NOT EXISTS \"users\" (\"id\" SERIAL, \"firstName\" VARCHAR(255), PRIMARY KEY (\"id\"));"),
                tuple("pool", StatementKind.INSERT,
                        "INSERT INTO \"users\" (\"id\",\"firstName\") VALUES (DEFAULT,?) RETURNING \"id\",\"firstName\";"),
                tuple("pool", StatementKind.SELECT, "SELECT \"id\", \"firstName\" FROM \"users\" AS \"user\";"),
                tuple("pool", StatementKind.UPDATE, "UPDATE users SET x = 1"),
                tuple("pool", StatementKind.DELETE, "DELETE FROM users"),
                tuple("pool", StatementKind.SELECT, "SELECT 1"),
                tuple("pool", StatementKind.INSERT, "INSERT INTO users DEFAULT VALUES"),
                tuple("pool", StatementKind.RAW, "VACUUM"),
                tuple("#1", StatementKind.TRANSACTION_CONTROL, "START TRANSACTION;"),
                tuple("#1", StatementKind.SELECT,
                        "SELECT \"id\", \"firstName\" FROM \"users\" AS \"user\" LIMIT ?;"),
                tuple("#1", StatementKind.TRANSACTION_CONTROL, "COMMIT;"));
        assertThat(executor.statements()).extracting(Sql::text).first().isEqualTo("SELECT 1+1 AS result;");
        assertThat(executor.events()).endsWith("reserve #1", "#1: START TRANSACTION;",
                "#1: SELECT \"id\", \"firstName\" FROM \"users\" AS \"user\" LIMIT ?;", "#1: COMMIT;", "release #1");
    }

    @Test
    void everyStatementSequeljBuildsHasAKind() {
        ModelDefinition user = ModelDefinition.define("user", List.of(attribute("firstName", DataTypes.STRING)),
                ModelOptions.options().timestamps(false));
        Map<String, Object> john = Map.of("firstName", "John");

        assertThat(StatementKind.of(FindStatements.findAll(user, options()))).isEqualTo(StatementKind.SELECT);
        assertThat(StatementKind.of(FindStatements.count(user, options()))).isEqualTo(StatementKind.SELECT);
        assertThat(StatementKind.of(WriteStatements.create(user, john, NOW))).isEqualTo(StatementKind.INSERT);
        assertThat(StatementKind.of(WriteStatements.bulkCreate(user, List.of(john), BulkCreateOptions.options(), NOW).get()))
                .isEqualTo(StatementKind.INSERT);
        assertThat(StatementKind.of(WriteStatements.upsert(user, john, UpsertOptions.options(), NOW))).isEqualTo(StatementKind.UPSERT);
        assertThat(StatementKind.of(WriteStatements.update(user, john, UpdateOptions.options().where(Map.of("id", 1)), NOW).get()))
                .isEqualTo(StatementKind.UPDATE);
        assertThat(StatementKind.of(WriteStatements.destroy(user, DestroyOptions.options().where(Map.of("id", 1)), NOW)))
                .isEqualTo(StatementKind.DELETE);
        assertThat(StatementKind.of(WriteStatements.truncate(user, DestroyOptions.options(), NOW))).isEqualTo(StatementKind.DELETE);
        assertThat(StatementKind.of(TableStatements.createTable(user))).isEqualTo(StatementKind.DDL);
        assertThat(StatementKind.of(TableStatements.dropTable(user, false))).isEqualTo(StatementKind.DDL);

        assertThat(Array.of(StatementKind.values()).filter(StatementKind::readOnly)).containsExactly(StatementKind.SELECT);
    }

    @Test
    void rulesAnswerEveryMatchingStatementTheFirstMatchingRuleWins() {
        QueryResult johns = QueryResult.rows(List.of("id", "firstName"), new Object[] {1, "John"}, new Object[] {2, "John"});
        QueryResult one = QueryResult.rows(List.of("n"), new Object[] {1});
        RecordingExecutor executor = new RecordingExecutor()
                .when("SELECT 1;").thenAnswer(one)
                .when(Pattern.compile("FROM \"users\"")).thenAnswer(johns)
                .when(Pattern.compile("^SELECT")).thenFail(new TimeoutError("scripted", null))
                .when(StatementKind.DELETE).thenAnswer(QueryResult.updated(3))
                .when(call -> call.connection().startsWith("#")).thenAnswer(QueryResult.updated(9));

        assertThat(executor.execute(sql("SELECT 1;"), StatementKind.SELECT).join()).isSameAs(one);
        assertThat(executor.execute(sql("SELECT 1;"), StatementKind.SELECT).join()).as("again").isSameAs(one);
        assertThat(executor.execute(sql("SELECT * FROM \"users\";"), StatementKind.SELECT).join()).isSameAs(johns);
        assertThat(executor.execute(sql("SELECT * FROM \"users\" WHERE x;"), StatementKind.SELECT).join()).isSameAs(johns);
        failure(executor.execute(sql("SELECT 2;"), StatementKind.SELECT), TimeoutError.class);
        assertThat(executor.execute(sql("DELETE FROM t;"), StatementKind.DELETE).join().updateCount()).isEqualTo(3);
        assertThat(executor.reserve().join().execute(sql("UPDATE t SET a = 1;"), StatementKind.UPDATE).join().updateCount())
                .isEqualTo(9);
        assertThat(executor.execute(sql("UPDATE t SET a = 1;"), StatementKind.UPDATE).join()).isEqualTo(QueryResult.empty());
    }

    @Test
    void statementsNoRuleMatchesTakeTheQueuedAnswersInOrderThenEmpty() {
        CompletableFuture<QueryResult> later = new CompletableFuture<>();
        RecordingExecutor executor = new RecordingExecutor()
                .when("SELECT 1;").thenAnswer(QueryResult.updated(1))
                .answer(QueryResult.generatedKey(42L))
                .fail(new ConnectionError("scripted", null))
                .answer(later);

        assertThat(executor.execute(sql("INSERT a;")).join().generatedKey().get()).isEqualTo(42L);
        assertThat(executor.execute(sql("SELECT 1;")).join().updateCount()).as("a rule takes no queued answer").isEqualTo(1);
        failure(executor.execute(sql("INSERT b;")), ConnectionError.class);
        CompletableFuture<QueryResult> pending = executor.execute(sql("INSERT c;"));
        assertThat(pending).isNotDone();
        later.complete(QueryResult.updated(5));
        assertThat(pending.join().updateCount()).isEqualTo(5);
        assertThat(executor.execute(sql("INSERT d;")).join()).isEqualTo(QueryResult.empty());

        assertThat(executor.calls()).extracting(Call::kind).as("execute(Sql) has no kind: RAW").containsOnly(StatementKind.RAW);
    }

    @Test
    void scriptedRowsBecomeInstancesOffline() {
        RecordingExecutor executor = new RecordingExecutor()
                .when(Pattern.compile("^SELECT .* FROM \"users\"")).thenAnswer(
                        QueryResult.rows(List.of("id", "firstName"), new Object[] {1, "John"}, new Object[] {2, "Jane"}));
        try (Sequelize sequelize = sequelize(executor)) {
            List<ModelInstance> users = user(sequelize).findAll(options().where(Map.of("firstName", "J%"))).join();

            assertThat(users).extracting(u -> u.get("firstName")).containsExactly("John", "Jane");
            assertThat(executor.statements()).containsExactly(new Sql(
                    "SELECT \"id\", \"firstName\" FROM \"users\" AS \"user\" WHERE \"user\".\"firstName\" = ?;",
                    Array.of("J%"), Sql.Returns.ROWS));
        }
    }

    @Test
    void afterCloseEveryStatementAndReservationFails() {
        RecordingExecutor executor = new RecordingExecutor();
        executor.close();

        assertThat(executor.closed()).isTrue();
        assertThat(failure(executor.execute(sql("SELECT 1;")), ConnectionError.class))
                .hasMessage("the recording executor is closed: sequelize.close() was called");
        failure(executor.reserve(), ConnectionError.class);
        assertThat(executor.calls()).isEmpty();
    }

    @Test
    void aRowMustHoldOneValuePerColumn() {
        assertThatThrownBy(() -> QueryResult.rows(List.of("id", "name"), new Object[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a row of 1 values for 2 columns [id, name]: [1]");
    }
}
