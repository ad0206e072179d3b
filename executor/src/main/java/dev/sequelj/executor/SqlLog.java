package dev.sequelj.executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Where Sequelize's {@code logging} option sends each statement: an SLF4J logger at INFO (the default,
 * logger {@code dev.sequelj.sql}), or your own code. Chosen with {@link SequelizeOptions#logging(boolean)},
 * {@link SequelizeOptions#logging(Consumer)}, {@link SequelizeOptions#logging(Logger)} or
 * {@link SequelizeOptions#timedLogging(BiConsumer)}.
 *
 * <p>The lines are Sequelize's: {@code Executing (default): <sql>} before a statement is sent, or, with
 * {@code benchmark}, {@code Executed (default): <sql> Elapsed time: <n>ms} once it has finished, where
 * {@code default} is a transaction's id inside a transaction. Through SLF4J the line is written with
 * placeholders and only when INFO is enabled, so a disabled logger costs no string.
 *
 * <pre>{@code
 * SequelizeOptions.options().benchmark(true).logging(LoggerFactory.getLogger("shop.sql"));
 * // INFO shop.sql - Executed (default): SELECT "id", "name" FROM "users" AS "user"; Elapsed time: 2ms
 * }</pre>
 */
public final class SqlLog {
    static final SqlLog DEFAULT = new SqlLog(LoggerFactory.getLogger("dev.sequelj.sql"), null);

    /** Set when logging through SLF4J. */
    private final Logger logger;
    /** Otherwise: the message and the elapsed milliseconds (null unless benchmarking). */
    private final BiConsumer<String, Long> sink;

    private SqlLog(Logger logger, BiConsumer<String, Long> sink) {
        this.logger = logger;
        this.sink = sink;
    }

    static SqlLog slf4j(Logger logger) {
        return new SqlLog(logger, null);
    }

    /** One line per statement, as Sequelize prints it to the console; with {@code benchmark}, the time at the end of it. */
    static SqlLog lines(Consumer<String> lines) {
        return new SqlLog(null, (message, elapsed) -> lines.accept(elapsed == null ? message : message + " Elapsed time: " + elapsed + "ms"));
    }

    /** Sequelize's {@code logging(sql, timingMs)}: the message, and with {@code benchmark} the elapsed milliseconds. */
    static SqlLog timed(BiConsumer<String, Long> sink) {
        return new SqlLog(null, sink);
    }

    /** Whether a line would be written now; when not, nothing is built and nothing is timed. */
    boolean enabled() {
        return logger == null || logger.isInfoEnabled();
    }

    /** {@code Executing (<connection>): <sql>}, before the statement is sent. */
    void executing(String connection, String sql) {
        if (logger != null) {
            logger.info("Executing ({}): {}", connection, sql);
        } else {
            sink.accept(executingLine(connection, sql), null);
        }
    }

    /** {@code Executed (<connection>): <sql>} and the elapsed time, once the statement has finished (benchmark). */
    void executed(String connection, String sql, long elapsedMillis) {
        if (logger != null) {
            logger.info("Executed ({}): {} Elapsed time: {}ms", connection, sql, elapsedMillis);
        } else {
            sink.accept("Executed (" + connection + "): " + sql, elapsedMillis);
        }
    }

    /** The line Sequelize prints before a statement on a connection: {@code default}, or a transaction's id. */
    static String executingLine(String connection, String sql) {
        return "Executing (" + connection + "): " + sql;
    }

    @Override
    public String toString() {
        return logger != null ? "SqlLog[slf4j " + logger.getName() + "]" : "SqlLog[" + sink + "]";
    }
}
