package dev.sequelj.executor.jdbc;

import dev.sequelj.executor.ConnectionSettings;
import dev.sequelj.executor.PoolOptions;
import dev.sequelj.render.Sql;
import dev.sequelj.render.dialect.Dialect;
import io.vavr.control.Option;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.Properties;

/**
 * What the JDBC executor does differently per database: the default port, the JDBC URL and driver
 * properties, how result values are read and what the driver's errors mean. The SQL-side differences live in the dialects.
 */
public enum JdbcProfile {
    POSTGRES("postgres", 5432, true, PostgresErrors.INSTANCE) {
        @Override
        String url(ConnectionSettings s) {
            return "jdbc:postgresql://" + s.host() + ":" + s.port() + "/" + s.database();
        }

        /**
         * Sequelize sets each session's time zone to its {@code timezone} option, as an interval so that the
         * offset keeps its ISO sign (PostgreSQL reads {@code '+02:00'} as a POSIX zone, two hours west).
         */
        @Override
        Option<String> sessionSetup(ConnectionSettings s) {
            return Option.some("SET TIME ZONE INTERVAL '" + offsetText(s.dialect().timezone()) + "' HOUR TO MINUTE");
        }

        /**
         * Text parameters go untyped, as node-postgres sends every parameter for Sequelize, so the server
         * reads them by the column: JSON and JSONB text, ENUM values, array text ({@code {1,2}}), citext.
         * Bound as {@code varchar}, those would fail ("column is of type json but expression is of type
         * character varying").
         */
        @Override
        Properties properties(ConnectionSettings s, PoolOptions pool) {
            Properties p = super.properties(s, pool);
            p.setProperty("stringtype", "unspecified");
            return p;
        }

        @Override
        StreamedRows openStream(Connection connection, Sql sql, int fetchSize, boolean ownConnection) throws SQLException {
            return PostgresCursorRows.open(connection, sql, fetchSize, ownConnection);
        }
    },
    MYSQL("mysql", 3306, true, MySqlErrors.INSTANCE) {
        @Override
        String url(ConnectionSettings s) {
            return "jdbc:mysql://" + s.host() + ":" + s.port() + "/" + s.database();
        }

        /**
         * Sequelize runs each session at {@code time_zone} = its {@code timezone} option ({@code '+00:00'} by
         * default); DATETIMEs hold the wall clock at that offset.
         */
        @Override
        Properties properties(ConnectionSettings s, PoolOptions pool) {
            Properties p = super.properties(s, pool);
            p.setProperty("connectionTimeZone", offsetText(s.dialect().timezone()));
            p.setProperty("forceConnectionTimeZoneToSession", "true");
            return p;
        }

        /**
         * Connector/J reads a whole result unless the fetch size is {@link Integer#MIN_VALUE}: then it
         * streams row by row, and nothing else may run on the connection until the stream is closed, which
         * Sequelj guarantees (the connection is the stream's own, or its transaction waits for it). Chosen
         * over {@code useCursorFetch=true}, which would make every statement on the pool a server-side
         * prepared one.
         */
        @Override
        StreamedRows openStream(Connection connection, Sql sql, int fetchSize, boolean ownConnection) throws SQLException {
            return StreamedRows.driverStreamed(connection, sql, Integer.MIN_VALUE);
        }
    },
    /** MariaDB through MySQL Connector/J, which speaks its protocol; no second driver needed. */
    MARIADB("mariadb", 3306, true, MySqlErrors.INSTANCE) {
        @Override
        String url(ConnectionSettings s) {
            return MYSQL.url(s);
        }

        @Override
        Properties properties(ConnectionSettings s, PoolOptions pool) {
            return MYSQL.properties(s, pool);
        }

        @Override
        StreamedRows openStream(Connection connection, Sql sql, int fetchSize, boolean ownConnection) throws SQLException {
            return MYSQL.openStream(connection, sql, fetchSize, ownConnection);
        }
    },
    /** SQLite stores dates as Sequelize's text; values are read as SQLite typed them, never reinterpreted. */
    SQLITE("sqlite", 0, false, SqliteErrors.INSTANCE) {
        /** sqlite-jdbc prepares every statement anew, and on SQLite preparing costs about what a lookup does. */
        @Override
        StatementCache statementCache() {
            return StatementCache.perConnection(STATEMENTS_PER_CONNECTION);
        }

        @Override
        String url(ConnectionSettings s) {
            return "jdbc:sqlite:" + s.storage();
        }

        /**
         * A writer that finds the file locked waits up to {@code pool.acquire} for it, as a caller waits
         * for a pooled connection, instead of failing with SQLITE_BUSY after the driver's 3 s. Foreign
         * keys are enforced, as Sequelize enforces them ({@code PRAGMA FOREIGN_KEYS=ON} on every new
         * connection): SQLite's own default is off.
         */
        @Override
        Properties properties(ConnectionSettings s, PoolOptions pool) {
            Properties p = super.properties(s, pool);
            p.setProperty("busy_timeout", Long.toString(pool.acquire()));
            p.setProperty("foreign_keys", "true");
            return p;
        }
    },
    MSSQL("mssql", 1433, true, MssqlErrors.INSTANCE) {
        @Override
        String url(ConnectionSettings s) {
            return "jdbc:sqlserver://" + s.host() + ":" + s.port() + ";databaseName=" + s.database()
                    + ";encrypt=false;trustServerCertificate=true";
        }
    };

    /** Enough for every statement shape of a typical application's hot paths, bounded so that odd ones do not pile up. */
    static final int STATEMENTS_PER_CONNECTION = 64;

    private final String dialectName;
    private final int defaultPort;
    private final boolean typedTemporalValues;
    private final DriverErrors errors;

    JdbcProfile(String dialectName, int defaultPort, boolean typedTemporalValues, DriverErrors errors) {
        this.dialectName = dialectName;
        this.defaultPort = defaultPort;
        this.typedTemporalValues = typedTemporalValues;
        this.errors = errors;
    }

    public static JdbcProfile of(Dialect dialect) {
        for (JdbcProfile profile : values()) {
            if (profile.dialectName.equals(dialect.name())) {
                return profile;
            }
        }
        throw new IllegalArgumentException("no JDBC profile for dialect " + dialect);
    }

    public int defaultPort() {
        return defaultPort;
    }

    abstract String url(ConnectionSettings settings);

    Properties properties(ConnectionSettings settings, PoolOptions pool) {
        Properties p = new Properties();
        if (!settings.username().isEmpty()) {
            p.setProperty("user", settings.username());
        }
        if (!settings.password().isEmpty()) {
            p.setProperty("password", settings.password());
        }
        return p;
    }

    /** A statement each new connection runs before it is used (HikariCP's {@code connectionInitSql}); none by default. */
    Option<String> sessionSetup(ConnectionSettings settings) {
        return Option.none();
    }

    /** An offset as Sequelize writes its {@code timezone}: {@code +00:00}, {@code +02:00}, {@code -05:30}. */
    static String offsetText(ZoneOffset offset) {
        return offset.equals(ZoneOffset.UTC) ? "+00:00" : offset.getId();
    }

    /**
     * Runs a statement so that its rows arrive about {@code fetchSize} at a time instead of all at once.
     * By default the driver streams by itself given the fetch size: sqlite-jdbc steps through the
     * result as rows are asked for; mssql-jdbc does with its default {@code responseBuffering=adaptive}.
     *
     * @param ownConnection the connection serves only this stream (no transaction is open on it)
     */
    StreamedRows openStream(Connection connection, Sql sql, int fetchSize, boolean ownConnection) throws SQLException {
        return StreamedRows.driverStreamed(connection, sql, fetchSize);
    }

    /**
     * Statements kept prepared per connection: none by default. The server drivers keep their own
     * (pgJDBC prepares a statement on the server after its fifth use; Connector/J can with
     * {@code cachePrepStmts}), and a statement cached past HikariCP's proxy would also bypass the proxy's
     * check that evicts a connection broken by a server restart, which the fault tests rely on.
     */
    StatementCache statementCache() {
        return StatementCache.none();
    }

    /** What this driver's SQL states and vendor codes mean. */
    DriverErrors errors() {
        return errors;
    }

    /** Whether the driver reports date/time columns by type, so they are read as java.time values. */
    boolean typedTemporalValues() {
        return typedTemporalValues;
    }
}
