package dev.sequelj.render;

import dev.sequelj.ast.error.UnsupportedFeatureError;
import dev.sequelj.ast.expression.ComparisonOperator;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.DefaultValue;
import dev.sequelj.ast.model.Reference;
import dev.sequelj.ast.model.ReferentialAction;
import dev.sequelj.ast.statement.ColumnDefinition;
import dev.sequelj.ast.statement.OrderItem;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.ast.statement.TableName;
import dev.sequelj.render.dialect.Dialect;
import dev.sequelj.render.dialect.Dialects;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The DDL each dialect writes: columns with their clauses, ENUM types, comments, indexes, the QueryInterface. */
class DdlRendererTest {
    private static final TableName USERS = TableName.of("users");

    private static ColumnDefinition column(String name, DataType type) {
        return new ColumnDefinition(name, type, true, false);
    }

    private static Statement.CreateTable table(ColumnDefinition... columns) {
        return new Statement.CreateTable(USERS, Vector.of(columns), Vector.empty());
    }

    @Test
    void aColumnWritesNullabilityDefaultUniqueAndReferenceInEachDialectsOrder() {
        ColumnDefinition team = new ColumnDefinition("teamId", DataTypes.INTEGER, false, false,
                Option.some(new DefaultValue.Value(1)), true,
                Option.some(Reference.to(TableName.of("teams")).onDelete(ReferentialAction.SET_NULL)), Option.none());
        ExpectSql.of(table(team))
                .standard("CREATE TABLE IF NOT EXISTS \"users\" (\"teamId\" INTEGER NOT NULL DEFAULT 1 UNIQUE REFERENCES \"teams\" (\"id\") ON DELETE SET NULL);")
                .mysqlFamily("CREATE TABLE IF NOT EXISTS `users` (`teamId` INTEGER NOT NULL DEFAULT 1 UNIQUE, FOREIGN KEY (`teamId`) REFERENCES `teams` (`id`) ON DELETE SET NULL) ENGINE=InnoDB;")
                .sqlite("CREATE TABLE IF NOT EXISTS `users` (`teamId` INTEGER NOT NULL DEFAULT 1 UNIQUE REFERENCES `teams` (`id`) ON DELETE SET NULL);")
                .mssql("IF OBJECT_ID(N'[users]', 'U') IS NULL CREATE TABLE [users] ([teamId] INTEGER NOT NULL DEFAULT 1 UNIQUE, FOREIGN KEY ([teamId]) REFERENCES [teams] ([id]) ON DELETE SET NULL);")
                .check();
    }

    @Test
    void defaultLiteralsAreEscapedTheDialectsWay() {
        ColumnDefinition quoted = new ColumnDefinition("s", DataTypes.STRING, true, false,
                Option.some(new DefaultValue.Value("it's a \\ back'slash")), false, Option.none(), Option.none());
        ColumnDefinition flag = new ColumnDefinition("b", DataTypes.BOOLEAN, true, false,
                Option.some(new DefaultValue.Value(true)), false, Option.none(), Option.none());
        ExpectSql.of(table(quoted, flag))
                .postgres("CREATE TABLE IF NOT EXISTS \"users\" (\"s\" VARCHAR(255) DEFAULT E'it''s a \\\\ back''slash', \"b\" BOOLEAN DEFAULT true);")
                .mysqlFamily("CREATE TABLE IF NOT EXISTS `users` (`s` VARCHAR(255) DEFAULT 'it''s a \\\\ back''slash', `b` TINYINT(1) DEFAULT true) ENGINE=InnoDB;")
                .sqlite("CREATE TABLE IF NOT EXISTS `users` (`s` VARCHAR(255) DEFAULT 'it''s a \\ back''slash', `b` TINYINT(1) DEFAULT 1);")
                .mssql("IF OBJECT_ID(N'[users]', 'U') IS NULL CREATE TABLE [users] ([s] NVARCHAR(255) DEFAULT N'it''s a \\ back''slash', [b] BIT DEFAULT 1);")
                .check();
    }

    @Test
    void dateBytesAndDateOnlyDefaultsAreLiteralsOfTheStoredForm() {
        ColumnDefinition at = new ColumnDefinition("at", DataTypes.DATE(3), true, false,
                Option.some(new DefaultValue.Value(Instant.parse("2024-01-15T10:30:45.123Z"))), false, Option.none(), Option.none());
        ColumnDefinition day = new ColumnDefinition("day", DataTypes.DATEONLY, true, false,
                Option.some(new DefaultValue.Value(LocalDate.of(2024, 1, 15))), false, Option.none(), Option.none());
        ColumnDefinition data = new ColumnDefinition("data", DataTypes.BLOB, true, false,
                Option.some(new DefaultValue.Value(new byte[] {0x68, 0x69})), false, Option.none(), Option.none());
        ExpectSql.of(table(at, day, data))
                .postgres("CREATE TABLE IF NOT EXISTS \"users\" (\"at\" TIMESTAMP WITH TIME ZONE DEFAULT '2024-01-15 10:30:45.123 +00:00', \"day\" DATE DEFAULT '2024-01-15', \"data\" BYTEA DEFAULT E'\\\\x6869');")
                .mysqlFamily("CREATE TABLE IF NOT EXISTS `users` (`at` DATETIME(3) DEFAULT '2024-01-15 10:30:45.123', `day` DATE DEFAULT '2024-01-15', `data` BLOB) ENGINE=InnoDB;")
                .sqlite("CREATE TABLE IF NOT EXISTS `users` (`at` DATETIME DEFAULT '2024-01-15 10:30:45.123 +00:00', `day` DATE DEFAULT '2024-01-15', `data` BLOB DEFAULT X'6869');")
                .mssql("IF OBJECT_ID(N'[users]', 'U') IS NULL CREATE TABLE [users] ([at] DATETIMEOFFSET DEFAULT N'2024-01-15 10:30:45.123 +00:00', [day] DATE DEFAULT N'2024-01-15', [data] VARBINARY(MAX) DEFAULT 0x6869);")
                .check();
    }

    @Test
    void postgresCreatesEnumTypesFirstAndCommentsAfterTheTable() {
        ColumnDefinition mood = new ColumnDefinition("mood", DataTypes.ENUM("happy", "it's"), true, false, Option.none(), false,
                Option.none(), Option.some("how it's going"));
        Statement.CreateTable create = new Statement.CreateTable(new TableName(Option.some("app"), "users"), Vector.of(mood), Vector.empty());
        assertThat(SqlRenderer.render(create, Dialects.POSTGRES).text()).isEqualTo(
                "DO 'BEGIN CREATE TYPE \"app\".\"enum_users_mood\" AS ENUM(''happy'', ''it''''s''); EXCEPTION WHEN duplicate_object THEN null; END'; "
                        + "CREATE TABLE IF NOT EXISTS \"app\".\"users\" (\"mood\" \"app\".\"enum_users_mood\"); "
                        + "COMMENT ON COLUMN \"app\".\"users\".\"mood\" IS 'how it''s going';");
        assertThat(SqlRenderer.render(create, Dialects.MSSQL).text()).isEqualTo(
                "IF OBJECT_ID(N'[app].[users]', 'U') IS NULL CREATE TABLE [app].[users] ([mood] VARCHAR(255) NULL CHECK ([mood] IN(N'happy', N'it''s'))); "
                        + "EXEC sp_addextendedproperty @name = N'MS_Description', @value = N'how it''s going', @level0type = N'Schema', "
                        + "@level0name = N'app', @level1type = N'Table', @level1name = [users], @level2type = N'Column', @level2name = [mood];");
        assertThat(SqlRenderer.render(create, Dialects.MYSQL).text()).isEqualTo(
                "CREATE TABLE IF NOT EXISTS `app.users` (`mood` ENUM('happy', 'it''s') COMMENT 'how it''s going') ENGINE=InnoDB;");
        assertThat(SqlRenderer.render(create, Dialects.MARIADB).text()).isEqualTo(
                "CREATE TABLE IF NOT EXISTS `app`.`users` (`mood` ENUM('happy', 'it''s') COMMENT 'how it''s going') ENGINE=InnoDB;");
        assertThat(SqlRenderer.render(create, Dialects.SQLITE).text()).isEqualTo(
                "CREATE TABLE IF NOT EXISTS `app.users` (`mood` TEXT);");
    }

    @Test
    void cascadingDropsDropPostgresEnumTypesToo() {
        Statement.DropTable drop = new Statement.DropTable(USERS, true, Vector.of("mood"));
        ExpectSql.of(drop)
                .postgres("DROP TABLE IF EXISTS \"users\" CASCADE; DROP TYPE IF EXISTS \"public\".\"enum_users_mood\";")
                .mysqlFamily("DROP TABLE IF EXISTS `users`;")
                .sqlite("DROP TABLE IF EXISTS `users`;")
                .mssql("IF OBJECT_ID(N'[users]', 'U') IS NOT NULL DROP TABLE [users];")
                .check();
    }

    @Test
    void aPartialIndexWritesItsConditionWithLiteralsNeverParameters() {
        Expression where = new Expression.And(Vector.of(
                new Expression.Comparison(new Expression.Column(Option.none(), "name"), ComparisonOperator.NE,
                        new Expression.Param("O'Brien'); DROP TABLE users; --", Option.some(DataTypes.STRING))),
                new Expression.IsNull(new Expression.Column(Option.none(), "deletedAt"), false)));
        Statement.CreateIndex index = new Statement.CreateIndex(USERS, "live_names",
                Vector.of(new Statement.IndexColumn("name", Option.some(OrderItem.Direction.DESC))), true, Option.some(where),
                Option.none(), Option.none(), false, true);
        Sql postgres = SqlRenderer.render(index, Dialects.POSTGRES);
        assertThat(postgres.text()).isEqualTo("CREATE UNIQUE INDEX IF NOT EXISTS \"live_names\" ON \"users\" (\"name\" DESC)"
                + " WHERE \"name\" != 'O''Brien''); DROP TABLE users; --' AND \"deletedAt\" IS NULL;");
        assertThat(postgres.params()).isEmpty();
        assertThat(SqlRenderer.render(index, Dialects.MSSQL).text()).isEqualTo("IF NOT EXISTS (SELECT * FROM sys.indexes"
                + " WHERE name = N'live_names' AND object_id = OBJECT_ID(N'[users]')) CREATE UNIQUE INDEX [live_names] ON [users] ([name] DESC)"
                + " WHERE [name] != N'O''Brien''); DROP TABLE users; --' AND [deletedAt] IS NULL;");
        assertThatThrownBy(() -> SqlRenderer.render(index, Dialects.MARIADB)).isInstanceOf(UnsupportedFeatureError.class)
                .hasMessage("mariadb has no partial indexes (index 'live_names' has a where); PostgreSQL, SQLite and SQL Server do");
    }

    @Test
    void indexMethodsAndTypesWhereTheDatabaseHasThem() {
        Statement.CreateIndex using = new Statement.CreateIndex(USERS, "i", Vector.of(new Statement.IndexColumn("a", Option.none())),
                false, Option.none(), Option.some("GIN"), Option.none(), true, false);
        assertThat(SqlRenderer.render(using, Dialects.POSTGRES).text()).isEqualTo("CREATE INDEX CONCURRENTLY \"i\" ON \"users\" USING GIN (\"a\");");
        assertThat(SqlRenderer.render(using, Dialects.MYSQL).text()).isEqualTo("ALTER TABLE `users` ADD INDEX `i` USING GIN (`a`);");
        assertThatThrownBy(() -> SqlRenderer.render(using, Dialects.SQLITE)).isInstanceOf(UnsupportedFeatureError.class)
                .hasMessage("sqlite cannot choose an index method (index 'i' has using: GIN); PostgreSQL, MySQL and MariaDB can");
        Statement.CreateIndex fulltext = new Statement.CreateIndex(USERS, "f", Vector.of(new Statement.IndexColumn("body", Option.none())),
                false, Option.none(), Option.none(), Option.some("FULLTEXT"), false, true);
        assertThat(SqlRenderer.render(fulltext, Dialects.MARIADB).text()).isEqualTo("ALTER TABLE `users` ADD FULLTEXT INDEX IF NOT EXISTS `f` (`body`);");
        assertThat(SqlRenderer.render(fulltext, Dialects.MYSQL).text()).isEqualTo("ALTER TABLE `users` ADD FULLTEXT INDEX `f` (`body`);");
        assertThatThrownBy(() -> SqlRenderer.render(fulltext, Dialects.MSSQL)).isInstanceOf(UnsupportedFeatureError.class)
                .hasMessage("mssql has no FULLTEXT index (index 'f'); MySQL and MariaDB have FULLTEXT and SPATIAL indexes");
    }

    @Test
    void typesADatabaseLacksAreRefusedNamingTheColumnAndTheDialect() {
        assertThatThrownBy(() -> SqlRenderer.render(table(column("tags", DataTypes.ARRAY(DataTypes.INTEGER))), Dialects.MYSQL))
                .isInstanceOf(UnsupportedFeatureError.class)
                .hasMessage("users.tags: mysql has no ARRAY column type (ARRAY is PostgreSQL's); use JSON");
        assertThatThrownBy(() -> SqlRenderer.render(table(column("n", DataTypes.TINYINT)), Dialects.POSTGRES))
                .isInstanceOf(UnsupportedFeatureError.class).hasMessage("users.n: postgres has no TINYINT column type; use SMALLINT");
        assertThatThrownBy(() -> SqlRenderer.render(table(column("j", DataTypes.JSON)), Dialects.MSSQL))
                .isInstanceOf(UnsupportedFeatureError.class).hasMessage("users.j: mssql has no JSON column type; store JSON text in a TEXT attribute");
    }

    @Test
    void everyDialectHasAColumnTypeForEveryTypeItDoesNotRefuse() {
        DataType[] types = {DataTypes.STRING, DataTypes.CHAR, DataTypes.TEXT, DataTypes.CITEXT, DataTypes.TINYINT, DataTypes.SMALLINT,
                DataTypes.MEDIUMINT, DataTypes.INTEGER, DataTypes.BIGINT, DataTypes.FLOAT, DataTypes.REAL, DataTypes.DOUBLE,
                DataTypes.DECIMAL(10, 2), DataTypes.BOOLEAN, DataTypes.DATE, DataTypes.DATEONLY, DataTypes.TIME, DataTypes.UUID,
                DataTypes.JSON, DataTypes.JSONB, DataTypes.ENUM("a"), DataTypes.ARRAY(DataTypes.INTEGER), DataTypes.BLOB};
        int refused = 0;
        for (Dialect dialect : Dialects.all()) {
            for (DataType type : types) {
                try {
                    String sql = SqlRenderer.render(table(column("c", type)), dialect).text();
                    assertThat(sql).as("%s %s", dialect, type).doesNotContainPattern("[\\]\"`] null").isNotBlank();
                } catch (UnsupportedFeatureError e) {
                    assertThat(e.getMessage()).as("%s %s", dialect, type).startsWith("users.c: " + dialect.name() + " ");
                    refused++;
                }
            }
        }
        // postgres: TINYINT, MEDIUMINT; mysql and mariadb: CITEXT, JSONB, ARRAY; sqlite: JSONB, ARRAY;
        // mssql: CITEXT, MEDIUMINT, JSON, JSONB, ARRAY.
        assertThat(refused).isEqualTo(2 + 3 + 3 + 2 + 5);
    }

    @Test
    void queryInterfaceColumnChanges() {
        ColumnDefinition nick = new ColumnDefinition("nick", DataTypes.STRING(20), false, false,
                Option.some(new DefaultValue.Value("x")), false, Option.none(), Option.none());
        ExpectSql.of(new Statement.AddColumn(USERS, nick))
                .postgres("ALTER TABLE \"users\" ADD COLUMN \"nick\" VARCHAR(20) NOT NULL DEFAULT 'x';")
                .mysqlFamily("ALTER TABLE `users` ADD `nick` VARCHAR(20) NOT NULL DEFAULT 'x';")
                .sqlite("ALTER TABLE `users` ADD `nick` VARCHAR(20) NOT NULL DEFAULT 'x';")
                .mssql("ALTER TABLE [users] ADD [nick] NVARCHAR(20) NOT NULL DEFAULT N'x';")
                .check();
        ExpectSql.of(new Statement.ChangeColumn(USERS, nick))
                .postgres("ALTER TABLE \"users\" ALTER COLUMN \"nick\" SET NOT NULL, ALTER COLUMN \"nick\" SET DEFAULT 'x', ALTER COLUMN \"nick\" TYPE VARCHAR(20);")
                .mysqlFamily("ALTER TABLE `users` CHANGE `nick` `nick` VARCHAR(20) NOT NULL DEFAULT 'x';")
                .sqlite("(refused)").mssql("(refused)");
        assertThatThrownBy(() -> SqlRenderer.render(new Statement.ChangeColumn(USERS, nick), Dialects.SQLITE))
                .isInstanceOf(UnsupportedFeatureError.class).hasMessageStartingWith("sqlite cannot change column 'nick' in place");
        assertThatThrownBy(() -> SqlRenderer.render(new Statement.ChangeColumn(USERS, nick), Dialects.MSSQL))
                .isInstanceOf(UnsupportedFeatureError.class).hasMessageStartingWith("mssql cannot change the default of column 'nick'");
        ExpectSql.of(new Statement.RemoveColumn(USERS, "age"))
                .standard("ALTER TABLE \"users\" DROP COLUMN \"age\";")
                .mysqlFamily("ALTER TABLE `users` DROP `age`;")
                .sqlite("ALTER TABLE `users` DROP COLUMN `age`;")
                .mssql("ALTER TABLE [users] DROP COLUMN [age];")
                .check();
        ExpectSql.of(new Statement.RenameColumn(USERS, "a]b", "c"))
                .standard("ALTER TABLE \"users\" RENAME COLUMN \"a]b\" TO \"c\";")
                .mysqlFamily("ALTER TABLE `users` RENAME COLUMN `a]b` TO `c`;")
                .sqlite("ALTER TABLE `users` RENAME COLUMN `a]b` TO `c`;")
                .mssql("EXEC sp_rename N'[users].[a]]b]', N'c', N'COLUMN';")
                .check();
        ExpectSql.of(new Statement.DropIndex(new TableName(Option.some("app"), "users"), "users_email"))
                .postgres("DROP INDEX IF EXISTS \"app\".\"users_email\";")
                .mysql("DROP INDEX `users_email` ON `app.users`;")
                .mariadb("DROP INDEX `users_email` ON `app`.`users`;")
                .sqlite("DROP INDEX IF EXISTS `users_email`;")
                .mssql("DROP INDEX [users_email] ON [app].[users];")
                .check();
        assertThatThrownBy(() -> SqlRenderer.render(new Statement.AddColumn(USERS, new ColumnDefinition("u", DataTypes.STRING, true, false,
                Option.none(), true, Option.none(), Option.none())), Dialects.SQLITE))
                .isInstanceOf(UnsupportedFeatureError.class)
                .hasMessage("sqlite cannot add a UNIQUE column ('u'); add the column, then addIndex with unique: true");
    }
}
