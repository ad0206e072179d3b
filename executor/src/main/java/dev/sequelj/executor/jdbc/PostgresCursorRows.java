package dev.sequelj.executor.jdbc;

import dev.sequelj.render.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Streams on PostgreSQL through a server-side cursor, {@code fetchSize} rows per {@code FETCH}:
 *
 * <pre>{@code
 * DECLARE "sequelj_stream_7" NO SCROLL CURSOR FOR SELECT "id", "value" FROM "rows" AS "row" ORDER BY "row"."id" ASC;
 * FETCH FORWARD 1000 FROM "sequelj_stream_7";   -- repeated until a FETCH returns fewer rows
 * CLOSE "sequelj_stream_7";
 * }</pre>
 *
 * <p>pgjdbc reads a whole result into memory unless auto-commit is off, and switching auto-commit back on
 * commits; inside a transaction Sequelj opened with {@code START TRANSACTION;} that would commit the
 * caller's transaction. An explicit cursor works the same inside a transaction and out: outside one, the
 * connection is the stream's own and runs it in a read-only transaction of its own (auto-commit off),
 * rolled back when the stream closes.
 */
final class PostgresCursorRows implements StreamedRows {
    private static final AtomicLong NAMES = new AtomicLong();

    private final Connection connection;
    private final boolean ownConnection;
    private final String name;
    private final String fetch;
    private final int fetchSize;
    private final Statement fetcher;
    private ResultSet current;

    private PostgresCursorRows(Connection connection, boolean ownConnection, String name, int fetchSize) throws SQLException {
        this.connection = connection;
        this.ownConnection = ownConnection;
        this.name = name;
        this.fetchSize = fetchSize;
        this.fetch = "FETCH FORWARD " + fetchSize + " FROM " + name;
        this.fetcher = connection.createStatement();
    }

    /**
     * Declares the cursor. {@code ownConnection}: the connection is the stream's alone, outside any
     * transaction, and needs one.
     */
    static PostgresCursorRows open(Connection connection, Sql sql, int fetchSize, boolean ownConnection) throws SQLException {
        if (ownConnection) {
            connection.setAutoCommit(false);
        }
        String name = "\"sequelj_stream_" + NAMES.incrementAndGet() + "\"";
        try (PreparedStatement declare = connection.prepareStatement("DECLARE " + name + " NO SCROLL CURSOR FOR " + sql.text())) {
            StreamedRows.bind(declare, sql);
            declare.execute();
            return new PostgresCursorRows(connection, ownConnection, name, fetchSize);
        } catch (SQLException | RuntimeException e) {
            if (ownConnection) {
                restore(connection, e);
            }
            throw e;
        }
    }

    @Override
    public ResultSet nextResultSet(long rowsInPrevious) throws SQLException {
        if (rowsInPrevious >= 0 && rowsInPrevious < fetchSize) {
            return null; // the last FETCH came back short: the cursor is exhausted
        }
        current = fetcher.executeQuery(fetch);
        return current;
    }

    @Override
    public void close() throws SQLException {
        try {
            if (ownConnection) {
                fetcher.close();
                connection.rollback(); // ends the stream's own transaction, and the cursor with it
                connection.setAutoCommit(true);
            } else {
                // In the caller's transaction: close the cursor, which the transaction would otherwise keep
                // until it ends. If the transaction has failed, that fails too, harmlessly.
                try {
                    fetcher.execute("CLOSE " + name);
                } finally {
                    fetcher.close();
                }
            }
        } catch (SQLException e) {
            if (ownConnection) {
                restore(connection, e);
            }
            throw e;
        }
    }

    private static void restore(Connection connection, Throwable failure) {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
