package dev.sequelj.executor.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.sequelj.ast.error.SequeljError;
import dev.sequelj.executor.ConnectionSettings;
import dev.sequelj.executor.PoolOptions;
import dev.sequelj.executor.error.ConnectionError;
import dev.sequelj.executor.error.TimeoutError;
import dev.sequelj.executor.spi.Executor;
import dev.sequelj.executor.spi.HelpingFuture;
import dev.sequelj.executor.spi.QueryResult;
import dev.sequelj.executor.spi.ReservedConnection;
import dev.sequelj.executor.spi.RowCursor;
import dev.sequelj.executor.spi.StatementKind;
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
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The JDBC executor: HikariCP pool, one of the four drivers, blocking JDBC on virtual threads behind
 * {@link CompletableFuture}s. Values are always bound; SQL exceptions become typed errors
 * ({@link JdbcErrors}).
 *
 * <p>On SQLite the pool holds one connection for {@code :memory:} and never retires it: every
 * connection to {@code :memory:} opens a new, empty database, so a second one would lose the data.
 * While a transaction has {@linkplain #reserve() reserved} that one connection, statements outside the
 * transaction wait for it to end, as they would for any busy pool, and fail with a
 * {@link TimeoutError} after {@code pool.acquire} that says so. They never join the transaction:
 * a statement outside it is neither rolled back with it nor sees its uncommitted rows.
 */
public final class JdbcExecutor implements Executor {
    private final HikariDataSource pool;
    private final JdbcProfile profile;
    /** Prepared statements kept per connection where the driver keeps none itself (SQLite). */
    private final StatementCache statements;
    /** Where a platform thread's work goes: a virtual thread per task (a test may pass others). */
    private final ExecutorService threads;
    private final boolean inMemory;
    /** Connections currently held by transactions; only read to explain a timeout on {@code :memory:}. */
    private final AtomicInteger reserved = new AtomicInteger();

    public JdbcExecutor(ConnectionSettings settings, PoolOptions poolOptions) {
        this(settings, poolOptions, "sequelj-" + settings.dialect().name());
    }

    /** A pool with a name of its own, as each server of a replication setup has ({@code sequelj-postgres-read-1}). */
    public JdbcExecutor(ConnectionSettings settings, PoolOptions poolOptions, String poolName) {
        this(settings, poolOptions, poolName, Executors.newVirtualThreadPerTaskExecutor());
    }

    /** For tests: work from platform threads goes to {@code threads}, closed with this executor. */
    JdbcExecutor(ConnectionSettings settings, PoolOptions poolOptions, String poolName, ExecutorService threads) {
        this.threads = threads;
        this.profile = JdbcProfile.of(settings.dialect());
        this.statements = profile.statementCache();
        this.inMemory = settings.inMemory();
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        profile.sessionSetup(settings).forEach(config::setConnectionInitSql);
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
            return submit(() -> run(sql));
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(closed(e));
        }
    }

    private QueryResult run(Sql sql) {
        try (Connection connection = pool.getConnection()) {
            return run(connection, sql);
        } catch (SQLException e) {
            throw translate(e, sql.text());
        }
    }

    /**
     * Runs blocking JDBC work behind a future. A caller on a platform thread must not block, so the work
     * is handed to a new virtual thread; but the future is a {@link HelpingFuture}, whose {@code join()}
     * runs the work on the joining thread when the virtual thread has not claimed it yet. Handing a call
     * to another thread and waking the caller again costs 25–55 µs on a loaded two-core machine, more than
     * a point lookup on SQLite takes, so {@code users.findByPk(5).join()} from a platform thread mostly
     * runs the statement right there, while a caller that never joins is never blocked. A caller that
     * already is a virtual thread (or is running work it claimed) may block, so the work runs right there
     * and the future it gets is already complete. The future fails as {@code supplyAsync}'s would, with a
     * {@link CompletionException} around the error. Statements from one virtual thread then run one after
     * the other; to run several at once, start a virtual thread for each.
     */
    private <T> CompletableFuture<T> submit(Supplier<T> work) {
        return HelpingFuture.runsHere() ? HelpingFuture.run(work) : HelpingFuture.supply(work, threads);
    }

    /**
     * Holds one pooled connection until the transaction on it ends. The connection stays in auto-commit
     * mode: the transaction is opened and ended by the statements Sequelj sends, as Sequelize does.
     */
    @Override
    public CompletableFuture<ReservedConnection> reserve() {
        if (pool.isClosed()) {
            return CompletableFuture.failedFuture(closed(null));
        }
        try {
            return submit(() -> {
                try {
                    Connection connection = pool.getConnection();
                    reserved.incrementAndGet();
                    return new Held(connection);
                } catch (SQLException e) {
                    throw translate(e, "(reserving a connection for a transaction)");
                }
            });
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(closed(e));
        }
    }

    /** A connection reserved for one transaction. Sequelj sends it one statement at a time. */
    private final class Held implements ReservedConnection {
        private final Connection connection;
        private final AtomicBoolean returned = new AtomicBoolean();

        Held(Connection connection) {
            this.connection = connection;
        }

        @Override
        public CompletableFuture<QueryResult> execute(Sql sql) {
            if (returned.get()) {
                return CompletableFuture.failedFuture(new ConnectionError(
                        "this reserved connection was already handed back; its transaction has ended", null));
            }
            try {
                return submit(() -> {
                    try {
                        return run(connection, sql);
                    } catch (SQLException e) {
                        throw translate(e, sql.text());
                    }
                });
            } catch (RejectedExecutionException e) {
                return CompletableFuture.failedFuture(closed(e));
            }
        }

        /** Streams on the transaction's connection; the transaction sends nothing else until the cursor closes. */
        @Override
        public CompletableFuture<RowCursor> stream(Sql sql, StatementKind kind, int fetchSize) {
            if (returned.get()) {
                return CompletableFuture.failedFuture(new ConnectionError(
                        "this reserved connection was already handed back; its transaction has ended", null));
            }
            if (sql.returns() != Sql.Returns.ROWS) {
                return execute(sql, kind).thenApply(RowCursor::of);
            }
            return openStream(sql, fetchSize, () -> connection, false);
        }

        @Override
        public void release() {
            if (returned.compareAndSet(false, true)) {
                reserved.decrementAndGet();
                try {
                    connection.close();
                } catch (SQLException e) {
                    // Returning a connection only fails when it is already broken; HikariCP drops it then.
                }
            }
        }

        /**
         * Closes the connection instead of pooling it, which ends any transaction left open on it. Not the
         * one {@code :memory:} connection: closing that would drop the whole database. It gets a last
         * {@code ROLLBACK} instead (SQLite keeps a transaction open after a COMMIT refused by a deferred
         * constraint), whose failure only means that nothing was open.
         */
        @Override
        public void discard() {
            if (inMemory) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("ROLLBACK");
                } catch (SQLException e) {
                    // "cannot rollback - no transaction is active": the connection is clean already.
                }
                release();
            } else if (returned.compareAndSet(false, true)) {
                reserved.decrementAndGet();
                pool.evictConnection(connection);
            }
        }
    }

    private SequeljError translate(SQLException e, String sql) {
        // HikariCP says "has been closed" without an SQL state when close() overtook this statement.
        if (pool.isClosed()) {
            return closed(e);
        }
        SequeljError error = JdbcErrors.translate(e, sql, profile.errors());
        if (error instanceof TimeoutError timeout && timeout.reason() == TimeoutError.Reason.ACQUIRE
                && inMemory && reserved.get() > 0) {
            return new TimeoutError(error.getMessage() + ". sqlite::memory: has one connection and an open transaction"
                    + " holds it: statements outside the transaction wait until it commits or rolls back."
                    + " Inside a transaction, pass it to every call", e);
        }
        return error;
    }

    private static ConnectionError closed(Throwable cause) {
        return new ConnectionError("the connection pool is closed: sequelize.close() was called;"
                + " create a new Sequelize to connect again", cause);
    }

    /**
     * Runs one statement on {@code connection}, with a statement from the {@link StatementCache} (kept for
     * the next run of the same SQL when the profile caches statements, closed otherwise).
     */
    private QueryResult run(Connection connection, Sql sql) throws SQLException {
        int generatedKeys = sql.returns() == Sql.Returns.GENERATED_KEYS ? Statement.RETURN_GENERATED_KEYS : Statement.NO_GENERATED_KEYS;
        StatementCache.Lease lease = statements.prepare(connection, sql.text(), generatedKeys);
        boolean reusable = false;
        try {
            PreparedStatement statement = lease.statement();
            int index = 1;
            for (Object value : sql.params()) {
                statement.setObject(index++, value);
            }
            QueryResult result = collect(lease, statement, sql.returns());
            reusable = true;
            return result;
        } finally {
            lease.release(reusable);
        }
    }

    /** Executes a bound statement and collects what {@code returns} asks for. */
    private QueryResult collect(StatementCache.Lease lease, PreparedStatement statement, Sql.Returns returns) throws SQLException {
        return switch (returns) {
            case ROWS -> {
                // execute(), not executeQuery(): Connector/J refuses executeQuery() for anything but a
                // SELECT, and MariaDB hands back an inserted row from INSERT ... RETURNING.
                // A batch (SQL Server's SET IDENTITY_INSERT ...; INSERT ...; SET ...) may report update
                // counts before the result set: skip them, adding them up in case no result set follows
                // (raw SQL of unknown kind, say an UPDATE, is sent as ROWS).
                boolean isResultSet = statement.execute();
                long updated = -1;
                while (!isResultSet) {
                    int count = statement.getUpdateCount();
                    if (count == -1) {
                        yield new QueryResult(Array.empty(), List.of(), updated, Option.none());
                    }
                    updated = Math.max(updated, 0) + count;
                    isResultSet = statement.getMoreResults();
                }
                try (ResultSet rows = statement.getResultSet()) {
                    yield readRows(lease, rows);
                }
            }
            case GENERATED_KEYS -> {
                int count = statement.executeUpdate();
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    Option<Object> key = keys.next() ? Option.of(keys.getObject(1)) : Option.none();
                    yield new QueryResult(Array.empty(), List.of(), count, key);
                }
            }
            case NOTHING -> {
                statement.execute();
                yield QueryResult.empty();
            }
            case UPDATE_COUNT -> new QueryResult(Array.empty(), List.of(), updateCount(statement), Option.none());
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

    private QueryResult readRows(StatementCache.Lease lease, ResultSet rows) throws SQLException {
        ResultColumns columns = ResultColumns.of(lease, rows.getMetaData(), profile.typedTemporalValues());
        int count = columns.readers.length;
        JdbcValueReader[] readers = columns.readers;
        List<Object[]> result = new ArrayList<>();
        while (rows.next()) {
            Object[] row = new Object[count];
            for (int i = 0; i < count; i++) {
                row[i] = readers[i].read(rows, i + 1);
            }
            result.add(row);
        }
        return new QueryResult(columns.labels, result, -1, Option.none());
    }

    /**
     * A result's column labels and how each column is read, learnt from the driver's metadata. Reading the
     * labels costs a native call and a new string per column on SQLite, a tenth of a point lookup, so they
     * are kept with a kept statement and read once: a statement's text fixes its labels, unless it selects
     * {@code *}, whose columns follow the table (SQLite prepares again after a schema change). Such a
     * statement, or one whose column count changed, has its labels read every time.
     */
    private record ResultColumns(Array<String> labels, JdbcValueReader[] readers) {
        static ResultColumns of(StatementCache.Lease lease, ResultSetMetaData meta, boolean typedTemporal) throws SQLException {
            int count = meta.getColumnCount();
            if (lease.resultColumns() instanceof ResultColumns kept && kept.readers.length == count) {
                return kept;
            }
            String[] labels = new String[count];
            JdbcValueReader[] readers = new JdbcValueReader[count];
            for (int i = 0; i < count; i++) {
                labels[i] = meta.getColumnLabel(i + 1);
                readers[i] = JdbcValueReader.forColumn(meta, i + 1, typedTemporal);
            }
            ResultColumns read = new ResultColumns(Array.of(labels), readers);
            if (lease.sql().indexOf('*') < 0) {
                lease.resultColumns(read);
            }
            return read;
        }
    }

    // ---- streaming (issue 4: a finder variant that streams rows with a bounded fetch size) ---------

    /**
     * Streams on a pooled connection of the cursor's own, handed back when the cursor is closed or has
     * handed over its last row. How each driver is made to stream is {@link JdbcProfile#openStream}. A
     * statement that returns no rows ({@link Sql.Returns} other than {@code ROWS}) runs as {@link #execute}
     * runs it.
     */
    @Override
    public CompletableFuture<RowCursor> stream(Sql sql, StatementKind kind, int fetchSize) {
        if (pool.isClosed()) {
            return CompletableFuture.failedFuture(closed(null));
        }
        if (sql.returns() != Sql.Returns.ROWS) {
            return execute(sql, kind).thenApply(RowCursor::of);
        }
        return openStream(sql, fetchSize, pool::getConnection, true);
    }

    private interface ConnectionSource {
        Connection get() throws SQLException;
    }

    private CompletableFuture<RowCursor> openStream(Sql sql, int fetchSize, ConnectionSource source, boolean ownConnection) {
        try {
            return CompletableFuture.supplyAsync(() -> {
                Connection connection = null;
                try {
                    connection = source.get();
                    Connection held = connection;
                    Runnable release = ownConnection ? () -> closeQuietly(held) : () -> { };
                    StreamedRows rows = profile.openStream(connection, sql, fetchSize, ownConnection);
                    try {
                        return JdbcRowCursor.open(rows, profile.typedTemporalValues(), e -> translate(e, sql.text()), release);
                    } catch (SQLException | RuntimeException e) {
                        StreamedRows.closeQuietly(rows::close, e);
                        throw e;
                    }
                } catch (SQLException e) {
                    if (ownConnection && connection != null) {
                        closeQuietly(connection);
                    }
                    throw translate(e, sql.text());
                } catch (RuntimeException e) {
                    if (ownConnection && connection != null) {
                        closeQuietly(connection);
                    }
                    throw e;
                }
            }, threads);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(closed(e));
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Returning a connection only fails when it is already broken; HikariCP drops it then.
        }
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
