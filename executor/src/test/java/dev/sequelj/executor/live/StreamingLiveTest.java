package dev.sequelj.executor.live;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.finder.Op;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.ast.statement.OrderItem.Direction;
import dev.sequelj.executor.Model;
import dev.sequelj.executor.ModelInstance;
import dev.sequelj.executor.PoolOptions;
import dev.sequelj.executor.Sequelize;
import dev.sequelj.executor.SequelizeOptions;
import dev.sequelj.executor.Transaction;
import dev.sequelj.executor.error.DatabaseError;
import dev.sequelj.executor.error.TransactionError;
import dev.sequelj.executor.jdbc.JdbcExecutor;
import dev.sequelj.executor.jdbc.PoolStats;
import dev.sequelj.executor.testing.GeneratedRows;
import dev.sequelj.executor.testing.LiveDatabase;
import dev.sequelj.executor.testing.LiveSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.sequelj.ast.finder.FindOptions.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code findAllStream} and {@code findEach} on every live database, over 2,500 rows the database
 * generated, fetched in batches of 100: the exact rows in order with a bound where clause, the connection
 * back in the pool after a full read, an early close, a failure and a throwing callback; streams inside a
 * transaction see its uncommitted rows and hold its line until closed. The memory bound itself is
 * {@link StreamMemoryLiveTest}.
 */
class StreamingLiveTest {
    private static final int ROWS = 2_500;
    private static final int FETCH = 100;

    private static LiveSession session(LiveDatabase database) {
        return database.session(SequelizeOptions.options().logging(false).pool(PoolOptions.defaults().max(3)));
    }

    private static Model filled(LiveSession live) {
        Model rows = live.define("generated", GeneratedRows.attributes(), GeneratedRows.OPTIONS);
        GeneratedRows.fill(live.sequelize(), rows, ROWS);
        return rows;
    }

    private static PoolStats pool(Sequelize sequelize) {
        return ((JdbcExecutor) sequelize.executor()).poolStats();
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void streamsEveryMatchingRowInOrderAndHandsTheConnectionBack(LiveDatabase database) {
        try (LiveSession live = session(database)) {
            Model rows = filled(live);
            List<Integer> ids;
            try (Stream<ModelInstance> stream = rows.findAllStream(options()
                    .where(Map.of("amount", Map.of(Op.lt, 10))).order("id", Direction.DESC), FETCH, null)) {
                ids = stream.map(row -> {
                    assertThat(row.get("label")).isEqualTo("row-" + row.get("id"));
                    return ((Number) row.get("id")).intValue();
                }).toList();
            }
            List<Integer> expected = new ArrayList<>();
            for (int i = ROWS; i >= 1; i--) {
                if (i % 1000 < 10) {
                    expected.add(i);
                }
            }
            assertThat(ids).isEqualTo(expected);

            AtomicLong sum = new AtomicLong();
            long count = rows.findEach(options(), FETCH, row -> sum.addAndGet(((Number) row.get("amount")).longValue()), null)
                    .orTimeout(60, TimeUnit.SECONDS).join();
            assertThat(count).isEqualTo(ROWS);
            assertThat(sum.get()).isEqualTo(GeneratedRows.amountSum(ROWS));
            assertThat(pool(live.sequelize()).active()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void releasesTheConnectionOnEarlyCloseFailureAndThrowingCallback(LiveDatabase database) {
        try (LiveSession live = session(database)) {
            Model rows = filled(live);
            // Fully consumed without a close: handed back after the last row.
            Iterator<ModelInstance> all = rows.findAllStream(options(), FETCH, null).iterator();
            long seen = 0;
            while (all.hasNext()) {
                all.next();
                seen++;
            }
            assertThat(seen).isEqualTo(ROWS);
            assertThat(pool(live.sequelize()).active()).isZero();

            // Closed after three rows of many batches.
            try (Stream<ModelInstance> stream = rows.findAllStream(options().order("id"), FETCH, null)) {
                assertThat(stream.limit(3).map(row -> row.get("label")).collect(Collectors.toList()))
                        .containsExactly("row-1", "row-2", "row-3");
            }
            assertThat(pool(live.sequelize()).active()).isZero();

            // The consumer throws in the middle of a batch.
            assertThatThrownBy(() -> rows.findAllStream(options(), FETCH, null).forEach(row -> {
                if (((Number) row.get("id")).intValue() == 150) {
                    throw new IllegalStateException("stop at 150");
                }
            })).isInstanceOf(IllegalStateException.class);
            assertThat(pool(live.sequelize()).active()).isZero();

            // findEach whose callback throws fails its future with that exception.
            Throwable failed = rows.findEach(options(), FETCH, row -> {
                throw new IllegalStateException("no");
            }, null).handle((count, error) -> error).orTimeout(60, TimeUnit.SECONDS).join();
            assertThat(failed).isInstanceOf(CompletionException.class).hasRootCauseMessage("no");
            assertThat(pool(live.sequelize()).active()).isZero();

            // The database refuses the statement: the typed error itself, thrown by the terminal operation.
            Model missing = live.sequelize().define(live.name("missing"), GeneratedRows.attributes(),
                    ModelOptions.options().timestamps(false).tableName(live.name("no_such_table")));
            assertThatThrownBy(() -> missing.findAllStream(options()).count()).isInstanceOf(DatabaseError.class);
            assertThat(pool(live.sequelize()).active()).isZero();

            assertThatThrownBy(() -> rows.findAllStream(options(), 0, null)).isInstanceOf(ValidationError.class)
                    .hasMessageContaining("fetchSize");
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void streamsInsideATransactionSeeItsRowsAndHoldItsLineUntilClosed(LiveDatabase database) {
        try (LiveSession live = session(database)) {
            Sequelize sequelize = live.sequelize();
            Model rows = filled(live);
            Transaction t = sequelize.transaction().orTimeout(60, TimeUnit.SECONDS).join();
            rows.create(Map.of("id", ROWS + 1, "amount", 7, "label", "uncommitted"), t).orTimeout(60, TimeUnit.SECONDS).join();

            List<Object> labels = new ArrayList<>();
            CompletableFuture<ModelInstance> afterStream = new CompletableFuture<>();
            try (Stream<ModelInstance> stream = rows.findAllStream(options().where(Map.of("amount", 7)).order("id"), FETCH, t)) {
                Iterator<ModelInstance> it = stream.iterator();
                labels.add(it.next().get("label"));
                // Given to the transaction while the stream is open: it waits for the stream to be closed.
                rows.create(Map.of("id", ROWS + 2, "amount", 7, "label", "queued"), t).whenComplete((row, error) -> {
                    if (error != null) {
                        afterStream.completeExceptionally(error);
                    } else {
                        afterStream.complete(row);
                    }
                });
                labels.add(it.next().get("label"));
                assertThat(afterStream).isNotDone();
                // Reading the last row closes the cursor, which lets the queued create run.
                it.forEachRemaining(row -> labels.add(row.get("label")));
            }
            afterStream.orTimeout(60, TimeUnit.SECONDS).join();
            assertThat(labels).containsExactly("row-7", "row-1007", "row-2007", "uncommitted");

            long inTransaction = rows.findEach(options().where(Map.of("amount", 7)), FETCH, row -> { }, t)
                    .orTimeout(60, TimeUnit.SECONDS).join();
            assertThat(inTransaction).isEqualTo(5);
            t.rollback().orTimeout(60, TimeUnit.SECONDS).join();
            assertThat(rows.findEach(options().where(Map.of("amount", 7)), row -> { }).orTimeout(60, TimeUnit.SECONDS).join())
                    .isEqualTo(3);
            assertThat(pool(sequelize).active()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void aFailedStreamFailsItsTransaction(LiveDatabase database) {
        try (LiveSession live = session(database)) {
            Sequelize sequelize = live.sequelize();
            Model rows = filled(live);
            Model missing = sequelize.define(live.name("missing"), GeneratedRows.attributes(),
                    ModelOptions.options().timestamps(false).tableName(live.name("no_such_table")));
            Transaction t = sequelize.transaction().orTimeout(60, TimeUnit.SECONDS).join();
            assertThatThrownBy(() -> missing.findAllStream(options(), t).count()).isInstanceOf(DatabaseError.class);
            assertThatThrownBy(() -> rows.findAllStream(options(), t).count()).isInstanceOf(TransactionError.class);
            assertThatThrownBy(() -> t.commit().orTimeout(60, TimeUnit.SECONDS).join())
                    .hasCauseInstanceOf(TransactionError.class);
            assertThat(pool(sequelize).active()).isZero();
        }
    }
}
