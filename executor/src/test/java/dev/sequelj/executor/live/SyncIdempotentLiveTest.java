package dev.sequelj.executor.live;

import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.IndexDefinition;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.executor.Model;
import dev.sequelj.executor.SequelizeOptions;
import dev.sequelj.executor.testing.LiveDatabase;
import dev.sequelj.executor.testing.LiveSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.sequelj.ast.model.Attribute.attribute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sync()} is idempotent on every database, a model with indexes included: the second and third
 * syncs succeed and leave the table, its rows and its indexes as they were. On MySQL, which has no
 * {@code CREATE INDEX IF NOT EXISTS}, sync reads the indexes first ({@code SHOW INDEX FROM}, as Sequelize
 * does) and creates only the missing ones (the known error 1061, "Duplicate key name", is gone).
 */
class SyncIdempotentLiveTest {
    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void syncingAModelWithIndexesTwiceChangesNothing(LiveDatabase database) {
        List<String> sent = new CopyOnWriteArrayList<>();
        try (LiveSession live = database.session(SequelizeOptions.options().logging(sent::add))) {
            String byEmail = live.name("by_email");
            String byName = live.name("by_name");
            Model users = live.define("user", List.of(
                    attribute("email", DataTypes.STRING(100)),
                    attribute("firstName", DataTypes.STRING(50)),
                    attribute("lastName", DataTypes.STRING(50))),
                    ModelOptions.options().indexes(IndexDefinition.on("email").unique(true).name(byEmail),
                            IndexDefinition.on("lastName", "firstName").name(byName)));
            users.sync(true).join();
            users.create(Map.of("email", "a@b.c", "firstName", "Ann")).join();
            sent.clear();

            users.sync().join();
            users.sync().join();

            assertThat(users.findAll().join()).as("the row is still there").hasSize(1);
            if (database == LiveDatabase.MYSQL) {
                assertThat(sent).filteredOn(line -> line.contains("SHOW INDEX FROM")).hasSize(2);
                assertThat(sent).as("no index sent again").noneMatch(line -> line.contains(" INDEX `t"));
            }
            // The unique index is really there, once: a duplicate email is refused.
            assertThat(users.create(Map.of("email", "a@b.c")).handle((created, error) -> error).join())
                    .as("the unique index still holds").isNotNull();
        }
    }
}
