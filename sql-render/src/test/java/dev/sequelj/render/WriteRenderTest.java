package dev.sequelj.render;

import dev.sequelj.ast.error.UnsupportedFeatureError;
import dev.sequelj.ast.expression.ComparisonOperator;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.statement.Assignment;
import dev.sequelj.ast.statement.OnDuplicate;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.ast.statement.TableName;
import dev.sequelj.render.dialect.Dialect;
import dev.sequelj.render.dialect.Dialects;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The write statements on every dialect: UPDATE, DELETE, TRUNCATE, bulk INSERT (and its splitting), upsert. */
class WriteRenderTest {
    private static final TableName USERS = TableName.of("users");
    private static final Seq<String> KEY = Vector.of("id");
    private static final Seq<dev.sequelj.ast.model.DataType> ID_NAME = Vector.of(DataTypes.INTEGER, DataTypes.STRING);

    @Test
    void updateSetsValuesAndIncrementsWithUnqualifiedColumns() {
        Statement.Update update = new Statement.Update(USERS, Vector.of(
                new Assignment.ToValue("name", param("x")),
                new Assignment.Increment("age", param(2), false),
                new Assignment.Increment("score", param(1), true)),
                Option.some(eq("id", 5)), Option.none(), KEY, Vector.empty());
        ExpectSql.of(update)
                .standard("UPDATE `users` SET `name`=?,`age`=`age`+?,`score`=`score`-? WHERE `id` = ?;")
                .postgres("UPDATE \"users\" SET \"name\"=?,\"age\"=\"age\"+?,\"score\"=\"score\"-? WHERE \"id\" = ?;")
                .mssql("UPDATE [users] SET [name]=?,[age]=[age]+?,[score]=[score]-? WHERE [id] = ?;")
                .check();
        Sql sql = SqlRenderer.render(update, Dialects.POSTGRES);
        assertThat(sql.params()).containsExactly("x", 2, 1, 5);
        assertThat(sql.returns()).isEqualTo(Sql.Returns.UPDATE_COUNT);
    }

    @Test
    void updateHandsRowsBackWhereTheDialectCanAndItsRowCountElsewhere() {
        Statement.Update update = new Statement.Update(USERS, Vector.of(new Assignment.ToValue("name", param("x"))),
                Option.some(eq("id", 5)), Option.none(), KEY, Vector.of("id", "name"));
        ExpectSql.of(update)
                .postgres("UPDATE \"users\" SET \"name\"=? WHERE \"id\" = ? RETURNING \"id\",\"name\";")
                .sqlite("UPDATE `users` SET `name`=? WHERE `id` = ? RETURNING `id`,`name`;")
                .mysqlFamily("UPDATE `users` SET `name`=? WHERE `id` = ?;")
                .mssql("UPDATE [users] SET [name]=? OUTPUT INSERTED.[id],INSERTED.[name] WHERE [id] = ?;")
                .check();
        assertThat(Dialects.all().map(d -> SqlRenderer.render(update, d).returns())).containsExactly(
                Sql.Returns.ROWS, Sql.Returns.UPDATE_COUNT, Sql.Returns.UPDATE_COUNT, Sql.Returns.ROWS, Sql.Returns.ROWS);
    }

    @Test
    void aLimitedUpdateIsWrittenEachDatabasesWayWithTheLimitBound() {
        Statement.Update update = new Statement.Update(USERS, Vector.of(new Assignment.ToValue("name", param("x"))),
                Option.some(eq("age", 3)), Option.some(10), KEY, Vector.empty());
        ExpectSql.of(update)
                .postgres("UPDATE \"users\" SET \"name\"=? WHERE \"id\" IN (SELECT \"id\" FROM \"users\" WHERE \"age\" = ? LIMIT ?);")
                .mysqlFamily("UPDATE `users` SET `name`=? WHERE `age` = ? LIMIT ?;")
                .sqlite("UPDATE `users` SET `name`=? WHERE rowid IN (SELECT rowid FROM `users` WHERE `age` = ? LIMIT ?);")
                .mssql("UPDATE TOP(?) [users] SET [name]=? WHERE [age] = ?;")
                .check();
        assertThat(SqlRenderer.render(update, Dialects.MSSQL).params()).containsExactly(10, "x", 3);
        assertThat(SqlRenderer.render(update, Dialects.POSTGRES).params()).containsExactly("x", 3, 10);
    }

    @Test
    void aLimitWithoutWhereAndOnACompositeKey() {
        Statement.Delete delete = new Statement.Delete(TableName.of("m"), Option.none(), Option.some(1), Vector.of("a", "b"));
        ExpectSql.of(delete)
                .postgres("DELETE FROM \"m\" WHERE (\"a\",\"b\") IN (SELECT \"a\",\"b\" FROM \"m\" LIMIT ?);")
                .mysqlFamily("DELETE FROM `m` LIMIT ?;")
                .sqlite("DELETE FROM `m` WHERE rowid IN (SELECT rowid FROM `m` LIMIT ?);")
                .mssql("DELETE TOP(?) FROM [m];")
                .check();
        assertThat(SqlRenderer.render(delete, Dialects.SQLITE).returns()).isEqualTo(Sql.Returns.UPDATE_COUNT);
    }

    @Test
    void deleteOfEveryRowHasNoWhere() {
        ExpectSql.of(new Statement.Delete(new TableName(Option.some("app"), "users"), Option.none(), Option.none(), KEY))
                .postgres("DELETE FROM \"app\".\"users\";")
                // Sequelize's mysql and sqlite dialects write a schema-qualified table as one name; mariadb qualifies.
                .mysql("DELETE FROM `app.users`;")
                .mariadb("DELETE FROM `app`.`users`;")
                .sqlite("DELETE FROM `app.users`;")
                .mssql("DELETE FROM [app].[users];")
                .check();
    }

    @Test
    void truncateIsEachDatabasesOwnAndSqlitesCounterResetIsASecondStatement() {
        Statement.Truncate truncate = new Statement.Truncate(USERS, false, true);
        ExpectSql.of(new Statement.Truncate(USERS, false, false))
                .postgres("TRUNCATE \"users\";")
                .mysqlFamily("TRUNCATE `users`;")
                .sqlite("DELETE FROM `users`;")
                .mssql("TRUNCATE TABLE [users];")
                .check();
        assertThat(SqlRenderer.renderAll(truncate, Dialects.POSTGRES).map(Sql::text))
                .containsExactly("TRUNCATE \"users\" RESTART IDENTITY;");
        Seq<Sql> sqlite = SqlRenderer.renderAll(truncate, Dialects.SQLITE);
        assertThat(sqlite.map(Sql::text))
                .containsExactly("DELETE FROM `users`;", "DELETE FROM `sqlite_sequence` WHERE `name` = ?;");
        assertThat(sqlite.get(1).params()).containsExactly("users");
        // On SQLite a table in a schema is the one name `app.users`, and that is its counter's name.
        Seq<Sql> inSchema = SqlRenderer.renderAll(new Statement.Truncate(new TableName(Option.some("app"), "users"), false, true),
                Dialects.SQLITE);
        assertThat(inSchema.map(Sql::text))
                .containsExactly("DELETE FROM `app.users`;", "DELETE FROM `sqlite_sequence` WHERE `name` = ?;");
        assertThat(inSchema.get(1).params()).containsExactly("app.users");
        assertThatThrownBy(() -> SqlRenderer.render(truncate, Dialects.SQLITE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("this Truncate takes 2 statements on sqlite; render it with SqlRenderer.renderAll");
    }

    @Test
    void truncateCascadeExistsOnlyOnPostgres() {
        Statement.Truncate truncate = new Statement.Truncate(USERS, true, false);
        assertThat(SqlRenderer.render(truncate, Dialects.POSTGRES).text()).isEqualTo("TRUNCATE \"users\" CASCADE;");
        for (Dialect dialect : Vector.of(Dialects.MYSQL, Dialects.MARIADB, Dialects.SQLITE, Dialects.MSSQL)) {
            assertThatThrownBy(() -> SqlRenderer.render(truncate, dialect))
                    .isInstanceOf(UnsupportedFeatureError.class)
                    .hasMessage(dialect.name() + " cannot truncate with cascade: its TRUNCATE (or what stands for it)"
                            + " does not empty the tables that refer to this one; empty those first, or leave out cascade");
        }
    }

    @Test
    void aBulkInsertListsEveryRowAndLeavesEmptyKeyCellsToTheDatabase() {
        Statement.BulkInsert insert = new Statement.BulkInsert(USERS, Option.some("id"), Vector.of("id", "name"), ID_NAME,
                Vector.of(Array.of(Statement.BulkInsert.Generated.KEY, "a"), Array.of(7, "b")),
                OnDuplicate.REFUSE, Vector.of("id"));
        renders(insert, Dialects.POSTGRES, "INSERT INTO \"users\" (\"id\",\"name\") VALUES (DEFAULT,?),(?,?) RETURNING \"id\";");
        renders(insert, Dialects.MYSQL, "INSERT INTO `users` (`id`,`name`) VALUES (DEFAULT,?),(?,?);");
        renders(insert, Dialects.MARIADB, "INSERT INTO `users` (`id`,`name`) VALUES (DEFAULT,?),(?,?) RETURNING `id`;");
        renders(insert, Dialects.SQLITE, "INSERT INTO `users` (`id`,`name`) VALUES (NULL,?),(?,?) RETURNING `id`;");
        assertThatThrownBy(() -> SqlRenderer.render(insert, Dialects.MSSQL))
                .isInstanceOf(UnsupportedFeatureError.class)
                .hasMessageStartingWith("mssql cannot insert rows that give the auto-increment key id together with rows"
                        + " that leave it to the database");
        assertThat(SqlRenderer.render(insert, Dialects.MYSQL).returns()).isEqualTo(Sql.Returns.GENERATED_KEYS);
    }

    @Test
    void duplicatesAreSkippedOrUpdatedEachDatabasesWay() {
        Seq<Array<Object>> rows = Vector.of(Array.of(1, "a"));
        Statement.BulkInsert ignore = new Statement.BulkInsert(USERS, Option.none(), Vector.of("id", "name"), ID_NAME, rows,
                OnDuplicate.IGNORE, Vector.empty());
        renders(ignore, Dialects.POSTGRES, "INSERT INTO \"users\" (\"id\",\"name\") VALUES (?,?) ON CONFLICT DO NOTHING;");
        renders(ignore, Dialects.MYSQL, "INSERT IGNORE INTO `users` (`id`,`name`) VALUES (?,?);");
        renders(ignore, Dialects.MARIADB, "INSERT IGNORE INTO `users` (`id`,`name`) VALUES (?,?);");
        renders(ignore, Dialects.SQLITE, "INSERT OR IGNORE INTO `users` (`id`,`name`) VALUES (?,?);");
        Statement.BulkInsert update = new Statement.BulkInsert(USERS, Option.none(), Vector.of("id", "name"), ID_NAME, rows,
                new OnDuplicate.Update(KEY, Vector.of("name")), Vector.empty());
        renders(update, Dialects.POSTGRES,
                "INSERT INTO \"users\" (\"id\",\"name\") VALUES (?,?) ON CONFLICT (\"id\") DO UPDATE SET \"name\"=EXCLUDED.\"name\";");
        renders(update, Dialects.MYSQL, "INSERT INTO `users` (`id`,`name`) VALUES (?,?) ON DUPLICATE KEY UPDATE `name`=VALUES(`name`);");
        renders(update, Dialects.MARIADB, "INSERT INTO `users` (`id`,`name`) VALUES (?,?) ON DUPLICATE KEY UPDATE `name`=VALUES(`name`);");
        renders(update, Dialects.SQLITE,
                "INSERT INTO `users` (`id`,`name`) VALUES (?,?) ON CONFLICT (`id`) DO UPDATE SET `name`=EXCLUDED.`name`;");
        assertThat(SqlRenderer.render(update, Dialects.POSTGRES).returns()).isEqualTo(Sql.Returns.UPDATE_COUNT);
        assertThatThrownBy(() -> SqlRenderer.render(ignore, Dialects.MSSQL)).isInstanceOf(UnsupportedFeatureError.class)
                .hasMessage("mssql does not support the ignoreDuplicates option: SQL Server's INSERT cannot skip duplicate rows; leave it out");
        assertThatThrownBy(() -> SqlRenderer.render(update, Dialects.MSSQL)).isInstanceOf(UnsupportedFeatureError.class)
                .hasMessageStartingWith("mssql does not support the updateOnDuplicate option");
    }

    @Test
    void aBulkInsertIsSplitAtSqlitesParameterLimit() {
        // 3 values a row: SQLite takes 10,922 rows (32,766 values) in one statement.
        int rows = 10_922 * 2 + 5;
        Statement.BulkInsert insert = bulk(rows, 3);
        Seq<Sql> sqlite = SqlRenderer.renderAll(insert, Dialects.SQLITE);
        assertThat(sqlite.map(sql -> sql.params().size())).containsExactly(32_766, 32_766, 15);
        assertThat(sqlite.head().text()).startsWith("INSERT INTO `t` (`a`,`b`,`c`) VALUES (?,?,?),(?,?,?),");
        assertThat(sqlite.flatMap(Sql::params)).isEqualTo(insert.rows().flatMap(row -> row));
        // PostgreSQL's protocol counts parameters in 16 bits: 65,535 values, 21,845 rows of 3.
        assertThat(SqlRenderer.renderAll(insert, Dialects.POSTGRES).map(sql -> sql.params().size()))
                .containsExactly(65_535, 12);
        assertThat(SqlRenderer.renderAll(bulk(10, 3), Dialects.SQLITE)).hasSize(1);
        assertThatThrownBy(() -> SqlRenderer.render(insert, Dialects.SQLITE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void partsOfOneSizeShareTheirTextAndBindTheSameValuesAsPartsRenderedOneByOne() {
        // A DATE (the same instant again and a new one), a JSON value (PostgreSQL casts it), text and NULL.
        Seq<dev.sequelj.ast.model.DataType> types = Vector.of(DataTypes.INTEGER, DataTypes.DATE, DataTypes.JSON, DataTypes.STRING);
        java.time.Instant stamp = java.time.Instant.parse("2026-11-25T17:00:00.123Z");
        Seq<Array<Object>> rows = Vector.range(0, 40_000).map(r -> Array.<Object>of(r,
                r % 1_000 == 0 ? stamp.plusSeconds(r) : stamp, java.util.Map.of("n", r), r % 3 == 0 ? null : "row " + r));
        Statement.BulkInsert insert = new Statement.BulkInsert(USERS, Option.some("id"), Vector.of("id", "at", "meta", "name"),
                types, rows, OnDuplicate.REFUSE, Vector.empty());
        // The same rows with some keys left to the database: those parts are rendered as they are.
        Statement.BulkInsert someKeys = insert.withRows(rows.map(row -> row.head() instanceof Integer r && r % 7_000 == 1
                ? row.update(0, Statement.BulkInsert.Generated.KEY) : row));
        for (Statement.BulkInsert bulk : List.of(insert, someKeys)) {
            for (Dialect dialect : List.of(Dialects.SQLITE, Dialects.POSTGRES, Dialects.MSSQL, Dialects.MYSQL)) {
                if (bulk == someKeys && dialect == Dialects.MSSQL) {
                    continue; // refuses rows giving the key together with rows leaving it
                }
                Seq<Sql> parts = SqlRenderer.renderAll(bulk, dialect);
                Seq<Sql> oneByOne = InsertRenderer.chunks(bulk, dialect)
                        .map(chunk -> SqlRenderer.renderOne(chunk, dialect, SqlWriter.Values.BOUND));
                assertThat(parts.size()).as(dialect.name()).isGreaterThan(2);
                assertThat(parts).as(dialect.name()).isEqualTo(oneByOne);
            }
        }
    }

    @Test
    void aBulkInsertIsSplitAtSqlServersRowAndParameterLimits() {
        assertThat(SqlRenderer.renderAll(bulk(2_500, 1), Dialects.MSSQL).map(sql -> sql.params().size()))
                .containsExactly(1_000, 1_000, 500);
        assertThat(SqlRenderer.renderAll(bulk(1_000, 3), Dialects.MSSQL).map(sql -> sql.params().size()))
                .containsExactly(1_998, 1_002);
    }

    @Test
    void rowsWithoutAnyColumnAreOneStatementEachOnSqlServer() {
        Statement.BulkInsert insert = new Statement.BulkInsert(USERS, Option.some("id"), Vector.empty(), Vector.empty(),
                Vector.of(Array.empty(), Array.empty()), OnDuplicate.REFUSE, KEY);
        assertThat(SqlRenderer.renderAll(insert, Dialects.MSSQL).map(Sql::text)).containsExactly(
                "INSERT INTO [users] OUTPUT INSERTED.[id] DEFAULT VALUES;", "INSERT INTO [users] OUTPUT INSERTED.[id] DEFAULT VALUES;");
        assertThat(SqlRenderer.renderAll(insert, Dialects.POSTGRES).map(Sql::text)).containsExactly(
                "INSERT INTO \"users\" (\"id\") VALUES (DEFAULT),(DEFAULT) RETURNING \"id\";");
    }

    @Test
    void anUpsertIsAnInsertWithItsDuplicateClauseOrAMerge() {
        Statement.Upsert upsert = new Statement.Upsert(USERS, Option.some("id"), Vector.of("id", "name"),
                Vector.of(param(1), param("a")), KEY, Vector.of("id", "name"), Vector.of("id", "name"));
        ExpectSql.of(upsert)
                .postgres("INSERT INTO \"users\" (\"id\",\"name\") VALUES (?,?) ON CONFLICT (\"id\") DO UPDATE SET"
                        + " \"id\"=EXCLUDED.\"id\",\"name\"=EXCLUDED.\"name\" RETURNING \"id\",\"name\";")
                .mysql("INSERT INTO `users` (`id`,`name`) VALUES (?,?) ON DUPLICATE KEY UPDATE `id`=VALUES(`id`),`name`=VALUES(`name`);")
                .mariadb("INSERT INTO `users` (`id`,`name`) VALUES (?,?) ON DUPLICATE KEY UPDATE `id`=VALUES(`id`),`name`=VALUES(`name`)"
                        + " RETURNING `id`,`name`;")
                .sqlite("INSERT INTO `users` (`id`,`name`) VALUES (?,?) ON CONFLICT (`id`) DO UPDATE SET"
                        + " `id`=EXCLUDED.`id`,`name`=EXCLUDED.`name` RETURNING `id`,`name`;")
                .mssql("SET IDENTITY_INSERT [users] ON; MERGE INTO [users] WITH(HOLDLOCK) AS [users_target]"
                        + " USING (VALUES(?, ?)) AS [users_source]([id], [name]) ON [users_target].[id] = [users_source].[id]"
                        + " WHEN MATCHED THEN UPDATE SET [users_target].[name] = [users_source].[name]"
                        + " WHEN NOT MATCHED THEN INSERT ([id], [name]) VALUES([users_source].[id], [users_source].[name])"
                        + " OUTPUT $action, INSERTED.[id],INSERTED.[name]; SET IDENTITY_INSERT [users] OFF;")
                .check();
        assertThat(SqlRenderer.render(upsert, Dialects.MSSQL).params()).containsExactly(1, "a");
        assertThat(Dialects.all().map(d -> SqlRenderer.render(upsert, d).returns())).containsExactly(
                Sql.Returns.ROWS, Sql.Returns.GENERATED_KEYS, Sql.Returns.ROWS, Sql.Returns.ROWS, Sql.Returns.ROWS);
    }

    @Test
    void aMergeWithoutReturningStillOutputsItsAction() {
        Statement.Upsert upsert = new Statement.Upsert(USERS, Option.some("id"), Vector.of("id", "name"),
                Vector.of(param(1), param("a")), KEY, Vector.of("id", "name"), Vector.empty());
        Sql merge = SqlRenderer.render(upsert, Dialects.MSSQL);
        assertThat(merge.text()).isEqualTo("SET IDENTITY_INSERT [users] ON; MERGE INTO [users] WITH(HOLDLOCK) AS [users_target]"
                + " USING (VALUES(?, ?)) AS [users_source]([id], [name]) ON [users_target].[id] = [users_source].[id]"
                + " WHEN MATCHED THEN UPDATE SET [users_target].[name] = [users_source].[name]"
                + " WHEN NOT MATCHED THEN INSERT ([id], [name]) VALUES([users_source].[id], [users_source].[name])"
                + " OUTPUT $action; SET IDENTITY_INSERT [users] OFF;");
        assertThat(merge.returns()).isEqualTo(Sql.Returns.ROWS);
        assertThat(SqlRenderer.render(upsert, Dialects.POSTGRES).returns()).isEqualTo(Sql.Returns.UPDATE_COUNT);
    }

    @Test
    void aMergeNeedsTheConflictKeysValue() {
        Statement.Upsert upsert = new Statement.Upsert(USERS, Option.some("id"), Vector.of("name"),
                Vector.of(param("a")), KEY, Vector.of("name"), Vector.empty());
        assertThat(SqlRenderer.render(upsert, Dialects.POSTGRES).text())
                .isEqualTo("INSERT INTO \"users\" (\"name\") VALUES (?) ON CONFLICT (\"id\") DO UPDATE SET \"name\"=EXCLUDED.\"name\";");
        assertThatThrownBy(() -> SqlRenderer.render(upsert, Dialects.MSSQL))
                .isInstanceOf(UnsupportedFeatureError.class)
                .hasMessage("mssql upserts with MERGE, which matches the row on its conflict key, so the key's value"
                        + " must be given; missing: id");
    }

    @Test
    void namesThatLookLikeSqlStayIdentifiers() {
        Statement.Update update = new Statement.Update(TableName.of("t\"; DROP TABLE x; --"),
                Vector.of(new Assignment.Increment("a`b", param(1), false)), Option.none(), Option.some(1),
                Vector.of("k]"), Vector.empty());
        ExpectSql.of(update)
                .postgres("UPDATE \"t\"\"; DROP TABLE x; --\" SET \"a`b\"=\"a`b\"+? WHERE \"k]\" IN"
                        + " (SELECT \"k]\" FROM \"t\"\"; DROP TABLE x; --\" LIMIT ?);")
                .mysqlFamily("UPDATE `t\"; DROP TABLE x; --` SET `a``b`=`a``b`+? LIMIT ?;")
                .sqlite("UPDATE `t\"; DROP TABLE x; --` SET `a``b`=`a``b`+? WHERE rowid IN (SELECT rowid FROM `t\"; DROP TABLE x; --` LIMIT ?);")
                .mssql("UPDATE TOP(?) [t\"; DROP TABLE x; --] SET [a`b]=[a`b]+?;")
                .check();
    }

    private static void renders(Statement statement, Dialect dialect, String sql) {
        assertThat(SqlRenderer.render(statement, dialect).text()).as(dialect.name()).isEqualTo(sql);
    }

    private static Statement.BulkInsert bulk(int rows, int columns) {
        Vector<String> names = Vector.range(0, columns).map(i -> String.valueOf((char) ('a' + i)));
        Seq<Array<Object>> cells = Vector.range(0, rows).map(r -> Array.fill(columns, (Object) r));
        return new Statement.BulkInsert(TableName.of("t"), Option.none(), names, names.map(n -> DataTypes.INTEGER), cells,
                OnDuplicate.REFUSE, Vector.empty());
    }

    private static Expression.Param param(Object value) {
        return new Expression.Param(value, Option.none());
    }

    private static Expression eq(String column, Object value) {
        return new Expression.Comparison(new Expression.Column(Option.none(), column), ComparisonOperator.EQ, param(value));
    }
}
