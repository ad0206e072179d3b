package dev.sequelj.executor;

import dev.sequelj.ast.error.SequeljError;
import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.ast.model.Pluralizer;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.executor.jdbc.JdbcExecutor;
import dev.sequelj.executor.spi.Executor;
import dev.sequelj.executor.spi.QueryResult;
import dev.sequelj.render.Sql;
import dev.sequelj.render.SqlRenderer;
import dev.sequelj.render.dialect.Dialect;
import io.vavr.collection.Array;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The entry point, as in Sequelize: connect, define models, close.
 *
 * <pre>{@code
 * Sequelize sequelize = new Sequelize("sqlite::memory:");
 * sequelize.authenticate().join();
 * Model users = sequelize.define("user", List.of(
 *         attribute("firstName", DataTypes.STRING),
 *         attribute("lastName", DataTypes.STRING)));
 * users.sync(true).join();
 * users.create(Map.of("firstName", "John", "lastName", "Hancock")).join();
 * sequelize.close();
 * }</pre>
 */
public final class Sequelize implements AutoCloseable {
    /** What Sequelize runs to check a connection. */
    private static final Sql AUTHENTICATE = new Sql("SELECT 1+1 AS result;", Array.empty(), Sql.Returns.ROWS);

    private final ConnectionSettings settings;
    private final SequelizeOptions options;
    private final Executor executor;
    /** Defined models by name, in definition order; defining a name again replaces it, as in Sequelize. */
    private final Map<String, Model> models = Collections.synchronizedMap(new LinkedHashMap<>());

    /** {@code new Sequelize(database, username, password, options)}; {@code options} must name a dialect. */
    public Sequelize(String database, String username, String password, SequelizeOptions options) {
        this(ConnectionSettings.of(database, username, password, options), options);
    }

    /** {@code new Sequelize(uri)}: {@code sqlite::memory:}, {@code sqlite:path/to.db}, {@code postgres://user:pass@host:5432/db}, ... */
    public Sequelize(String uri) {
        this(uri, SequelizeOptions.options());
    }

    /** {@code new Sequelize(uri, options)}: the URI says where to connect, the options the rest. */
    public Sequelize(String uri, SequelizeOptions options) {
        this(ConnectionSettings.parse(uri, options), options);
    }

    private Sequelize(ConnectionSettings settings, SequelizeOptions options) {
        this(settings, options, new JdbcExecutor(settings, options.pool()));
    }

    /**
     * A Sequelize that runs its SQL through your own {@link Executor}.
     *
     * @param dialect the SQL dialect to render for, by name
     */
    public Sequelize(String dialect, Executor executor, SequelizeOptions options) {
        this(ConnectionSettings.of("", "", "", options.dialect(dialect)), options, executor);
    }

    private Sequelize(ConnectionSettings settings, SequelizeOptions options, Executor executor) {
        this.settings = settings;
        this.options = options;
        this.executor = executor;
    }

    /** Checks that the database answers ({@code SELECT 1+1 AS result}); fails with a {@code ConnectionError} if not. */
    public CompletableFuture<Void> authenticate() {
        return run(AUTHENTICATE).thenApply(ignored -> null);
    }

    /** {@code sequelize.define(name, attributes)}: the constructor's {@code define} options apply. */
    public Model define(String modelName, List<Attribute> attributes) {
        return define(modelName, attributes, ModelOptions.options());
    }

    /** {@code sequelize.define(name, attributes, options)}: options set here override the constructor's {@code define}. */
    public Model define(String modelName, List<Attribute> attributes, ModelOptions modelOptions) {
        ModelDefinition definition = ModelDefinition.define(
                modelName, attributes, modelOptions.withDefaults(options.define()), Pluralizer.SEQUELIZE);
        Model model = new Model(this, definition);
        models.put(modelName, model);
        return model;
    }

    /** Sequelize's {@code sequelize.models}: every defined model by name, in definition order; read-only. */
    public Map<String, Model> models() {
        synchronized (models) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(models));
        }
    }

    /** Sequelize's {@code sequelize.model(name)}; a name never defined is a {@code ValidationError}. */
    public Model model(String modelName) {
        Model model = models.get(modelName);
        if (model == null) {
            throw new ValidationError("model '" + modelName + "' has not been defined; defined models: "
                    + String.join(", ", models().keySet()));
        }
        return model;
    }

    /** {@code sequelize.sync()}: creates every defined model's table that does not exist yet, in definition order. */
    public CompletableFuture<Sequelize> sync() {
        return sync(false);
    }

    /** {@code sequelize.sync({force})}: with {@code force}, drops and recreates every model's table. */
    public CompletableFuture<Sequelize> sync(boolean force) {
        CompletableFuture<?> done = CompletableFuture.completedFuture(null);
        for (Model model : models().values()) {
            done = done.thenCompose(ignored -> model.sync(force));
        }
        return done.thenApply(ignored -> this);
    }

    /** The dialect SQL is rendered for. */
    public Dialect dialect() {
        return settings.dialect();
    }

    /** Sequelize's {@code getDialect()}: the dialect's name. */
    public String getDialect() {
        return settings.dialect().name();
    }

    /** Where this instance connects. */
    public ConnectionSettings settings() {
        return settings;
    }

    /**
     * The executor this instance runs its statements through: a {@link JdbcExecutor} unless you passed
     * your own. Cast it to reach what only it has, such as the pool's counts:
     * {@code ((JdbcExecutor) sequelize.executor()).poolStats()}.
     */
    public Executor executor() {
        return executor;
    }

    /** Closes the pool. */
    @Override
    public void close() {
        executor.close();
    }

    Clock clock() {
        return options.clock();
    }

    /** Builds a statement, turning a rejected input into a failed future as Sequelize rejects its promise. */
    <S extends Statement> CompletableFuture<S> build(Supplier<S> statement) {
        try {
            return CompletableFuture.completedFuture(statement.get());
        } catch (SequeljError e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    CompletableFuture<QueryResult> run(Statement statement) {
        return run(SqlRenderer.render(statement, settings.dialect()));
    }

    private CompletableFuture<QueryResult> run(Sql sql) {
        options.logging().forEach(log -> log.accept(SqlLog.executing(sql.text())));
        return executor.execute(sql);
    }
}
