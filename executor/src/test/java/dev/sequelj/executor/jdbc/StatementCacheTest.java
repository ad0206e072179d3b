package dev.sequelj.executor.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The per-connection statement cache on a real SQLite file, with a second connection watching. */
class StatementCacheTest {
    @TempDir
    Path directory;
    private Connection connection;
    private Connection other;

    @BeforeEach
    void open() throws SQLException {
        String url = "jdbc:sqlite:" + directory.resolve("cache.db");
        connection = DriverManager.getConnection(url);
        other = DriverManager.getConnection(url);
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("CREATE TABLE items (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE)");
            s.execute("INSERT INTO items (name) VALUES ('a'), ('b')");
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
        other.close();
    }

    @Test
    void theSameSqlRunsOnTheSameStatementWithTheNewValues() throws SQLException {
        StatementCache cache = StatementCache.perConnection(8);

        String first = nameOf(cache, 1);
        PreparedStatement used = lastStatement;
        String second = nameOf(cache, 2);

        assertThat(first).isEqualTo("a");
        assertThat(second).isEqualTo("b");
        assertThat(lastStatement).isSameAs(used);
        assertThat(used.isClosed()).isFalse();
        assertThat(cache.size(connection)).isEqualTo(1);
    }

    @Test
    void aStatementAskedForGeneratedKeysIsAnotherStatement() throws SQLException {
        StatementCache cache = StatementCache.perConnection(8);
        String sql = "INSERT INTO items (name) VALUES (?)";

        StatementCache.Lease plain = cache.prepare(connection, sql, Statement.NO_GENERATED_KEYS);
        plain.release(true);
        StatementCache.Lease keyed = cache.prepare(connection, sql, Statement.RETURN_GENERATED_KEYS);
        keyed.statement().setString(1, "c");
        keyed.statement().executeUpdate();
        try (ResultSet keys = keyed.statement().getGeneratedKeys()) {
            assertThat(keys.next()).isTrue();
            assertThat(keys.getLong(1)).isEqualTo(3);
        }
        keyed.release(true);

        assertThat(keyed.statement()).isNotSameAs(plain.statement());
        assertThat(cache.size(connection)).isEqualTo(2);
    }

    @Test
    void cachedStatementsHoldNoLockAfterUse() throws SQLException {
        StatementCache cache = StatementCache.perConnection(8);
        nameOf(cache, 1);

        // A statement left mid-result would hold a read snapshot and make DROP TABLE fail with "table is locked";
        // the other connection also sees later writes.
        try (Statement s = connection.createStatement()) {
            s.execute("INSERT INTO items (name) VALUES ('z')");
        }
        try (Statement s = other.createStatement(); ResultSet rows = s.executeQuery("SELECT count(*) FROM items")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(3);
        }
        try (Statement s = connection.createStatement()) {
            s.execute("DROP TABLE items");
        }
    }

    @Test
    void aFailedStatementIsClosedAndForgotten() throws SQLException {
        StatementCache cache = StatementCache.perConnection(8);
        StatementCache.Lease lease = cache.prepare(connection, "INSERT INTO items (name) VALUES (?)", Statement.NO_GENERATED_KEYS);
        lease.statement().setString(1, "a");

        assertThatThrownBy(() -> lease.statement().executeUpdate()).isInstanceOf(SQLException.class);
        lease.release(false);

        assertThat(lease.statement().isClosed()).isTrue();
        assertThat(cache.size(connection)).isZero();
    }

    @Test
    void theLeastRecentlyUsedStatementIsClosedBeyondCapacity() throws SQLException {
        StatementCache cache = StatementCache.perConnection(2);
        StatementCache.Lease one = cache.prepare(connection, "SELECT 1", Statement.NO_GENERATED_KEYS);
        one.release(true);
        StatementCache.Lease two = cache.prepare(connection, "SELECT 2", Statement.NO_GENERATED_KEYS);
        two.release(true);
        cache.prepare(connection, "SELECT 1", Statement.NO_GENERATED_KEYS).release(true); // 1 is now the most recent
        StatementCache.Lease three = cache.prepare(connection, "SELECT 3", Statement.NO_GENERATED_KEYS);
        three.release(true);

        assertThat(two.statement().isClosed()).isTrue();
        assertThat(one.statement().isClosed()).isFalse();
        assertThat(three.statement().isClosed()).isFalse();
        assertThat(cache.size(connection)).isEqualTo(2);
    }

    @Test
    void withoutACacheEveryStatementIsClosedAfterUse() throws SQLException {
        StatementCache cache = StatementCache.none();
        nameOf(cache, 1);

        assertThat(lastStatement.isClosed()).isTrue();
        assertThat(cache.size(connection)).isZero();
    }

    @Test
    void theStatementsOfAClosedConnectionAreForgottenWhenANewOneComes() throws SQLException {
        StatementCache cache = StatementCache.perConnection(8);
        cache.prepare(other, "SELECT 1", Statement.NO_GENERATED_KEYS).release(true);
        other.close();

        cache.prepare(connection, "SELECT 1", Statement.NO_GENERATED_KEYS).release(true);

        assertThat(cache.size(other)).isZero();
        assertThat(cache.size(connection)).isEqualTo(1);
    }

    private PreparedStatement lastStatement;

    private String nameOf(StatementCache cache, int id) throws SQLException {
        StatementCache.Lease lease = cache.prepare(connection, "SELECT name FROM items WHERE id = ?", Statement.NO_GENERATED_KEYS);
        lastStatement = lease.statement();
        boolean reusable = false;
        try {
            lease.statement().setInt(1, id);
            try (ResultSet rows = lease.statement().executeQuery()) {
                rows.next();
                String name = rows.getString(1);
                reusable = true;
                return name;
            }
        } finally {
            lease.release(reusable);
        }
    }
}
