package dev.sequelj.render.dialect;

import dev.sequelj.ast.model.DataType;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * PostgreSQL: the base dialect's standard SQL, {@code SERIAL} keys, {@code TIMESTAMP WITH TIME ZONE}
 * dates, {@code DROP ... CASCADE}.
 */
public class PostgresDialect extends Dialect {

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public String columnType(DataType type) {
        return switch (type) {
            case DataType.StringType s -> "VARCHAR(" + s.length() + ")";
            case DataType.TextType t -> "TEXT";
            case DataType.IntegerType i -> "INTEGER";
            case DataType.BigIntType b -> "BIGINT";
            case DataType.BooleanType b -> "BOOLEAN";
            case DataType.DateType d -> "TIMESTAMP WITH TIME ZONE";
        };
    }

    @Override
    protected Object writeDate(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
