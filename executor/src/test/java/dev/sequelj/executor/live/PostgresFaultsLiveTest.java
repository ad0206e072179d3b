package dev.sequelj.executor.live;

import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.executor.Model;
import dev.sequelj.executor.PoolOptions;
import dev.sequelj.executor.QueryOptions;
import dev.sequelj.executor.Transaction;
import dev.sequelj.executor.Sequelize;
import dev.sequelj.executor.SequelizeOptions;
import dev.sequelj.executor.error.ConnectionError;
import dev.sequelj.executor.error.TimeoutError;
import dev.sequelj.executor.error.TimeoutError.Reason;
import dev.sequelj.executor.jdbc.JdbcExecutor;
import dev.sequelj.executor.jdbc.PoolStats;
import dev.sequelj.executor.query.InsertResult;
import dev.sequelj.executor.query.QueryTypes;
import dev.sequelj.executor.spi.QueryResult;
import dev.sequelj.executor.testing.FaultsCluster;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static dev.sequelj.ast.model.Attribute.attribute;
import static dev.sequelj.executor.testing.Futures.failure;
import static dev.sequelj.executor.testing.RawSql.query;
import static dev.sequelj.executor.testing.RawSql.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Faults on a PostgreSQL cluster of the tests' own ({@link FaultsCluster}, port 5433), which these tests
 * restart and whose sessions they kill: a restart during a loop of queries, an exhausted pool, a
 * session killed inside a transaction. Each failure must be typed, and the pool must recover by itself.
 */
class PostgresFaultsLiveTest {
    /** Polls while waiting for the pool to reach a state; a guard against hanging, never a timing assertion. */
    private static final int MAX_POLLS = 2_000;

    private final String tag = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

    private static SequelizeOptions options(PoolOptions pool) {
        return SequelizeOptions.options().logging(false).pool(pool);
    }

    private static PoolStats stats(Sequelize sequelize) {
        return ((JdbcExecutor) sequelize.executor()).poolStats();
    }

    private static void awaitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < MAX_POLLS; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(10);
        }
        fail("gave up waiting until " + what);
    }

    private static long count(Sequelize sequelize, String table) {
        return ((Number) query(sequelize, "SELECT COUNT(*) FROM \"" + table + "\"").join().rows().get(0)[0]).longValue();
    }

    /**
     * Three virtual threads create and find rows in a loop while a fourth statement sleeps; the cluster
     * restarts (fast shutdown terminates every session). The sleeping statement and any call caught in
     * flight fail with a {@link ConnectionError}; calls that reach the pool while the server is down
     * wait for it ({@code pool.acquire} is longer than a restart) and succeed; afterwards every call
     * succeeds without anyone resetting the pool, and no row is lost or invented.
     */
    @Test
    void aServerRestartDuringALoopOfQueries() throws Exception {
        try (FaultsCluster.Lease lease = FaultsCluster.exclusive();
             Sequelize sequelize = FaultsCluster.open(options(PoolOptions.defaults().max(4).acquire(30_000)))) {
            Model item = sequelize.define("item", List.of(attribute("label", DataTypes.STRING)),
                    ModelOptions.options().tableName("err_fault_" + tag + "_items").timestamps(false));
            item.sync(true).join();
            try {
                CompletableFuture<QueryResult> sleeper = query(sequelize, "SELECT pg_sleep(600)");
                awaitUntil("the sleeping statement holds a connection", () -> stats(sequelize).active() >= 1);

                AtomicBoolean stop = new AtomicBoolean();
                AtomicBoolean restarted = new AtomicBoolean();
                AtomicLong created = new AtomicLong();
                AtomicLong createsFailed = new AtomicLong();
                AtomicLong succeededAfterRestart = new AtomicLong();
                AtomicLong succeeded = new AtomicLong();
                Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
                List<Thread> loops = new ArrayList<>();
                for (int t = 0; t < 3; t++) {
                    int thread = t;
                    loops.add(Thread.ofVirtual().start(() -> {
                        for (int i = 0; !stop.get(); i++) {
                            boolean create = (i + thread) % 2 == 0;
                            try {
                                if (create) {
                                    item.create(Map.of("label", "t" + thread + "-" + i)).join();
                                    created.incrementAndGet();
                                } else {
                                    item.findAll().join();
                                }
                                succeeded.incrementAndGet();
                                if (restarted.get()) {
                                    succeededAfterRestart.incrementAndGet();
                                }
                            } catch (CompletionException e) {
                                failures.add(e.getCause());
                                if (create) {
                                    createsFailed.incrementAndGet();
                                }
                            }
                        }
                    }));
                }
                awaitUntil("the loop is running", () -> succeeded.get() >= 30);

                FaultsCluster.restart();
                restarted.set(true);
                awaitUntil("the loop succeeds again", () -> succeededAfterRestart.get() >= 100);
                stop.set(true);
                for (Thread loop : loops) {
                    loop.join();
                }

                ConnectionError killed = failure(sleeper, ConnectionError.class);
                assertThat(killed).hasMessageStartingWith("the server closed the connection: ")
                        .hasMessageContaining("terminating connection due to administrator command");
                assertThat(failures).allSatisfy(error -> assertThat(error).isInstanceOf(ConnectionError.class).hasCauseInstanceOf(java.sql.SQLException.class));
                for (int i = 0; i < 20; i++) {
                    item.findOne().join();
                }
                // A create that failed in flight may or may not have committed before the session died.
                assertThat(count(sequelize, item.getTableName())).isBetween(created.get(), created.get() + createsFailed.get());
                PoolStats pool = stats(sequelize);
                assertThat(pool.active()).isZero();
                assertThat(pool.total()).isLessThanOrEqualTo(4);
            } finally {
                item.drop().join();
            }
        }
    }

    /**
     * Both connections of a pool of two wait on an advisory lock that a third session holds; a third
     * call waits {@code pool.acquire} and fails with a {@link TimeoutError} ({@link Reason#ACQUIRE}).
     * Nothing deadlocks: once the lock is released, the two finish and the pool serves again.
     */
    @Test
    void anExhaustedPool() throws Exception {
        long lock = ThreadLocalRandom.current().nextLong();
        try (FaultsCluster.Lease lease = FaultsCluster.exclusive();
             Sequelize holder = FaultsCluster.open(options(PoolOptions.defaults().max(1)));
             Sequelize sequelize = FaultsCluster.open(options(PoolOptions.defaults().max(2).acquire(500)))) {
            query(holder, "SELECT pg_advisory_lock(?)", lock).join();
            List<CompletableFuture<QueryResult>> blocked = List.of(
                    query(sequelize, "SELECT pg_advisory_xact_lock(?)", lock),
                    query(sequelize, "SELECT pg_advisory_xact_lock(?)", lock));
            try {
                awaitUntil("both connections are taken", () -> stats(sequelize).active() == 2);

                TimeoutError error = failure(sequelize.authenticate(), TimeoutError.class);

                assertThat(error.reason()).isEqualTo(Reason.ACQUIRE);
                assertThat(error.sql()).contains("SELECT 1+1 AS result;");
                assertThat(error).hasMessageStartingWith("no pooled connection became free in time (pool.acquire): ");
                assertThat(blocked).noneMatch(CompletableFuture::isDone);
            } finally {
                query(holder, "SELECT pg_advisory_unlock(?)", lock).join();
            }
            for (CompletableFuture<QueryResult> call : blocked) {
                call.get(120, TimeUnit.SECONDS);
            }
            sequelize.authenticate().join();
            PoolStats pool = stats(sequelize);
            assertThat(pool.active()).isZero();
            assertThat(pool.waiting()).isZero();
            assertThat(pool.max()).isEqualTo(2);
        }
    }

    /**
     * A managed transaction whose session is killed with {@code pg_terminate_backend} after an INSERT
     * inside it: the next statement of the transaction fails with a {@link ConnectionError}, the
     * transaction's future fails with it, nothing of the transaction is committed, and the pool opens a
     * fresh connection for the next call.
     */
    @Test
    void aSessionKilledInsideATransactionCommitsNothing() throws Exception {
        String table = "err_fault_" + tag + "_tx";
        try (FaultsCluster.Lease lease = FaultsCluster.exclusive();
             Sequelize admin = FaultsCluster.open(options(PoolOptions.defaults().max(1)));
             Sequelize victim = FaultsCluster.open(options(PoolOptions.defaults().max(2)))) {
            run(admin, "CREATE TABLE \"" + table + "\" (id INTEGER PRIMARY KEY)").join();
            try {
                Object[] pid = new Object[1];
                CompletableFuture<Long> transaction = victim.transaction(t -> inside(victim, t,
                        "INSERT INTO \"" + table + "\" (id) VALUES (1)")
                        .thenCompose(ignored -> victim.query("SELECT pg_backend_pid() AS pid",
                                QueryOptions.options(QueryTypes.SELECT).transaction(t)))
                        .thenCompose(rows -> {
                            pid[0] = rows.get(0).get("pid");
                            return query(admin, "SELECT pg_terminate_backend(?)", pid[0]);
                        })
                        .thenCompose(killed -> {
                            assertThat(killed.rows().get(0)[0]).isEqualTo(true);
                            return inside(victim, t, "INSERT INTO \"" + table + "\" (id) VALUES (2)");
                        }));

                ConnectionError error = failure(transaction, ConnectionError.class);

                assertThat(error).hasMessageContaining("terminating connection due to administrator command");
                assertThat(count(admin, table)).isZero();
                // The pool dropped the dead session; the next call gets a new one (outside any transaction).
                run(victim, "INSERT INTO \"" + table + "\" (id) VALUES (3)").join();
                assertThat(query(admin, "SELECT id FROM \"" + table + "\"").join().rows())
                        .singleElement().satisfies(row -> assertThat(row).containsExactly(3));
                assertThat(query(victim, "SELECT pg_backend_pid()").join().rows().get(0)[0]).isNotEqualTo(pid[0]);
            } finally {
                run(admin, "DROP TABLE \"" + table + "\"").join();
            }
        }
    }

    private static CompletableFuture<Long> inside(Sequelize sequelize, Transaction transaction, String sql) {
        return sequelize.query(sql, QueryOptions.options(QueryTypes.INSERT).transaction(transaction))
                .thenApply(InsertResult::affectedRows);
    }
}
