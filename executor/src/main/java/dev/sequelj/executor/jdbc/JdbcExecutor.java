package dev.sequelj.executor.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.sequelj.executor.ConnectionSettings;
import dev.sequelj.executor.PoolOptions;
import dev.sequelj.executor.error.ConnectionError;
import dev.sequelj.executor.spi.Executor;
import dev.sequelj.executor.spi.QueryResult;
import dev.sequelj.render.Sql;
import io.vavr.collection.Array;
import io.vavr.control.Option;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * The JDBC executor: HikariCP pool, one of the four drivers, blocking JDBC on virtual threads behind
 * {@link CompletableFuture}s. Values are always bound; SQL exceptions become typed errors
 * ({@link JdbcErrors}).
 *
 * <p>On SQLite the pool holds one connection for {@code :memory:} and never retires it: every
 * connection to {@code :memory:} opens a new, empty database, so a second one would lose the data.
 */
public final class JdbcExecutor implements Executor {
    private final HikariDataSource pool;
    private final JdbcProfile profile;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    public JdbcExecutor(ConnectionSettings settings, PoolOptions poolOptions) {
        this.profile = JdbcProfile.of(settings.dialect());
        HikariConfig config = new HikariConfig();
        config.setPoolName("sequelj-" + settings.dialect().name());
        config.setJdbcUrl(profile.url(settings));
        config.setDataSourceProperties(profile.properties(settings, poolOptions));
        config.setMaximumPoolSize(poolOptions.max());
        config.setMinimumIdle(poolOptions.min());
        config.setIdleTimeout(poolOptions.idle());
        config.setConnectionTimeout(poolOptions.acquire());
        // Like Sequelize, connect on first use, not in the constructor: authenticate() reports failures.
        config.setInitializationFailTimeout(-1);
        if (settings.inMemory()) {
            config.setMaximumPoolSize(1);
            config.setMinimumIdle(1);
            config.setIdleTimeout(0);
            config.setMaxLifetime(0);
        }
        this.pool = new HikariDataSource(config);
    }

    /** After {@link #close()} the future fails with a {@link ConnectionError}; nothing is thrown, nothing waits. */
    @Override
    public CompletableFuture<QueryResult> execute(Sql sql) {
        if (pool.isClosed()) {
            return CompletableFuture.failedFuture(closed(null));
        }
        try {
            return CompletableFuture.supplyAsync(() -> run(sql), threads);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(closed(e));
        }
    }

    private QueryResult run(Sql sql) {
        try (Connection connection = pool.getConnection()) {
            return run(connection, sql);
        } catch (SQLException e) {
            // HikariCP says "has been closed" without an SQL state when close() overtook this statement.
            throw pool.isClosed() ? closed(e) : JdbcErrors.translate(e, sql.text(), profile.errors());
        }
    }

    private static ConnectionError closed(Throwable cause) {
        return new ConnectionError("the connection pool is closed: sequelize.close() was called;"
                + " create a new Sequelize to connect again", cause);
    }

    private QueryResult run(Connection connection, Sql sql) throws SQLException {
        return switch (sql.returns()) {
            case ROWS -> {
                // execute(), not executeQuery(): Connector/J refuses executeQuery() for anything but a
                // SELECT, and MariaDB hands back an inserted row from INSERT ... RETURNING.
                try (PreparedStatement statement = prepare(connection, sql, Statement.NO_GENERATED_KEYS)) {
                    // A batch (SQL Server's SET IDENTITY_INSERT ...; INSERT ...; SET ...) may report update
                    // counts before the result set: skip them.
                    boolean isResultSet = statement.execute();
                    while (!isResultSet && statement.getUpdateCount() != -1) {
                        isResultSet = statement.getMoreResults();
                    }
                    if (!isResultSet) {
                        throw new SQLException("the statement produced no result set, but rows were expected");
                    }
                    try (ResultSet rows = statement.getResultSet()) {
                        yield readRows(rows);
                    }
                }
            }
            case GENERATED_KEYS -> {
                try (PreparedStatement statement = prepare(connection, sql, Statement.RETURN_GENERATED_KEYS)) {
                    int count = statement.executeUpdate();
                    try (ResultSet keys = statement.getGeneratedKeys()) {
                        Option<Object> key = keys.next() ? Option.of(keys.getObject(1)) : Option.none();
                        yield new QueryResult(Array.empty(), List.of(), count, key);
                    }
                }
            }
            case NOTHING -> {
                try (PreparedStatement statement = prepare(connection, sql, Statement.NO_GENERATED_KEYS)) {
                    statement.execute();
                    yield QueryResult.empty();
                }
            }
            case UPDATE_COUNT -> {
                try (PreparedStatement statement = prepare(connection, sql, Statement.NO_GENERATED_KEYS)) {
                    yield new QueryResult(Array.empty(), List.of(), updateCount(statement), Option.none());
                }
            }
        };
    }

    /**
     * The rows a write changed. A batch (SQL Server's {@code SET IDENTITY_INSERT ... ON; INSERT ...; SET ...})
     * reports a count per statement that changes rows: they are added up.
     */
    private static long updateCount(PreparedStatement statement) throws SQLException {
        boolean isResultSet = statement.execute();
        long total = 0;
        while (true) {
            if (!isResultSet) {
                int count = statement.getUpdateCount();
                if (count == -1) {
                    return total;
                }
                total += count;
            }
            isResultSet = statement.getMoreResults();
        }
    }

    private static PreparedStatement prepare(Connection connection, Sql sql, int generatedKeys) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql.text(), generatedKeys);
        int index = 1;
        for (Object value : sql.params()) {
            statement.setObject(index++, value);
        }
        return statement;
    }

    private QueryResult readRows(ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        int count = meta.getColumnCount();
        String[] labels = new String[count];
        JdbcValueReader[] readers = new JdbcValueReader[count];
        for (int i = 0; i < count; i++) {
            labels[i] = meta.getColumnLabel(i + 1);
            readers[i] = JdbcValueReader.forColumn(meta, i + 1, profile.typedTemporalValues());
        }
        List<Object[]> result = new ArrayList<>();
        while (rows.next()) {
            Object[] row = new Object[count];
            for (int i = 0; i < count; i++) {
                row[i] = readers[i].read(rows, i + 1);
            }
            result.add(row);
        }
        return new QueryResult(Array.of(labels), result, -1, Option.none());
    }

    /**
     * How many pooled connections are handed out, idle, open, and how many callers wait: for tests and
     * monitoring (a leak shows as {@code active > 0} once all work has finished).
     */
    public PoolStats poolStats() {
        HikariPoolMXBean stats = pool.getHikariPoolMXBean();
        return new PoolStats(stats.getActiveConnections(), stats.getIdleConnections(), stats.getTotalConnections(),
                stats.getThreadsAwaitingConnection(), pool.getMaximumPoolSize());
    }

    @Override
    public void close() {
        pool.close();
        threads.close();
    }
}
