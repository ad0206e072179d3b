package dev.sequelj.executor.testing;

import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.executor.Model;
import dev.sequelj.executor.Sequelize;
import dev.sequelj.executor.SequelizeOptions;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One test's use of a live database: its {@link Sequelize}, model names no other test (in this run or
 * in another checkout using the same server) uses, and, on close, the tables of those models dropped
 * and the pool closed. The test may close {@link #sequelize()} itself; cleanup does not need it.
 *
 * <pre>{@code
 * try (LiveSession live = database.session(SequelizeOptions.options().logging(false))) {
 *     Model users = live.define("user", List.of(attribute("firstName", DataTypes.STRING)));
 *     users.sync(true).join();
 * }
 * }</pre>
 */
public final class LiveSession implements AutoCloseable {
    private final LiveDatabase database;
    private final Sequelize sequelize;
    private final String tag = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private final List<String> tables = new ArrayList<>();

    LiveSession(LiveDatabase database, Sequelize sequelize) {
        this.database = database;
        this.sequelize = sequelize;
    }

    public LiveDatabase database() {
        return database;
    }

    public Sequelize sequelize() {
        return sequelize;
    }

    /** A model name unique to this session: {@code user} → {@code t1a2b3c4d_user} (table {@code t1a2b3c4d_users}). */
    public String name(String base) {
        return "t" + tag + "_" + base;
    }

    /** {@code sequelize.define} under a unique name; the table is dropped when the session closes. */
    public Model define(String base, List<Attribute> attributes) {
        return define(base, attributes, ModelOptions.options());
    }

    /** {@code sequelize.define(name, attributes, options)} under a unique name; the table is dropped on close. */
    public Model define(String base, List<Attribute> attributes, ModelOptions options) {
        Model model = sequelize.define(name(base), attributes, options);
        tables.add(model.getTableName());
        return model;
    }

    /** Drops this session's tables through a connection of its own, then closes the session's pool. */
    @Override
    public void close() {
        try {
            if (!tables.isEmpty() && database != LiveDatabase.SQLITE) {
                try (Sequelize cleanup = database.open(SequelizeOptions.options().logging(false))) {
                    for (String table : tables) {
                        cleanup.define("cleanup", List.of(), ModelOptions.options().tableName(table)).drop().join();
                    }
                }
            }
        } finally {
            sequelize.close();
        }
    }
}
