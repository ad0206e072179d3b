package dev.sequelj.executor.jdbc;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * Reads one column as a plain Java value, chosen once per result set from its metadata so that no JDBC
 * class ({@code java.sql.Timestamp}, {@code Clob}) leaves the executor.
 */
@FunctionalInterface
interface JdbcValueReader {
    /** SQL Server's {@code DATETIMEOFFSET}, which has no constant in {@link Types}. */
    int MSSQL_DATETIMEOFFSET = -155;

    Object read(ResultSet rows, int column) throws SQLException;

    static JdbcValueReader forColumn(ResultSetMetaData meta, int column, boolean typedTemporal) throws SQLException {
        if (!typedTemporal) {
            return ResultSet::getObject;
        }
        int type = meta.getColumnType(column);
        String typeName = meta.getColumnTypeName(column);
        if (type == Types.TIMESTAMP_WITH_TIMEZONE || type == MSSQL_DATETIMEOFFSET || "timestamptz".equalsIgnoreCase(typeName)) {
            return (rows, i) -> rows.getObject(i, OffsetDateTime.class);
        }
        return switch (type) {
            case Types.TIMESTAMP -> (rows, i) -> rows.getObject(i, LocalDateTime.class);
            case Types.DATE -> (rows, i) -> rows.getObject(i, LocalDate.class);
            case Types.TIME -> (rows, i) -> rows.getObject(i, LocalTime.class);
            case Types.CLOB, Types.NCLOB -> ResultSet::getString;
            case Types.BLOB, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> ResultSet::getBytes;
            default -> ResultSet::getObject;
        };
    }
}
