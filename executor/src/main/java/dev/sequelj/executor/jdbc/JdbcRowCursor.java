package dev.sequelj.executor.jdbc;

import dev.sequelj.ast.error.SequeljError;
import dev.sequelj.executor.spi.RowCursor;
import io.vavr.collection.Array;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * A {@link RowCursor} over a driver's result sets ({@link StreamedRows}): reads one row per
 * {@link #next()}, with the column readers chosen once from the first result set's metadata. Finished
 * (all rows read, or a read failed), it releases the statement and calls {@code release} (which hands a
 * connection of its own back to the pool); {@link #close()} does the same earlier.
 */
final class JdbcRowCursor implements RowCursor {
    private final StreamedRows source;
    private final boolean typedTemporalValues;
    private final Function<SQLException, SequeljError> translate;
    private final Runnable release;
    private Array<String> columns = Array.empty();
    private JdbcValueReader[] readers;
    private ResultSet current;
    private long rowsInCurrent = -1;
    private boolean finished;
    private boolean closed;

    private JdbcRowCursor(StreamedRows source, boolean typedTemporalValues,
                          Function<SQLException, SequeljError> translate, Runnable release) {
        this.source = source;
        this.typedTemporalValues = typedTemporalValues;
        this.translate = translate;
        this.release = release;
    }

    /** Opens the first result set, so that columns are known and a failing statement fails here. */
    static JdbcRowCursor open(StreamedRows source, boolean typedTemporalValues,
                              Function<SQLException, SequeljError> translate, Runnable release) throws SQLException {
        JdbcRowCursor cursor = new JdbcRowCursor(source, typedTemporalValues, translate, release);
        cursor.advanceResultSet();
        return cursor;
    }

    @Override
    public Array<String> columns() {
        return columns;
    }

    @Override
    public Object[] next() {
        if (finished) {
            close(); // a statement without rows finishes as soon as it opens
            return null;
        }
        try {
            while (!current.next()) {
                if (!advanceResultSet()) {
                    close();
                    return null;
                }
            }
            rowsInCurrent++;
            Object[] row = new Object[readers.length];
            for (int i = 0; i < readers.length; i++) {
                row[i] = readers[i].read(current, i + 1);
            }
            return row;
        } catch (SQLException e) {
            SequeljError error = translate.apply(e);
            close();
            throw error;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Moves to the next result set; false (and finished) when there is none. */
    private boolean advanceResultSet() throws SQLException {
        if (current != null) {
            current.close();
        }
        current = source.nextResultSet(rowsInCurrent);
        rowsInCurrent = 0;
        if (current == null) {
            finished = true;
            return false;
        }
        if (readers == null) {
            ResultSetMetaData meta = current.getMetaData();
            int count = meta.getColumnCount();
            String[] labels = new String[count];
            readers = new JdbcValueReader[count];
            for (int i = 0; i < count; i++) {
                labels[i] = meta.getColumnLabel(i + 1);
                readers[i] = JdbcValueReader.forColumn(meta, i + 1, typedTemporalValues);
            }
            columns = Array.of(labels);
        }
        return true;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        finished = true;
        try {
            if (current != null) {
                current.close();
            }
            source.close();
        } catch (SQLException | RuntimeException e) {
            // The rows were read or are no longer wanted; a statement that cannot be closed cleanly leaves a
            // broken connection, which HikariCP drops when it is handed back.
        } finally {
            release.run();
        }
    }
}
