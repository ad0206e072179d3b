package dev.sequelj.conformance.property;

import dev.sequelj.render.Sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One embedded SQLite database in memory, reached with plain JDBC (sqlite-jdbc), for properties that
 * run rendered SQL. Values are bound exactly as the JDBC executor binds them ({@code setObject}, in
 * order). Work is done inside a transaction that {@link #rollback()} undoes, DDL included (SQLite's DDL
 * is transactional), so each try starts from an empty database without reopening it.
 *
 * <pre>{@code
 * try (SqliteMemory db = SqliteMemory.open()) {
 *     db.execute(SqlRenderer.render(TableStatements.createTable(model), Dialects.SQLITE));
 *     Rows rows = db.query(SqlRenderer.render(FindStatements.findAll(model, options()), Dialects.SQLITE));
 *     db.rollback();
 * }
 * }</pre>
 */
public final class SqliteMemory implements AutoCloseable {
    private final Connection connection;

    private SqliteMemory(Connection connection) {
        this.connection = connection;
    }

    /** A fresh, empty database, in a transaction. */
    public static SqliteMemory open() throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
        connection.setAutoCommit(false);
        return new SqliteMemory(connection);
    }

    /**
     * Rows read back, with the column labels the result set reports.
     *
     * @param labels {@code ResultSetMetaData.getColumnLabel}, in order
     * @param rows   each row's values as {@code getObject} reads them
     */
    public record Rows(List<String> labels, List<List<Object>> rows) {}

    /** Runs a statement, ignoring any rows it hands back. */
    public void execute(Sql sql) throws SQLException {
        try (PreparedStatement statement = prepare(sql)) {
            statement.execute();
        }
    }

    /** Runs a statement and reads the rows it hands back. */
    public Rows query(Sql sql) throws SQLException {
        try (PreparedStatement statement = prepare(sql); ResultSet result = statement.executeQuery()) {
            return read(result);
        }
    }

    /** Runs SQL written by the test itself (reading SQLite's catalog), with bound values. */
    public Rows query(String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                return read(result);
            }
        }
    }

    /** Undoes everything since the last rollback. */
    public void rollback() throws SQLException {
        connection.rollback();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    private PreparedStatement prepare(Sql sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql.text());
        int index = 1;
        for (Object value : sql.params()) {
            statement.setObject(index++, value);
        }
        return statement;
    }

    private static Rows read(ResultSet result) throws SQLException {
        ResultSetMetaData meta = result.getMetaData();
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            labels.add(meta.getColumnLabel(i));
        }
        List<List<Object>> rows = new ArrayList<>();
        while (result.next()) {
            List<Object> row = new ArrayList<>();
            for (int i = 1; i <= labels.size(); i++) {
                row.add(result.getObject(i));
            }
            rows.add(row);
        }
        return new Rows(labels, rows);
    }
}
