package dev.sequelj.executor.spi;

import dev.sequelj.ast.error.SequeljError;
import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.executor.Model;
import dev.sequelj.executor.ModelInstance;
import dev.sequelj.executor.Sequelize;
import dev.sequelj.executor.SequelizeOptions;
import dev.sequelj.executor.error.DatabaseError;
import dev.sequelj.render.Sql;
import dev.sequelj.render.Sql.Returns;
import io.vavr.collection.Array;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.sequelj.ast.finder.FindOptions.options;
import static dev.sequelj.ast.model.Attribute.attribute;
import static dev.sequelj.executor.testing.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link Executor} seam: {@code new Sequelize(dialect, executor, options)} hands a user's own executor
 * the statements rendered for that dialect, values bound and in the dialect's stored form, and builds
 * instances from whatever it answers.
 */
class CustomExecutorTest {
    private static final Instant NOW = Instant.parse("2024-01-15T10:30:45.123Z");
    private static final OffsetDateTime NOW_UTC = OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC);
    private static final Array<String> USER_COLUMNS = Array.of("id", "firstName", "lastName", "createdAt", "updatedAt");

    private static Sequelize sequelize(String dialect, Executor executor) {
        return new Sequelize(dialect, executor, SequelizeOptions.options()
                .logging(false)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    private static Model user(Sequelize sequelize) {
        return sequelize.define("user", List.of(
                attribute("firstName", DataTypes.STRING).allowNull(false),
                attribute("lastName", DataTypes.STRING)));
    }

    private static Sql sql(String text, Returns returns, Object... params) {
        return new Sql(text, Array.of(params), returns);
    }

    private static QueryResult rows(Array<String> columns, Object[]... rows) {
        return new QueryResult(columns, List.of(rows), -1, Option.none());
    }

    private static Map<String, Object> john(Object id, Instant stamp) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", id);
        values.put("firstName", "John");
        values.put("lastName", "Hancock");
        values.put("createdAt", stamp);
        values.put("updatedAt", stamp);
        return values;
    }

    @Test
    void postgresStatementsArriveRenderedWithBoundValuesAndTheAnswersBecomeInstances() {
        RecordingExecutor executor = new RecordingExecutor();
        try (Sequelize sequelize = sequelize("postgres", executor)) {
            assertThat(sequelize.getDialect()).isEqualTo("postgres");
            sequelize.authenticate().join();
            Model user = user(sequelize);
            user.sync(true).join();
            executor.answer(rows(USER_COLUMNS, new Object[] {7, "John", "Hancock", NOW_UTC, NOW_UTC}));
            ModelInstance created = user.create(Map.of("firstName", "John", "lastName", "Hancock")).join();
            executor.answer(rows(USER_COLUMNS, new Object[] {7, "John", "Hancock", NOW_UTC, NOW_UTC}));
            ModelInstance found = user.findOne(options().where(Map.of("firstName", "John"))).join().orElseThrow();

            assertThat(executor.statements()).containsExactly(
                    sql("SELECT 1+1 AS result;", Returns.ROWS),
                    sql("DROP TABLE IF EXISTS \"users\" CASCADE;", Returns.NOTHING),
                    sql("CREATE TABLE IF NOT EXISTS \"users\" (\"id\" SERIAL, \"firstName\" VARCHAR(255) NOT NULL,"
                            + " \"lastName\" VARCHAR(255), \"createdAt\" TIMESTAMP WITH TIME ZONE NOT NULL,"
                            + " \"updatedAt\" TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (\"id\"));", Returns.NOTHING),
                    sql("INSERT INTO \"users\" (\"id\",\"firstName\",\"lastName\",\"createdAt\",\"updatedAt\")"
                            + " VALUES (DEFAULT,?,?,?,?) RETURNING \"id\",\"firstName\",\"lastName\",\"createdAt\",\"updatedAt\";",
                            Returns.ROWS, "John", "Hancock", NOW_UTC, NOW_UTC),
                    sql("SELECT \"id\", \"firstName\", \"lastName\", \"createdAt\", \"updatedAt\" FROM \"users\" AS \"user\""
                            + " WHERE \"user\".\"firstName\" = ? LIMIT ?;", Returns.ROWS, "John", 1));
            assertThat(created.dataValues()).isEqualTo(john(7, NOW));
            assertThat(found).isEqualTo(created);
        }
        assertThat(executor.closed()).isTrue();
    }

    /** MySQL cannot return the row: the executor is asked for the generated key, and the dates go as whole seconds. */
    @Test
    void mysqlAsksForTheGeneratedKey() {
        RecordingExecutor executor = new RecordingExecutor();
        try (Sequelize sequelize = sequelize("mysql", executor)) {
            Model user = user(sequelize);
            executor.answer(new QueryResult(Array.empty(), List.of(), 1, Option.some(BigInteger.valueOf(42))));
            ModelInstance created = user.create(Map.of("firstName", "John", "lastName", "Hancock")).join();

            LocalDateTime wholeSeconds = LocalDateTime.parse("2024-01-15T10:30:45");
            assertThat(executor.statements()).containsExactly(
                    sql("INSERT INTO `users` (`id`,`firstName`,`lastName`,`createdAt`,`updatedAt`) VALUES (DEFAULT,?,?,?,?);",
                            Returns.GENERATED_KEYS, "John", "Hancock", wholeSeconds, wholeSeconds));
            assertThat(created.dataValues()).isEqualTo(john(42, Instant.parse("2024-01-15T10:30:45Z")));
        }
    }

    @Test
    void mssqlGetsOutputInsertedAndOffsetFetch() {
        RecordingExecutor executor = new RecordingExecutor();
        try (Sequelize sequelize = sequelize("mssql", executor)) {
            Model user = user(sequelize);
            executor.answer(rows(USER_COLUMNS, new Object[] {3, "John", "Hancock", NOW_UTC, NOW_UTC}));
            ModelInstance created = user.create(Map.of("firstName", "John", "lastName", "Hancock")).join();
            user.findOne(options().where(Map.of("firstName", "John"))).join();

            assertThat(executor.statements()).containsExactly(
                    sql("INSERT INTO [users] ([firstName],[lastName],[createdAt],[updatedAt]) OUTPUT INSERTED.[id],"
                            + "INSERTED.[firstName],INSERTED.[lastName],INSERTED.[createdAt],INSERTED.[updatedAt]"
                            + " VALUES (?,?,?,?);", Returns.ROWS, "John", "Hancock", NOW_UTC, NOW_UTC),
                    sql("SELECT [id], [firstName], [lastName], [createdAt], [updatedAt] FROM [users] AS [user]"
                            + " WHERE [user].[firstName] = ? ORDER BY [user].[id] OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY;",
                            Returns.ROWS, "John", 1));
            assertThat(created.dataValues()).isEqualTo(john(3, NOW));
        }
    }

    /**
     * SQLite keeps dates as Sequelize's text, so that is what the executor is given and, where the row comes
     * back ({@code returning} asked for), what it hands back. A plain create asks for the generated key only,
     * as Sequelize's {@code lastID}.
     */
    @Test
    void sqliteDatesAreBoundAsSequelizesText() {
        RecordingExecutor executor = new RecordingExecutor();
        try (Sequelize sequelize = sequelize("sqlite", executor)) {
            Model user = user(sequelize);
            String text = "2024-01-15 10:30:45.123 +00:00";
            executor.answer(QueryResult.generatedKey(1L));
            executor.answer(rows(USER_COLUMNS, new Object[] {2, "John", "Hancock", text, text}));
            ModelInstance created = user.create(Map.of("firstName", "John", "lastName", "Hancock")).join();
            ModelInstance returned = user.create(Map.of("firstName", "John", "lastName", "Hancock"),
                    dev.sequelj.ast.finder.CreateOptions.options().returning(true)).join();

            assertThat(executor.statements()).containsExactly(
                    sql("INSERT INTO `users` (`id`,`firstName`,`lastName`,`createdAt`,`updatedAt`) VALUES (NULL,?,?,?,?);",
                            Returns.GENERATED_KEYS, "John", "Hancock", text, text),
                    sql("INSERT INTO `users` (`id`,`firstName`,`lastName`,`createdAt`,`updatedAt`) VALUES (NULL,?,?,?,?)"
                            + " RETURNING `id`,`firstName`,`lastName`,`createdAt`,`updatedAt`;",
                            Returns.ROWS, "John", "Hancock", text, text));
            assertThat(created.dataValues()).isEqualTo(john(1, NOW));
            assertThat(returned.dataValues()).isEqualTo(john(2, NOW));
        }
    }

    /** An executor that answers an INSERT with nothing leaves the new row unidentifiable: that is an error, not a null id. */
    @Test
    void anInsertAnsweredWithNeitherRowNorKeyFails() {
        RecordingExecutor executor = new RecordingExecutor();
        try (Sequelize sequelize = sequelize("postgres", executor)) {
            SequeljError error = failure(user(sequelize).create(Map.of("firstName", "John")), SequeljError.class);
            assertThat(error).hasMessage("create on model 'user': the executor handed back neither the stored row"
                    + " nor the generated key, so the new row cannot be identified");
        }
    }

    @Test
    void badInputNeverReachesTheExecutor() {
        RecordingExecutor executor = new RecordingExecutor();
        try (Sequelize sequelize = sequelize("postgres", executor)) {
            Model user = user(sequelize);
            failure(user.create(Map.of("firstName", "John", "age", 3)), ValidationError.class);
            failure(user.create(Map.of("lastName", "Hancock")), ValidationError.class);
            failure(user.create(Map.of("firstName", 3)), ValidationError.class);
            failure(user.findAll(options().where(Map.of("age", 3))), ValidationError.class);
            failure(user.findOne(options().where(Map.of("firstName", 3))), ValidationError.class);

            assertThat(executor.statements()).isEmpty();
        }
    }

    @Test
    void theExecutorsErrorIsTheFuturesCause() {
        DatabaseError refused = new DatabaseError("SELECT 1+1 AS result;", new SQLException("no", "42000"));
        RecordingExecutor executor = new RecordingExecutor().fail(refused);
        try (Sequelize sequelize = sequelize("postgres", executor)) {
            assertThat(failure(sequelize.authenticate(), DatabaseError.class)).isSameAs(refused);
            assertThat(refused.sql()).isEqualTo("SELECT 1+1 AS result;");
            assertThat(refused).hasMessage("no [sql: SELECT 1+1 AS result;]");
        }
    }
}
