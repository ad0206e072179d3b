package dev.sequelj.executor.walkthrough;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's first command runs {@link GettingStarted}; this keeps what it prints honest. */
class GettingStartedTest {

    @Test
    @ResourceLock(Resources.SYSTEM_OUT)
    void theWalkthroughReadsJohnHancockBackFromSqlite() {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            GettingStarted.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();

        assertThat(lines).contains("Connection has been established successfully.", "tables: users, posts, tags",
                "Jane's auto-generated ID: 1", "All tags (no timestamps): [tag{id=1, label=news}]", "Connection closed.");
        assertThat(lines).filteredOn(line -> line.startsWith("findOne where firstName = John: "))
                .singleElement().asString()
                .matches("findOne where firstName = John: user\\{id=2, firstName=John, lastName=Hancock,"
                        + " createdAt=(\\S+)Z, updatedAt=\\1Z}");
        assertThat(lines).contains("INFO Executing (default): SELECT `id`, `firstName`, `lastName`, `createdAt`, `updatedAt`"
                + " FROM `users` AS `user` WHERE `user`.`firstName` = ? LIMIT ?;");
    }
}
