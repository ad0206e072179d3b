package dev.sequelj.render.dialect;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * MariaDB: MySQL's dialect, except that an INSERT hands back the stored row with {@code RETURNING}
 * (MariaDB 10.5 and later; Sequelize 6 does not use it) and dates keep their milliseconds in the
 * bound value, as Sequelize's mariadb dialect sends them.
 */
public class MariaDbDialect extends MySqlDialect {

    @Override
    public String name() {
        return "mariadb";
    }

    @Override
    public InsertReturning insertReturning() {
        return InsertReturning.RETURNING_CLAUSE;
    }

    @Override
    protected Object writeDate(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
