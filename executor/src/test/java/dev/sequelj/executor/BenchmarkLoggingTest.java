package dev.sequelj.executor;

import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.executor.error.DatabaseError;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.sequelj.ast.finder.FindOptions.options;
import static dev.sequelj.ast.model.Attribute.attribute;
import static dev.sequelj.executor.testing.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sequelize's {@code benchmark} option and the timed forms of {@code logging}: each statement is logged
 * once it has finished as {@code Executed (<connection>): <sql>} with the milliseconds it took, the way
 * Sequelize's {@code logging(sql, timingMs)} receives it; and the SLF4J logging builds no line when INFO is
 * off. The elapsed times are only checked to be there and not negative, never compared with the clock.
 */
class BenchmarkLoggingTest {
    private static final List<String> STATEMENTS = List.of(
            "SELECT 1+1 AS result;",
            "DROP TABLE IF EXISTS `users`;",
            "CREATE TABLE IF NOT EXISTS `users` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `firstName` VARCHAR(255));",
            "INSERT INTO `users` (`id`,`firstName`) VALUES (NULL,?);",
            "SELECT `id`, `firstName` FROM `users` AS `user` WHERE `user`.`firstName` = ? LIMIT ?;");
    private static final Pattern CONSOLE_LINE = Pattern.compile("Executed \\(default\\): (.*) Elapsed time: (\\d+)ms");

    private static void work(SequelizeOptions options) {
        try (Sequelize sequelize = new Sequelize("sqlite::memory:", options)) {
            sequelize.authenticate().join();
            Model user = sequelize.define("user", List.of(attribute("firstName", DataTypes.STRING)),
                    ModelOptions.options().timestamps(false));
            user.sync(true).join();
            user.create(Map.of("firstName", "John")).join();
            assertThat(user.findOne(options().where(Map.of("firstName", "John"))).join()).isPresent();
        }
    }

    /** The statement of each {@code Executed (default): <sql> Elapsed time: <n>ms} line, checking the form of each. */
    private static List<String> statementsOf(List<String> consoleLines) {
        List<String> statements = new ArrayList<>();
        for (String line : consoleLines) {
            Matcher matcher = CONSOLE_LINE.matcher(line);
            assertThat(matcher.matches()).as("a benchmark line: %s", line).isTrue();
            statements.add(matcher.group(1));
        }
        return statements;
    }

    @Test
    void withBenchmarkAConsumerGetsTheConsoleLineWithTheElapsedTime() {
        List<String> lines = new CopyOnWriteArrayList<>();
        work(SequelizeOptions.options().benchmark(true).logging(lines::add));
        assertThat(statementsOf(lines)).isEqualTo(STATEMENTS);
    }

    @Test
    void aTimedSinkGetsTheMessageAndTheMillisecondsAsSequelizesLoggingFunctionDoes() {
        List<String> messages = new CopyOnWriteArrayList<>();
        List<Long> timings = new CopyOnWriteArrayList<>();
        work(SequelizeOptions.options().benchmark(true).timedLogging((message, ms) -> {
            messages.add(message);
            timings.add(ms);
        }));

        assertThat(messages).isEqualTo(STATEMENTS.stream().map(sql -> "Executed (default): " + sql).toList());
        assertThat(timings).hasSize(STATEMENTS.size()).allSatisfy(ms -> assertThat(ms).isNotNull().isNotNegative());
    }

    @Test
    void withoutBenchmarkATimedSinkGetsEachStatementBeforeItRunsAndNoTime() {
        List<String> messages = new CopyOnWriteArrayList<>();
        List<Long> timings = new CopyOnWriteArrayList<>();
        work(SequelizeOptions.options().timedLogging((message, ms) -> {
            messages.add(message);
            timings.add(ms == null ? -1L : ms);
        }));

        assertThat(messages).isEqualTo(STATEMENTS.stream().map(sql -> "Executing (default): " + sql).toList());
        assertThat(timings).containsOnly(-1L);
    }

    @Test
    void aFailedStatementIsLoggedWithItsTimeToo() {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (Sequelize sequelize = new Sequelize("sqlite::memory:", SequelizeOptions.options().benchmark(true).logging(lines::add))) {
            failure(sequelize.query("SELECT * FROM bench_missing"), DatabaseError.class);
        }
        assertThat(statementsOf(lines)).containsExactly("SELECT * FROM bench_missing");
    }

    @Test
    void insideATransactionTheLineNamesTheTransaction() {
        List<String> lines = new CopyOnWriteArrayList<>();
        String[] id = new String[1];
        try (Sequelize sequelize = new Sequelize("sqlite::memory:", SequelizeOptions.options().benchmark(true).logging(lines::add))) {
            sequelize.transaction(t -> {
                id[0] = t.name();
                return sequelize.query("SELECT 1", QueryOptions.options().transaction(t));
            }).join();
        }
        Pattern line = Pattern.compile("Executed \\((.*)\\): (.*) Elapsed time: \\d+ms");
        List<String> seen = lines.stream().map(l -> {
            Matcher matcher = line.matcher(l);
            assertThat(matcher.matches()).as(l).isTrue();
            return matcher.group(1) + " | " + matcher.group(2);
        }).toList();
        assertThat(seen).containsExactly(id[0] + " | BEGIN DEFERRED TRANSACTION;", id[0] + " | SELECT 1", id[0] + " | COMMIT;");
    }

    @Test
    void theDefaultSlf4jLoggingPrintsTheBenchmarkLineAtInfo() {
        List<String> printed = standardOutputOf(() -> work(SequelizeOptions.options().benchmark(true)));
        assertThat(statementsOf(printed.stream().map(line -> line.replaceFirst("^INFO ", "")).toList())).isEqualTo(STATEMENTS);
        assertThat(printed).allSatisfy(line -> assertThat(line).startsWith("INFO Executed (default): "));
    }

    // ---- SLF4J: placeholders, and nothing at all when INFO is off ------------------------------------

    /** An SLF4J logger that records every call made to it, with INFO on or off. */
    private static Logger recordingLogger(boolean infoEnabled, List<String> calls) {
        return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getName" -> "recording";
                    case "isInfoEnabled" -> {
                        calls.add("isInfoEnabled");
                        yield infoEnabled;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "recording logger";
                    default -> {
                        calls.add(method.getName() + Arrays.deepToString(args));
                        yield null;
                    }
                });
    }

    @Test
    void withInfoOffTheLoggerIsOnlyAskedWhetherInfoIsOn() {
        List<String> calls = new CopyOnWriteArrayList<>();
        work(SequelizeOptions.options().logging(recordingLogger(false, calls)));
        assertThat(calls).hasSize(STATEMENTS.size()).containsOnly("isInfoEnabled");

        calls.clear();
        work(SequelizeOptions.options().benchmark(true).logging(recordingLogger(false, calls)));
        assertThat(calls).hasSize(STATEMENTS.size()).containsOnly("isInfoEnabled");
    }

    @Test
    void withInfoOnTheLineIsHandedOverAsPlaceholdersAndArguments() {
        List<String> calls = new CopyOnWriteArrayList<>();
        try (Sequelize sequelize = new Sequelize("sqlite::memory:", SequelizeOptions.options().logging(recordingLogger(true, calls)))) {
            sequelize.authenticate().join();
        }
        assertThat(calls).containsExactly("isInfoEnabled", "info[Executing ({}): {}, default, SELECT 1+1 AS result;]");

        calls.clear();
        try (Sequelize sequelize = new Sequelize("sqlite::memory:",
                SequelizeOptions.options().benchmark(true).logging(recordingLogger(true, calls)))) {
            sequelize.authenticate().join();
        }
        assertThat(calls).hasSize(2).first().isEqualTo("isInfoEnabled");
        assertThat(calls.get(1)).matches(Pattern.quote("info[Executed ({}): {} Elapsed time: {}ms, [default, SELECT 1+1 AS result;, ")
                + "\\d+" + Pattern.quote("]]"));
    }

    @Test
    void loggingOffNeitherLogsNorTimes() {
        List<String> calls = new CopyOnWriteArrayList<>();
        SequelizeOptions off = SequelizeOptions.options().benchmark(true).logging(recordingLogger(true, calls)).logging(false);
        work(off);
        assertThat(off.logging().isEmpty()).isTrue();
        assertThat(calls).isEmpty();
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
