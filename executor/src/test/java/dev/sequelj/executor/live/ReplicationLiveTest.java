package dev.sequelj.executor.live;

import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.executor.HostOptions;
import dev.sequelj.executor.Model;
import dev.sequelj.executor.ModelInstance;
import dev.sequelj.executor.PoolOptions;
import dev.sequelj.executor.QueryOptions;
import dev.sequelj.executor.Replication;
import dev.sequelj.executor.Sequelize;
import dev.sequelj.executor.SequelizeOptions;
import dev.sequelj.executor.error.ConnectionRefusedError;
import dev.sequelj.executor.jdbc.JdbcExecutor;
import dev.sequelj.executor.jdbc.PoolStats;
import dev.sequelj.executor.query.QueryTypes;
import dev.sequelj.executor.replication.ReplicatedExecutor;
import dev.sequelj.executor.spi.Executor;
import dev.sequelj.executor.testing.LiveDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static dev.sequelj.ast.model.Attribute.attribute;
import static dev.sequelj.executor.testing.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sequelize's {@code replication} option on PostgreSQL, with two databases of the shared server standing
 * in for the primary ({@code test}) and a read replica ({@code test_replica}, created by
 * {@code .ci/services}; {@code SEQUELJ_POSTGRES_REPLICA_DATABASE} names another). Nothing copies rows
 * from one to the other, so where a statement ran shows in what it finds: a row only the replica holds is
 * found by a read outside a transaction, and a create lands in the primary.
 */
class ReplicationLiveTest {
    private static final String REPLICA_DATABASE = System.getenv().getOrDefault("SEQUELJ_POSTGRES_REPLICA_DATABASE", "test_replica");
    /** The table this test's model writes, in both databases; unique to this run. */
    private final String table = "repl_items_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

    private Sequelize primary;
    private Sequelize replica;

    private static SequelizeOptions quiet() {
        return SequelizeOptions.options().logging(false).pool(PoolOptions.defaults().acquire(5_000));
    }

    private static String primaryDatabase() {
        return LiveDatabase.POSTGRES.uri().replaceFirst("^.*/", "");
    }

    private Model item(Sequelize sequelize) {
        return sequelize.define("repl_item", List.of(attribute("label", DataTypes.STRING)),
                ModelOptions.options().timestamps(false).tableName(table));
    }

    private static List<String> labels(List<ModelInstance> rows) {
        return rows.stream().map(row -> (String) row.get("label")).sorted().toList();
    }

    /** The same server and user as the primary, with reads sent to {@code read}. */
    private static Sequelize replicated(List<HostOptions> read) {
        return LiveDatabase.POSTGRES.open(quiet().replication(Replication.read(read)));
    }

    private static HostOptions replicaHost() {
        return HostOptions.defaults().database(REPLICA_DATABASE);
    }

    @BeforeEach
    void twoDatabasesEachWithARowOnlyItHolds() {
        primary = LiveDatabase.POSTGRES.open(quiet()); // reachable, or skipped / failed by the CI rule
        replica = new Sequelize(LiveDatabase.POSTGRES.uri().replaceFirst("/[^/]*$", "/" + REPLICA_DATABASE), quiet());
        for (Sequelize database : List.of(primary, replica)) {
            item(database).sync(true).join();
        }
        item(primary).create(Map.of("label", "only in the primary")).join();
        item(replica).create(Map.of("label", "only in the replica")).join();
    }

    @AfterEach
    void dropTheTables() {
        try {
            for (Sequelize database : List.of(primary, replica)) {
                item(database).drop().join();
            }
        } finally {
            primary.close();
            replica.close();
        }
    }

    @Test
    void readsFindWhatOnlyTheReplicaHoldsAndWritesLandInThePrimary() {
        try (Sequelize sequelize = replicated(List.of(replicaHost()))) {
            Model item = item(sequelize);
            sequelize.authenticate().join();

            assertThat(labels(item.findAll().join())).containsExactly("only in the replica");
            item.create(Map.of("label", "written")).join();
            assertThat(labels(item.findAll().join())).as("the replica has not got it").containsExactly("only in the replica");
            assertThat(item.findOne().join()).map(row -> row.get("label")).contains("only in the replica");

            assertThat(sequelize.query("SELECT current_database() AS db", QueryOptions.options(QueryTypes.SELECT)).join())
                    .containsExactly(Map.of("db", REPLICA_DATABASE));
            assertThat(sequelize.query("SELECT current_database() AS db").join().rows())
                    .as("a RAW query may write: the primary").containsExactly(Map.of("db", primaryDatabase()));
        }
        assertThat(labels(item(primary).findAll().join())).containsExactly("only in the primary", "written");
        assertThat(labels(item(replica).findAll().join())).containsExactly("only in the replica");
    }

    @Test
    void aTransactionRunsOnThePrimaryItsReadsIncluded() {
        try (Sequelize sequelize = replicated(List.of(replicaHost()))) {
            Model item = item(sequelize);
            List<String> seenInside = sequelize.transaction(t -> item.create(Map.of("label", "in a transaction"), t)
                    .thenCompose(created -> item.findAll(t))).join().stream().map(row -> (String) row.get("label")).sorted().toList();

            assertThat(seenInside).containsExactly("in a transaction", "only in the primary");
            assertThat(labels(item.findAll().join())).containsExactly("only in the replica");

            ReplicatedExecutor executor = (ReplicatedExecutor) sequelize.executor();
            assertThat(stats(executor.write()).active()).isZero();
            assertThat(stats(executor.reads().get(0)).active()).isZero();
        }
        assertThat(labels(item(primary).findAll().join())).containsExactly("in a transaction", "only in the primary");
    }

    /** Reads spread over [replica, primary]: consecutive reads alternate, each pool opens its own connections. */
    @Test
    void readsTakeTheReadPoolsInTurn() {
        try (Sequelize sequelize = replicated(List.of(replicaHost(), HostOptions.defaults()))) {
            Model item = item(sequelize);
            List<List<String>> seen = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                seen.add(labels(item.findAll().join()));
            }
            List<String> databases = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                databases.add((String) sequelize.query("SELECT current_database() AS db", QueryOptions.options(QueryTypes.SELECT))
                        .join().get(0).get("db"));
            }

            List<String> replicaRows = List.of("only in the replica");
            List<String> primaryRows = List.of("only in the primary");
            assertThat(seen).isIn(List.of(replicaRows, primaryRows, replicaRows, primaryRows),
                    List.of(primaryRows, replicaRows, primaryRows, replicaRows));
            assertThat(databases).containsExactlyInAnyOrder(REPLICA_DATABASE, primaryDatabase());

            ReplicatedExecutor executor = (ReplicatedExecutor) sequelize.executor();
            assertThat(executor.reads()).allSatisfy(read -> {
                assertThat(stats(read).total()).as("a pool of its own that has connected").isPositive();
                assertThat(stats(read).active()).isZero();
            });
            assertThat(stats(executor.write()).total()).as("no statement went to the write pool").isZero();
        }
    }

    @Test
    void aReplicaThatIsDownFailsItsReadsTypedWhileWritesGoOn() {
        try (Sequelize sequelize = replicated(List.of(HostOptions.defaults().host("127.0.0.1").port(1)))) {
            Model item = item(sequelize);
            sequelize.authenticate().join();

            ConnectionRefusedError error = failure(item.findAll(), ConnectionRefusedError.class);
            assertThat(error).hasMessageStartingWith("connection refused: ");
            assertThat(item.create(Map.of("label", "written while the replica is down")).join().get("label"))
                    .isEqualTo("written while the replica is down");
        }
        assertThat(labels(item(primary).findAll().join())).containsExactly("only in the primary", "written while the replica is down");
    }

    private static PoolStats stats(Executor executor) {
        return ((JdbcExecutor) executor).poolStats();
    }
}
