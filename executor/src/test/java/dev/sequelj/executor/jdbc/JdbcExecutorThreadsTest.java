package dev.sequelj.executor.jdbc;

import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.executor.ConnectionSettings;
import dev.sequelj.executor.Model;
import dev.sequelj.executor.ModelInstance;
import dev.sequelj.executor.PoolOptions;
import dev.sequelj.executor.QueryOptions;
import dev.sequelj.executor.Sequelize;
import dev.sequelj.executor.SequelizeOptions;
import dev.sequelj.executor.error.DatabaseError;
import dev.sequelj.executor.query.RawResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import static dev.sequelj.ast.model.Attribute.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where the JDBC executor runs a statement: a platform thread's call is handed to a virtual thread unless
 * the caller joins first and runs it itself, a virtual thread's call runs on that thread and answers with a
 * completed future; all fail alike.
 */
class JdbcExecutorThreadsTest {
    @TempDir
    Path directory;

    @Test
    void aVirtualThreadsCallIsCompleteWhenItReturns() throws Exception {
        try (Sequelize sequelize = new Sequelize("sqlite:" + directory.resolve("threads.db"), SequelizeOptions.options().logging(false))) {
            Model items = sequelize.define("item", List.of(attribute("label", DataTypes.STRING)));
            items.sync(true).join();

            List<Object> answers = onVirtualThread(() -> {
                CompletableFuture<ModelInstance> created = items.create(Map.of("label", "a"));
                boolean createdDone = created.isDone();
                CompletableFuture<List<ModelInstance>> found = items.findAll();
                boolean foundDone = found.isDone();
                return List.of(createdDone, foundDone, found.join().get(0).get("label"));
            });

            assertThat(answers).containsExactly(true, true, "a");
        }
    }

    @Test
    void aVirtualThreadsTransactionRunsOnItsConnection() throws Exception {
        try (Sequelize sequelize = new Sequelize("sqlite:" + directory.resolve("tx.db"), SequelizeOptions.options().logging(false))) {
            Model items = sequelize.define("item", List.of(attribute("label", DataTypes.STRING)));
            items.sync(true).join();

            onVirtualThread(() -> sequelize.transaction(t -> items.create(Map.of("label", "kept"), t)).join());
            CompletionException failed = onVirtualThread(() -> {
                try {
                    sequelize.transaction(t -> items.create(Map.of("label", "undone"), t)
                            .thenCompose(ignored -> sequelize.query("SELECT * FROM no_such_table", QueryOptions.options().transaction(t)))).join();
                    return null;
                } catch (CompletionException e) {
                    return e;
                }
            });

            assertThat(failed).hasCauseInstanceOf(DatabaseError.class);
            assertThat(items.findAll().join()).extracting(i -> i.get("label")).containsExactly("kept");
        }
    }

    @Test
    void aFailureReachesBothKindsOfThreadAsTheSameError() throws Exception {
        try (Sequelize sequelize = new Sequelize("sqlite:" + directory.resolve("errors.db"), SequelizeOptions.options().logging(false))) {
            CompletableFuture<RawResult> fromPlatform = sequelize.query("SELECT * FROM no_such_table");
            CompletableFuture<RawResult> fromVirtual = onVirtualThread(() -> sequelize.query("SELECT * FROM no_such_table"));

            assertThat(fromVirtual).isCompletedExceptionally();
            for (CompletableFuture<RawResult> future : List.of(fromPlatform, fromVirtual)) {
                assertThatThrownBy(() -> future.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(DatabaseError.class)
                        .cause().hasMessageContaining("no such table: no_such_table");
                assertThatThrownBy(future::join).isInstanceOf(CompletionException.class).hasCauseInstanceOf(DatabaseError.class);
            }
        }
    }

    @Test
    void aPlatformCallerThatJoinsRunsTheStatementOnItsOwnThread() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService held = blockedUntil(release);
        Sequelize sequelize = sequelize("joined.db", held);
        try {
            Model items = sequelize.define("item", List.of(attribute("label", DataTypes.STRING)));
            onVirtualThread(() -> items.sync(true).join());

            // The executor's only thread is stuck: these joins can only have run their statements themselves.
            ModelInstance created = items.create(Map.of("label", "a")).join();
            assertThat(items.findByPk(created.get("id")).join()).map(i -> i.get("label")).contains("a");
            assertThat(items.findAll().join()).extracting(i -> i.get("label")).containsExactly("a");
        } finally {
            release.countDown(); // closing waits for the executor's tasks
            sequelize.close();
        }
    }

    @Test
    void aPlatformCallerThatNeverJoinsIsNotBlockedAndStillGetsItsRows() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService held = blockedUntil(release);
        Sequelize sequelize = sequelize("chained.db", held);
        try {
            Model items = sequelize.define("item", List.of(attribute("label", DataTypes.STRING)));
            onVirtualThread(() -> {
                items.sync(true).join();
                return items.create(Map.of("label", "a")).join();
            });

            CompletableFuture<String> delivered = new CompletableFuture<>();
            CompletableFuture<List<ModelInstance>> found = items.findAll();
            found.whenComplete((rows, error) -> delivered.complete(rows.get(0).get("label") + " on " + Thread.currentThread().getName()));
            assertThat(found).as("the call returned before its statement ran").isNotDone();

            release.countDown();
            assertThat(delivered.get(30, TimeUnit.SECONDS)).isEqualTo("a on held");
        } finally {
            release.countDown(); // closing waits for the executor's tasks
            sequelize.close();
        }
    }

    @Test
    void platformCallersThatJoinAndOnesThatDoNotShareThePoolUnderLoad() throws Exception {
        try (Sequelize sequelize = new Sequelize("sqlite:" + directory.resolve("load.db"),
                SequelizeOptions.options().logging(false).pool(PoolOptions.defaults().max(4)))) {
            Model items = sequelize.define("item", List.of(attribute("label", DataTypes.STRING)));
            items.sync(true).join();
            List<CompletableFuture<ModelInstance>> unjoined = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<Thread> callers = new java.util.ArrayList<>();
            for (int c = 0; c < 6; c++) {
                int caller = c;
                callers.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < 40; i++) {
                        String label = caller + "-" + i;
                        if (i % 4 == 0) {
                            items.create(Map.of("label", label)).join();
                            assertThat(items.findAll().join()).extracting(r -> r.get("label")).contains(label);
                        } else if (i % 4 == 1) {
                            sequelize.transaction(t -> items.create(Map.of("label", label), t)).join();
                        } else {
                            unjoined.add(items.create(Map.of("label", label)));
                        }
                    }
                }));
            }
            for (Thread caller : callers) {
                caller.join();
            }
            CompletableFuture.allOf(unjoined.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

            assertThat(items.count().join()).isEqualTo(240);
            assertThat(((JdbcExecutor) sequelize.executor()).poolStats().active()).isZero();
        }
    }

    /** A single-thread executor named {@code held} that runs nothing until {@code release}. */
    private static ExecutorService blockedUntil(CountDownLatch release) {
        ExecutorService held = Executors.newSingleThreadExecutor(task -> new Thread(task, "held"));
        held.execute(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return held;
    }

    private Sequelize sequelize(String file, ExecutorService threads) {
        SequelizeOptions options = SequelizeOptions.options().logging(false);
        ConnectionSettings settings = ConnectionSettings.parse("sqlite:" + directory.resolve(file), options);
        return new Sequelize("sqlite", new JdbcExecutor(settings, options.pool(), "sequelj-test", threads), options);
    }

    private static <T> T onVirtualThread(java.util.concurrent.Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = Thread.ofVirtual().start(task);
        assertThat(thread.join(java.time.Duration.ofSeconds(30))).as("the virtual thread finished").isTrue();
        return task.get();
    }
}
