package dev.sequelj.render;

import dev.sequelj.ast.statement.Assignment;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.render.dialect.Dialect;

/**
 * {@code UPDATE "users" SET "firstName"=?,"age"="age"+? WHERE "id" = ?}, with the changed rows handed
 * back the dialect's way ({@link Dialect#updateReturning()}): {@code RETURNING ...} at the end
 * (postgres, sqlite), {@code OUTPUT INSERTED.[...]} between SET and WHERE (mssql), or not at all
 * (mysql, mariadb: the row count comes back). Columns are not qualified: the statement names one table.
 */
final class UpdateRenderer {
    private UpdateRenderer() {}

    static Sql.Returns render(SqlWriter out, Statement.Update update) {
        Dialect dialect = out.dialect();
        Dialect.UpdateReturning returning = update.returning().isEmpty()
                ? Dialect.UpdateReturning.NONE
                : dialect.updateReturning();
        out.sql("UPDATE ");
        LimitedWhere.writeTop(out, update.limit());
        out.table(update.table()).sql(" SET ");
        boolean first = true;
        for (Assignment assignment : update.assignments()) {
            if (!first) {
                out.sql(',');
            }
            out.identifier(assignment.column()).sql('=');
            switch (assignment) {
                case Assignment.ToValue value -> ExpressionRenderer.write(out, value.value());
                case Assignment.Increment increment -> {
                    out.identifier(increment.column()).sql(increment.subtract() ? "-" : "+");
                    ExpressionRenderer.write(out, increment.amount());
                }
            }
            first = false;
        }
        if (returning == Dialect.UpdateReturning.OUTPUT_INSERTED) {
            out.sql(" OUTPUT ");
            first = true;
            for (String column : update.returning()) {
                out.sql(first ? "INSERTED." : ",INSERTED.").identifier(column);
                first = false;
            }
        }
        LimitedWhere.write(out, update.table(), update.where(), update.limit(), update.keyColumns());
        return switch (returning) {
            case RETURNING_CLAUSE -> {
                out.sql(" RETURNING ");
                InsertRenderer.writeList(out, update.returning(), false);
                yield Sql.Returns.ROWS;
            }
            case OUTPUT_INSERTED -> Sql.Returns.ROWS;
            case NONE -> Sql.Returns.UPDATE_COUNT;
        };
    }
}
