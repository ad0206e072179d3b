package dev.sequelj.render;

import dev.sequelj.ast.statement.Statement;
import dev.sequelj.render.dialect.Dialect;
import dev.sequelj.render.dialect.Dialects;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small fluent check for one statement across dialects, in the spirit of Sequelize's
 * {@code expectsql(sql, {default, postgres, mssql})}: {@code standard} is what every dialect not named
 * otherwise must render; every dialect is checked in the same run, with exact text.
 *
 * <pre>{@code
 * ExpectSql.of(statement).standard("SELECT ...;").mssql("SELECT ...;").check();
 * }</pre>
 */
final class ExpectSql {
    private final Statement statement;
    private final Map<Dialect, String> expected = new LinkedHashMap<>();
    private String standard;

    private ExpectSql(Statement statement) {
        this.statement = statement;
    }

    static ExpectSql of(Statement statement) {
        return new ExpectSql(statement);
    }

    ExpectSql standard(String sql) {
        standard = sql;
        return this;
    }

    ExpectSql postgres(String sql) {
        return dialect(Dialects.POSTGRES, sql);
    }

    ExpectSql mysql(String sql) {
        return dialect(Dialects.MYSQL, sql);
    }

    ExpectSql mariadb(String sql) {
        return dialect(Dialects.MARIADB, sql);
    }

    /** MySQL and MariaDB, which share most of their SQL. */
    ExpectSql mysqlFamily(String sql) {
        return mysql(sql).mariadb(sql);
    }

    ExpectSql sqlite(String sql) {
        return dialect(Dialects.SQLITE, sql);
    }

    ExpectSql mssql(String sql) {
        return dialect(Dialects.MSSQL, sql);
    }

    private ExpectSql dialect(Dialect dialect, String sql) {
        expected.put(dialect, sql);
        return this;
    }

    void check() {
        for (Dialect dialect : Dialects.all()) {
            String want = expected.getOrDefault(dialect, standard);
            assertThat(want).as("no expectation for " + dialect).isNotNull();
            assertThat(SqlRenderer.render(statement, dialect).text()).as(dialect.name()).isEqualTo(want);
        }
    }
}
