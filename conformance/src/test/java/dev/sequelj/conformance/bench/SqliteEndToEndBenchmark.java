package dev.sequelj.conformance.bench;

import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.executor.Model;
import dev.sequelj.executor.ModelInstance;
import dev.sequelj.executor.Sequelize;
import dev.sequelj.executor.SequelizeOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.sequelj.ast.model.Attribute.attribute;

/**
 * Issue 4's end-to-end workloads on a SQLite file database (WAL journal, synchronous=FULL), Sequelj
 * against raw JDBC doing the same work in the same run. One benchmark call is one whole workload:
 *
 * <ul>
 *   <li>{@code findAll}: the 100,000 rows of {@code users} into instances (raw: into records, dates parsed);</li>
 *   <li>{@code findByPk}: 10,000 lookups of the same random keys (raw: one PreparedStatement reused);</li>
 *   <li>{@code bulkCreate}: 100,000 rows in one transaction, handed back with their keys (raw: one
 *       multi-row INSERT per 1,000 rows, the keys from the last one of each);</li>
 *   <li>{@code create}: 10,000 single creates in autocommit, each handing back its key (raw: INSERT,
 *       then the generated key, which sqlite-jdbc reads with {@code last_insert_rowid()}).</li>
 * </ul>
 *
 * Sequelj is measured as a platform thread calls it ({@code _sequelj}: each call is handed to a virtual
 * thread and the caller woken again) and, for the workloads of many calls, as a virtual thread calls it
 * ({@code _sequeljOnVirtualThread}: the statement runs on the calling thread, no hand-off). Each is compared
 * with raw JDBC called by the same kind of thread ({@code _rawJdbc}, {@code _rawJdbcOnVirtualThread}).
 *
 * <p>Raw JDBC is the fastest honest form of each (see {@code /work/shared/PERFORMANCE.md}); it does the
 * work Sequelj's answer stands for: the dates formatted as Sequelize stores them, rows read into
 * objects with their dates parsed. {@link SqliteEndToEndBenchmarkTest} checks that each pair reads and
 * writes the same rows.
 *
 * <p>Run: {@code mvn -q -pl conformance -am test-compile exec:exec@bench -Dbench.args="SqliteEndToEndBenchmark"}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class SqliteEndToEndBenchmark {
    /** How Sequelize stores a DATE on SQLite, and so how raw JDBC must write and parse it to do the same work. */
    static final DateTimeFormatter SEQUELIZE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS xxx");
    static final String COLUMNS = "firstName, lastName, email, age, createdAt, updatedAt";
    /** Rows per multi-row INSERT of the raw bulk insert: 6,000 values, far below SQLite's 32,766. */
    static final int RAW_BULK_CHUNK = 1_000;

    /** What raw JDBC maps a row into: the same fields an instance holds. */
    public record User(int id, String firstName, String lastName, String email, Integer age, Instant createdAt, Instant updatedAt) {}

    /** The size of each workload; the benchmark runs issue 4's, the test smaller ones. */
    public record Sizes(int rows, int lookups, int bulkRows, int creates) {
        static final Sizes ISSUE_4 = new Sizes(100_000, 10_000, 100_000, 10_000);
    }

    /**
     * One file database for both contestants: {@code users} seeded with {@link Sizes#rows()} rows for the
     * reads, {@code entries} (same columns) emptied before each write workload.
     */
    @State(Scope.Benchmark)
    public static class Database {
        /**
         * Where the database file lives: {@code disk} (the temporary directory), or {@code shm} ({@code /dev/shm},
         * a tmpfs, where an fsync costs nothing): single creates in autocommit wait for an fsync of the WAL per
         * commit, which on a shared disk varies more than the work measured, so they are also run there, both
         * contestants alike ({@code -p storage=shm}).
         */
        @Param({"disk"})
        String storage = "disk";
        Sizes sizes = Sizes.ISSUE_4;
        Path dir;
        Sequelize sequelize;
        Model users;
        Model entries;
        Connection raw;
        /** The keys both contestants look up, in the same order. */
        int[] keys;
        /** The rows both contestants insert: as Sequelj takes them and as raw JDBC takes them. */
        List<Map<String, Object>> newRows;
        List<User> newUsers;
        /** Raw JDBC's statements, prepared once, as the fastest raw JDBC does. */
        PreparedStatement byPk;
        PreparedStatement insertOne;
        PreparedStatement insertChunk;

        @Setup(Level.Trial)
        public void open() throws Exception {
            dir = storage.equals("shm") ? Files.createTempDirectory(Path.of("/dev/shm"), "sequelj-bench")
                    : Files.createTempDirectory("sequelj-bench");
            Path file = dir.resolve("bench.sqlite");
            raw = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement s = raw.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=30000");
            }
            sequelize = new Sequelize("sqlite:" + file, SequelizeOptions.options().logging(false));
            users = define("user");
            entries = define("entry");
            users.sync(true).join();
            entries.sync(true).join();
            seed(sizes.rows());

            Random random = new Random(42);
            keys = random.ints(sizes.lookups(), 1, sizes.rows() + 1).toArray();
            newRows = new ArrayList<>(sizes.bulkRows());
            newUsers = new ArrayList<>(sizes.bulkRows());
            for (int i = 0; i < sizes.bulkRows(); i++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("firstName", "first" + i);
                row.put("lastName", "last" + i);
                row.put("email", "user" + i + "@example.com");
                row.put("age", i % 90);
                newRows.add(row);
                newUsers.add(new User(0, "first" + i, "last" + i, "user" + i + "@example.com", i % 90, null, null));
            }

            byPk = raw.prepareStatement("SELECT id, " + COLUMNS + " FROM users WHERE id = ?");
            insertOne = raw.prepareStatement("INSERT INTO entries (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS);
            insertChunk = raw.prepareStatement(multiRowInsert(RAW_BULK_CHUNK), Statement.RETURN_GENERATED_KEYS);
        }

        private Model define(String name) {
            return sequelize.define(name, List.of(
                    attribute("firstName", DataTypes.STRING),
                    attribute("lastName", DataTypes.STRING),
                    attribute("email", DataTypes.STRING),
                    attribute("age", DataTypes.INTEGER)));
        }

        private void seed(int rows) throws SQLException {
            String stamp = format(Instant.parse("2024-01-15T10:30:45.123Z"));
            raw.setAutoCommit(false);
            try (PreparedStatement insert = raw.prepareStatement("INSERT INTO users (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    insert.setString(1, "first" + i);
                    insert.setString(2, "last" + i);
                    insert.setString(3, "user" + i + "@example.com");
                    insert.setInt(4, i % 90);
                    insert.setString(5, stamp);
                    insert.setString(6, stamp);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            raw.commit();
            raw.setAutoCommit(true);
        }

        /** Empties {@code entries} (a DELETE without WHERE is SQLite's truncate) so each write workload starts alike. */
        void emptyEntries() throws SQLException {
            try (Statement s = raw.createStatement()) {
                s.execute("DELETE FROM entries");
            }
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException, IOException {
            byPk.close();
            insertOne.close();
            insertChunk.close();
            sequelize.close();
            raw.close();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Gives each write workload an empty {@code entries} table, outside the measured time. */
    @State(Scope.Benchmark)
    public static class EmptyEntries {
        @Setup(Level.Invocation)
        public void empty(Database db) throws SQLException {
            db.emptyEntries();
        }
    }

    // ---- findAll of 100,000 rows into objects ---------------------------------------------------

    @Benchmark
    public List<ModelInstance> findAll_sequelj(Database db) {
        return db.users.findAll().join();
    }

    @Benchmark
    public List<User> findAll_rawJdbc(Database db) throws SQLException {
        try (PreparedStatement select = db.raw.prepareStatement("SELECT id, " + COLUMNS + " FROM users");
             ResultSet rows = select.executeQuery()) {
            List<User> users = new ArrayList<>();
            while (rows.next()) {
                users.add(user(rows));
            }
            return users;
        }
    }

    // ---- 10,000 lookups by primary key ----------------------------------------------------------

    @Benchmark
    public List<ModelInstance> findByPk_sequelj(Database db) {
        List<ModelInstance> found = new ArrayList<>(db.keys.length);
        for (int key : db.keys) {
            found.add(db.users.findByPk(key).join().orElseThrow());
        }
        return found;
    }

    /** The same lookups made by a virtual thread, which Sequelj serves without a hand-off (see the class comment). */
    @Benchmark
    public List<ModelInstance> findByPk_sequeljOnVirtualThread(Database db) throws Exception {
        return onVirtualThread(() -> findByPk_sequelj(db));
    }

    @Benchmark
    public List<User> findByPk_rawJdbc(Database db) throws SQLException {
        List<User> found = new ArrayList<>(db.keys.length);
        PreparedStatement byPk = db.byPk;
        for (int key : db.keys) {
            byPk.setInt(1, key);
            try (ResultSet rows = byPk.executeQuery()) {
                rows.next();
                found.add(user(rows));
            }
        }
        return found;
    }

    /** Raw JDBC's lookups made by a virtual thread: the baseline of {@link #findByPk_sequeljOnVirtualThread}. */
    @Benchmark
    public List<User> findByPk_rawJdbcOnVirtualThread(Database db) throws Exception {
        return onVirtualThread(() -> findByPk_rawJdbc(db));
    }

    // ---- 10,000 single creates, autocommit ------------------------------------------------------

    @Benchmark
    @Warmup(iterations = 3, time = 5)
    @Measurement(iterations = 5, time = 5)
    public List<ModelInstance> create_sequelj(Database db, EmptyEntries empty) {
        int count = db.sizes.creates();
        List<ModelInstance> created = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            created.add(db.entries.create(db.newRows.get(i)).join());
        }
        return created;
    }

    @Benchmark
    @Warmup(iterations = 3, time = 5)
    @Measurement(iterations = 5, time = 5)
    public List<ModelInstance> create_sequeljOnVirtualThread(Database db, EmptyEntries empty) throws Exception {
        return onVirtualThread(() -> create_sequelj(db, empty));
    }

    @Benchmark
    @Warmup(iterations = 3, time = 5)
    @Measurement(iterations = 5, time = 5)
    public List<User> create_rawJdbc(Database db, EmptyEntries empty) throws SQLException {
        int count = db.sizes.creates();
        List<User> created = new ArrayList<>(count);
        PreparedStatement insert = db.insertOne;
        for (int i = 0; i < count; i++) {
            User row = db.newUsers.get(i);
            Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            String stamp = format(now);
            insert.setString(1, row.firstName());
            insert.setString(2, row.lastName());
            insert.setString(3, row.email());
            insert.setInt(4, row.age());
            insert.setString(5, stamp);
            insert.setString(6, stamp);
            insert.executeUpdate();
            try (ResultSet key = insert.getGeneratedKeys()) {
                key.next();
                created.add(new User(key.getInt(1), row.firstName(), row.lastName(), row.email(), row.age(), now, now));
            }
        }
        return created;
    }

    /** Raw JDBC's creates made by a virtual thread: the baseline of {@link #create_sequeljOnVirtualThread}. */
    @Benchmark
    @Warmup(iterations = 3, time = 5)
    @Measurement(iterations = 5, time = 5)
    public List<User> create_rawJdbcOnVirtualThread(Database db, EmptyEntries empty) throws Exception {
        return onVirtualThread(() -> create_rawJdbc(db, empty));
    }

    // ---- bulk insert of 100,000 rows in one transaction -----------------------------------------

    @Benchmark
    public List<ModelInstance> bulkCreate_sequelj(Database db, EmptyEntries empty) {
        List<Map<String, Object>> rows = db.newRows.subList(0, db.sizes.bulkRows());
        return db.sequelize.transaction(t -> db.entries.bulkCreate(rows, t)).join();
    }

    /**
     * Hands back every row with its key, as Sequelj does: the keys of one multi-row INSERT are consecutive
     * (one writer, AUTOINCREMENT), so the last one ({@code last_insert_rowid()}, the driver's generated
     * key) gives them all.
     */
    @Benchmark
    public List<User> bulkCreate_rawJdbc(Database db, EmptyEntries empty) throws SQLException {
        Connection connection = db.raw;
        List<User> rows = db.newUsers.subList(0, db.sizes.bulkRows());
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String stamp = format(now);
        List<User> created = new ArrayList<>(rows.size());
        connection.setAutoCommit(false);
        try {
            for (int start = 0; start < rows.size(); start += RAW_BULK_CHUNK) {
                List<User> chunk = rows.subList(start, Math.min(start + RAW_BULK_CHUNK, rows.size()));
                if (chunk.size() == RAW_BULK_CHUNK) {
                    insertChunk(db.insertChunk, chunk, stamp, now, created);
                } else {
                    try (PreparedStatement last = connection.prepareStatement(multiRowInsert(chunk.size()), Statement.RETURN_GENERATED_KEYS)) {
                        insertChunk(last, chunk, stamp, now, created);
                    }
                }
            }
            connection.commit();
            return created;
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static void insertChunk(PreparedStatement insert, List<User> rows, String stamp, Instant now, List<User> created)
            throws SQLException {
        int index = 1;
        for (User row : rows) {
            insert.setString(index++, row.firstName());
            insert.setString(index++, row.lastName());
            insert.setString(index++, row.email());
            insert.setInt(index++, row.age());
            insert.setString(index++, stamp);
            insert.setString(index++, stamp);
        }
        insert.executeUpdate();
        int lastKey;
        try (ResultSet key = insert.getGeneratedKeys()) {
            key.next();
            lastKey = key.getInt(1);
        }
        int firstKey = lastKey - rows.size() + 1;
        for (int i = 0; i < rows.size(); i++) {
            User row = rows.get(i);
            created.add(new User(firstKey + i, row.firstName(), row.lastName(), row.email(), row.age(), now, now));
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** {@code INSERT INTO entries (...) VALUES (?, ...), ...} with {@code rows} rows. */
    static String multiRowInsert(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO entries (" + COLUMNS + ") VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "(?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?)");
        }
        return sql.toString();
    }

    /** Runs a whole workload on one virtual thread, as an application on virtual threads calls Sequelj; one hand-off in all. */
    static <T> T onVirtualThread(Callable<T> workload) throws Exception {
        FutureTask<T> task = new FutureTask<>(workload);
        Thread.ofVirtual().start(task).join();
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    static String format(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).format(SEQUELIZE_DATE);
    }

    static User user(ResultSet rows) throws SQLException {
        int age = rows.getInt(5);
        Integer nullableAge = rows.wasNull() ? null : age;
        return new User(rows.getInt(1), rows.getString(2), rows.getString(3), rows.getString(4), nullableAge,
                OffsetDateTime.parse(rows.getString(6), SEQUELIZE_DATE).toInstant(),
                OffsetDateTime.parse(rows.getString(7), SEQUELIZE_DATE).toInstant());
    }
}
