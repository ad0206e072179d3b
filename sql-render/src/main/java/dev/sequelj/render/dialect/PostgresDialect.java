package dev.sequelj.render.dialect;

import dev.sequelj.render.literal.LiteralWriter;
import dev.sequelj.render.literal.PostgresLiteralWriter;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * PostgreSQL: the base dialect's standard SQL as it is, with {@code SERIAL} keys, {@code TIMESTAMP WITH
 * TIME ZONE} dates and {@code DROP ... CASCADE}; dates are bound as {@code OffsetDateTime} in UTC.
 */
public class PostgresDialect extends Dialect {
    public PostgresDialect() {
        super('"', '"');
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    protected Object writeDate(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    // ---- inline literals -------------------------------------------------------------------------

    private static final LiteralWriter LITERALS = new PostgresLiteralWriter();

    @Override
    public LiteralWriter literals() {
        return LITERALS;
    }
}
