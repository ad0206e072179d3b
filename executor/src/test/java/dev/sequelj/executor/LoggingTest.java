package dev.sequelj.executor;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.model.DataTypes;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static dev.sequelj.ast.finder.FindOptions.options;
import static dev.sequelj.ast.model.Attribute.attribute;
import static dev.sequelj.executor.testing.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sequelize's {@code logging} option: by default each statement is logged as
 * {@code Executing (default): <sql>} (through SLF4J here); a consumer receives exactly those lines;
 * {@code false} turns it off. On embedded SQLite, so the SQL text is known exactly.
 */
class LoggingTest {
    private static final List<String> WALKTHROUGH = List.of(
            "Executing (default): SELECT 1+1 AS result;",
            "Executing (default): DROP TABLE IF EXISTS `users`;",
            "Executing (default): CREATE TABLE IF NOT EXISTS `users` (`id` INTEGER PRIMARY KEY AUTOINCREMENT,"
                    + " `firstName` VARCHAR(255) NOT NULL, `lastName` VARCHAR(255), `createdAt` DATETIME NOT NULL,"
                    + " `updatedAt` DATETIME NOT NULL);",
            "Executing (default): INSERT INTO `users` (`id`,`firstName`,`lastName`,`createdAt`,`updatedAt`)"
                    + " VALUES (NULL,?,?,?,?);",
            "Executing (default): SELECT `id`, `firstName`, `lastName`, `createdAt`, `updatedAt` FROM `users` AS `user`"
                    + " WHERE `user`.`firstName` = ? LIMIT ?;");

    /** The walkthrough's statements, then one create refused before any SQL exists. */
    private static void walkthrough(SequelizeOptions options) {
        try (Sequelize sequelize = new Sequelize("sqlite::memory:", options)) {
            sequelize.authenticate().join();
            Model user = sequelize.define("user", List.of(
                    attribute("firstName", DataTypes.STRING).allowNull(false),
                    attribute("lastName", DataTypes.STRING)));
            user.sync(true).join();
            user.create(Map.of("firstName", "John", "lastName", "Hancock")).join();
            assertThat(user.findOne(options().where(Map.of("firstName", "John"))).join()).isPresent();
            failure(user.create(Map.of("lastName", "Nameless")), ValidationError.class);
        }
    }

    @Test
    void aConsumerReceivesEachStatementAsSequelizePrintsItInOrder() {
        List<String> lines = new CopyOnWriteArrayList<>();
        walkthrough(SequelizeOptions.options().logging(lines::add));
        assertThat(lines).isEqualTo(WALKTHROUGH);
    }

    @Test
    void loggingFalseReceivesNothing() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Consumer<String> sink = lines::add;
        SequelizeOptions off = SequelizeOptions.options().logging(sink).logging(false);
        assertThat(off.logging().isEmpty()).isTrue();

        List<String> printed = standardOutputOf(() -> walkthrough(off));

        assertThat(lines).isEmpty();
        assertThat(printed).isEmpty();
    }

    /** slf4j-simple, as configured in src/test/resources/simplelogger.properties, prints INFO lines to System.out. */
    @Test
    void byDefaultEachStatementGoesToSlf4jAtInfo() {
        List<String> printed = standardOutputOf(() -> walkthrough(SequelizeOptions.options()));
        assertThat(printed).isEqualTo(WALKTHROUGH.stream().map(line -> "INFO " + line).toList());
    }

    @Test
    void loggingTrueIsTheDefault() {
        List<String> printed = standardOutputOf(() -> walkthrough(SequelizeOptions.options().logging(line -> {}).logging(true)));
        assertThat(printed).isEqualTo(WALKTHROUGH.stream().map(line -> "INFO " + line).toList());
    }

    private static List<String> standardOutputOf(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\\R"));
    }
}
