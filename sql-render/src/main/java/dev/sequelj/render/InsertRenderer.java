package dev.sequelj.render;

import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.render.dialect.Dialect;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * {@code INSERT INTO "users" ("id","firstName") VALUES (DEFAULT,?) RETURNING "id","firstName"}, with the
 * generated key and the returned row written the dialect's way:
 * <ul>
 *   <li>postgres: {@code ("id",...) VALUES (DEFAULT,...) RETURNING ...}</li>
 *   <li>sqlite: {@code (`id`,...) VALUES (NULL,...) RETURNING ...}</li>
 *   <li>mysql: {@code (`id`,...) VALUES (DEFAULT,...)}, the key read back by the executor</li>
 *   <li>mssql: {@code ([firstName],...) OUTPUT INSERTED.[id],... VALUES (...)}</li>
 * </ul>
 * A key given explicitly is listed like any other column, inside whatever the dialect needs around it
 * (SQL Server's {@code SET IDENTITY_INSERT}).
 */
final class InsertRenderer {
    private InsertRenderer() {}

    static Sql.Returns render(SqlWriter out, Statement.Insert insert) {
        Dialect dialect = out.dialect();
        Option<String> generatedKey = insert.autoIncrementColumn().filter(key -> !insert.columns().contains(key));
        Option<String> keyColumn = dialect.autoIncrementInsert() == Dialect.AutoIncrementInsert.OMITTED
                ? Option.none()
                : generatedKey;
        boolean explicitKey = insert.autoIncrementColumn().isDefined() && generatedKey.isEmpty();
        if (explicitKey) {
            dialect.writeBeforeExplicitKeyInsert(out, insert.table());
        }
        out.sql("INSERT INTO ").table(insert.table());
        boolean empty = keyColumn.isEmpty() && insert.columns().isEmpty();
        if (!empty) {
            out.sql(" (");
            keyColumn.forEach(out::identifier);
            writeList(out, insert.columns(), keyColumn.isDefined());
            out.sql(')');
        }
        if (dialect.insertReturning() == Dialect.InsertReturning.OUTPUT_INSERTED) {
            out.sql(" OUTPUT ");
            boolean first = true;
            for (String column : insert.returning()) {
                out.sql(first ? "INSERTED." : ",INSERTED.").identifier(column);
                first = false;
            }
        }
        if (empty) {
            dialect.writeEmptyInsertValues(out);
        } else {
            out.sql(" VALUES (");
            keyColumn.forEach(k -> out.sql(dialect.autoIncrementInsert() == Dialect.AutoIncrementInsert.NULL_VALUE ? "NULL" : "DEFAULT"));
            boolean first = keyColumn.isEmpty();
            for (Expression value : insert.values()) {
                if (!first) {
                    out.sql(',');
                }
                ExpressionRenderer.write(out, value);
                first = false;
            }
            out.sql(')');
        }
        Sql.Returns returns = switch (dialect.insertReturning()) {
            case RETURNING_CLAUSE -> {
                out.sql(" RETURNING ");
                writeList(out, insert.returning(), false);
                yield Sql.Returns.ROWS;
            }
            case OUTPUT_INSERTED -> Sql.Returns.ROWS;
            case GENERATED_KEY -> Sql.Returns.GENERATED_KEYS;
        };
        if (explicitKey) {
            dialect.writeAfterExplicitKeyInsert(out, insert.table());
        }
        return returns;
    }

    /** Identifiers separated by commas without spaces, as Sequelize writes INSERT lists. */
    private static void writeList(SqlWriter out, Seq<String> columns, boolean continuing) {
        boolean first = !continuing;
        for (String column : columns) {
            if (!first) {
                out.sql(',');
            }
            out.identifier(column);
            first = false;
        }
    }
}
