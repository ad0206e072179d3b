package dev.sequelj.executor.spi;

import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.executor.ConnectionSettings;
import dev.sequelj.executor.Model;
import dev.sequelj.executor.Sequelize;
import dev.sequelj.executor.SequelizeOptions;
import dev.sequelj.executor.jdbc.JdbcExecutor;
import dev.sequelj.render.Sql;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import static dev.sequelj.ast.model.Attribute.attribute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The custom executor the README shows, compiled and run here so that the README's code works: it counts
 * statements by kind and hands them to Sequelj's JDBC executor, on embedded SQLite.
 */
class ReadmeCustomExecutorTest {

    /** Counts statements by kind, then lets another executor run them. (Quoted in README.md.) */
    static final class CountingExecutor implements Executor {
        private final Executor delegate;
        private final Map<StatementKind, LongAdder> counts = new ConcurrentHashMap<>();

        CountingExecutor(Executor delegate) {
            this.delegate = delegate;
        }

        @Override
        public CompletableFuture<QueryResult> execute(Sql sql) {
            return execute(sql, StatementKind.RAW);
        }

        @Override
        public CompletableFuture<QueryResult> execute(Sql sql, StatementKind kind) {
            counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
            return delegate.execute(sql, kind);
        }

        /** Transactions run on the delegate's reserved connection; their statements are not counted. */
        @Override
        public CompletableFuture<ReservedConnection> reserve() {
            return delegate.reserve();
        }

        @Override
        public void close() {
            delegate.close();
        }

        long count(StatementKind kind) {
            LongAdder count = counts.get(kind);
            return count == null ? 0 : count.sum();
        }
    }

    @Test
    void theReadmesCountingExecutorRunsOnSqlite() {
        SequelizeOptions options = SequelizeOptions.options().logging(false);
        CountingExecutor counting = new CountingExecutor(
                new JdbcExecutor(ConnectionSettings.parse("sqlite::memory:", options), options.pool()));
        try (Sequelize sequelize = new Sequelize("sqlite", counting, options)) {
            Model user = sequelize.define("user", List.of(attribute("firstName", DataTypes.STRING)),
                    ModelOptions.options().timestamps(false));
            user.sync().join();
            user.create(Map.of("firstName", "John")).join();
            user.findAll().join();
            user.findAll().join();

            assertThat(user.findAll().join()).extracting(row -> row.get("firstName")).containsExactly("John");
            assertThat(counting.count(StatementKind.SELECT)).isEqualTo(3);
            assertThat(counting.count(StatementKind.INSERT)).isEqualTo(1);
            assertThat(counting.count(StatementKind.DDL)).isEqualTo(1);
            assertThat(counting.count(StatementKind.UPDATE)).isZero();
        }
    }
}
