package dev.sequelj.executor;

import com.mysql.cj.jdbc.exceptions.CommunicationsException;
import dev.sequelj.ast.error.ConfigurationError;
import dev.sequelj.executor.error.ConnectionError;
import dev.sequelj.executor.error.ConnectionRefusedError;
import dev.sequelj.executor.error.HostNotFoundError;
import dev.sequelj.executor.spi.RecordingExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PSQLException;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.Path;

import static dev.sequelj.executor.testing.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Settings that cannot work are refused by the constructor with a {@link ConfigurationError}; a database
 * that is not there fails {@code authenticate()} with a {@link ConnectionError} carrying the driver's
 * exception. None of these needs a running database.
 */
class SettingsAndConnectionErrorTest {
    private static final String SUPPORTED = "Supported dialects: postgres, mysql, mariadb, sqlite, mssql.";

    /** Nothing listens on port 1 (tcpmux); a short acquire keeps HikariCP from retrying for a minute. */
    private static SequelizeOptions unreachable() {
        // A refused or unresolvable connection fails at once; the acquire time only has to outlast a loaded
        // machine's first attempt (1 s did not: the pool timed out before the attempt failed, a TimeoutError).
        return SequelizeOptions.options().logging(false).pool(PoolOptions.defaults().acquire(10_000));
    }

    @Test
    void unknownDialectInEveryConstructor() {
        assertThatThrownBy(() -> new Sequelize("oracle://scott:tiger@localhost/orcl"))
                .isExactlyInstanceOf(ConfigurationError.class)
                .hasMessage("The dialect 'oracle' is not supported. " + SUPPORTED);
        assertThatThrownBy(() -> new Sequelize("db", "user", "pass", SequelizeOptions.options().dialect("oracle")))
                .isExactlyInstanceOf(ConfigurationError.class)
                .hasMessage("The dialect 'oracle' is not supported. " + SUPPORTED);
        assertThatThrownBy(() -> new Sequelize("db2", new RecordingExecutor(),
                SequelizeOptions.options()))
                .isExactlyInstanceOf(ConfigurationError.class)
                .hasMessage("The dialect 'db2' is not supported. " + SUPPORTED);
        assertThatThrownBy(() -> new Sequelize("db", "user", "pass", SequelizeOptions.options()))
                .isExactlyInstanceOf(ConfigurationError.class)
                .hasMessage("Dialect needs to be explicitly supplied: one of postgres, mysql, mariadb, sqlite, mssql");
    }

    @Test
    void malformedUri() {
        assertThatThrownBy(() -> new Sequelize("127.0.0.1:5432/test"))
                .isExactlyInstanceOf(ConfigurationError.class)
                .hasMessage("The dialect '127.0.0.1' is not supported. " + SUPPORTED);
        assertThatThrownBy(() -> new Sequelize("postgres://user:secret@:5432/test"))
                .isExactlyInstanceOf(ConfigurationError.class)
                .hasMessage("Malformed connection URI 'postgres://user:***@:5432/test': cannot read a host and a numeric port; expected"
                        + " postgres://user:password@host:port/database");
    }

    @Test
    void sqliteStorageWhoseDirectoryDoesNotExist(@TempDir Path directory) {
        Path missing = directory.resolve("not-created");
        String file = missing.resolve("app.sqlite").toString();
        String message = "SQLite storage '" + file + "': the directory " + missing
                + " does not exist; create it first or use storage ':memory:'";
        assertThatThrownBy(() -> new Sequelize("sqlite://" + file))
                .isExactlyInstanceOf(ConfigurationError.class)
                .hasMessage(message);
        assertThatThrownBy(() -> new Sequelize("db", "", "", SequelizeOptions.options().dialect("sqlite").storage(file)))
                .isExactlyInstanceOf(ConfigurationError.class)
                .hasMessage(message);
    }

    @Test
    void sqliteStorageInAnExistingDirectoryIsCreatedOnFirstUse(@TempDir Path directory) {
        Path file = directory.resolve("app.sqlite");
        try (Sequelize sequelize = new Sequelize("sqlite://" + file, SequelizeOptions.options().logging(false))) {
            assertThat(file).doesNotExist();
            sequelize.authenticate().join();
            assertThat(file).isRegularFile();
        }
    }

    @Test
    void poolOptionsOutsideHikariCpsLimits() {
        assertThatThrownBy(() -> PoolOptions.defaults().acquire(100))
                .isExactlyInstanceOf(ConfigurationError.class)
                .hasMessage("pool.acquire must be at least 250 ms, got 100");
        assertThatThrownBy(() -> PoolOptions.defaults().max(0))
                .isExactlyInstanceOf(ConfigurationError.class)
                .hasMessage("pool.max must be at least 1, got 0");
    }

    @Test
    void postgresWhereNothingListens() {
        try (Sequelize sequelize = new Sequelize("postgres://x@127.0.0.1:1/test", unreachable())) {
            ConnectionRefusedError error = failure(sequelize.authenticate(), ConnectionRefusedError.class);

            assertThat(error.getCause()).isInstanceOf(PSQLException.class);
            assertThat(((PSQLException) error.getCause()).getSQLState()).isEqualTo("08001");
            assertThat(error.getCause()).hasRootCauseInstanceOf(ConnectException.class);
            assertThat(error).hasMessage("connection refused: " + error.getCause().getMessage());
        }
    }

    @Test
    void mariadbWhereNothingListens() {
        try (Sequelize sequelize = new Sequelize("mariadb://root@127.0.0.1:1/test", unreachable())) {
            ConnectionRefusedError error = failure(sequelize.authenticate(), ConnectionRefusedError.class);

            assertThat(error.getCause()).isInstanceOf(CommunicationsException.class);
            assertThat(error.getCause()).hasRootCauseInstanceOf(ConnectException.class);
            assertThat(error).hasMessage("connection refused: " + error.getCause().getMessage());
        }
    }

    @Test
    void aHostNameThatDoesNotResolve() {
        try (Sequelize sequelize = new Sequelize("postgres://x@sequelj-no-such-host.invalid:5432/test", unreachable())) {
            HostNotFoundError error = failure(sequelize.authenticate(), HostNotFoundError.class);

            assertThat(error).isInstanceOf(ConnectionError.class);
            assertThat(error.getCause()).hasRootCauseInstanceOf(UnknownHostException.class);
            assertThat(error).hasMessage("the database host was not found: " + error.getCause().getMessage());
        }
    }

    @Test
    void aFailedConnectionDoesNotPoisonTheInstance() {
        try (Sequelize sequelize = new Sequelize("postgres://x@127.0.0.1:1/test", unreachable())) {
            failure(sequelize.authenticate(), ConnectionRefusedError.class);
            failure(sequelize.authenticate(), ConnectionRefusedError.class);
        }
    }
}
