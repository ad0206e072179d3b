package dev.sequelj.executor.live;

import dev.sequelj.executor.Model;
import dev.sequelj.executor.Sequelize;
import dev.sequelj.executor.SequelizeOptions;
import dev.sequelj.executor.testing.GeneratedRows;
import dev.sequelj.executor.testing.LiveDatabase;
import dev.sequelj.executor.testing.LiveSession;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memory bound of streaming: a million rows, produced by the database itself, read through
 * {@code findAllStream} and then {@code findEach} by {@link StreamOneMillionRows} in a JVM of its own
 * started with {@code -Xmx64m}; the exact count, Σ id, Σ amount and order are checked here. Buffered
 * through {@code findAll} instead, the same million rows do not fit in that heap
 * ({@code OutOfMemoryError}: run {@link StreamOneMillionRows} with {@code buffered} to see it).
 *
 * <p>SQLite uses a file in a temporary directory, as the child JVM cannot reach this one's
 * {@code :memory:} database.
 */
class StreamMemoryLiveTest {
    static final int ROWS = 1_000_000;
    static final long HEAP = 64L * 1024 * 1024;

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(value = LiveDatabase.class, names = {"SQLITE", "POSTGRES", "MARIADB"})
    void aMillionRowsStreamThroughA64MiBHeap(LiveDatabase database) throws Exception {
        SequelizeOptions quiet = SequelizeOptions.options().logging(false);
        if (database == LiveDatabase.SQLITE) {
            String uri = "sqlite:" + directory.resolve("million.db");
            try (Sequelize file = new Sequelize(uri, quiet)) {
                Model rows = file.define("generated", GeneratedRows.attributes(), GeneratedRows.OPTIONS);
                GeneratedRows.fill(file, rows, ROWS);
                checkStreamedWith64MiB(uri, rows.getTableName());
            }
        } else {
            // database.session checks that the server answers (and fails in CI when it does not).
            try (LiveSession live = database.session(quiet)) {
                Model rows = live.define("generated", GeneratedRows.attributes(), GeneratedRows.OPTIONS);
                GeneratedRows.fill(live.sequelize(), rows, ROWS);
                checkStreamedWith64MiB(database.uri(), rows.getTableName());
            }
        }
    }

    private static void checkStreamedWith64MiB(String uri, String table) throws IOException, InterruptedException {
        Map<String, String> seen = runWith64MiB(uri, table, "stream");
        assertThat(Long.parseLong(seen.get("maxMemory"))).isLessThanOrEqualTo(HEAP);
        long idSum = (long) ROWS * (ROWS + 1) / 2;
        for (String pass : List.of("stream", "each")) {
            assertThat(seen).containsEntry(pass + ".count", Integer.toString(ROWS))
                    .containsEntry(pass + ".idSum", Long.toString(idSum))
                    .containsEntry(pass + ".amountSum", Long.toString(GeneratedRows.amountSum(ROWS)))
                    .containsEntry(pass + ".inOrder", "true");
        }
    }

    /** Runs {@link StreamOneMillionRows} with {@code -Xmx64m} on this test's classpath and JDK; its printed values. */
    static Map<String, String> runWith64MiB(String uri, String table, String mode) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path output = Files.createTempFile("stream-64m", ".out");
        try {
            Process child = new ProcessBuilder(java, "-Xmx64m", "--enable-native-access=ALL-UNNAMED",
                    "-cp", classpath, StreamOneMillionRows.class.getName(), uri, table, mode)
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!child.waitFor(5, TimeUnit.MINUTES)) {
                child.destroyForcibly();
                throw new AssertionError("the -Xmx64m run did not finish within 5 minutes:\n" + Files.readString(output));
            }
            String printed = Files.readString(output);
            assertThat(child.exitValue()).as("exit status of the -Xmx64m run; it printed:%n%s", printed).isZero();
            Map<String, String> values = new HashMap<>();
            for (String line : printed.split("\\R")) {
                int equals = line.indexOf('=');
                if (equals > 0 && !line.contains(" ")) {
                    values.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
            return values;
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
