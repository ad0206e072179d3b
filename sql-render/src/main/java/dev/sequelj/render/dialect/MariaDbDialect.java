package dev.sequelj.render.dialect;

import dev.sequelj.ast.expression.JsonCast;
import io.vavr.collection.Map;
import dev.sequelj.render.literal.LiteralWriter;
import dev.sequelj.render.literal.MySqlLiteralWriter;

/**
 * MariaDB: MySQL's dialect, except that an INSERT hands back the stored row with {@code RETURNING}
 * (MariaDB 10.5 and later; Sequelize 6 does not use it).
 *
 * <p>Dates are bound in whole seconds, as on MySQL. Sequelize's mariadb dialect sends milliseconds
 * into a {@code DATETIME} column that keeps none; MariaDB then truncates by default but rounds under
 * {@code TIME_ROUND_FRACTIONAL}, where {@code 23:59:59.999} becomes the next day. Truncating before
 * binding stores what Sequelize stores on a default server, whatever the server's mode.
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

    /** {@code `app`.`users`}: MariaDB's Sequelize dialect qualifies a table by its schema (MySQL's writes one name). */
    @Override
    public void quoteTableName(StringBuilder out, dev.sequelj.ast.statement.TableName table) {
        quoteQualified(out, table);
    }

    @Override
    public boolean createsIndexIfNotExists() {
        return true;
    }

    /** {@code ADD INDEX IF NOT EXISTS `name`}: MariaDB can leave an existing index in place, so a second {@code sync} works. */
    @Override
    protected void writeIndexIfNotExists(dev.sequelj.render.SqlWriter out, dev.sequelj.ast.statement.Statement.CreateIndex index) {
        if (index.ifNotExists()) {
            out.sql("IF NOT EXISTS ");
        }
    }

    // ---- WHERE: JSON paths ---------------------------------------------------------------------------

    /** MySQL's casts, with {@code int} (MariaDB has it) and without {@code json} (MariaDB has no JSON cast). */
    private static final Map<JsonCast, String> JSON_CASTS = MySqlDialect.JSON_CASTS.remove(JsonCast.JSON).put(JsonCast.INT, "INT");

    @Override
    protected Map<JsonCast, String> jsonCasts() {
        return JSON_CASTS;
    }

    /** Keys are quoted only when they must be ({@code $.address.city}, {@code $."a b"}), as Sequelize writes MariaDB paths. */
    @Override
    protected boolean quotesEveryJsonKey() {
        return false;
    }

    // ---- inline literals -------------------------------------------------------------------------

    private static final LiteralWriter LITERALS = new MySqlLiteralWriter("mariadb");

    @Override
    public LiteralWriter literals() {
        return LITERALS;
    }
}
