package dev.sequelj.executor.replication;

import dev.sequelj.executor.spi.Executor;
import dev.sequelj.executor.spi.QueryResult;
import dev.sequelj.executor.spi.ReservedConnection;
import dev.sequelj.executor.spi.RowCursor;
import dev.sequelj.executor.spi.StatementKind;
import dev.sequelj.render.Sql;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Read replication over any executors: a statement that only reads ({@link StatementKind#readOnly()})
 * goes to the read executors in turn, round-robin; every other statement, a statement of unknown kind,
 * and every {@linkplain #reserve() transaction} goes to the write executor. This is what
 * {@code SequelizeOptions.replication(...)} builds over one JDBC pool per server; it works as well over
 * executors of your own.
 *
 * <pre>{@code
 * Executor executor = new ReplicatedExecutor(primary, List.of(replica1, replica2));
 * Sequelize sequelize = new Sequelize("postgres", executor, SequelizeOptions.options());
 * }</pre>
 *
 * <p>A failure is the failure of the executor that ran the statement, as it reported it: a replica that
 * cannot be reached fails the reads sent to it (a {@code ConnectionError}), and the next read goes to the
 * next replica. Nothing is retried elsewhere, as Sequelize retries nothing.
 */
public final class ReplicatedExecutor implements Executor {
    private final Executor write;
    private final List<Executor> reads;
    private final AtomicInteger nextRead = new AtomicInteger();

    /**
     * @param write the executor for writes and transactions
     * @param reads the executors reads are spread over; at least one
     */
    public ReplicatedExecutor(Executor write, List<? extends Executor> reads) {
        if (write == null || reads == null || reads.isEmpty()) {
            throw new IllegalArgumentException("a replicated executor needs a write executor and at least one read executor");
        }
        this.write = write;
        this.reads = List.copyOf(reads);
    }

    /** A statement of unknown kind may write: it goes to the write executor. */
    @Override
    public CompletableFuture<QueryResult> execute(Sql sql) {
        return write.execute(sql);
    }

    @Override
    public CompletableFuture<QueryResult> execute(Sql sql, StatementKind kind) {
        return (kind.readOnly() ? nextRead() : write).execute(sql, kind);
    }

    /** A stream is routed as {@link #execute(Sql, StatementKind)} routes its statement: a read goes to the next read executor. */
    @Override
    public CompletableFuture<RowCursor> stream(Sql sql, StatementKind kind, int fetchSize) {
        return (kind.readOnly() ? nextRead() : write).stream(sql, kind, fetchSize);
    }

    /** Transactions run on the write executor, reads inside them included, so they see their own writes. */
    @Override
    public CompletableFuture<ReservedConnection> reserve() {
        return write.reserve();
    }

    private Executor nextRead() {
        return reads.get(Math.floorMod(nextRead.getAndIncrement(), reads.size()));
    }

    /** The executor for writes and transactions. */
    public Executor write() {
        return write;
    }

    /** The executors reads are spread over, in turn. */
    public List<Executor> reads() {
        return reads;
    }

    /** Closes every executor, the write executor last; a failure to close one does not keep the others open. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (Executor executor : reads) {
            failure = closeCollecting(executor, failure);
        }
        failure = closeCollecting(write, failure);
        if (failure != null) {
            throw failure;
        }
    }

    private static RuntimeException closeCollecting(Executor executor, RuntimeException failure) {
        try {
            executor.close();
        } catch (RuntimeException e) {
            if (failure == null) {
                return e;
            }
            failure.addSuppressed(e);
        }
        return failure;
    }
}
