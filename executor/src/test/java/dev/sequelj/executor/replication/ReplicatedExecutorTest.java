package dev.sequelj.executor.replication;

import dev.sequelj.ast.error.ConfigurationError;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.executor.HostOptions;
import dev.sequelj.executor.Model;
import dev.sequelj.executor.QueryOptions;
import dev.sequelj.executor.Replication;
import dev.sequelj.executor.Sequelize;
import dev.sequelj.executor.SequelizeOptions;
import dev.sequelj.executor.error.ConnectionError;
import dev.sequelj.executor.jdbc.JdbcExecutor;
import dev.sequelj.executor.query.QueryTypes;
import dev.sequelj.executor.spi.Executor;
import dev.sequelj.executor.spi.QueryResult;
import dev.sequelj.executor.spi.RecordingExecutor;
import dev.sequelj.executor.spi.StatementKind;
import dev.sequelj.render.Sql;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static dev.sequelj.ast.model.Attribute.attribute;
import static dev.sequelj.executor.testing.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Read replication over recording executors, so that where each statement went is known exactly: reads
 * outside transactions in turn over the read executors, everything else on the write executor.
 */
class ReplicatedExecutorTest {
    private final RecordingExecutor primary = new RecordingExecutor();
    private final RecordingExecutor replicaA = new RecordingExecutor();
    private final RecordingExecutor replicaB = new RecordingExecutor();

    private Sequelize sequelize() {
        return new Sequelize("postgres", new ReplicatedExecutor(primary, List.of(replicaA, replicaB)),
                SequelizeOptions.options().logging(false));
    }

    private static Model item(Sequelize sequelize) {
        return sequelize.define("item", List.of(attribute("label", DataTypes.STRING)), ModelOptions.options().timestamps(false));
    }

    private static List<String> texts(RecordingExecutor executor) {
        return executor.statements().stream().map(Sql::text).toList();
    }

    @Test
    void readsTakeTheReadExecutorsInTurnAndEverythingElseTheWriteExecutor() {
        try (Sequelize sequelize = sequelize()) {
            Model item = item(sequelize);
            sequelize.authenticate().join();
            item.sync().join();
            primary.answer(QueryResult.rows(List.of("id", "label"), new Object[] {1, "a"}));
            item.create(Map.of("label", "a")).join();
            item.findAll().join();
            item.findOne().join();
            item.findAll().join();
            sequelize.query("SELECT 1", QueryOptions.options(QueryTypes.SELECT)).join();
            sequelize.query("SELECT 2").join();
            sequelize.query("UPDATE items SET label = 'b'", QueryOptions.options(QueryTypes.UPDATE)).join();
        }

        String findAll = "SELECT \"id\", \"label\" FROM \"items\" AS \"item\";";
        String findOne = "SELECT \"id\", \"label\" FROM \"items\" AS \"item\" LIMIT ?;";
        assertThat(texts(replicaA)).containsExactly(findAll, findAll);
        assertThat(texts(replicaB)).containsExactly(findOne, "SELECT 1");
        assertThat(texts(primary)).containsExactly(
                "SELECT 1+1 AS result;",
                "CREATE TABLE IF NOT EXISTS \"items\" (\"id\" SERIAL, \"label\" VARCHAR(255), PRIMARY KEY (\"id\"));",
                "INSERT INTO \"items\" (\"id\",\"label\") VALUES (DEFAULT,?) RETURNING \"id\",\"label\";",
                "SELECT 2",
                "UPDATE items SET label = 'b'");
        assertThat(primary.closed() && replicaA.closed() && replicaB.closed()).as("all closed with the Sequelize").isTrue();
    }

    @Test
    void aTransactionRunsOnTheWriteExecutorItsReadsIncluded() {
        primary.when(StatementKind.INSERT).thenAnswer(QueryResult.rows(List.of("id", "label"), new Object[] {1, "x"}));
        try (Sequelize sequelize = sequelize()) {
            Model item = item(sequelize);
            sequelize.transaction(t -> item.findAll(t).thenCompose(rows -> item.create(Map.of("label", "x"), t))).join();
        }
        assertThat(replicaA.statements()).isEmpty();
        assertThat(replicaB.statements()).isEmpty();
        assertThat(primary.events()).containsExactly("reserve #1", "#1: START TRANSACTION;",
                "#1: SELECT \"id\", \"label\" FROM \"items\" AS \"item\";",
                "#1: INSERT INTO \"items\" (\"id\",\"label\") VALUES (DEFAULT,?) RETURNING \"id\",\"label\";",
                "#1: COMMIT;", "release #1");
    }

    @Test
    void aStatementOfUnknownKindGoesToTheWriteExecutor() {
        ReplicatedExecutor executor = new ReplicatedExecutor(primary, List.of(replicaA));
        executor.execute(new Sql("SELECT 1;", io.vavr.collection.Array.empty(), Sql.Returns.ROWS)).join();
        assertThat(texts(primary)).containsExactly("SELECT 1;");
        assertThat(replicaA.statements()).isEmpty();
        assertThat(executor.write()).isSameAs(primary);
        assertThat(executor.reads()).containsExactly(replicaA);
    }

    @Test
    void aReplicaThatFailsFailsTheReadsSentToItAndTheNextReadGoesOn() {
        replicaA.fail(new ConnectionError("replica A is down", null));
        replicaB.answer(QueryResult.rows(List.of("id", "label"), new Object[] {1, "from B"}));
        try (Sequelize sequelize = sequelize()) {
            Model item = item(sequelize);
            assertThat(failure(item.findAll(), ConnectionError.class)).hasMessage("replica A is down");
            assertThat(item.findAll().join()).extracting(i -> i.get("label")).containsExactly("from B");
        }
    }

    @Test
    void closingClosesEveryExecutorEvenWhenOneFails() {
        Executor failing = new Executor() {
            @Override
            public CompletableFuture<QueryResult> execute(Sql sql) {
                return CompletableFuture.completedFuture(QueryResult.empty());
            }

            @Override
            public void close() {
                throw new IllegalStateException("cannot close");
            }
        };
        ReplicatedExecutor executor = new ReplicatedExecutor(primary, List.of(failing, replicaB));
        assertThatThrownBy(executor::close).isInstanceOf(IllegalStateException.class).hasMessage("cannot close");
        assertThat(replicaB.closed()).isTrue();
        assertThat(primary.closed()).isTrue();
    }

    // ---- the replication option ---------------------------------------------------------------------

    @Test
    void theOptionNeedsAReadServerAServerDatabaseAndSequeljsOwnPools() {
        assertThatThrownBy(() -> Replication.read(List.of())).isInstanceOf(ConfigurationError.class)
                .hasMessage("replication.read needs at least one server; to send everything to one server, leave out replication");
        assertThatThrownBy(() -> new Sequelize("sqlite::memory:", SequelizeOptions.options()
                .replication(Replication.read(List.of(HostOptions.defaults())))))
                .isInstanceOf(ConfigurationError.class)
                .hasMessage("replication needs a database server; sqlite has one file and no replicas: leave out replication");
        assertThatThrownBy(() -> new Sequelize("postgres", primary, SequelizeOptions.options()
                .replication(Replication.read(List.of(HostOptions.defaults())))))
                .isInstanceOf(ConfigurationError.class)
                .hasMessage("replication configures Sequelj's JDBC pools, and this Sequelize runs on your own executor:"
                        + " route reads in it instead, e.g. new ReplicatedExecutor(write, List.of(read1, read2))");
        assertThatThrownBy(() -> HostOptions.defaults().port(0)).isInstanceOf(ConfigurationError.class)
                .hasMessage("replication host port must be between 1 and 65535, got 0");
        assertThatThrownBy(() -> new ReplicatedExecutor(primary, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withTheOptionSequelizeBuildsOneJdbcPoolPerServer() {
        try (Sequelize sequelize = new Sequelize("postgres://app:secret@primary.internal:5432/shop", SequelizeOptions.options()
                .logging(false)
                .replication(Replication.of(
                        List.of(HostOptions.defaults().host("replica-1.internal"), HostOptions.defaults().host("replica-2.internal")),
                        HostOptions.defaults())))) {
            ReplicatedExecutor executor = (ReplicatedExecutor) sequelize.executor();
            assertThat(executor.reads()).hasSize(2).allSatisfy(read -> assertThat(read).isInstanceOf(JdbcExecutor.class));
            assertThat(executor.write()).isInstanceOf(JdbcExecutor.class);
        }
    }
}
