package dev.sequelj.render.dialect;

import dev.sequelj.ast.error.ConfigurationError;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Seq;

/**
 * The five dialects by Sequelize's names.
 *
 * <pre>{@code
 * Dialect postgres = Dialects.forName("postgres");
 * }</pre>
 */
public final class Dialects {
    public static final Dialect POSTGRES = new PostgresDialect();
    public static final Dialect MYSQL = new MySqlDialect();
    public static final Dialect MARIADB = new MariaDbDialect();
    public static final Dialect SQLITE = new SqliteDialect();
    public static final Dialect MSSQL = new MssqlDialect();

    private static final LinkedHashMap<String, Dialect> BY_NAME = LinkedHashMap.of(
            POSTGRES.name(), POSTGRES, MYSQL.name(), MYSQL, MARIADB.name(), MARIADB,
            SQLITE.name(), SQLITE, MSSQL.name(), MSSQL);

    private Dialects() {}

    /** Every dialect, in Sequelize's usual order. */
    public static Seq<Dialect> all() {
        return BY_NAME.values().toVector();
    }

    /** The dialect of that name, or a {@link ConfigurationError} listing the supported ones. */
    public static Dialect forName(String name) {
        return BY_NAME.get(name).getOrElseThrow(() -> new ConfigurationError("The dialect '" + name
                + "' is not supported. Supported dialects: " + BY_NAME.keySet().mkString(", ") + "."));
    }
}
