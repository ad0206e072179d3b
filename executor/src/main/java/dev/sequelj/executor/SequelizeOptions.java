package dev.sequelj.executor;

import dev.sequelj.ast.error.ConfigurationError;
import dev.sequelj.ast.model.ModelOptions;
import io.vavr.control.Option;
import org.slf4j.Logger;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneOffset;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The options of {@code new Sequelize(...)}, named as in Sequelize. Immutable; each method returns new options.
 *
 * <pre>{@code
 * new Sequelize("database", "username", "password", SequelizeOptions.options()
 *         .host("localhost").dialect("postgres")
 *         .pool(PoolOptions.defaults().max(10))
 *         .define(ModelOptions.options().timestamps(false)));
 * }</pre>
 *
 * @param dialect     postgres, mysql, mariadb, sqlite or mssql; required
 * @param host        database host; default {@code localhost}
 * @param port        database port; default the dialect's own
 * @param storage     SQLite only: the database file, or {@code :memory:} (the default)
 * @param pool        connection pool settings
 * @param logging     where each statement is reported; {@code none} turns logging off
 * @param benchmark   whether each statement is logged once it has finished, with the milliseconds it took
 * @param define      model option defaults for every {@code define}
 * @param clock       the time {@code createdAt}/{@code updatedAt} are taken from
 * @param timezone    the offset DATE values are written and read in; {@code +00:00} by default
 * @param replication read replicas and the write server, each with a pool of its own; none by default
 */
public record SequelizeOptions(Option<String> dialect, String host, Option<Integer> port, String storage,
                               PoolOptions pool, Option<SqlLog> logging, boolean benchmark, ModelOptions define,
                               Clock clock, ZoneOffset timezone, Option<Replication> replication) {

    private static final SequelizeOptions DEFAULTS = new SequelizeOptions(Option.none(), "localhost", Option.none(),
            ":memory:", PoolOptions.defaults(), Option.some(SqlLog.DEFAULT), false, ModelOptions.options(),
            Clock.systemUTC(), ZoneOffset.UTC, Option.none());

    /** Sequelize's defaults; a dialect must still be chosen. */
    public static SequelizeOptions options() {
        return DEFAULTS;
    }

    public SequelizeOptions dialect(String dialect) {
        return new SequelizeOptions(Option.of(dialect), host, port, storage, pool, logging, benchmark, define, clock,
                timezone, replication);
    }

    public SequelizeOptions host(String host) {
        return new SequelizeOptions(dialect, host, port, storage, pool, logging, benchmark, define, clock, timezone, replication);
    }

    public SequelizeOptions port(int port) {
        return new SequelizeOptions(dialect, host, Option.some(port), storage, pool, logging, benchmark, define, clock,
                timezone, replication);
    }

    /** SQLite's database file, or {@code :memory:}. */
    public SequelizeOptions storage(String storage) {
        return new SequelizeOptions(dialect, host, port, storage, pool, logging, benchmark, define, clock, timezone, replication);
    }

    public SequelizeOptions pool(PoolOptions pool) {
        return new SequelizeOptions(dialect, host, port, storage, pool, logging, benchmark, define, clock, timezone, replication);
    }

    // ---- logging and benchmark ----------------------------------------------------------------------

    /**
     * {@code true} (the default) logs each statement through SLF4J at INFO (logger {@code dev.sequelj.sql})
     * as Sequelize prints it, {@code Executing (default): <sql>}; {@code false} turns logging off.
     */
    public SequelizeOptions logging(boolean enabled) {
        return logging(enabled ? Option.some(SqlLog.DEFAULT) : Option.none());
    }

    /**
     * Hands each line to {@code sink} instead of SLF4J: {@code Executing (default): <sql>}, or with
     * {@link #benchmark(boolean) benchmark} {@code Executed (default): <sql> Elapsed time: <n>ms}, as
     * Sequelize's {@code logging: console.log} prints them.
     */
    public SequelizeOptions logging(Consumer<String> sink) {
        return logging(Option.of(sink).map(SqlLog::lines));
    }

    /** Logs each statement at INFO through this SLF4J logger instead of {@code dev.sequelj.sql}. */
    public SequelizeOptions logging(Logger logger) {
        return logging(Option.of(logger).map(SqlLog::slf4j));
    }

    /**
     * Sequelize's two-argument {@code logging: (sql, timingMs) => ...}: {@code sink} receives each message
     * ({@code Executing (default): <sql>}) and null, or with {@link #benchmark(boolean) benchmark}
     * {@code Executed (default): <sql>} and the milliseconds the statement took.
     *
     * <pre>{@code
     * SequelizeOptions.options().benchmark(true).timedLogging((sql, ms) -> metrics.record(sql, ms))
     * }</pre>
     */
    public SequelizeOptions timedLogging(BiConsumer<String, Long> sink) {
        return logging(Option.of(sink).map(SqlLog::timed));
    }

    private SequelizeOptions logging(Option<SqlLog> logging) {
        return new SequelizeOptions(dialect, host, port, storage, pool, logging, benchmark, define, clock, timezone, replication);
    }

    /**
     * Sequelize's {@code benchmark}: log each statement once it has finished (failed ones too), with how
     * long it took, instead of before it is sent.
     */
    public SequelizeOptions benchmark(boolean benchmark) {
        return new SequelizeOptions(dialect, host, port, storage, pool, logging, benchmark, define, clock, timezone, replication);
    }

    // ---- models and time -----------------------------------------------------------------------------

    /** Model options applied to every model unless the model sets them itself. */
    public SequelizeOptions define(ModelOptions defaults) {
        return new SequelizeOptions(dialect, host, port, storage, pool, logging, benchmark, defaults, clock, timezone, replication);
    }

    /** The clock timestamps are read from; the system UTC clock unless a test fixes it. */
    public SequelizeOptions clock(Clock clock) {
        return new SequelizeOptions(dialect, host, port, storage, pool, logging, benchmark, define, clock, timezone, replication);
    }

    /**
     * Sequelize's {@code timezone: '+02:00'}: the offset DATE values are written in and, where the column
     * keeps no offset (MySQL's and MariaDB's {@code DATETIME}), read back in; MySQL, MariaDB and
     * PostgreSQL sessions run at it. {@code +00:00} by default. Only fixed offsets: a named zone is a
     * {@link ConfigurationError}.
     */
    public SequelizeOptions timezone(String timezone) {
        try {
            return timezone(ZoneOffset.of(timezone));
        } catch (DateTimeException | NullPointerException e) {
            throw new ConfigurationError("timezone '" + timezone + "' is not an offset; give one such as '+02:00' or"
                    + " '-05:30' (named time zones such as 'Europe/Berlin' are not supported: their offset changes)", e);
        }
    }

    /** {@link #timezone(String)} as a {@code ZoneOffset}. */
    public SequelizeOptions timezone(ZoneOffset timezone) {
        if (timezone == null) {
            throw new ConfigurationError("timezone must not be null; '+00:00' is the default");
        }
        return new SequelizeOptions(dialect, host, port, storage, pool, logging, benchmark, define, clock, timezone, replication);
    }

    // ---- replication ----------------------------------------------------------------------------------

    /**
     * Sequelize's {@code replication}: reads outside transactions spread over the read servers, everything
     * else on the write server; one pool per server. Only with Sequelj's own JDBC executor, on a server
     * database (not SQLite).
     */
    public SequelizeOptions replication(Replication replication) {
        return new SequelizeOptions(dialect, host, port, storage, pool, logging, benchmark, define, clock, timezone,
                Option.of(replication));
    }
}
