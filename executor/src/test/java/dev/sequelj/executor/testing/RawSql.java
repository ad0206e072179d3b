package dev.sequelj.executor.testing;

import dev.sequelj.executor.Sequelize;
import dev.sequelj.executor.spi.QueryResult;
import dev.sequelj.render.Sql;
import io.vavr.collection.Array;

import java.util.concurrent.CompletableFuture;

/**
 * SQL the compiler does not write (yet), sent through a {@link Sequelize}'s own executor, so it runs on
 * the same pool (and, for {@code sqlite::memory:}, the same database) as the models.
 */
public final class RawSql {
    private RawSql() {}

    /** Runs a statement that returns nothing (DDL, SET, DELETE). */
    public static CompletableFuture<QueryResult> run(Sequelize sequelize, String sql, Object... params) {
        return sequelize.executor().execute(new Sql(sql, Array.of(params), Sql.Returns.NOTHING));
    }

    /** Runs a query and hands back its rows. */
    public static CompletableFuture<QueryResult> query(Sequelize sequelize, String sql, Object... params) {
        return sequelize.executor().execute(new Sql(sql, Array.of(params), Sql.Returns.ROWS));
    }

    /** {@code name} quoted as the Sequelize's dialect quotes identifiers. */
    public static String quote(Sequelize sequelize, String name) {
        StringBuilder out = new StringBuilder();
        sequelize.dialect().quoteIdentifier(out, name);
        return out.toString();
    }
}
