package dev.sequelj.executor.testing;

import dev.sequelj.ast.error.SequeljError;
import dev.sequelj.executor.PoolOptions;
import dev.sequelj.executor.Sequelize;
import dev.sequelj.executor.SequelizeOptions;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The databases the live tests run against, each reached through a Sequelize-style URI, so that one
 * {@code @ParameterizedTest @EnumSource(LiveDatabase.class)} runs the same assertions on all of them.
 *
 * <p>Where each one is, overridable through the environment:
 * <ul>
 *   <li>{@link #SQLITE}: {@code sqlite::memory:}, always there;</li>
 *   <li>{@link #POSTGRES}: {@code SEQUELJ_POSTGRES_URL}, default {@code postgres://postgres@127.0.0.1:5432/test};</li>
 *   <li>{@link #MARIADB}: {@code SEQUELJ_MARIADB_URL}, default {@code mariadb://root@127.0.0.1:3306/test};</li>
 *   <li>{@link #MYSQL}: the mysql dialect, {@code SEQUELJ_MYSQL_URL}, default the same MariaDB server
 *       ({@code mysql://root@127.0.0.1:3306/test}): there is no MySQL server here, and MariaDB speaks
 *       the protocol and the SQL the mysql dialect writes;</li>
 *   <li>{@link #MSSQL}: {@code SEQUELJ_MSSQL_URL} (e.g. {@code mssql://sa:pass@host:1433/db}); no default.</li>
 * </ul>
 *
 * <p>The CI rule: when {@code CI=true} a database that cannot be reached fails the test; otherwise the
 * test is skipped with a message saying what to start. SQL Server is skipped whenever
 * {@code SEQUELJ_MSSQL_URL} is not set, in CI too: there is no SQL Server to start.
 */
public enum LiveDatabase {
    SQLITE("sqlite", null, "sqlite::memory:"),
    POSTGRES("postgres", "SEQUELJ_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/test"),
    MARIADB("mariadb", "SEQUELJ_MARIADB_URL", "mariadb://root@127.0.0.1:3306/test"),
    MYSQL("mysql", "SEQUELJ_MYSQL_URL", "mysql://root@127.0.0.1:3306/test"),
    MSSQL("mssql", "SEQUELJ_MSSQL_URL", null);

    /** How long the one reachability check per database waits for a connection. */
    private static final long PROBE_ACQUIRE_MILLIS = 5_000;

    /** Per database: null when reachable, else why not. Checked once per test run. */
    private static final Map<LiveDatabase, String> UNREACHABLE = new ConcurrentHashMap<>();
    private static final String REACHABLE = "";

    private final String dialect;
    private final String environmentVariable;
    private final String defaultUri;

    LiveDatabase(String dialect, String environmentVariable, String defaultUri) {
        this.dialect = dialect;
        this.environmentVariable = environmentVariable;
        this.defaultUri = defaultUri;
    }

    /** Sequelize's name of the dialect this database is reached with. */
    public String dialect() {
        return dialect;
    }

    /** The URI the tests connect to, or null when none is configured (SQL Server without its variable). */
    public String uri() {
        String fromEnvironment = environmentVariable == null ? null : System.getenv(environmentVariable);
        return fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment : defaultUri;
    }

    /** Whether the CI rule is in force: {@code CI=true} turns an unreachable database into a failure. */
    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * A {@link Sequelize} on this database with the given options, after checking (once per run) that
     * the database answers. Unreachable: skipped outside CI, failed in CI; SQL Server without
     * {@code SEQUELJ_MSSQL_URL}: skipped.
     */
    public Sequelize open(SequelizeOptions options) {
        String uri = uri();
        if (uri == null) {
            Assumptions.abort(name() + ": " + environmentVariable + " is not set (e.g. mssql://sa:pass@host:1433/db);"
                    + " there is no SQL Server here, so its live tests are skipped");
        }
        String problem = UNREACHABLE.computeIfAbsent(this, db -> db.probe(uri));
        if (!problem.equals(REACHABLE)) {
            String message = name() + " is not reachable at " + redacted(uri) + ": " + problem;
            if (inCi()) {
                Assertions.fail("CI=true, so an unreachable database fails the live tests. " + message);
            }
            Assumptions.abort(message + " (start it, or point " + environmentVariable
                    + " at one; with CI=true this is a failure)");
        }
        return new Sequelize(uri, options);
    }

    /** A session: a Sequelize on this database plus unique model names and cleanup of their tables. */
    public LiveSession session(SequelizeOptions options) {
        return new LiveSession(this, open(options));
    }

    private String probe(String uri) {
        SequelizeOptions quick = SequelizeOptions.options().logging(false)
                .pool(PoolOptions.defaults().max(1).acquire(PROBE_ACQUIRE_MILLIS));
        try (Sequelize probe = new Sequelize(uri, quick)) {
            probe.authenticate().orTimeout(PROBE_ACQUIRE_MILLIS * 4, TimeUnit.MILLISECONDS).join();
            return REACHABLE;
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SequeljError || cause instanceof java.util.concurrent.TimeoutException) {
                return cause.getClass().getSimpleName() + ": " + cause.getMessage();
            }
            throw e;
        }
    }

    /** The URI without its password, for messages. */
    static String redacted(String uri) {
        return uri.replaceAll("(//[^:/@]*:)[^@]*@", "$1***@");
    }
}
