package dev.sequelj.executor.jdbc;

import dev.sequelj.render.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Where a streamed statement's rows come from: one or more result sets, read one after the other, none
 * holding more than about a fetch size of rows. How a driver is made to stream differs
 * ({@link JdbcProfile#openStream}); {@link JdbcRowCursor} reads them all alike.
 */
interface StreamedRows {

    /**
     * The next result set to read rows from, or null when there are no more rows.
     *
     * @param rowsInPrevious how many rows the previous result set held; -1 before the first
     */
    ResultSet nextResultSet(long rowsInPrevious) throws SQLException;

    /** Ends the statement and puts the connection back as it found it. */
    void close() throws SQLException;

    /**
     * The driver streams one result set by itself, given the fetch size it understands: sqlite-jdbc steps
     * lazily, SQL Server's adaptive buffering reads as rows are asked for, Connector/J streams row by row
     * with {@link Integer#MIN_VALUE}.
     */
    static StreamedRows driverStreamed(Connection connection, Sql sql, int driverFetchSize) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql.text(), ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        try {
            bind(statement, sql);
            statement.setFetchSize(driverFetchSize);
            boolean isResultSet = statement.execute();
            // A batch (SQL Server's SET ...; SELECT ...) may report update counts before its result set.
            while (!isResultSet && statement.getUpdateCount() != -1) {
                isResultSet = statement.getMoreResults();
            }
            ResultSet rows = isResultSet ? statement.getResultSet() : null;
            return new StreamedRows() {
                private boolean handedOver;

                @Override
                public ResultSet nextResultSet(long rowsInPrevious) {
                    if (handedOver) {
                        return null;
                    }
                    handedOver = true;
                    return rows;
                }

                @Override
                public void close() throws SQLException {
                    statement.close();
                }
            };
        } catch (SQLException | RuntimeException e) {
            closeQuietly(statement, e);
            throw e;
        }
    }

    static void bind(PreparedStatement statement, Sql sql) throws SQLException {
        int index = 1;
        for (Object value : sql.params()) {
            statement.setObject(index++, value);
        }
    }

    static void closeQuietly(AutoCloseable resource, Throwable failure) {
        try {
            resource.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }
}
