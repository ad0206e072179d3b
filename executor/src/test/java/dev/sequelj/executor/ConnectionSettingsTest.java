package dev.sequelj.executor;

import dev.sequelj.ast.error.ConfigurationError;
import dev.sequelj.render.dialect.Dialects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code new Sequelize(uri)}'s URI forms, read by {@link ConnectionSettings#parse}. */
class ConnectionSettingsTest {

    private static ConnectionSettings parse(String uri) {
        return ConnectionSettings.parse(uri, SequelizeOptions.options());
    }

    @Test
    void sqliteInMemory() {
        assertThat(parse("sqlite::memory:"))
                .isEqualTo(new ConnectionSettings(Dialects.SQLITE, "", 0, "", "", "", ":memory:"));
        assertThat(parse("sqlite::memory:").inMemory()).isTrue();
        assertThat(parse("sqlite:")).isEqualTo(parse("sqlite::memory:"));
    }

    /** Relative to the working directory, which is the module's directory under Maven; target/ exists there. */
    @Test
    void sqliteRelativePath() {
        ConnectionSettings settings = parse("sqlite:target/relative.db");
        assertThat(settings).isEqualTo(new ConnectionSettings(Dialects.SQLITE, "", 0, "", "", "", "target/relative.db"));
        assertThat(settings.inMemory()).isFalse();
        assertThat(parse("sqlite:plain.db").storage()).isEqualTo("plain.db");
    }

    @Test
    void sqliteAbsolutePath(@TempDir Path directory) {
        String file = directory.resolve("abs.db").toString();
        assertThat(file).startsWith("/");
        assertThat(parse("sqlite://" + file))
                .isEqualTo(new ConnectionSettings(Dialects.SQLITE, "", 0, "", "", "", file));
    }

    @Test
    void sqliteStorageInADirectoryThatDoesNotExist(@TempDir Path directory) {
        Path missing = directory.resolve("missing");
        assertThatThrownBy(() -> parse("sqlite://" + missing.resolve("app.db")))
                .isExactlyInstanceOf(ConfigurationError.class)
                .hasMessage("SQLite storage '" + missing.resolve("app.db") + "': the directory " + missing
                        + " does not exist; create it first or use storage ':memory:'");
        assertThatThrownBy(() -> parse("sqlite:no-such-directory/app.db"))
                .isExactlyInstanceOf(ConfigurationError.class)
                .hasMessage("SQLite storage 'no-such-directory/app.db': the directory "
                        + Path.of("no-such-directory").toAbsolutePath() + " does not exist; create it first or use storage ':memory:'");
    }

    @Test
    void serverUriWithEveryPartAndAPercentEncodedPassword() {
        assertThat(parse("postgres://user:p%40ss@db.example.com:5433/app"))
                .isEqualTo(new ConnectionSettings(Dialects.POSTGRES, "db.example.com", 5433, "app", "user", "p@ss", ""));
        assertThat(parse("postgres://user:a%3Ab%2Fc@h/d").password()).isEqualTo("a:b/c");
        assertThat(parse("postgres://user:with:colon@h/d").password()).isEqualTo("with:colon");
    }

    @Test
    void postgresqlIsPostgres() {
        assertThat(parse("postgresql://user:secret@localhost:6543/app"))
                .isEqualTo(new ConnectionSettings(Dialects.POSTGRES, "localhost", 6543, "app", "user", "secret", ""));
    }

    @ParameterizedTest
    @CsvSource({
            "postgres://u@host/db,   postgres, 5432",
            "postgresql://u@host/db, postgres, 5432",
            "mysql://u@host/db,      mysql,    3306",
            "mariadb://u@host/db,    mariadb,  3306",
            "mssql://u@host/db,      mssql,    1433",
    })
    void defaultPorts(String uri, String dialect, int port) {
        ConnectionSettings settings = parse(uri);
        assertThat(settings.dialect()).isSameAs(Dialects.forName(dialect));
        assertThat(settings.port()).isEqualTo(port);
        assertThat(settings).isEqualTo(new ConnectionSettings(Dialects.forName(dialect), "host", port, "db", "u", "", ""));
    }

    @Test
    void noUserAndNoDatabase() {
        assertThat(parse("mariadb://127.0.0.1"))
                .isEqualTo(new ConnectionSettings(Dialects.MARIADB, "127.0.0.1", 3306, "", "", "", ""));
    }

    @Test
    void toStringLeavesThePasswordOut() {
        assertThat(parse("mssql://sa:Secret%21@sql.example.com:1444/shop"))
                .hasToString("ConnectionSettings[mssql sa@sql.example.com:1444/shop]");
        assertThat(parse("sqlite::memory:")).hasToString("ConnectionSettings[sqlite :memory:]");
    }

    @Test
    void unknownDialectListsTheSupportedOnes() {
        assertThatThrownBy(() -> parse("oracle://scott:tiger@host/orcl"))
                .isExactlyInstanceOf(ConfigurationError.class)
                .hasMessage("The dialect 'oracle' is not supported. Supported dialects: postgres, mysql, mariadb, sqlite, mssql.");
    }

    @Test
    void malformedUris() {
        assertThatThrownBy(() -> parse("localhost/test"))
                .isExactlyInstanceOf(ConfigurationError.class)
                .hasMessage("Malformed connection URI 'localhost/test': expected <dialect>://user:password@host:port/database"
                        + " or sqlite:<path>");
        assertThatThrownBy(() -> parse(null))
                .isExactlyInstanceOf(ConfigurationError.class)
                .hasMessage("Malformed connection URI 'null': expected <dialect>://user:password@host:port/database"
                        + " or sqlite:<path>");
        assertThatThrownBy(() -> parse("postgres:///test"))
                .isExactlyInstanceOf(ConfigurationError.class)
                .hasMessage("Malformed connection URI 'postgres:///test': cannot read a host and a numeric port; expected"
                        + " postgres://user:password@host:port/database");
        assertThatThrownBy(() -> parse("postgres://"))
                .isExactlyInstanceOf(ConfigurationError.class)
                .hasMessage("Malformed connection URI 'postgres://': Expected authority");
    }

    @Test
    void aNonNumericPortAndQueryParametersAreRefusedNotIgnored() {
        assertThatThrownBy(() -> parse("postgres://u:secret@db.example:fivefourthreetwo/app"))
                .isExactlyInstanceOf(ConfigurationError.class)
                .hasMessage("Malformed connection URI 'postgres://u:***@db.example:fivefourthreetwo/app': cannot read a host"
                        + " and a numeric port; expected postgres://user:password@host:port/database");
        assertThatThrownBy(() -> parse("postgres://u@db.example:5432/app?ssl=true"))
                .isExactlyInstanceOf(ConfigurationError.class)
                .hasMessage("Connection URI 'postgres://u@db.example:5432/app?ssl=true': query parameters and fragments"
                        + " (ssl=true) are not supported yet; remove them rather than have them ignored");
    }

    @Test
    void aMalformedUrisMessageHidesThePassword() {
        assertThatThrownBy(() -> parse("mysql://root:hunter2@/app"))
                .isExactlyInstanceOf(ConfigurationError.class)
                .hasMessage("Malformed connection URI 'mysql://root:***@/app': cannot read a host and a numeric port; expected"
                        + " mysql://user:password@host:port/database");
        assertThatThrownBy(() -> parse("mysql://root:hunt er2@host/app"))
                .isExactlyInstanceOf(ConfigurationError.class)
                .hasMessage("Malformed connection URI 'mysql://root:***@host/app': Illegal character in authority");
    }

    @Test
    void theFourArgumentFormNeedsAKnownDialect() {
        assertThatThrownBy(() -> ConnectionSettings.of("db", "u", "p", SequelizeOptions.options()))
                .isExactlyInstanceOf(ConfigurationError.class)
                .hasMessage("Dialect needs to be explicitly supplied: one of postgres, mysql, mariadb, sqlite, mssql");
        assertThatThrownBy(() -> ConnectionSettings.of("db", "u", "p", SequelizeOptions.options().dialect("db2")))
                .isExactlyInstanceOf(ConfigurationError.class)
                .hasMessage("The dialect 'db2' is not supported. Supported dialects: postgres, mysql, mariadb, sqlite, mssql.");
    }

    /** A server database has no storage, so it is never taken for SQLite's {@code :memory:} (one pooled connection). */
    @Test
    void theFourArgumentFormFillsInTheDefaults() {
        ConnectionSettings mariadb = ConnectionSettings.of("shop", "app", "pw", SequelizeOptions.options().dialect("mariadb"));
        assertThat(mariadb).isEqualTo(new ConnectionSettings(Dialects.MARIADB, "localhost", 3306, "shop", "app", "pw", ""));
        assertThat(mariadb.inMemory()).isFalse();
        assertThat(ConnectionSettings.of(null, null, null, SequelizeOptions.options().dialect("postgres").host("db").port(7000)))
                .isEqualTo(new ConnectionSettings(Dialects.POSTGRES, "db", 7000, "", "", "", ""));
    }

    @Test
    void theFourArgumentFormOnSqliteTakesItsStorage(@TempDir Path directory) {
        ConnectionSettings memory = ConnectionSettings.of("ignored", "", "", SequelizeOptions.options().dialect("sqlite"));
        assertThat(memory.storage()).isEqualTo(":memory:");
        assertThat(memory.inMemory()).isTrue();
        String file = directory.resolve("app.db").toString();
        assertThat(ConnectionSettings.of("", "", "", SequelizeOptions.options().dialect("sqlite").storage(file)).storage())
                .isEqualTo(file);
        assertThatThrownBy(() -> ConnectionSettings.of("", "", "", SequelizeOptions.options().dialect("sqlite")
                .storage(directory.resolve("missing/app.db").toString())))
                .isExactlyInstanceOf(ConfigurationError.class)
                .hasMessage("SQLite storage '" + directory.resolve("missing/app.db") + "': the directory "
                        + directory.resolve("missing") + " does not exist; create it first or use storage ':memory:'");
    }
}
