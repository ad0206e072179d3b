package dev.sequelj.executor.live;

import dev.sequelj.executor.PoolOptions;
import dev.sequelj.executor.Sequelize;
import dev.sequelj.executor.SequelizeOptions;
import dev.sequelj.executor.error.AccessDeniedError;
import dev.sequelj.executor.error.ConnectionError;
import dev.sequelj.executor.testing.LiveDatabase;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static dev.sequelj.executor.testing.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;

/** A server that answers but refuses the connection: the login, or a database that is not there. */
class ConnectionErrorsLiveTest {
    private static SequelizeOptions quick() {
        return SequelizeOptions.options().logging(false).pool(PoolOptions.defaults().acquire(1000));
    }

    /** The test URI with another password (or database): same server, same user. */
    private static String withPassword(String uri, String password) {
        return uri.replaceFirst("//([^:/@]*)(:[^@]*)?@", "//$1:" + password + "@");
    }

    @Test
    void aWrongPasswordOnMariadb() {
        LiveDatabase.MARIADB.open(quick()).close(); // reachable, or skipped / failed by the CI rule
        try (Sequelize sequelize = new Sequelize(withPassword(LiveDatabase.MARIADB.uri(), "sequelj-wrong-password"), quick())) {
            AccessDeniedError error = failure(sequelize.authenticate(), AccessDeniedError.class);

            assertThat(error).isInstanceOf(ConnectionError.class);
            assertThat(error.getCause()).isInstanceOf(SQLException.class);
            assertThat(((SQLException) error.getCause()).getErrorCode()).isEqualTo(1045);
            assertThat(error).hasMessage("the database refused the login: " + error.getCause().getMessage());
        }
    }

    /** PostgreSQL refuses a connection to a database that does not exist (3D000): a plain ConnectionError. */
    @Test
    void aDatabaseThatDoesNotExistOnPostgres() {
        LiveDatabase.POSTGRES.open(quick()).close();
        String uri = LiveDatabase.POSTGRES.uri().replaceFirst("/[^/]*$", "/sequelj_no_such_database");
        try (Sequelize sequelize = new Sequelize(uri, quick())) {
            ConnectionError error = failure(sequelize.authenticate(), ConnectionError.class);

            assertThat(error).isExactlyInstanceOf(ConnectionError.class);
            assertThat(((SQLException) error.getCause()).getSQLState()).isEqualTo("3D000");
            assertThat(error).hasMessage("cannot connect to the database: " + error.getCause().getMessage());
        }
    }
}
