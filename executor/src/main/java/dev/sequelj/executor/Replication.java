package dev.sequelj.executor;

import dev.sequelj.ast.error.ConfigurationError;

import java.util.List;
import java.util.Objects;

/**
 * Sequelize's {@code replication: { read: [...], write: {...} }}: one connection pool per server, each
 * with the {@code pool} settings. Statements that only read ({@code SELECT}s: the finders, counts, and
 * {@code sequelize.query} of type SELECT) outside a transaction go to the read pools in turn
 * (round-robin); everything else, and every statement of a transaction, goes to the write pool.
 *
 * <pre>{@code
 * // Sequelize: replication: { read: [{ host: 'replica-1' }, { host: 'replica-2' }], write: { host: 'primary' } }
 * new Sequelize("app", "user", "secret", SequelizeOptions.options().dialect("postgres")
 *         .replication(Replication.of(
 *                 List.of(HostOptions.defaults().host("replica-1"), HostOptions.defaults().host("replica-2")),
 *                 HostOptions.defaults().host("primary"))));
 * }</pre>
 *
 * <p>A replica lags its primary: a row just created may not be found by the next {@code findAll}. Read
 * what you have just written inside a transaction, which runs on the write pool.
 *
 * @param read  the read servers, at least one; a server may appear in both lists (the primary can take reads too)
 * @param write the write server; {@link HostOptions#defaults()} means the main connection itself
 */
public record Replication(List<HostOptions> read, HostOptions write) {

    public Replication {
        if (read == null || read.isEmpty()) {
            throw new ConfigurationError("replication.read needs at least one server; to send everything to one server,"
                    + " leave out replication");
        }
        read = List.copyOf(read);
        Objects.requireNonNull(write, "replication.write: use HostOptions.defaults() for the main connection");
    }

    /** Reads spread over {@code read}, writes to {@code write}. */
    public static Replication of(List<HostOptions> read, HostOptions write) {
        return new Replication(read, write);
    }

    /** Reads spread over {@code read}; writes to the main connection, as Sequelize does without a {@code write} entry. */
    public static Replication read(List<HostOptions> read) {
        return new Replication(read, HostOptions.defaults());
    }
}
