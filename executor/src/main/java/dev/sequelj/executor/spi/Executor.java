package dev.sequelj.executor.spi;

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
 * <pre>{@code
 * class Recording implements Executor {
 *     final List<Sql> seen = new ArrayList<>();
 *     public CompletableFuture<QueryResult> execute(Sql sql) { seen.add(sql); return completedFuture(QueryResult.empty()); }
 *     public void close() {}
 * }
 * }</pre>
 */
public interface Executor extends AutoCloseable {

    /** Runs one statement. */
    CompletableFuture<QueryResult> execute(Sql sql);

    /** Releases what the executor holds (its pool); later calls fail. */
    @Override
    void close();
}
