package dev.sequelj.executor.jdbc;

import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.executor.Model;
import dev.sequelj.executor.ModelInstance;
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
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import static dev.sequelj.ast.model.Attribute.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where the JDBC executor runs a statement: a platform thread's call is handed to a virtual thread, a
 * virtual thread's call runs on that thread and answers with a completed future; both fail alike.
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

    private static <T> T onVirtualThread(java.util.concurrent.Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = Thread.ofVirtual().start(task);
        assertThat(thread.join(java.time.Duration.ofSeconds(30))).as("the virtual thread finished").isTrue();
        return task.get();
    }
}
