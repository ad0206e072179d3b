package dev.sequelj.render;

import dev.sequelj.ast.statement.Statement;
import dev.sequelj.render.dialect.Dialect;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/**
 * {@code TRUNCATE "users" RESTART IDENTITY CASCADE}, {@code TRUNCATE `users`}, {@code TRUNCATE TABLE [users]},
 * or SQLite's {@code DELETE FROM `users`}, written by the dialect; where restarting the auto-increment
 * counter takes a statement of its own (SQLite), that statement follows.
 */
final class TruncateRenderer {
    private TruncateRenderer() {}

    /** The emptying statement alone. */
    static Sql.Returns render(SqlWriter out, Statement.Truncate truncate) {
        out.dialect().writeTruncate(out, truncate.table(), truncate.cascade(), truncate.restartIdentity());
        return Sql.Returns.NOTHING;
    }

    /** The emptying statement and, when asked for and the dialect needs one, the counter's reset. */
    static Seq<Sql> renderAll(Statement.Truncate truncate, Dialect dialect, SqlWriter.Values values) {
        Sql main = SqlRenderer.renderOne(truncate, dialect, values);
        if (!truncate.restartIdentity()) {
            return Vector.of(main);
        }
        SqlWriter reset = new SqlWriter(dialect, values);
        if (!dialect.writeIdentityReset(reset, truncate.table())) {
            return Vector.of(main);
        }
        reset.sql(';');
        return Vector.of(main, reset.toSql(Sql.Returns.NOTHING));
    }
}
