package dev.sequelj.executor;

import dev.sequelj.ast.model.ModelOptions;
import io.vavr.control.Option;

import java.time.Clock;
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
 * @param dialect  postgres, mysql, mariadb, sqlite or mssql; required
 * @param host     database host; default {@code localhost}
 * @param port     database port; default the dialect's own
 * @param storage  SQLite only: the database file, or {@code :memory:} (the default)
 * @param pool     connection pool settings
 * @param logging  where each statement is reported; {@code none} turns logging off
 * @param define   model option defaults for every {@code define}
 * @param clock    the time {@code createdAt}/{@code updatedAt} are taken from
 */
public record SequelizeOptions(Option<String> dialect, String host, Option<Integer> port, String storage,
                               PoolOptions pool, Option<Consumer<String>> logging, ModelOptions define, Clock clock) {

    private static final SequelizeOptions DEFAULTS = new SequelizeOptions(Option.none(), "localhost", Option.none(),
            ":memory:", PoolOptions.defaults(), Option.some(SqlLog.DEFAULT), ModelOptions.options(), Clock.systemUTC());

    /** Sequelize's defaults; a dialect must still be chosen. */
    public static SequelizeOptions options() {
        return DEFAULTS;
    }

    public SequelizeOptions dialect(String dialect) {
        return new SequelizeOptions(Option.of(dialect), host, port, storage, pool, logging, define, clock);
    }

    public SequelizeOptions host(String host) {
        return new SequelizeOptions(dialect, host, port, storage, pool, logging, define, clock);
    }

    public SequelizeOptions port(int port) {
        return new SequelizeOptions(dialect, host, Option.some(port), storage, pool, logging, define, clock);
    }

    /** SQLite's database file, or {@code :memory:}. */
    public SequelizeOptions storage(String storage) {
        return new SequelizeOptions(dialect, host, port, storage, pool, logging, define, clock);
    }

    public SequelizeOptions pool(PoolOptions pool) {
        return new SequelizeOptions(dialect, host, port, storage, pool, logging, define, clock);
    }

    /**
     * {@code true} (the default) logs each statement through SLF4J as Sequelize prints it,
     * {@code Executing (default): <sql>}; {@code false} turns logging off.
     */
    public SequelizeOptions logging(boolean enabled) {
        return logging(enabled ? SqlLog.DEFAULT : null);
    }

    /** Hands each {@code Executing (default): <sql>} line to {@code sink} instead of SLF4J. */
    public SequelizeOptions logging(Consumer<String> sink) {
        return new SequelizeOptions(dialect, host, port, storage, pool, Option.of(sink), define, clock);
    }

    /** Model options applied to every model unless the model sets them itself. */
    public SequelizeOptions define(ModelOptions defaults) {
        return new SequelizeOptions(dialect, host, port, storage, pool, logging, defaults, clock);
    }

    /** The clock timestamps are read from; the system UTC clock unless a test fixes it. */
    public SequelizeOptions clock(Clock clock) {
        return new SequelizeOptions(dialect, host, port, storage, pool, logging, define, clock);
    }
}
