package dev.sequelj.executor;

import dev.sequelj.ast.error.ConfigurationError;
import dev.sequelj.executor.jdbc.JdbcProfile;
import dev.sequelj.render.dialect.Dialect;
import dev.sequelj.render.dialect.Dialects;
import io.vavr.control.Option;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where to connect: what {@code new Sequelize(database, username, password, options)} or
 * {@code new Sequelize(uri)} says, checked and with defaults filled in.
 *
 * @param storage SQLite's file, or {@code :memory:}; empty for server databases
 */
public record ConnectionSettings(Dialect dialect, String host, int port, String database, String username,
                                 String password, String storage) {

    public static final String MEMORY = ":memory:";

    /**
     * From the four-argument constructor's arguments; the {@code timezone} option configures the dialect.
     * Public for building a {@code JdbcExecutor} of your own (to wrap in a custom executor):
     * {@code new JdbcExecutor(ConnectionSettings.of("shop", "app", "secret", options), options.pool())}.
     */
    public static ConnectionSettings of(String database, String username, String password, SequelizeOptions options) {
        String dialectName = options.dialect().getOrElseThrow(() -> new ConfigurationError(
                "Dialect needs to be explicitly supplied: one of " + Dialects.all().mkString(", ")));
        Dialect dialect = Dialects.forName(dialectName);
        int port = options.port().getOrElse(() -> defaultPort(dialect));
        // Only SQLite has storage; the option's default ':memory:' would make a server look in-memory.
        String storage = dialect == Dialects.SQLITE ? options.storage() : "";
        return checked(new ConnectionSettings(dialect, options.host(), port, nullToEmpty(database),
                nullToEmpty(username), nullToEmpty(password), storage)).configured(options);
    }

    /**
     * From a URI as Sequelize takes it: {@code sqlite::memory:}, {@code sqlite:path/to.db},
     * {@code sqlite:///absolute/path.db}, {@code postgres://user:pass@host:5432/db}, and the same for
     * {@code postgresql}, {@code mysql}, {@code mariadb} and {@code mssql}. Options given beside the URI
     * keep their pool, logging and define settings; the URI decides where to connect. Public for building a
     * {@code JdbcExecutor} of your own: {@code new JdbcExecutor(ConnectionSettings.parse(uri, options), options.pool())}.
     */
    public static ConnectionSettings parse(String uri, SequelizeOptions options) {
        return parseUri(uri).configured(options);
    }

    private static ConnectionSettings parseUri(String uri) {
        if (uri == null || !uri.contains(":")) {
            throw new ConfigurationError("Malformed connection URI '" + uri
                    + "': expected <dialect>://user:password@host:port/database or sqlite:<path>");
        }
        String scheme = uri.substring(0, uri.indexOf(':'));
        String dialectName = scheme.equals("postgresql") ? "postgres" : scheme;
        Dialect dialect = Dialects.forName(dialectName);
        if (dialect == Dialects.SQLITE) {
            String rest = uri.substring(scheme.length() + 1);
            String storage = rest.isEmpty() || rest.equals(MEMORY) ? MEMORY : rest.startsWith("//") ? rest.substring(2) : rest;
            return checked(new ConnectionSettings(dialect, "", 0, "", "", "", storage));
        }
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            throw new ConfigurationError("Malformed connection URI '" + redact(uri) + "': " + e.getReason(), e);
        }
        if (parsed.getHost() == null) {
            // java.net.URI leaves the host unset for any authority it cannot read, a bad port included.
            throw new ConfigurationError("Malformed connection URI '" + redact(uri)
                    + "': cannot read a host and a numeric port; expected " + scheme + "://user:password@host:port/database");
        }
        if (parsed.getRawQuery() != null || parsed.getRawFragment() != null) {
            throw new ConfigurationError("Connection URI '" + redact(uri) + "': query parameters and fragments ("
                    + Option.of(parsed.getRawQuery()).getOrElse(parsed.getRawFragment())
                    + ") are not supported yet; remove them rather than have them ignored");
        }
        String path = Option.of(parsed.getPath()).getOrElse("");
        String database = path.startsWith("/") ? path.substring(1) : path;
        String[] userInfo = Option.of(parsed.getRawUserInfo()).getOrElse("").split(":", 2);
        String username = decode(userInfo[0]);
        String password = userInfo.length > 1 ? decode(userInfo[1]) : "";
        int port = parsed.getPort() == -1 ? defaultPort(dialect) : parsed.getPort();
        return checked(new ConnectionSettings(dialect, parsed.getHost(), port, database, username, password, ""));
    }

    /** The dialect configured by the options that are dialect data: the {@code timezone}. */
    private ConnectionSettings configured(SequelizeOptions options) {
        return new ConnectionSettings(dialect.withTimezone(options.timezone()), host, port, database, username, password, storage);
    }

    /**
     * These settings with what one replication server sets in place of the main connection's: its host,
     * port, database, username and password, each only where given.
     */
    ConnectionSettings on(HostOptions server) {
        return new ConnectionSettings(dialect, server.host().getOrElse(host), server.port().getOrElse(port),
                server.database().getOrElse(database), server.username().getOrElse(username),
                server.password().getOrElse(password), storage);
    }

    public boolean inMemory() {
        return storage.equals(MEMORY);
    }

    private static ConnectionSettings checked(ConnectionSettings settings) {
        if (settings.dialect == Dialects.SQLITE && !settings.inMemory()) {
            Path file = Path.of(settings.storage).toAbsolutePath();
            Path directory = file.getParent();
            if (directory != null && !Files.isDirectory(directory)) {
                throw new ConfigurationError("SQLite storage '" + settings.storage + "': the directory " + directory
                        + " does not exist; create it first or use storage ':memory:'");
            }
        }
        return settings;
    }

    private static int defaultPort(Dialect dialect) {
        return JdbcProfile.of(dialect).defaultPort();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /** The URI without its password, for messages. */
    private static String redact(String uri) {
        return uri.replaceAll("(//[^:/@]*:)[^@]*@", "$1***@");
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + dialect + " " + (storage.isEmpty() ? username + "@" + host + ":" + port + "/" + database : storage) + "]";
    }
}
