package dev.sequelj.executor;

import dev.sequelj.ast.finder.FindOptions;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.executor.spi.QueryResult;
import dev.sequelj.executor.spi.RecordingExecutor;
import dev.sequelj.executor.spi.StatementKind;
import dev.sequelj.render.Sql;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.sequelj.ast.model.Attribute.attribute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact statements the instance methods send on each of the five dialects, offline (SQL Server
 * included), through a {@link RecordingExecutor}: the shapes are Sequelize 6's (compared with its output
 * for the same calls: {@code UPDATE "users" SET "firstName"=$1,"updatedAt"=$2 WHERE "id" = $3}, the paranoid
 * destroy and restore as UPDATEs of {@code deletedAt} and {@code updatedAt}, reload as {@code findOne} by
 * key), with values bound. An unchanged {@code save()} sends nothing.
 */
class InstanceStatementsTest {
    private static final Map<String, List<String>> SENT = Map.ofEntries(
                Map.entry("postgres", List.of(
                        "SELECT \"id\", \"firstName\", \"age\", \"createdAt\", \"updatedAt\", \"deletedAt\" FROM \"users\" AS \"user\" WHERE \"user\".\"deletedAt\" IS NULL LIMIT ?;",
                        "UPDATE \"users\" SET \"firstName\"=?,\"updatedAt\"=? WHERE \"id\" = ?;",
                        "UPDATE \"users\" SET \"age\"=\"age\"+?,\"updatedAt\"=? WHERE \"id\" = ? RETURNING \"id\",\"firstName\",\"age\",\"createdAt\",\"updatedAt\",\"deletedAt\";",
                        "UPDATE \"users\" SET \"deletedAt\"=?,\"updatedAt\"=? WHERE \"id\" = ?;",
                        "UPDATE \"users\" SET \"deletedAt\"=?,\"updatedAt\"=? WHERE \"id\" = ?;",
                        "DELETE FROM \"users\" WHERE \"id\" = ?;",
                        "SELECT \"id\", \"firstName\", \"age\", \"createdAt\", \"updatedAt\", \"deletedAt\" FROM \"users\" AS \"user\" WHERE \"user\".\"deletedAt\" IS NULL AND \"user\".\"id\" = ?;",
                        "INSERT INTO \"users\" (\"id\",\"firstName\",\"createdAt\",\"updatedAt\") VALUES (DEFAULT,?,?,?) RETURNING \"id\",\"firstName\",\"age\",\"createdAt\",\"updatedAt\",\"deletedAt\";")),
                Map.entry("mysql", List.of(
                        "SELECT `id`, `firstName`, `age`, `createdAt`, `updatedAt`, `deletedAt` FROM `users` AS `user` WHERE `user`.`deletedAt` IS NULL LIMIT ?;",
                        "UPDATE `users` SET `firstName`=?,`updatedAt`=? WHERE `id` = ?;",
                        "UPDATE `users` SET `age`=`age`+?,`updatedAt`=? WHERE `id` = ?;",
                        "UPDATE `users` SET `deletedAt`=?,`updatedAt`=? WHERE `id` = ?;",
                        "UPDATE `users` SET `deletedAt`=?,`updatedAt`=? WHERE `id` = ?;",
                        "DELETE FROM `users` WHERE `id` = ?;",
                        "SELECT `id`, `firstName`, `age`, `createdAt`, `updatedAt`, `deletedAt` FROM `users` AS `user` WHERE `user`.`deletedAt` IS NULL AND `user`.`id` = ?;",
                        "INSERT INTO `users` (`id`,`firstName`,`createdAt`,`updatedAt`) VALUES (DEFAULT,?,?,?);")),
                Map.entry("mariadb", List.of(
                        "SELECT `id`, `firstName`, `age`, `createdAt`, `updatedAt`, `deletedAt` FROM `users` AS `user` WHERE `user`.`deletedAt` IS NULL LIMIT ?;",
                        "UPDATE `users` SET `firstName`=?,`updatedAt`=? WHERE `id` = ?;",
                        "UPDATE `users` SET `age`=`age`+?,`updatedAt`=? WHERE `id` = ?;",
                        "UPDATE `users` SET `deletedAt`=?,`updatedAt`=? WHERE `id` = ?;",
                        "UPDATE `users` SET `deletedAt`=?,`updatedAt`=? WHERE `id` = ?;",
                        "DELETE FROM `users` WHERE `id` = ?;",
                        "SELECT `id`, `firstName`, `age`, `createdAt`, `updatedAt`, `deletedAt` FROM `users` AS `user` WHERE `user`.`deletedAt` IS NULL AND `user`.`id` = ?;",
                        "INSERT INTO `users` (`id`,`firstName`,`createdAt`,`updatedAt`) VALUES (DEFAULT,?,?,?) RETURNING `id`,`firstName`,`age`,`createdAt`,`updatedAt`,`deletedAt`;")),
                Map.entry("sqlite", List.of(
                        "SELECT `id`, `firstName`, `age`, `createdAt`, `updatedAt`, `deletedAt` FROM `users` AS `user` WHERE `user`.`deletedAt` IS NULL LIMIT ?;",
                        "UPDATE `users` SET `firstName`=?,`updatedAt`=? WHERE `id` = ?;",
                        "UPDATE `users` SET `age`=`age`+?,`updatedAt`=? WHERE `id` = ? RETURNING `id`,`firstName`,`age`,`createdAt`,`updatedAt`,`deletedAt`;",
                        "UPDATE `users` SET `deletedAt`=?,`updatedAt`=? WHERE `id` = ?;",
                        "UPDATE `users` SET `deletedAt`=?,`updatedAt`=? WHERE `id` = ?;",
                        "DELETE FROM `users` WHERE `id` = ?;",
                        "SELECT `id`, `firstName`, `age`, `createdAt`, `updatedAt`, `deletedAt` FROM `users` AS `user` WHERE `user`.`deletedAt` IS NULL AND `user`.`id` = ?;",
                        "INSERT INTO `users` (`id`,`firstName`,`createdAt`,`updatedAt`) VALUES (NULL,?,?,?);")),
                Map.entry("mssql", List.of(
                        "SELECT [id], [firstName], [age], [createdAt], [updatedAt], [deletedAt] FROM [users] AS [user] WHERE [user].[deletedAt] IS NULL ORDER BY [user].[id] OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY;",
                        "UPDATE [users] SET [firstName]=?,[updatedAt]=? WHERE [id] = ?;",
                        "UPDATE [users] SET [age]=[age]+?,[updatedAt]=? OUTPUT INSERTED.[id],INSERTED.[firstName],INSERTED.[age],INSERTED.[createdAt],INSERTED.[updatedAt],INSERTED.[deletedAt] WHERE [id] = ?;",
                        "UPDATE [users] SET [deletedAt]=?,[updatedAt]=? WHERE [id] = ?;",
                        "UPDATE [users] SET [deletedAt]=?,[updatedAt]=? WHERE [id] = ?;",
                        "DELETE FROM [users] WHERE [id] = ?;",
                        "SELECT [id], [firstName], [age], [createdAt], [updatedAt], [deletedAt] FROM [users] AS [user] WHERE [user].[deletedAt] IS NULL AND [user].[id] = ?;",
                        "INSERT INTO [users] ([firstName],[createdAt],[updatedAt]) OUTPUT INSERTED.[id],INSERTED.[firstName],INSERTED.[age],INSERTED.[createdAt],INSERTED.[updatedAt],INSERTED.[deletedAt] VALUES (?,?,?);")));

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mysql", "mariadb", "sqlite", "mssql"})
    void eachInstanceMethodSendsSequelizesStatement(String dialect) {
        RecordingExecutor executor = new RecordingExecutor()
                .when(StatementKind.SELECT).thenAnswer(QueryResult.rows(
                        List.of("id", "firstName", "age", "createdAt", "updatedAt", "deletedAt"),
                        new Object[] {5, "A", 3, "2024-01-01 00:00:00.000 +00:00", "2024-01-01 00:00:00.000 +00:00", null}))
                .when(StatementKind.INSERT).thenAnswer(QueryResult.generatedKey(6));
        Sequelize sequelize = new Sequelize(dialect, executor, SequelizeOptions.options().logging(false)
                .clock(Clock.fixed(Instant.parse("2024-01-15T10:30:45.123Z"), ZoneOffset.UTC)));
        Model users = sequelize.define("user", List.of(attribute("firstName", DataTypes.STRING), attribute("age", DataTypes.INTEGER)),
                ModelOptions.options().paranoid(true));
        ModelInstance user = users.findOne(FindOptions.options()).join().orElseThrow();
        user.set("firstName", "B").save().join();
        user.save().join();                      // nothing changed: nothing sent
        user.set("firstName", "B").save().join(); // the same value again: nothing sent
        user.increment("age", 2).join();
        user.destroy().join();
        user.restore().join();
        user.destroy(true).join();
        user.reload().join();
        ModelInstance built = users.build(Map.of("firstName", "C"));
        built.save().join();

        assertThat(executor.statements()).extracting(Sql::text).containsExactlyElementsOf(SENT.get(dialect));
        assertThat(executor.statements().get(1).params().get(0)).isEqualTo("B");
        assertThat(executor.statements().get(1).params().get(2)).as("the key").isEqualTo(5);
        assertThat(executor.statements().get(2).params().get(0)).as("by").isEqualTo(2);
        assertThat(executor.statements().get(4).params().get(0)).as("restore: deletedAt back to null").isNull();
        assertThat(built.isNewRecord()).isFalse();
        assertThat(built.get("id")).as("the generated key").isEqualTo(6);
    }
}
