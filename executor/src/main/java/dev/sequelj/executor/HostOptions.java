package dev.sequelj.executor;

import dev.sequelj.ast.error.ConfigurationError;
import io.vavr.control.Option;

/**
 * One server of Sequelize's {@code replication} option: an entry of {@code read: [...]} or the {@code write}
 * entry. What it does not set comes from the {@code Sequelize}'s own connection (its URI or its
 * database, username, password, host and port), as Sequelize fills each entry from the main config.
 *
 * <pre>{@code
 * HostOptions.defaults().host("replica-1.internal").username("reader").password("secret")
 * }</pre>
 */
public record HostOptions(Option<String> host, Option<Integer> port, Option<String> username, Option<String> password,
                          Option<String> database) {

    private static final HostOptions DEFAULTS = new HostOptions(Option.none(), Option.none(), Option.none(),
            Option.none(), Option.none());

    public HostOptions {
        port.filter(p -> p < 1 || p > 65_535).forEach(p -> {
            throw new ConfigurationError("replication host port must be between 1 and 65535, got " + p);
        });
        host.filter(String::isBlank).forEach(h -> {
            throw new ConfigurationError("replication host must not be blank; leave it unset to use the main connection's host");
        });
    }

    /** Everything as the main connection has it; set what differs. */
    public static HostOptions defaults() {
        return DEFAULTS;
    }

    public HostOptions host(String host) {
        return new HostOptions(Option.of(host), port, username, password, database);
    }

    public HostOptions port(int port) {
        return new HostOptions(host, Option.some(port), username, password, database);
    }

    public HostOptions username(String username) {
        return new HostOptions(host, port, Option.of(username), password, database);
    }

    public HostOptions password(String password) {
        return new HostOptions(host, port, username, Option.of(password), database);
    }

    public HostOptions database(String database) {
        return new HostOptions(host, port, username, password, Option.of(database));
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "HostOptions[" + host.map(h -> "host=" + h + " ").getOrElse("") + port.map(p -> "port=" + p + " ").getOrElse("")
                + username.map(u -> "username=" + u + " ").getOrElse("") + password.map(p -> "password=*** ").getOrElse("")
                + database.map(d -> "database=" + d).getOrElse("") + "]";
    }
}
