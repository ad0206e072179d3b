package dev.sequelj.executor.spi;

import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.executor.Model;
import dev.sequelj.executor.ModelInstance;
import dev.sequelj.executor.Sequelize;
import dev.sequelj.executor.SequelizeOptions;
import dev.sequelj.executor.Transaction;
import dev.sequelj.executor.replication.ReplicatedExecutor;
import dev.sequelj.render.Sql;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.sequelj.ast.finder.FindOptions.options;
import static dev.sequelj.ast.model.Attribute.attribute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streaming through executors that do not stream for real: the recording executor, an executor of
 * one's own that implements only {@code execute} (the SPI's buffered default), and read replication,
 * which routes a stream as it routes the statement.
 */
class StreamingOfflineTest {
    private static final String SELECT = "SELECT \"id\", \"firstName\" FROM \"users\" AS \"user\";";

    private static Model users(Sequelize sequelize) {
        return sequelize.define("user", List.of(attribute("firstName", DataTypes.STRING)),
                ModelOptions.options().timestamps(false));
    }

    private static QueryResult twoUsers() {
        return QueryResult.rows(List.of("id", "firstName"), new Object[] {1, "John"}, new Object[] {2, "Jane"});
    }

    @Test
    void theRecordingExecutorAnswersStreamsFromItsScriptAndRecordsThem() {
        RecordingExecutor executor = new RecordingExecutor().when(Pattern.compile("^SELECT")).thenAnswer(twoUsers());
        try (Sequelize sequelize = new Sequelize("postgres", executor, SequelizeOptions.options().logging(false))) {
            Model users = users(sequelize);
            try (Stream<ModelInstance> rows = users.findAllStream(options())) {
                assertThat(rows.map(ModelInstance::toString))
                        .containsExactly("user{id=1, firstName=John}", "user{id=2, firstName=Jane}");
            }
            List<Object> names = new ArrayList<>();
            assertThat(users.findEach(options(), row -> names.add(row.get("firstName"))).join()).isEqualTo(2);
            assertThat(names).containsExactly("John", "Jane");
            assertThat(executor.calls()).extracting(RecordingExecutor.Call::kind)
                    .containsExactly(StatementKind.SELECT, StatementKind.SELECT);
            assertThat(executor.events()).containsExactly("pool: " + SELECT, "pool: " + SELECT);
        }
    }

    @Test
    void inATransactionTheNextStatementWaitsUntilTheStreamIsClosed() {
        RecordingExecutor executor = new RecordingExecutor().when(Pattern.compile("^SELECT")).thenAnswer(twoUsers())
                .when(StatementKind.INSERT).thenAnswer(QueryResult.rows(List.of("id", "firstName"), new Object[] {3, "Lisa"}));
        try (Sequelize sequelize = new Sequelize("postgres", executor, SequelizeOptions.options().logging(false))) {
            Model users = users(sequelize);
            Transaction t = sequelize.transaction().join();
            CompletableFuture<ModelInstance> created;
            try (Stream<ModelInstance> rows = users.findAllStream(options(), t)) {
                Iterator<ModelInstance> it = rows.iterator();
                assertThat(it.next().get("firstName")).isEqualTo("John");
                created = users.create(Map.of("firstName", "Lisa"), t);
                assertThat(created).isNotDone();
                assertThat(executor.events()).last().isEqualTo("#1: " + SELECT);
            }
            created.orTimeout(10, TimeUnit.SECONDS).join();
            t.commit().orTimeout(10, TimeUnit.SECONDS).join();
            assertThat(executor.events()).containsExactly("reserve #1", "#1: START TRANSACTION;", "#1: " + SELECT,
                    "#1: INSERT INTO \"users\" (\"id\",\"firstName\") VALUES (DEFAULT,?) RETURNING \"id\",\"firstName\";",
                    "#1: COMMIT;", "release #1");
        }
    }

    @Test
    void anExecutorThatOnlyImplementsExecuteStreamsThroughTheBufferedDefault() {
        List<Sql> seen = new ArrayList<>();
        Executor own = new Executor() {
            @Override
            public CompletableFuture<QueryResult> execute(Sql sql) {
                seen.add(sql);
                return CompletableFuture.completedFuture(twoUsers());
            }

            @Override
            public void close() {
            }
        };
        try (Sequelize sequelize = new Sequelize("postgres", own, SequelizeOptions.options().logging(false))) {
            try (Stream<ModelInstance> rows = users(sequelize).findAllStream(options(), 10, null)) {
                assertThat(rows.map(row -> row.get("id"))).containsExactly(1, 2);
            }
            assertThat(seen).extracting(Sql::text).containsExactly(SELECT);
        }
    }

    @Test
    void replicationSendsStreamsToTheReadExecutorsInTurn() {
        RecordingExecutor primary = new RecordingExecutor();
        RecordingExecutor replicaA = new RecordingExecutor().when(StatementKind.SELECT).thenAnswer(twoUsers());
        RecordingExecutor replicaB = new RecordingExecutor().when(StatementKind.SELECT).thenAnswer(twoUsers());
        Executor replicated = new ReplicatedExecutor(primary, List.of(replicaA, replicaB));
        try (Sequelize sequelize = new Sequelize("postgres", replicated, SequelizeOptions.options().logging(false))) {
            Model users = users(sequelize);
            for (int i = 0; i < 3; i++) {
                try (Stream<ModelInstance> rows = users.findAllStream(options())) {
                    assertThat(rows.count()).isEqualTo(2);
                }
            }
            assertThat(primary.calls()).isEmpty();
            assertThat(replicaA.calls()).hasSize(2);
            assertThat(replicaB.calls()).hasSize(1);
        }
    }
}
