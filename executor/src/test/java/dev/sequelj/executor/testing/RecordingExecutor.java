package dev.sequelj.executor.testing;

import dev.sequelj.executor.spi.Executor;
import dev.sequelj.executor.spi.QueryResult;
import dev.sequelj.executor.spi.ReservedConnection;
import dev.sequelj.render.Sql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An {@link Executor} written the way a user would write their own: it records every statement it is
 * given and answers with the results queued for it ({@link QueryResult#empty()} when none is queued).
 * It can {@linkplain #reserve() reserve} connections for transactions: {@link #events()} then tells
 * which statement went where ({@code "pool: <sql>"}, {@code "#1: <sql>"}) and when each reserved
 * connection was taken and handed back.
 */
public final class RecordingExecutor implements Executor {
    private final List<Sql> statements = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final Deque<CompletableFuture<QueryResult>> answers = new ArrayDeque<>();
    private int reservations;
    private boolean closed;

    /** The next statement is answered with this result. */
    public RecordingExecutor answer(QueryResult result) {
        return answer(CompletableFuture.completedFuture(result));
    }

    /** The next statement is answered with this future, completed whenever the test chooses. */
    public synchronized RecordingExecutor answer(CompletableFuture<QueryResult> result) {
        answers.add(result);
        return this;
    }

    /** The next statement fails with this error. */
    public RecordingExecutor fail(Throwable error) {
        return answer(CompletableFuture.failedFuture(error));
    }

    @Override
    public CompletableFuture<QueryResult> execute(Sql sql) {
        return record("pool", sql);
    }

    @Override
    public synchronized CompletableFuture<ReservedConnection> reserve() {
        String name = "#" + ++reservations;
        events.add("reserve " + name);
        return CompletableFuture.completedFuture(new ReservedConnection() {
            @Override
            public CompletableFuture<QueryResult> execute(Sql sql) {
                return record(name, sql);
            }

            @Override
            public void release() {
                event("release " + name);
            }

            @Override
            public void discard() {
                event("discard " + name);
            }
        });
    }

    private synchronized CompletableFuture<QueryResult> record(String connection, Sql sql) {
        statements.add(sql);
        events.add(connection + ": " + sql.text());
        CompletableFuture<QueryResult> answer = answers.poll();
        return answer != null ? answer : CompletableFuture.completedFuture(QueryResult.empty());
    }

    private synchronized void event(String event) {
        events.add(event);
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    /** Every statement received so far, in order, on the pool and on reserved connections alike. */
    public synchronized List<Sql> statements() {
        return List.copyOf(statements);
    }

    /** Every statement with where it ran, and every reservation, release and discard, in order. */
    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    public synchronized boolean closed() {
        return closed;
    }
}
