package dev.sequelj.render;

import dev.sequelj.ast.expression.ComparisonOperator;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.statement.ColumnDefinition;
import dev.sequelj.ast.statement.OrderItem;
import dev.sequelj.ast.statement.SelectColumn;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.ast.statement.TableName;
import dev.sequelj.render.dialect.Dialects;
import io.vavr.collection.Array;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class SqlRendererTest {

    @Test
    void identifiersAreQuotedWithTheClosingQuoteDoubled() {
        Statement drop = new Statement.DropTable(TableName.of("we\"ird`na]me"), false);
        ExpectSql.of(drop)
                .postgres("DROP TABLE IF EXISTS \"we\"\"ird`na]me\";")
                .mysqlFamily("DROP TABLE IF EXISTS `we\"ird``na]me`;")
                .sqlite("DROP TABLE IF EXISTS `we\"ird``na]me`;")
                .mssql("IF OBJECT_ID(N'[we\"ird`na]]me]', 'U') IS NOT NULL DROP TABLE [we\"ird`na]]me];")
                .check();
    }

    @Test
    void aQuoteInATableNameCannotEndTheMssqlGuardLiteral() {
        ExpectSql.of(new Statement.DropTable(TableName.of("o'brien"), true))
                .postgres("DROP TABLE IF EXISTS \"o'brien\" CASCADE;")
                .mysqlFamily("DROP TABLE IF EXISTS `o'brien`;")
                .sqlite("DROP TABLE IF EXISTS `o'brien`;")
                .mssql("IF OBJECT_ID(N'[o''brien]', 'U') IS NOT NULL DROP TABLE [o'brien];")
                .check();
    }

    @Test
    void nestedAndOrGroupsKeepTheirPrecedence() {
        // a = 1 OR (b = 2 AND (c = 3 OR NOT (d IS NULL)))
        Expression where = new Expression.Or(Vector.of(
                eq("a", 1),
                new Expression.And(Vector.of(eq("b", 2),
                        new Expression.Or(Vector.of(eq("c", 3),
                                new Expression.Not(new Expression.IsNull(column("d"), false))))))));
        ExpectSql.of(select(Option.some(where), Vector.empty(), Option.none(), Option.none()))
                .standard("SELECT `a` FROM `t` AS `t` WHERE `t`.`a` = ? OR (`t`.`b` = ? AND (`t`.`c` = ? OR NOT (`t`.`d` IS NULL)));")
                .postgres("SELECT \"a\" FROM \"t\" AS \"t\" WHERE \"t\".\"a\" = ? OR (\"t\".\"b\" = ? AND (\"t\".\"c\" = ? OR NOT (\"t\".\"d\" IS NULL)));")
                .mssql("SELECT [a] FROM [t] AS [t] WHERE [t].[a] = ? OR ([t].[b] = ? AND ([t].[c] = ? OR NOT ([t].[d] IS NULL)));")
                .check();
        assertThat(SqlRenderer.render(select(Option.some(where), Vector.empty(), Option.none(), Option.none()),
                Dialects.POSTGRES).params()).isEqualTo(Array.of(1, 2, 3));
    }

    @Test
    void anEmptyInMatchesNothingAndAnEmptyNotInEverything() {
        Expression in = new Expression.In(column("a"), Vector.empty(), false);
        Expression notIn = new Expression.In(column("a"), Vector.empty(), true);
        ExpectSql.of(select(Option.some(new Expression.And(Vector.of(in, notIn))), Vector.empty(), Option.none(), Option.none()))
                .standard("SELECT `a` FROM `t` AS `t` WHERE 1 = 0 AND 1 = 1;")
                .postgres("SELECT \"a\" FROM \"t\" AS \"t\" WHERE 1 = 0 AND 1 = 1;")
                .mssql("SELECT [a] FROM [t] AS [t] WHERE 1 = 0 AND 1 = 1;")
                .check();
    }

    @Test
    void pagingIsWrittenEachDatabasesWay() {
        ExpectSql.of(select(Option.none(), Vector.empty(), Option.some(10), Option.some(20)))
                .postgres("SELECT \"a\" FROM \"t\" AS \"t\" LIMIT ? OFFSET ?;")
                .mysqlFamily("SELECT `a` FROM `t` AS `t` LIMIT ? OFFSET ?;")
                .sqlite("SELECT `a` FROM `t` AS `t` LIMIT ? OFFSET ?;")
                .mssql("SELECT [a] FROM [t] AS [t] ORDER BY [t].[id] ASC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY;")
                .check();
        assertThat(SqlRenderer.render(select(Option.none(), Vector.empty(), Option.some(10), Option.some(20)),
                Dialects.MSSQL).params()).isEqualTo(Array.of(20, 10));
    }

    @Test
    void anOffsetAloneNeedsANoLimitMarkerWhereTheGrammarWantsALimit() {
        ExpectSql.of(select(Option.none(), Vector.empty(), Option.none(), Option.some(5)))
                .postgres("SELECT \"a\" FROM \"t\" AS \"t\" OFFSET ?;")
                .mysqlFamily("SELECT `a` FROM `t` AS `t` LIMIT 18446744073709551615 OFFSET ?;")
                .sqlite("SELECT `a` FROM `t` AS `t` LIMIT -1 OFFSET ?;")
                .mssql("SELECT [a] FROM [t] AS [t] ORDER BY [t].[id] ASC OFFSET ? ROWS;")
                .check();
    }

    @Test
    void anExplicitOrderIsUsedForMssqlPagingInsteadOfTheKey() {
        Vector<OrderItem> order = Vector.of(new OrderItem(column("a"), OrderItem.Direction.DESC));
        ExpectSql.of(select(Option.none(), order, Option.some(1), Option.none()))
                .postgres("SELECT \"a\" FROM \"t\" AS \"t\" ORDER BY \"t\".\"a\" DESC LIMIT ?;")
                .mysqlFamily("SELECT `a` FROM `t` AS `t` ORDER BY `t`.`a` DESC LIMIT ?;")
                .sqlite("SELECT `a` FROM `t` AS `t` ORDER BY `t`.`a` DESC LIMIT ?;")
                .mssql("SELECT [a] FROM [t] AS [t] ORDER BY [t].[a] DESC OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY;")
                .check();
    }

    @Test
    void datesAreBoundInEachDatabasesStoredForm() {
        Instant instant = Instant.parse("2024-01-15T10:30:45.123Z");
        Expression where = new Expression.Comparison(column("at"), ComparisonOperator.GT,
                new Expression.Param(instant, Option.some(DataTypes.DATE)));
        Statement select = select(Option.some(where), Vector.empty(), Option.none(), Option.none());

        assertThat(SqlRenderer.render(select, Dialects.POSTGRES).params())
                .containsExactly(OffsetDateTime.of(2024, 1, 15, 10, 30, 45, 123_000_000, ZoneOffset.UTC));
        assertThat(SqlRenderer.render(select, Dialects.MSSQL).params())
                .containsExactly(OffsetDateTime.of(2024, 1, 15, 10, 30, 45, 123_000_000, ZoneOffset.UTC));
        assertThat(SqlRenderer.render(select, Dialects.MYSQL).params())
                .containsExactly(LocalDateTime.of(2024, 1, 15, 10, 30, 45));
        assertThat(SqlRenderer.render(select, Dialects.MARIADB).params())
                .containsExactly(LocalDateTime.of(2024, 1, 15, 10, 30, 45));
        assertThat(SqlRenderer.render(select, Dialects.SQLITE).params())
                .containsExactly("2024-01-15 10:30:45.123 +00:00");
    }

    @Test
    void anInsertWithNoColumnAtAllUsesDefaultValues() {
        Statement.Insert insert = new Statement.Insert(TableName.of("t"), Option.none(), Vector.empty(), Vector.empty(), Vector.of("id"));
        ExpectSql.of(insert)
                .postgres("INSERT INTO \"t\" DEFAULT VALUES RETURNING \"id\";")
                .mysql("INSERT INTO `t` () VALUES ();")
                .mariadb("INSERT INTO `t` () VALUES () RETURNING `id`;")
                .sqlite("INSERT INTO `t` DEFAULT VALUES RETURNING `id`;")
                .mssql("INSERT INTO [t] OUTPUT INSERTED.[id] DEFAULT VALUES;")
                .check();
    }

    @Test
    void anInsertOfOnlyTheGeneratedKeyOmitsItOnMssql() {
        Statement.Insert insert = new Statement.Insert(TableName.of("t"), Option.some("id"), Vector.empty(), Vector.empty(), Vector.of("id"));
        ExpectSql.of(insert)
                .postgres("INSERT INTO \"t\" (\"id\") VALUES (DEFAULT) RETURNING \"id\";")
                .mysql("INSERT INTO `t` (`id`) VALUES (DEFAULT);")
                .mariadb("INSERT INTO `t` (`id`) VALUES (DEFAULT) RETURNING `id`;")
                .sqlite("INSERT INTO `t` (`id`) VALUES (NULL) RETURNING `id`;")
                .mssql("INSERT INTO [t] OUTPUT INSERTED.[id] DEFAULT VALUES;")
                .check();
        assertThat(SqlRenderer.render(insert, Dialects.MYSQL).returns()).isEqualTo(Sql.Returns.GENERATED_KEYS);
        assertThat(SqlRenderer.render(insert, Dialects.MARIADB).returns()).isEqualTo(Sql.Returns.ROWS);
    }

    @Test
    void anExplicitKeyIsListedAndSqlServerIsToldToAcceptIt() {
        Statement.Insert insert = new Statement.Insert(TableName.of("t"), Option.some("id"), Vector.of("id", "a"),
                Vector.of(new Expression.Param(7, Option.some(DataTypes.INTEGER)), new Expression.Param("x", Option.some(DataTypes.STRING))),
                Vector.of("id", "a"));
        ExpectSql.of(insert)
                .postgres("INSERT INTO \"t\" (\"id\",\"a\") VALUES (?,?) RETURNING \"id\",\"a\";")
                .mysql("INSERT INTO `t` (`id`,`a`) VALUES (?,?);")
                .mariadb("INSERT INTO `t` (`id`,`a`) VALUES (?,?) RETURNING `id`,`a`;")
                .sqlite("INSERT INTO `t` (`id`,`a`) VALUES (?,?) RETURNING `id`,`a`;")
                .mssql("SET IDENTITY_INSERT [t] ON; INSERT INTO [t] ([id],[a]) OUTPUT INSERTED.[id],INSERTED.[a] VALUES (?,?); SET IDENTITY_INSERT [t] OFF;")
                .check();
    }

    @Test
    void aCompositeKeyIsDeclaredAsATableConstraintEverywhere() {
        Statement create = new Statement.CreateTable(TableName.of("t"), Vector.of(
                new ColumnDefinition("a", DataTypes.INTEGER, false, false),
                new ColumnDefinition("b", DataTypes.BIGINT, false, false),
                new ColumnDefinition("ok", DataTypes.BOOLEAN, true, false)), Vector.of("a", "b"));
        ExpectSql.of(create)
                .postgres("CREATE TABLE IF NOT EXISTS \"t\" (\"a\" INTEGER NOT NULL, \"b\" BIGINT NOT NULL, \"ok\" BOOLEAN, PRIMARY KEY (\"a\", \"b\"));")
                .mysqlFamily("CREATE TABLE IF NOT EXISTS `t` (`a` INTEGER NOT NULL, `b` BIGINT NOT NULL, `ok` TINYINT(1), PRIMARY KEY (`a`, `b`)) ENGINE=InnoDB;")
                .sqlite("CREATE TABLE IF NOT EXISTS `t` (`a` INTEGER NOT NULL, `b` BIGINT NOT NULL, `ok` TINYINT(1), PRIMARY KEY (`a`, `b`));")
                .mssql("IF OBJECT_ID(N'[t]', 'U') IS NULL CREATE TABLE [t] ([a] INTEGER NOT NULL, [b] BIGINT NOT NULL, [ok] BIT NULL, PRIMARY KEY ([a], [b]));")
                .check();
    }

    @Test
    void mysqlStringLiteralsEscapeBackslashesAndNul() {
        StringBuilder out = new StringBuilder();
        Dialects.MYSQL.quoteStringLiteral(out, "a\\'b\0c");
        assertThat(out).hasToString("'a\\\\''b\\0c'");
        StringBuilder standard = new StringBuilder();
        Dialects.SQLITE.quoteStringLiteral(standard, "a\\'b");
        assertThat(standard).hasToString("'a\\''b'");
    }

    @Test
    void renderingIsDeterministicAndEqualStatementsRenderEqually() {
        Statement one = select(Option.some(eq("a", 1)), Vector.empty(), Option.some(3), Option.none());
        Statement two = select(Option.some(eq("a", 1)), Vector.empty(), Option.some(3), Option.none());
        assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
        for (var dialect : Dialects.all()) {
            assertThat(SqlRenderer.render(one, dialect)).isEqualTo(SqlRenderer.render(two, dialect));
        }
    }

    private static Statement.Select select(Option<Expression> where, Vector<OrderItem> order,
                                           Option<Integer> limit, Option<Integer> offset) {
        return new Statement.Select(Vector.of(new SelectColumn("a", Option.none())), TableName.of("t"), "t", where, order, limit, offset,
                Vector.of(new OrderItem(column("id"), OrderItem.Direction.ASC)));
    }

    private static Expression.Column column(String name) {
        return new Expression.Column(Option.some("t"), name);
    }

    private static Expression eq(String name, int value) {
        return new Expression.Comparison(column(name), ComparisonOperator.EQ,
                new Expression.Param(value, Option.some(DataTypes.INTEGER)));
    }
}
