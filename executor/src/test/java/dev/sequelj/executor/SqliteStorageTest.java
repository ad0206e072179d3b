package dev.sequelj.executor;

import dev.sequelj.ast.model.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static dev.sequelj.ast.model.Attribute.attribute;
import static org.assertj.core.api.Assertions.assertThat;

/** SQLite as a file: data outlives the Sequelize that wrote it, and is stored as Sequelize stores it. */
class SqliteStorageTest {
    private static final Instant NOW = Instant.parse("2024-01-15T10:30:45.123Z");

    @TempDir
    Path directory;

    private SequelizeOptions options() {
        return SequelizeOptions.options().logging(false).clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void rowsWrittenThroughOneInstanceAreReadByTheNextAndStoredInSequelizesForm() throws Exception {
        Path file = directory.resolve("app.db");
        try (Sequelize writer = new Sequelize("sqlite:" + file, options())) {
            Model user = writer.define("user", List.of(attribute("name", DataTypes.STRING), attribute("active", DataTypes.BOOLEAN)));
            user.sync(true).join();
            user.create(Map.of("name", "John", "active", true)).join();
        }
        try (Sequelize reader = new Sequelize("db", "", "", options().dialect("sqlite").storage(file.toString()))) {
            Model user = reader.define("user", List.of(attribute("name", DataTypes.STRING), attribute("active", DataTypes.BOOLEAN)));
            assertThat(user.findAll().join()).singleElement().extracting(ModelInstance::dataValues)
                    .isEqualTo(Map.of("id", 1, "name", "John", "active", true, "createdAt", NOW, "updatedAt", NOW));
        }
        // What a Node service reading the same file finds: Sequelize's date text and 1 for true.
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = raw.createStatement();
             ResultSet row = statement.executeQuery("SELECT active, typeof(active), createdAt, typeof(createdAt) FROM users")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getObject(1)).isEqualTo(1);
            assertThat(row.getString(2)).isEqualTo("integer");
            assertThat(row.getObject(3)).isEqualTo("2024-01-15 10:30:45.123 +00:00");
            assertThat(row.getString(4)).isEqualTo("text");
        }
    }

    /** A file database takes the whole pool; concurrent writers wait on SQLite's lock instead of failing. */
    @Test
    void concurrentCreatesOnAFileDatabaseAllLand() {
        Path file = directory.resolve("busy.db");
        try (Sequelize sequelize = new Sequelize("sqlite:" + file, options().pool(PoolOptions.defaults().max(5)))) {
            Model event = sequelize.define("event", List.of(attribute("n", DataTypes.INTEGER)));
            event.sync(true).join();
            CompletableFuture<?>[] creates = IntStream.range(0, 50)
                    .mapToObj(n -> event.create(Map.of("n", n)))
                    .toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(creates).join();

            assertThat(event.findAll().join()).extracting(row -> row.get("n"))
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 50).boxed().toList());
        }
    }
}
