package dev.sequelj.render;

import dev.sequelj.ast.error.UnsupportedFeatureError;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.statement.OnDuplicate;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.render.dialect.Dialect;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * {@code upsert}, in the dialect's {@link Dialect#upsertForm() form}:
 * <ul>
 *   <li>an INSERT with its duplicate clause (postgres, sqlite:
 *       {@code INSERT INTO "users" ("id","firstName") VALUES (?,?) ON CONFLICT ("id") DO UPDATE SET "id"=EXCLUDED."id",...
 *       RETURNING ...}; mysql, mariadb: {@code ... ON DUPLICATE KEY UPDATE `id`=VALUES(`id`),...}). The key
 *       is listed only when given, as Sequelize lists it;</li>
 *   <li>a MERGE (mssql), each value bound once in the source row and referred to from there:
 *       <pre>
 *       MERGE INTO [users] WITH(HOLDLOCK) AS [users_target] USING (VALUES(?, ?)) AS [users_source]([id], [firstName])
 *       ON [users_target].[id] = [users_source].[id]
 *       WHEN MATCHED THEN UPDATE SET [users_target].[firstName] = [users_source].[firstName]
 *       WHEN NOT MATCHED THEN INSERT ([id], [firstName]) VALUES([users_source].[id], [users_source].[firstName])
 *       OUTPUT $action, INSERTED.[id],INSERTED.[firstName];
 *       </pre>
 *       (Sequelize writes every value twice, inline, and {@code OUTPUT $action, INSERTED.*}). The
 *       {@link Dialect#mergeActionColumn() action column} comes first, also without {@code returning}
 *       ({@code OUTPUT $action}), so the executor can tell whether the row was inserted. The
 *       auto-increment key is never updated (SQL Server refuses to), and an explicit one is inserted under
 *       {@code SET IDENTITY_INSERT}.</li>
 * </ul>
 */
final class UpsertRenderer {
    private UpsertRenderer() {}

    static Sql.Returns render(SqlWriter out, Statement.Upsert upsert) {
        return switch (out.dialect().upsertForm()) {
            case INSERT_ON_DUPLICATE -> InsertRenderer.writeRow(out, upsert.table(), Option.none(), upsert.columns(),
                    upsert.values(),
                    new OnDuplicate.Update(upsert.conflictColumns(), upsert.updateColumns()), upsert.returning());
            case MERGE -> merge(out, upsert);
        };
    }

    private static Sql.Returns merge(SqlWriter out, Statement.Upsert upsert) {
        Dialect dialect = out.dialect();
        Seq<String> unmatched = upsert.conflictColumns().filter(column -> !upsert.columns().contains(column));
        if (!unmatched.isEmpty()) {
            throw new UnsupportedFeatureError(dialect.name() + " upserts with MERGE, which matches the row on its"
                    + " conflict key, so the key's value must be given; missing: " + unmatched.mkString(", "));
        }
        String target = upsert.table().name() + "_target";
        String source = upsert.table().name() + "_source";
        boolean explicitKey = upsert.autoIncrementColumn().exists(upsert.columns()::contains);
        if (explicitKey) {
            dialect.writeBeforeExplicitKeyInsert(out, upsert.table());
        }
        dialect.writeMergeInto(out, upsert.table());
        out.sql(" AS ").identifier(target).sql(" USING (VALUES(");
        boolean first = true;
        for (Expression value : upsert.values()) {
            out.sql(first ? "" : ", ");
            ExpressionRenderer.write(out, value);
            first = false;
        }
        out.sql(")) AS ").identifier(source).sql('(');
        writeColumns(out, Option.none(), upsert.columns());
        out.sql(") ON ");
        first = true;
        for (String key : upsert.conflictColumns()) {
            out.sql(first ? "" : " AND ").identifier(target).sql('.').identifier(key)
                    .sql(" = ").identifier(source).sql('.').identifier(key);
            first = false;
        }
        Seq<String> updated = upsert.updateColumns().filter(column -> !upsert.autoIncrementColumn().contains(column));
        if (!updated.isEmpty()) {
            out.sql(" WHEN MATCHED THEN UPDATE SET ");
            first = true;
            for (String column : updated) {
                out.sql(first ? "" : ", ").identifier(target).sql('.').identifier(column)
                        .sql(" = ").identifier(source).sql('.').identifier(column);
                first = false;
            }
        }
        out.sql(" WHEN NOT MATCHED THEN INSERT (");
        writeColumns(out, Option.none(), upsert.columns());
        out.sql(") VALUES(");
        writeColumns(out, Option.some(source), upsert.columns());
        out.sql(')');
        // The action goes first, as in Sequelize, and even without returning: it is how the caller learns created.
        Option<String> action = dialect.mergeActionColumn();
        if (action.isDefined() || !upsert.returning().isEmpty()) {
            out.sql(" OUTPUT ");
            action.forEach(column -> out.sql(column).sql(upsert.returning().isEmpty() ? "" : ", "));
            first = true;
            for (String column : upsert.returning()) {
                out.sql(first ? "INSERTED." : ",INSERTED.").identifier(column);
                first = false;
            }
        }
        if (explicitKey) {
            dialect.writeAfterExplicitKeyInsert(out, upsert.table());
        }
        return action.isEmpty() && upsert.returning().isEmpty() ? Sql.Returns.UPDATE_COUNT : Sql.Returns.ROWS;
    }

    /** {@code [a], [b]}, or {@code [source].[a], [source].[b]}: MERGE's lists, spaced as Sequelize spaces them. */
    private static void writeColumns(SqlWriter out, Option<String> qualifier, Seq<String> columns) {
        boolean first = true;
        for (String column : columns) {
            out.sql(first ? "" : ", ");
            qualifier.forEach(q -> out.identifier(q).sql('.'));
            out.identifier(column);
            first = false;
        }
    }
}
