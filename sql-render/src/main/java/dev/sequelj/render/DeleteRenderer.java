package dev.sequelj.render;

import dev.sequelj.ast.statement.Statement;

/**
 * {@code DELETE FROM "users" WHERE "id" = ?}; with a limit, {@code DELETE TOP(?) FROM} on SQL Server and
 * the dialect's form otherwise ({@link LimitedWhere}). The row count comes back; SQL Server's driver
 * reports it, so Sequelize's {@code ; SELECT @@ROWCOUNT AS AFFECTEDROWS} is not needed.
 */
final class DeleteRenderer {
    private DeleteRenderer() {}

    static Sql.Returns render(SqlWriter out, Statement.Delete delete) {
        out.sql("DELETE ");
        LimitedWhere.writeTop(out, delete.limit());
        out.sql("FROM ").table(delete.table());
        LimitedWhere.write(out, delete.table(), delete.where(), delete.limit(), delete.keyColumns());
        return Sql.Returns.UPDATE_COUNT;
    }
}
