package dev.sequelj.executor.spi;

import dev.sequelj.ast.error.UnsupportedFeatureError;
import dev.sequelj.render.Sql;

import java.util.concurrent.CompletableFuture;

/**
 * Runs rendered SQL. This is the seam between the compiler and the database: Sequelj's JDBC executor
 * implements it, and so can anyone who wants to run statements another way (a different pool, a
 * remote service, a recorder for tests). Plug one in with {@code new Sequelize(dialect, executor, options)}.
 *
 * <p><b>What it receives.</b> {@link Sql}: text with {@code ?} placeholders, one value per placeholder
 * (already in the dialect's stored form: a DATE is an {@code OffsetDateTime} on PostgreSQL, a
 * {@code LocalDateTime} on MySQL, Sequelize's text on SQLite) and {@link Sql.Returns what to collect};
 * and the {@link StatementKind} of the statement. Sequelj always calls {@link #execute(Sql, StatementKind)};
 * its default forwards to {@link #execute(Sql)}, so an executor that does not care about kinds
 * implements only that one.
 *
 * <p><b>What it returns.</b> A {@link QueryResult}: for {@link Sql.Returns#ROWS} the column labels and
 * the rows (a statement that produces no result set, such as raw SQL of unknown kind, answers with no
 * columns, no rows and its update count); for {@link Sql.Returns#GENERATED_KEYS} the update count and
 * the generated key; for {@link Sql.Returns#UPDATE_COUNT} the rows changed; for
 * {@link Sql.Returns#NOTHING} anything ({@link QueryResult#empty()}). Values are plain Java objects,
 * never JDBC classes.
 *
 * <p><b>Streams.</b> {@code Model.findAllStream} and {@code findEach} call {@link #stream}, which answers
 * with a {@link RowCursor} handing rows over as they arrive; its default runs {@code execute} and hands
 * over the rows read, so an executor without it works, only without the memory bound.
 *
 * <p><b>Failures.</b> Fail the future, never throw: with a {@code SequeljError} subclass from
 * {@code dev.sequelj.executor.error} ({@code DatabaseError} or its kinds {@code UniqueConstraintError} and
 * {@code ForeignKeyConstraintError}, {@code ConnectionError} or its kinds, {@code TimeoutError}); their
 * public constructors are there for your executor too. Sequelj hands the error to the caller as it is.
 *
 * <p><b>Threading.</b> Sequelj calls {@code execute} from any thread, concurrently, and never waits on
 * the future itself; the future may complete on any thread, and whatever the caller chained runs there,
 * so do the blocking work elsewhere (the JDBC executor uses virtual threads). Statements outside a
 * transaction have no order among themselves. Transactions need {@link #reserve()}: one connection for
 * several statements, sent one at a time. An executor that cannot hold a connection keeps the default,
 * and {@code sequelize.transaction(...)} then fails with an {@link UnsupportedFeatureError} before any
 * SQL is sent.
 *
 * <pre>{@code
 * // Logs every statement with its kind, then lets the JDBC executor run it.
 * final class Logged implements Executor {
 *     private final Executor delegate;
 *     Logged(Executor delegate) { this.delegate = delegate; }
 *     public CompletableFuture<QueryResult> execute(Sql sql) { return execute(sql, StatementKind.RAW); }
 *     public CompletableFuture<QueryResult> execute(Sql sql, StatementKind kind) {
 *         System.out.println(kind + ": " + sql.text());
 *         return delegate.execute(sql, kind);
 *     }
 *     public CompletableFuture<ReservedConnection> reserve() { return delegate.reserve(); }
 *     public void close() { delegate.close(); }
 * }
 * }</pre>
 *
 * @see RecordingExecutor an executor that records what it is given and answers from a script
 */
public interface Executor extends AutoCloseable {

    /** Runs one statement of unknown kind, on whichever connection is free. */
    CompletableFuture<QueryResult> execute(Sql sql);

    /**
     * Runs one statement of a known kind, on whichever connection is free; what Sequelj calls for every
     * statement outside a transaction. Override it to route, count or refuse by kind; the default runs
     * {@link #execute(Sql)}.
     */
    default CompletableFuture<QueryResult> execute(Sql sql, StatementKind kind) {
        return execute(sql);
    }

    /**
     * Runs one statement and hands its rows over as they arrive, at most about {@code fetchSize} of them
     * held in memory at a time: what {@code Model.findAllStream} and {@code Model.findEach} call. The
     * cursor holds a connection until it is closed; the caller always closes it.
     *
     * <p>The default runs {@link #execute(Sql, StatementKind)} and hands over the rows it read, so an
     * executor of your own keeps working, only without the memory bound. Sequelj's JDBC executor streams
     * for real (a server-side cursor on PostgreSQL, a streamed result on MySQL/MariaDB, lazy stepping on
     * SQLite, adaptive buffering on SQL Server).
     *
     * @param fetchSize how many rows to fetch per round trip; at least 1
     */
    default CompletableFuture<RowCursor> stream(Sql sql, StatementKind kind, int fetchSize) {
        return execute(sql, kind).thenApply(RowCursor::of);
    }

    /**
     * Sets one connection aside for a transaction: the statements given to the answer all run on it,
     * in order, until it is released. Fails like {@link #execute} when no connection can be had
     * ({@code TimeoutError} after the pool's acquire timeout, {@code ConnectionError}).
     *
     * <p>The default refuses: an executor that runs each statement independently cannot offer a
     * transaction, and pretending to would commit each statement on its own.
     */
    default CompletableFuture<ReservedConnection> reserve() {
        return CompletableFuture.failedFuture(new UnsupportedFeatureError(getClass().getName()
                + " cannot hold a connection for a transaction: it does not implement Executor.reserve()"));
    }

    /** Releases what the executor holds (its pool); later calls fail. Sequelj calls it from {@code sequelize.close()}. */
    @Override
    void close();
}
