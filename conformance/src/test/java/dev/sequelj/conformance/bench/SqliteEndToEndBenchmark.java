package dev.sequelj.conformance.bench;

import dev.sequelj.ast.finder.FindOptions;
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
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.sequelj.ast.finder.Where.col;
import static dev.sequelj.ast.model.Attribute.attribute;

/**
 * Issue 4's end-to-end workloads on a SQLite file database (WAL journal, synchronous=FULL), Sequelj
 * against raw JDBC doing the same work in the same run. Raw JDBC is the fastest honest version: a
 * reused PreparedStatement where that helps, rows mapped into objects with the dates parsed, as
 * Sequelj's instances have them.
 *
 * <p>Run: {@code mvn -q -pl conformance -am test-compile exec:exec@bench -Dbench.args="SqliteEndToEndBenchmark"}.
 */
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class SqliteEndToEndBenchmark {
    static final int ROWS = 100_000;
    /** How Sequelize stores a DATE on SQLite, and so how raw JDBC must parse it to do the same work. */
    static final DateTimeFormatter SEQUELIZE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS xxx");

    /** What raw JDBC maps a row into: the same fields an instance holds. */
    public record User(int id, String firstName, String lastName, String email, Integer age, Instant createdAt, Instant updatedAt) {}

    /** One file database with the users table, for both contestants. */
    @State(Scope.Benchmark)
    public static class Database {
        Path dir;
        Sequelize sequelize;
        Model users;
        Connection raw;

        @Setup(Level.Trial)
        public void open() throws Exception {
            dir = Files.createTempDirectory("sequelj-bench");
            Path file = dir.resolve("bench.sqlite");
            raw = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement s = raw.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
            }
            sequelize = new Sequelize("sqlite:" + file, SequelizeOptions.options().logging(false));
            users = sequelize.define("user", List.of(
                    attribute("firstName", DataTypes.STRING),
                    attribute("lastName", DataTypes.STRING),
                    attribute("email", DataTypes.STRING),
                    attribute("age", DataTypes.INTEGER)));
            users.sync(true).join();
            seed(ROWS);
        }

        void seed(int rows) throws SQLException {
            String now = OffsetDateTime.parse("2024-01-15T10:30:45.123Z").format(SEQUELIZE_DATE);
            raw.setAutoCommit(false);
            try (PreparedStatement insert = raw.prepareStatement("INSERT INTO users"
                    + " (firstName, lastName, email, age, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    insert.setString(1, "first" + i);
                    insert.setString(2, "last" + i);
                    insert.setString(3, "user" + i + "@example.com");
                    insert.setInt(4, i % 90);
                    insert.setString(5, now);
                    insert.setString(6, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            raw.commit();
            raw.setAutoCommit(true);
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException, IOException {
            sequelize.close();
            raw.close();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** A statement kept prepared across calls, as the fastest raw JDBC does for point lookups and inserts. */
    @State(Scope.Thread)
    public static class RawStatements {
        PreparedStatement byPk;
        PreparedStatement insert;

        @Setup(Level.Trial)
        public void prepare(Database db) throws SQLException {
            byPk = db.raw.prepareStatement("SELECT id, firstName, lastName, email, age, createdAt, updatedAt FROM users WHERE id = ?");
            insert = db.raw.prepareStatement("INSERT INTO users (firstName, lastName, email, age, createdAt, updatedAt)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            byPk.close();
            insert.close();
        }
    }

    // ---- findAll of 100,000 rows into objects ---------------------------------------------------

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<ModelInstance> findAll100k_sequelj(Database db) {
        return db.users.findAll().join();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<User> findAll100k_rawJdbc(Database db) throws SQLException {
        try (PreparedStatement select = db.raw.prepareStatement(
                "SELECT id, firstName, lastName, email, age, createdAt, updatedAt FROM users");
             ResultSet rows = select.executeQuery()) {
            List<User> users = new ArrayList<>();
            while (rows.next()) {
                users.add(user(rows));
            }
            return users;
        }
    }

    // ---- point lookups by primary key -----------------------------------------------------------

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object findByPk_sequelj(Database db) {
        int id = ThreadLocalRandom.current().nextInt(1, ROWS + 1);
        return db.users.findOne(FindOptions.options().where(col("id").eq(id))).join();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public User findByPk_rawJdbc(RawStatements statements) throws SQLException {
        statements.byPk.setInt(1, ThreadLocalRandom.current().nextInt(1, ROWS + 1));
        try (ResultSet rows = statements.byPk.executeQuery()) {
            return rows.next() ? user(rows) : null;
        }
    }

    // ---- single creates, autocommit -------------------------------------------------------------

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public ModelInstance create_sequelj(Database db) {
        return db.users.create(Map.of("firstName", "Ada", "lastName", "Lovelace", "email", "ada@example.com", "age", 36)).join();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public User create_rawJdbc(RawStatements statements) throws SQLException {
        Instant now = Instant.now();
        String stamp = now.atOffset(java.time.ZoneOffset.UTC).format(SEQUELIZE_DATE);
        PreparedStatement insert = statements.insert;
        insert.setString(1, "Ada");
        insert.setString(2, "Lovelace");
        insert.setString(3, "ada@example.com");
        insert.setInt(4, 36);
        insert.setString(5, stamp);
        insert.setString(6, stamp);
        insert.executeUpdate();
        try (ResultSet key = insert.getGeneratedKeys()) {
            key.next();
            return new User(key.getInt(1), "Ada", "Lovelace", "ada@example.com", 36, now, now);
        }
    }

    private static User user(ResultSet rows) throws SQLException {
        int age = rows.getInt(5);
        Integer nullableAge = rows.wasNull() ? null : age;
        return new User(rows.getInt(1), rows.getString(2), rows.getString(3), rows.getString(4), nullableAge,
                OffsetDateTime.parse(rows.getString(6), SEQUELIZE_DATE).toInstant(),
                OffsetDateTime.parse(rows.getString(7), SEQUELIZE_DATE).toInstant());
    }
}
