package dev.sequelj.render;

import dev.sequelj.ast.error.UnsupportedFeatureError;
import dev.sequelj.ast.expression.ComparisonOperator;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.statement.Lock;
import dev.sequelj.ast.statement.OrderItem;
import dev.sequelj.ast.statement.OrderItem.Direction;
import dev.sequelj.ast.statement.OrderItem.Nulls;
import dev.sequelj.ast.statement.SelectColumn;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.ast.statement.TableName;
import dev.sequelj.render.dialect.Dialect;
import dev.sequelj.render.dialect.Dialects;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The finder clauses of a SELECT in every dialect: functions, casts, grouping, null placement, random order, locks. */
class SelectRendererTest {
    private static final Expression AGE = new Expression.Column(Option.some("t"), "age");

    @Test
    void functionsColumnsLiteralsAndCastsAreWrittenAsSequelizeWritesThem() {
        Statement select = select(Vector.of(
                new SelectColumn(fn("COUNT", new Expression.ColumnName(Vector.of("*"))), Option.some("n")),
                new SelectColumn(fn("coalesce", new Expression.ColumnName(Vector.of("t", "nick")), param("x")), Option.none()),
                new SelectColumn(new Expression.Literal("1 + 1"), Option.some("two")),
                new SelectColumn(new Expression.Cast(new Expression.ColumnName(Vector.of("age")), "INTEGER"), Option.some("i")),
                new SelectColumn(new Expression.Cast(param("5"), "TIMESTAMP WITH TIME ZONE"), Option.some("d")),
                new SelectColumn(new Expression.Cast(new Expression.ColumnName(Vector.of("t", "*")), "TEXT"), Option.some("s"))));

        ExpectSql.of(select)
                .postgres("SELECT COUNT(*) AS \"n\", coalesce(\"t\".\"nick\", ?), 1 + 1 AS \"two\", CAST(\"age\" AS INTEGER) AS \"i\","
                        + " CAST(? AS TIMESTAMP WITH TIME ZONE) AS \"d\", CAST(\"t\".* AS TEXT) AS \"s\" FROM \"t\" AS \"t\";")
                .mysqlFamily("SELECT COUNT(*) AS `n`, coalesce(`t`.`nick`, ?), 1 + 1 AS `two`, CAST(`age` AS DECIMAL) AS `i`,"
                        + " CAST(? AS DATETIME) AS `d`, CAST(`t`.* AS CHAR) AS `s` FROM `t` AS `t`;")
                .sqlite("SELECT COUNT(*) AS `n`, coalesce(`t`.`nick`, ?), 1 + 1 AS `two`, CAST(`age` AS INTEGER) AS `i`,"
                        + " CAST(? AS DATETIME) AS `d`, CAST(`t`.* AS TEXT) AS `s` FROM `t` AS `t`;")
                .mssql("SELECT COUNT(*) AS [n], coalesce([t].[nick], ?), 1 + 1 AS [two], CAST([age] AS INTEGER) AS [i],"
                        + " CAST(? AS TIMESTAMP WITH TIME ZONE) AS [d], CAST([t].* AS TEXT) AS [s] FROM [t] AS [t];")
                .check();
        assertThat(SqlRenderer.render(select, Dialects.POSTGRES).params()).isEqualTo(Array.of("x", "5"));
    }

    @Test
    void mysqlRenamesTheCastTypesItLacksAsSequelizeDoes() {
        Dialect mysql = Dialects.MYSQL;
        assertThat(mysql.castType("INTEGER")).isEqualTo("DECIMAL");
        assertThat(mysql.castType("DOUBLE PRECISION")).isEqualTo("DECIMAL");
        assertThat(mysql.castType("BOOLEAN")).isEqualTo("DECIMAL");
        assertThat(mysql.castType("TEXT")).isEqualTo("CHAR");
        assertThat(mysql.castType("TIMESTAMP(3) WITH TIME ZONE")).isEqualTo("DATETIME");
        assertThat(mysql.castType("DECIMAL(10,2)")).isEqualTo("DECIMAL(10,2)");
        assertThat(mysql.castType("SIGNED")).isEqualTo("SIGNED");
        assertThat(Dialects.MARIADB.castType("TEXT")).isEqualTo("CHAR");
        assertThat(Dialects.SQLITE.castType("TIMESTAMP")).isEqualTo("DATETIME");
        assertThat(Dialects.POSTGRES.castType("TIMESTAMP")).isEqualTo("TIMESTAMP");
    }

    @Test
    void groupByAndHavingFollowTheWhereAndKeepTheParametersInTextOrder() {
        Expression count = fn("COUNT", new Expression.ColumnName(Vector.of("id")));
        Statement select = new Statement.Select(
                Vector.of(new SelectColumn("age", Option.none()), new SelectColumn(fn("MAX", param(7)), Option.some("m"))),
                TableName.of("t"), "t", Option.some(new Expression.Comparison(AGE, ComparisonOperator.GT, param(18))),
                Vector.of(new Expression.Column(Option.none(), "age"), fn("lower", new Expression.ColumnName(Vector.of("name")))),
                Option.some(new Expression.Comparison(count, ComparisonOperator.GTE, param(2))),
                Vector.empty(), Option.some(10), Option.none(), Vector.empty(), Option.none());

        ExpectSql.of(select)
                .postgres("SELECT \"age\", MAX(?) AS \"m\" FROM \"t\" AS \"t\" WHERE \"t\".\"age\" > ? GROUP BY \"age\", lower(\"name\")"
                        + " HAVING COUNT(\"id\") >= ? LIMIT ?;")
                .mysqlFamily("SELECT `age`, MAX(?) AS `m` FROM `t` AS `t` WHERE `t`.`age` > ? GROUP BY `age`, lower(`name`)"
                        + " HAVING COUNT(`id`) >= ? LIMIT ?;")
                .sqlite("SELECT `age`, MAX(?) AS `m` FROM `t` AS `t` WHERE `t`.`age` > ? GROUP BY `age`, lower(`name`)"
                        + " HAVING COUNT(`id`) >= ? LIMIT ?;")
                .mssql("SELECT [age], MAX(?) AS [m] FROM [t] AS [t] WHERE [t].[age] > ? GROUP BY [age], lower([name])"
                        + " HAVING COUNT([id]) >= ? ORDER BY (SELECT NULL) OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY;")
                .check();
        assertThat(SqlRenderer.render(select, Dialects.MSSQL).params()).isEqualTo(Array.of(7, 18, 2, 10));
    }

    @Test
    void nullPlacementIsNativeOnPostgresAndSqliteAndACaseKeyElsewhere() {
        Statement select = ordered(Vector.of(
                new OrderItem(AGE, Option.some(Direction.DESC), Option.some(Nulls.LAST)),
                new OrderItem(fn("lower", new Expression.ColumnName(Vector.of("name"))), Option.none(), Option.some(Nulls.FIRST)),
                new OrderItem(new Expression.Column(Option.none(), "id"), Option.none(), Option.none())));

        ExpectSql.of(select)
                .postgres("SELECT \"a\" FROM \"t\" AS \"t\" ORDER BY \"t\".\"age\" DESC NULLS LAST, lower(\"name\") NULLS FIRST, \"id\";")
                .sqlite("SELECT `a` FROM `t` AS `t` ORDER BY `t`.`age` DESC NULLS LAST, lower(`name`) NULLS FIRST, `id`;")
                .mysqlFamily("SELECT `a` FROM `t` AS `t` ORDER BY CASE WHEN `t`.`age` IS NULL THEN 1 ELSE 0 END, `t`.`age` DESC,"
                        + " CASE WHEN lower(`name`) IS NULL THEN 0 ELSE 1 END, lower(`name`), `id`;")
                .mssql("SELECT [a] FROM [t] AS [t] ORDER BY CASE WHEN [t].[age] IS NULL THEN 1 ELSE 0 END, [t].[age] DESC,"
                        + " CASE WHEN lower([name]) IS NULL THEN 0 ELSE 1 END, lower([name]), [id];")
                .check();
    }

    @Test
    void randomIsEachDatabasesPerRowRandomFunction() {
        Statement select = ordered(Vector.of(new OrderItem(new Expression.Random(), Option.none(), Option.none())));

        ExpectSql.of(select)
                .postgres("SELECT \"a\" FROM \"t\" AS \"t\" ORDER BY RANDOM();")
                .sqlite("SELECT `a` FROM `t` AS `t` ORDER BY RANDOM();")
                .mysqlFamily("SELECT `a` FROM `t` AS `t` ORDER BY RAND();")
                .mssql("SELECT [a] FROM [t] AS [t] ORDER BY NEWID();")
                .check();
    }

    @Test
    void sqlServerPagesOverTheKeyOrderWithoutADirectionWhenNoOrderIsGiven() {
        Statement select = new Statement.Select(Vector.of(new SelectColumn("a", Option.none())), TableName.of("t"), "t",
                Option.none(), Vector.of(new OrderItem(new Expression.Column(Option.some("t"), "id"), Option.none(), Option.none())),
                Option.some(5), Option.some(10), Vector.of(new OrderItem(new Expression.Column(Option.some("t"), "id"), Option.none(), Option.none())));
        assertThat(SqlRenderer.render(select, Dialects.MSSQL).text())
                .isEqualTo("SELECT [a] FROM [t] AS [t] ORDER BY [t].[id] OFFSET ? ROWS FETCH NEXT ? ROWS ONLY;");
    }

    @Test
    void sqlServerRefusesALimitOfZero() {
        Statement select = new Statement.Select(Vector.of(new SelectColumn("a", Option.none())), TableName.of("t"), "t",
                Option.none(), Vector.empty(), Option.some(0), Option.none(), Vector.empty());
        assertThat(SqlRenderer.render(select, Dialects.POSTGRES).text()).isEqualTo("SELECT \"a\" FROM \"t\" AS \"t\" LIMIT ?;");
        assertThatThrownBy(() -> SqlRenderer.render(select, Dialects.MSSQL)).isInstanceOf(UnsupportedFeatureError.class)
                .hasMessage("limit 0 is not supported on mssql: SQL Server's FETCH NEXT needs at least one row; a limit of 0"
                        + " selects nothing, so skip the query");
    }

    @Test
    void locksAreAClauseAfterThePagingOrATableHintOnSqlServer() {
        String mysqlUpdate = "SELECT `a` FROM `t` AS `t` WHERE `t`.`age` > ? LIMIT ? FOR UPDATE;";
        assertThat(text(locked(Lock.UPDATE), Dialects.POSTGRES)).isEqualTo("SELECT \"a\" FROM \"t\" AS \"t\" WHERE \"t\".\"age\" > ? LIMIT ? FOR UPDATE;");
        assertThat(text(locked(Lock.UPDATE), Dialects.MYSQL)).isEqualTo(mysqlUpdate);
        assertThat(text(locked(Lock.UPDATE), Dialects.MARIADB)).isEqualTo(mysqlUpdate);
        assertThat(text(locked(Lock.UPDATE), Dialects.MSSQL)).isEqualTo("SELECT [a] FROM [t] AS [t] WITH (UPDLOCK) WHERE [t].[age] > ?"
                + " ORDER BY (SELECT NULL) OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY;");

        String mysqlShare = "SELECT `a` FROM `t` AS `t` WHERE `t`.`age` > ? LIMIT ? LOCK IN SHARE MODE;";
        assertThat(text(locked(Lock.SHARE), Dialects.POSTGRES)).isEqualTo("SELECT \"a\" FROM \"t\" AS \"t\" WHERE \"t\".\"age\" > ? LIMIT ? FOR SHARE;");
        assertThat(text(locked(Lock.SHARE), Dialects.MYSQL)).isEqualTo(mysqlShare);
        assertThat(text(locked(Lock.SHARE), Dialects.MARIADB)).isEqualTo(mysqlShare);
        assertThat(text(locked(Lock.SHARE), Dialects.MSSQL)).isEqualTo("SELECT [a] FROM [t] AS [t] WITH (REPEATABLEREAD) WHERE [t].[age] > ?"
                + " ORDER BY (SELECT NULL) OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY;");

        assertThat(text(locked(Lock.KEY_SHARE), Dialects.POSTGRES))
                .isEqualTo("SELECT \"a\" FROM \"t\" AS \"t\" WHERE \"t\".\"age\" > ? LIMIT ? FOR KEY SHARE;");
        assertThat(text(locked(Lock.NO_KEY_UPDATE), Dialects.POSTGRES))
                .isEqualTo("SELECT \"a\" FROM \"t\" AS \"t\" WHERE \"t\".\"age\" > ? LIMIT ? FOR NO KEY UPDATE;");
    }

    @Test
    void aLockTheDatabaseCannotTakeIsRefusedNamingTheDialect() {
        assertThatThrownBy(() -> SqlRenderer.render(locked(Lock.UPDATE), Dialects.SQLITE))
                .isInstanceOf(UnsupportedFeatureError.class)
                .hasMessage("lock UPDATE is not supported on sqlite; SQLite locks the whole database, not rows; leave the lock"
                        + " out (a transaction begun with BEGIN IMMEDIATE holds the write lock from the start)");
        for (Dialect dialect : Vector.of(Dialects.MYSQL, Dialects.MARIADB, Dialects.MSSQL)) {
            assertThatThrownBy(() -> SqlRenderer.render(locked(Lock.KEY_SHARE), dialect))
                    .isInstanceOf(UnsupportedFeatureError.class)
                    .hasMessage("lock KEY SHARE is not supported on " + dialect.name() + "; use UPDATE or SHARE");
            assertThatThrownBy(() -> SqlRenderer.render(locked(Lock.NO_KEY_UPDATE), dialect))
                    .isInstanceOf(UnsupportedFeatureError.class)
                    .hasMessage("lock NO KEY UPDATE is not supported on " + dialect.name() + "; use UPDATE or SHARE");
        }
    }

    @Test
    void aQuoteInsideAColumnNameOrAliasIsDoubled() {
        Statement select = select(Vector.of(new SelectColumn(new Expression.ColumnName(Vector.of("a\"b`c]d")), Option.some("x\"y`z]"))));
        ExpectSql.of(select)
                .postgres("SELECT \"a\"\"b`c]d\" AS \"x\"\"y`z]\" FROM \"t\" AS \"t\";")
                .mysqlFamily("SELECT `a\"b``c]d` AS `x\"y``z]` FROM `t` AS `t`;")
                .sqlite("SELECT `a\"b``c]d` AS `x\"y``z]` FROM `t` AS `t`;")
                .mssql("SELECT [a\"b`c]]d] AS [x\"y`z]]] FROM [t] AS [t];")
                .check();
    }

    private static String text(Statement statement, Dialect dialect) {
        return SqlRenderer.render(statement, dialect).text();
    }

    private static Statement.Select locked(Lock lock) {
        return new Statement.Select(Vector.of(new SelectColumn("a", Option.none())), TableName.of("t"), "t",
                Option.some(new Expression.Comparison(AGE, ComparisonOperator.GT, param(1))), Vector.empty(), Option.none(),
                Vector.empty(), Option.some(1), Option.none(), Vector.empty(), Option.some(lock));
    }

    private static Statement.Select ordered(Seq<OrderItem> order) {
        return new Statement.Select(Vector.of(new SelectColumn("a", Option.none())), TableName.of("t"), "t", Option.none(),
                order, Option.none(), Option.none(), Vector.empty());
    }

    private static Statement.Select select(Seq<SelectColumn> columns) {
        return new Statement.Select(columns, TableName.of("t"), "t", Option.none(), Vector.empty(), Option.none(),
                Option.none(), Vector.empty());
    }

    private static Expression fn(String name, Expression... arguments) {
        return new Expression.FunctionCall(name, Vector.of(arguments));
    }

    private static Expression param(Object value) {
        return new Expression.Param(value, Option.none());
    }
}
