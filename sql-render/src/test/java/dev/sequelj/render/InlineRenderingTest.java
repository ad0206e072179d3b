package dev.sequelj.render;

import dev.sequelj.ast.error.UnsupportedFeatureError;
import dev.sequelj.ast.expression.ComparisonOperator;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.statement.OrderItem;
import dev.sequelj.ast.statement.SelectColumn;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.ast.statement.TableName;
import dev.sequelj.render.dialect.Dialect;
import dev.sequelj.render.dialect.Dialects;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link SqlRenderer#inline}: the bound statement's text with each value written as a literal, through
 * the same renderers, for every dialect; and no value, however hostile, adds SQL around its literal.
 */
class InlineRenderingTest {

    @Test
    void aFinderIsTheBoundTextWithItsValuesInlinedAndNoParams() {
        Expression where = new Expression.And(Vector.of(
                comparison("name", ComparisonOperator.EQ, "O'Brien", DataTypes.STRING),
                comparison("active", ComparisonOperator.EQ, true, DataTypes.BOOLEAN),
                comparison("born", ComparisonOperator.GTE, Instant.parse("2000-01-01T00:00:00.250Z"), DataTypes.DATE),
                new Expression.In(column("age"), Vector.of(param(18, DataTypes.INTEGER), param(-5, DataTypes.INTEGER)), false)));
        Statement select = select(where, Option.some(10), Option.some(20));

        expect(select,
                "SELECT \"a\" FROM \"t\" AS \"t\" WHERE \"t\".\"name\" = 'O''Brien' AND \"t\".\"active\" = true"
                        + " AND \"t\".\"born\" >= '2000-01-01 00:00:00.250 +00:00' AND \"t\".\"age\" IN (18, -5) LIMIT 10 OFFSET 20;",
                "SELECT `a` FROM `t` AS `t` WHERE `t`.`name` = 'O''Brien' AND `t`.`active` = true"
                        + " AND `t`.`born` >= '2000-01-01 00:00:00' AND `t`.`age` IN (18, -5) LIMIT 10 OFFSET 20;",
                "SELECT `a` FROM `t` AS `t` WHERE `t`.`name` = 'O''Brien' AND `t`.`active` = true"
                        + " AND `t`.`born` >= '2000-01-01 00:00:00' AND `t`.`age` IN (18, -5) LIMIT 10 OFFSET 20;",
                "SELECT `a` FROM `t` AS `t` WHERE `t`.`name` = 'O''Brien' AND `t`.`active` = 1"
                        + " AND `t`.`born` >= '2000-01-01 00:00:00.250 +00:00' AND `t`.`age` IN (18, -5) LIMIT 10 OFFSET 20;",
                "SELECT [a] FROM [t] AS [t] WHERE [t].[name] = N'O''Brien' AND [t].[active] = 1"
                        + " AND [t].[born] >= N'2000-01-01 00:00:00.250 +00:00' AND [t].[age] IN (18, -5)"
                        + " ORDER BY [t].[id] ASC OFFSET 20 ROWS FETCH NEXT 10 ROWS ONLY;");
        for (Dialect dialect : Dialects.all()) {
            Sql inline = SqlRenderer.inline(select, dialect);
            Sql bound = SqlRenderer.render(select, dialect);
            assertThat(inline.params()).as(dialect.name()).isEmpty();
            assertThat(inline.returns()).isEqualTo(bound.returns());
            assertThat(bound.params()).as("binding is unchanged").hasSize(7);
        }
    }

    @Test
    void pagingValuesAreInlinedWhereEachDialectPutsThem() {
        expect(select(null, Option.none(), Option.some(5)),
                "SELECT \"a\" FROM \"t\" AS \"t\" OFFSET 5;",
                "SELECT `a` FROM `t` AS `t` LIMIT 18446744073709551615 OFFSET 5;",
                "SELECT `a` FROM `t` AS `t` LIMIT 18446744073709551615 OFFSET 5;",
                "SELECT `a` FROM `t` AS `t` LIMIT -1 OFFSET 5;",
                "SELECT [a] FROM [t] AS [t] ORDER BY [t].[id] ASC OFFSET 5 ROWS;");
    }

    @Test
    void anInsertInlinesEveryValueIncludingNull() {
        Statement.Insert insert = new Statement.Insert(TableName.of("t"), Option.some("id"), Vector.of("name", "note"),
                Vector.of(param("it's", DataTypes.STRING), param(null, DataTypes.TEXT)), Vector.of("id", "name", "note"));
        expect(insert,
                "INSERT INTO \"t\" (\"id\",\"name\",\"note\") VALUES (DEFAULT,'it''s',NULL) RETURNING \"id\",\"name\",\"note\";",
                "INSERT INTO `t` (`id`,`name`,`note`) VALUES (DEFAULT,'it''s',NULL);",
                "INSERT INTO `t` (`id`,`name`,`note`) VALUES (DEFAULT,'it''s',NULL) RETURNING `id`,`name`,`note`;",
                "INSERT INTO `t` (`id`,`name`,`note`) VALUES (NULL,'it''s',NULL) RETURNING `id`,`name`,`note`;",
                "INSERT INTO [t] ([name],[note]) OUTPUT INSERTED.[id],INSERTED.[name],INSERTED.[note] VALUES (N'it''s',NULL);");
    }

    /**
     * Hostile strings in a WHERE: each stays one literal. The expected text is written out in full, so
     * the test shows what a reader of the script sees.
     */
    @Test
    void hostileStringsStayInsideTheirLiterals() {
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("' OR 1=1 --", new String[]{"''' OR 1=1 --'", "''' OR 1=1 --'", "''' OR 1=1 --'", "N''' OR 1=1 --'"});
        cases.put("\\'; DROP TABLE t; --", new String[]{"E'\\\\''; DROP TABLE t; --'", "'\\\\''; DROP TABLE t; --'",
                "'\\''; DROP TABLE t; --'", "N'\\''; DROP TABLE t; --'"});
        cases.put("*/ /* \" ` ]", new String[]{"'*/ /* \" ` ]'", "'*/ /* \" ` ]'", "'*/ /* \" ` ]'", "N'*/ /* \" ` ]'"});
        cases.put("a\\", new String[]{"E'a\\\\'", "'a\\\\'", "'a\\'", "N'a\\'"});
        cases.put("$1 ? :name @0", new String[]{"'$1 ? :name @0'", "'$1 ? :name @0'", "'$1 ? :name @0'", "N'$1 ? :name @0'"});
        for (Map.Entry<String, String[]> hostile : cases.entrySet()) {
            String[] literal = hostile.getValue();
            Statement select = select(comparison("name", ComparisonOperator.EQ, hostile.getKey(), DataTypes.STRING),
                    Option.none(), Option.none());
            expect(select,
                    "SELECT \"a\" FROM \"t\" AS \"t\" WHERE \"t\".\"name\" = " + literal[0] + ";",
                    "SELECT `a` FROM `t` AS `t` WHERE `t`.`name` = " + literal[1] + ";",
                    "SELECT `a` FROM `t` AS `t` WHERE `t`.`name` = " + literal[1] + ";",
                    "SELECT `a` FROM `t` AS `t` WHERE `t`.`name` = " + literal[2] + ";",
                    "SELECT [a] FROM [t] AS [t] WHERE [t].[name] = " + literal[3] + ";");
        }
    }

    @Test
    void aNegativeNumberAfterAMinusCannotStartAComment() {
        for (Dialect dialect : Dialects.all()) {
            SqlWriter out = new SqlWriter(dialect, SqlWriter.Values.INLINE);
            out.identifier("age").sql(" -").param(-5).sql(" - ").param(-6).sql('-').param(7);
            assertThat(out.toSql(Sql.Returns.ROWS).text()).as(dialect.name())
                    .isEqualTo(quoted(dialect, "age") + " - -5 - -6-7");
        }
    }

    @Test
    void aValueTheDialectCannotHoldIsRefusedBeforeAnySqlIsReturned() {
        Statement select = select(comparison("name", ComparisonOperator.EQ, "a\0b", DataTypes.STRING), Option.none(), Option.none());
        assertThatThrownBy(() -> SqlRenderer.inline(select, Dialects.POSTGRES)).isInstanceOf(UnsupportedFeatureError.class)
                .hasMessageStartingWith("postgres cannot store the NUL character (U+0000) in text;");
        assertThat(SqlRenderer.inline(select, Dialects.SQLITE).text())
                .isEqualTo("SELECT `a` FROM `t` AS `t` WHERE `t`.`name` = ('a' || char(0) || 'b');");
        // Bound, the value is sent as it is; PostgreSQL's driver reports it when executed.
        assertThat(SqlRenderer.render(select, Dialects.POSTGRES).params()).containsExactly("a\0b");
    }

    /** Expectations in the order postgres, mysql, mariadb, sqlite, mssql. */
    private static void expect(Statement statement, String... sql) {
        int i = 0;
        for (Dialect dialect : Dialects.all()) {
            assertThat(SqlRenderer.inline(statement, dialect).text()).as(dialect.name()).isEqualTo(sql[i++]);
        }
    }

    private static String quoted(Dialect dialect, String name) {
        StringBuilder out = new StringBuilder();
        dialect.quoteIdentifier(out, name);
        return out.toString();
    }

    private static Statement.Select select(Expression where, Option<Integer> limit, Option<Integer> offset) {
        return new Statement.Select(Vector.of(new SelectColumn("a", Option.none())), TableName.of("t"), "t", Option.of(where),
                Vector.empty(), limit, offset, Vector.of(new OrderItem(column("id"), OrderItem.Direction.ASC)));
    }

    private static Expression comparison(String name, ComparisonOperator operator, Object value, DataType type) {
        return new Expression.Comparison(column(name), operator, param(value, type));
    }

    private static Expression.Param param(Object value, DataType type) {
        return new Expression.Param(value, Option.some(type));
    }

    private static Expression.Column column(String name) {
        return new Expression.Column(Option.some("t"), name);
    }
}
