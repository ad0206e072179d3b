package dev.sequelj.conformance.bench;

import dev.sequelj.conformance.bench.SqliteEndToEndBenchmark.Database;
import dev.sequelj.conformance.bench.SqliteEndToEndBenchmark.Sizes;
import dev.sequelj.conformance.bench.SqliteEndToEndBenchmark.User;
import dev.sequelj.executor.ModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each pair of {@link SqliteEndToEndBenchmark} must do the same work, or the comparison means nothing:
 * the same rows read, the same rows written, the same keys handed back. Smaller workloads than the
 * benchmark's, on the same code.
 */
class SqliteEndToEndBenchmarkTest {
    /** 2,500 bulk rows: two full raw chunks of 1,000 and a shorter last one. */
    private static final Sizes SIZES = new Sizes(2_000, 500, 2_500, 300);
    private static final SqliteEndToEndBenchmark BENCHMARK = new SqliteEndToEndBenchmark();
    private static Database db;

    @BeforeAll
    static void open() throws Exception {
        db = new Database();
        db.sizes = SIZES;
        db.open();
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    @Test
    void bothFileConnectionsRunWalWithFullSync() throws SQLException {
        assertThat(pragma("journal_mode")).isEqualTo("wal");
        assertThat(pragma("synchronous")).isEqualTo("2"); // FULL
        assertThat(db.sequelize.query("PRAGMA journal_mode").join().rows())
                .containsExactly(Map.of("journal_mode", "wal"));
        assertThat(db.sequelize.query("PRAGMA synchronous").join().rows())
                .containsExactly(Map.of("synchronous", 2));
    }

    @Test
    void findAllReadsEveryRowAlike() throws SQLException {
        List<User> raw = BENCHMARK.findAll_rawJdbc(db);
        List<ModelInstance> sequelj = BENCHMARK.findAll_sequelj(db);

        assertThat(raw).hasSize(SIZES.rows());
        assertThat(sequelj.stream().map(SqliteEndToEndBenchmarkTest::user).toList()).isEqualTo(raw);
    }

    @Test
    void findByPkFindsTheSameRowsForTheSameKeys() throws SQLException {
        List<User> raw = BENCHMARK.findByPk_rawJdbc(db);
        List<ModelInstance> sequelj = BENCHMARK.findByPk_sequelj(db);

        assertThat(raw.stream().mapToInt(User::id).toArray()).isEqualTo(db.keys);
        assertThat(sequelj.stream().map(SqliteEndToEndBenchmarkTest::user).toList()).isEqualTo(raw);
    }

    @Test
    void aVirtualThreadFindsTheSameRows() throws Exception {
        List<ModelInstance> sequelj = BENCHMARK.findByPk_sequeljOnVirtualThread(db);

        assertThat(sequelj.stream().map(SqliteEndToEndBenchmarkTest::user).toList()).isEqualTo(BENCHMARK.findByPk_rawJdbc(db))
                .isEqualTo(BENCHMARK.findByPk_rawJdbcOnVirtualThread(db));
    }

    @Test
    void rawJdbcOnAVirtualThreadCreatesTheSameRows() throws Exception {
        db.emptyEntries();
        List<User> raw = BENCHMARK.create_rawJdbcOnVirtualThread(db, null);

        assertThat(raw).hasSize(SIZES.creates()).isEqualTo(entries());
        assertThat(withoutKeysAndStamps(raw)).isEqualTo(withoutKeysAndStamps(db.newUsers.subList(0, SIZES.creates())));
    }

    @Test
    void aVirtualThreadCreatesTheSameRows() throws Exception {
        db.emptyEntries();
        List<User> sequelj = BENCHMARK.create_sequeljOnVirtualThread(db, null).stream().map(SqliteEndToEndBenchmarkTest::user).toList();

        assertThat(sequelj).isEqualTo(entries());
        assertThat(withoutKeysAndStamps(sequelj)).isEqualTo(withoutKeysAndStamps(db.newUsers.subList(0, SIZES.creates())));
    }

    @Test
    void createsWriteTheSameRowsAndHandBackTheirKeys() throws SQLException {
        db.emptyEntries();
        List<User> raw = BENCHMARK.create_rawJdbc(db, null);
        List<User> rawTable = entries();
        db.emptyEntries();
        List<User> sequelj = BENCHMARK.create_sequelj(db, null).stream().map(SqliteEndToEndBenchmarkTest::user).toList();
        List<User> sequeljTable = entries();

        assertThat(raw).hasSize(SIZES.creates()).isEqualTo(rawTable);
        assertThat(sequelj).hasSize(SIZES.creates()).isEqualTo(sequeljTable);
        assertThat(withoutKeysAndStamps(sequeljTable)).isEqualTo(withoutKeysAndStamps(rawTable))
                .isEqualTo(withoutKeysAndStamps(db.newUsers.subList(0, SIZES.creates())));
        assertThat(sequeljTable).allSatisfy(row -> assertThat(row.createdAt()).isEqualTo(row.updatedAt()).isNotNull());
    }

    @Test
    void bulkInsertsWriteTheSameRowsAndHandBackTheirKeys() throws SQLException {
        db.emptyEntries();
        List<User> raw = BENCHMARK.bulkCreate_rawJdbc(db, null);
        List<User> rawTable = entries();
        db.emptyEntries();
        List<User> sequelj = BENCHMARK.bulkCreate_sequelj(db, null).stream().map(SqliteEndToEndBenchmarkTest::user).toList();
        List<User> sequeljTable = entries();

        assertThat(raw).hasSize(SIZES.bulkRows()).isEqualTo(rawTable);
        assertThat(sequelj).hasSize(SIZES.bulkRows()).isEqualTo(sequeljTable);
        assertThat(withoutKeysAndStamps(sequeljTable)).isEqualTo(withoutKeysAndStamps(rawTable))
                .isEqualTo(withoutKeysAndStamps(db.newUsers));
        assertThat(db.raw.getAutoCommit()).isTrue();
    }

    /** The rows of {@code entries}, by key, as raw JDBC reads them. */
    private static List<User> entries() throws SQLException {
        try (PreparedStatement select = db.raw.prepareStatement(
                "SELECT id, " + SqliteEndToEndBenchmark.COLUMNS + " FROM entries ORDER BY id");
             ResultSet rows = select.executeQuery()) {
            List<User> read = new ArrayList<>();
            while (rows.next()) {
                read.add(SqliteEndToEndBenchmark.user(rows));
            }
            return read;
        }
    }

    private static List<User> withoutKeysAndStamps(List<User> rows) {
        return rows.stream().map(u -> new User(0, u.firstName(), u.lastName(), u.email(), u.age(), null, null)).toList();
    }

    private static String pragma(String name) throws SQLException {
        try (PreparedStatement statement = db.raw.prepareStatement("PRAGMA " + name);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static User user(ModelInstance instance) {
        return new User(instance.get("id", Integer.class), instance.get("firstName", String.class),
                instance.get("lastName", String.class), instance.get("email", String.class),
                instance.get("age", Integer.class), instance.get("createdAt", java.time.Instant.class),
                instance.get("updatedAt", java.time.Instant.class));
    }
}
