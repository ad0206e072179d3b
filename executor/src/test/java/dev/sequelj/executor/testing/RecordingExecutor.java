package dev.sequelj.executor.testing;

import dev.sequelj.executor.spi.Executor;
import dev.sequelj.executor.spi.QueryResult;
import dev.sequelj.render.Sql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An {@link Executor} written the way a user would write their own: it records every statement it is
 * given and answers with the results queued for it ({@link QueryResult#empty()} when none is queued).
 */
public final class RecordingExecutor implements Executor {
    private final List<Sql> statements = new ArrayList<>();
    private final Deque<CompletableFuture<QueryResult>> answers = new ArrayDeque<>();
    private boolean closed;

    /** The next statement is answered with this result. */
    public RecordingExecutor answer(QueryResult result) {
        answers.add(CompletableFuture.completedFuture(result));
        return this;
    }

    /** The next statement fails with this error. */
    public RecordingExecutor fail(Throwable error) {
        answers.add(CompletableFuture.failedFuture(error));
        return this;
    }

    @Override
    public synchronized CompletableFuture<QueryResult> execute(Sql sql) {
        statements.add(sql);
        CompletableFuture<QueryResult> answer = answers.poll();
        return answer != null ? answer : CompletableFuture.completedFuture(QueryResult.empty());
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    /** Every statement received so far, in order. */
    public synchronized List<Sql> statements() {
        return List.copyOf(statements);
    }

    public synchronized boolean closed() {
        return closed;
    }
}
