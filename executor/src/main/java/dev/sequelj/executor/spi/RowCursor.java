package dev.sequelj.executor.spi;

import io.vavr.collection.Array;

import java.util.Iterator;

/**
 * The rows of a statement that is still running, handed over one at a time, so that a result of any size
 * passes through a bounded amount of memory. Obtained from {@link Executor#stream} or
 * {@link ReservedConnection#stream}; it holds a connection (or, in a transaction, the transaction's
 * connection) until it is closed, so always close it, best with try-with-resources.
 *
 * <pre>{@code
 * try (RowCursor rows = executor.stream(select, StatementKind.SELECT, 1_000).join()) {
 *     for (Object[] row = rows.next(); row != null; row = rows.next()) {
 *         System.out.println(rows.columns() + " = " + Arrays.toString(row));
 *     }
 * }
 * }</pre>
 *
 * <p>A cursor is used from one thread at a time. {@link #next()} blocks while the next batch is fetched
 * and throws the executor's typed error ({@code DatabaseError}, {@code ConnectionError}, ...) when reading
 * fails; the cursor is finished then, and still needs (and tolerates) {@link #close()}.
 */
public interface RowCursor extends AutoCloseable {

    /** The result's column labels, in order; known once the statement has been opened. */
    Array<String> columns();

    /** The next row, its values in column order as in {@link QueryResult#rows()}; {@code null} when there are no more. */
    Object[] next();

    /** Releases the statement and what it holds (the connection goes back to the pool). Idempotent; never throws. */
    @Override
    void close();

    /**
     * A cursor over rows already read: what an executor that cannot stream answers (the default
     * {@link Executor#stream}), and a convenient answer for test executors.
     */
    static RowCursor of(QueryResult result) {
        Iterator<Object[]> rows = result.rows().iterator();
        return new RowCursor() {
            @Override
            public Array<String> columns() {
                return result.columns();
            }

            @Override
            public Object[] next() {
                return rows.hasNext() ? rows.next() : null;
            }

            @Override
            public void close() {
                // Nothing is held: the rows were read already.
            }
        };
    }
}
