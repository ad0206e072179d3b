package dev.sequelj.executor.spi;

import dev.sequelj.render.Sql;

import java.util.concurrent.CompletableFuture;

/**
 * One database connection set aside for a sequence of statements, as a transaction needs: every
 * statement given to it runs on that same connection, in the order given, until it is handed back.
 * Obtained from {@link Executor#reserve()}.
 *
 * <p>Sequelj drives transactions with ordinary statements through this interface ({@code START
 * TRANSACTION;}, {@code SAVEPOINT "…";}, {@code COMMIT;}, {@code ROLLBACK;}, written for the dialect,
 * exactly what is logged), so an implementation needs no notion of transactions: it keeps the
 * connection in auto-commit mode and runs what it is given. Sequelj calls {@link #execute(Sql, StatementKind)} one
 * statement at a time (the next only after the previous future completed), then exactly one of
 * {@link #release()} or {@link #discard()}.
 *
 * <pre>{@code
 * ReservedConnection connection = executor.reserve().join();
 * connection.execute(new Sql("START TRANSACTION;", Array.empty(), Sql.Returns.NOTHING)).join();
 * connection.execute(insert).join();
 * connection.execute(new Sql("COMMIT;", Array.empty(), Sql.Returns.NOTHING)).join();
 * connection.release();
 * }</pre>
 */
public interface ReservedConnection {

    /** Runs one statement on this connection; answers as {@link Executor#execute} does. */
    CompletableFuture<QueryResult> execute(Sql sql);

    /**
     * Runs one statement of a known kind on this connection: what Sequelj calls, with
     * {@link StatementKind#TRANSACTION_CONTROL} for the statements that open and end the transaction and its
     * savepoints. The default runs {@link #execute(Sql)}.
     */
    default CompletableFuture<QueryResult> execute(Sql sql, StatementKind kind) {
        return execute(sql);
    }

    /**
     * Runs one statement on this connection and hands its rows over as they arrive, as
     * {@link Executor#stream} does. Sequelj sends nothing else to this connection until the cursor is
     * closed. The default runs {@link #execute(Sql, StatementKind)} and hands over the rows it read.
     */
    default CompletableFuture<RowCursor> stream(Sql sql, StatementKind kind, int fetchSize) {
        return execute(sql, kind).thenApply(RowCursor::of);
    }

    /** Hands the connection back for reuse: the transaction on it ended cleanly (committed or rolled back). */
    void release();

    /**
     * Hands the connection back when its state is unknown (a {@code COMMIT} or {@code ROLLBACK} on it
     * failed, so a transaction may still be open): it must not be reused as it is; close it instead.
     */
    void discard();
}
