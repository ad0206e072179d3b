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
            case Types.ARRAY -> JdbcValueReader::readArray;
            // A type the driver has no Java class for (PostgreSQL's json, jsonb, citext) as its text;
            // a UUID the driver does know stays one.
            case Types.OTHER -> (rows, i) -> {
                Object value = rows.getObject(i);
                return value == null || value instanceof java.util.UUID ? value : rows.getString(i);
            };
            default -> ResultSet::getObject;
        };
    }

    /** A SQL array as a Java array, its temporal elements as java.time values, its unknown ones as text. */
    private static Object readArray(ResultSet rows, int column) throws SQLException {
        java.sql.Array array = rows.getArray(column);
        if (array == null) {
            return null;
        }
        try {
            Object[] elements = (Object[]) array.getArray();
            Object[] read = new Object[elements.length];
            for (int i = 0; i < elements.length; i++) {
                read[i] = switch (elements[i]) {
                    case java.sql.Timestamp t -> t.toInstant();
                    case java.sql.Date d -> d.toLocalDate();
                    case java.sql.Time t -> t.toLocalTime();
                    case Object[] nested -> nested;
                    case null -> null;
                    case Number n -> n;
                    case String text -> text;
                    case Boolean b -> b;
                    case java.util.UUID u -> u;
                    case byte[] bytes -> bytes;
                    default -> elements[i].toString(); // the driver's own object (json, enum): its text
                };
            }
            return read;
        } finally {
            array.free();
        }
    }
}
