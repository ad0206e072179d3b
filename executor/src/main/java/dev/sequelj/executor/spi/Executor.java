package dev.sequelj.executor.spi;

import dev.sequelj.ast.error.UnsupportedFeatureError;
import dev.sequelj.render.Sql;

import java.util.concurrent.CompletableFuture;

/**
 * Runs rendered SQL. This is the seam between the compiler and the database: Sequelj's JDBC executor
 * implements it, and so can anyone who wants to run statements another way (a different pool, a
 * remote service, a recorder for tests).
 *
 * <p>An executor receives {@link Sql}: text with {@code ?} placeholders, the values to bind (already
 * in the dialect's stored form) and {@link Sql.Returns what to collect}. It answers with a
 * {@link QueryResult}, or fails the future with a {@code SequeljError} subclass from
 * {@code dev.sequelj.executor.error} ({@code DatabaseError} or its kinds {@code UniqueConstraintError} and
 * {@code ForeignKeyConstraintError}, {@code ConnectionError} or its kinds, {@code TimeoutError}); their
 * public constructors are there for your executor too.
 *
 * <p>{@link Sql.Returns#ROWS} asks for the statement's result set; a statement that produces none
 * (raw SQL of unknown kind is sent as {@code ROWS}) answers with no columns, no rows and its update
 * count. Transactions need {@link #reserve()}: one connection for several statements. An executor
 * that cannot hold a connection keeps the default, and {@code sequelize.transaction(...)} then fails
 * with an {@link UnsupportedFeatureError} before any SQL is sent.
 *
 * <pre>{@code
 * class Recording implements Executor {
 *     final List<Sql> seen = new ArrayList<>();
 *     public CompletableFuture<QueryResult> execute(Sql sql) { seen.add(sql); return completedFuture(QueryResult.empty()); }
 *     public void close() {}
 * }
 * }</pre>
 */
public interface Executor extends AutoCloseable {

    /** Runs one statement, on whichever connection is free. */
    CompletableFuture<QueryResult> execute(Sql sql);

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

    /** Releases what the executor holds (its pool); later calls fail. */
    @Override
    void close();
}
