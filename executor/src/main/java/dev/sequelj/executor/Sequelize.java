package dev.sequelj.executor;

import dev.sequelj.ast.error.ConfigurationError;
import dev.sequelj.ast.error.SequeljError;
import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.ast.model.Pluralizer;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.executor.jdbc.JdbcExecutor;
import dev.sequelj.executor.query.QueryTypes;
import dev.sequelj.executor.query.RawResult;
import dev.sequelj.executor.query.RawSqlBinder;
import dev.sequelj.executor.query.RawSqlSyntax;
import dev.sequelj.executor.replication.ReplicatedExecutor;
import dev.sequelj.executor.spi.Executor;
import dev.sequelj.executor.spi.HelpingFuture;
import dev.sequelj.executor.spi.QueryResult;
import dev.sequelj.executor.spi.RowCursor;
import dev.sequelj.executor.spi.StatementKind;
import dev.sequelj.render.Sql;
import dev.sequelj.render.SqlRenderer;
import dev.sequelj.render.dialect.Dialect;
import io.vavr.collection.Array;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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
    /** Where statements are logged; null when logging is off. */
    private final SqlLog logging;
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
        this(settings, options, jdbcExecutor(settings, options));
    }

    /**
     * A Sequelize that runs its SQL through your own {@link Executor}.
     *
     * @param dialect the SQL dialect to render for, by name
     */
    public Sequelize(String dialect, Executor executor, SequelizeOptions options) {
        this(ConnectionSettings.of("", "", "", options.dialect(dialect)), refuseReplication(options), executor);
    }

    private Sequelize(ConnectionSettings settings, SequelizeOptions options, Executor executor) {
        this.settings = settings;
        this.options = options;
        this.executor = executor;
        this.logging = options.logging().getOrNull();
    }

    /**
     * Checks that the database answers ({@code SELECT 1+1 AS result}, a raw query as in Sequelize, so with
     * replication it checks the write server); fails with a {@code ConnectionError} if not.
     */
    public CompletableFuture<Void> authenticate() {
        return run(AUTHENTICATE, StatementKind.RAW, null).thenApply(ignored -> null);
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

    /**
     * A model from a definition built elsewhere, as it is (the constructor's {@code define} options are
     * not applied again): one read from a JSON request, say, whose references name its other models.
     *
     * <pre>{@code
     * Model users = sequelize.define(ModelDefinition.define("user", List.of(attribute("firstName", DataTypes.STRING)),
     *         ModelOptions.options()));
     * }</pre>
     */
    public Model define(ModelDefinition definition) {
        Model model = new Model(this, definition);
        models.put(definition.name(), model);
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

    /** {@code sequelize.sync({force, transaction})}: {@link #sync(boolean)} with every statement in {@code transaction}. */
    public CompletableFuture<Sequelize> sync(boolean force, Transaction transaction) {
        CompletableFuture<?> done = CompletableFuture.completedFuture(null);
        for (Model model : models().values()) {
            done = done.thenCompose(ignored -> model.sync(force, transaction));
        }
        return done.thenApply(ignored -> this);
    }

    // ---- transactions -----------------------------------------------------------------------------

    /**
     * An unmanaged transaction, as Sequelize's {@code await sequelize.transaction()}: started
     * ({@code START TRANSACTION;}) on a connection of its own, which it keeps until you call
     * {@link Transaction#commit()} or {@link Transaction#rollback()}.
     *
     * <pre>{@code
     * Transaction t = sequelize.transaction().join();
     * users.create(Map.of("firstName", "Bart"), t).join();
     * t.commit().join();
     * }</pre>
     */
    public CompletableFuture<Transaction> transaction() {
        return transaction(TransactionOptions.options());
    }

    /**
     * An unmanaged transaction with options: an isolation level, or a parent, which makes it a savepoint
     * in that transaction ({@code SAVEPOINT "<id>-sp-<n>";}) that {@code rollback()} undoes alone.
     */
    public CompletableFuture<Transaction> transaction(TransactionOptions options) {
        if (options.transaction().isDefined()) {
            Transaction parent = options.transaction().get();
            if (parent.sequelize() != this) {
                return CompletableFuture.failedFuture(foreign(parent));
            }
            return parent.savepoint();
        }
        return Transaction.begin(this, executor, options.isolationLevel());
    }

    /**
     * A managed transaction, as Sequelize's {@code await sequelize.transaction(async t => ...)}: runs
     * {@code work} with a new transaction; commits when the stage it returns completes, and the answer
     * completes with the stage's value; rolls back when the stage fails or {@code work} throws, and the
     * answer fails with that same error.
     *
     * <pre>{@code
     * ModelInstance homer = sequelize.transaction(t -> users.create(Map.of("firstName", "Homer"), t)
     *         .thenCompose(created -> users.create(Map.of("firstName", "Marge"), t).thenApply(ignored -> created)))
     *         .join();
     * }</pre>
     */
    public <T> CompletableFuture<T> transaction(TransactionCallback<T> work) {
        return transaction(TransactionOptions.options(), work);
    }

    /**
     * A managed transaction with options. With a parent ({@code options().transaction(t)}) it is a
     * savepoint: a failure in {@code work} rolls back only the savepoint, and the parent can go on.
     */
    public <T> CompletableFuture<T> transaction(TransactionOptions options, TransactionCallback<T> work) {
        return transaction(options).thenCompose(transaction -> {
            CompletableFuture<T> done;
            try {
                CompletionStage<T> stage = work.run(transaction);
                done = stage != null ? stage.toCompletableFuture() : CompletableFuture.failedFuture(new ValidationError(
                        "the transaction callback returned null; return the stage of its last call, or"
                                + " CompletableFuture.completedFuture(value) for a plain value"));
            } catch (Throwable e) {
                done = CompletableFuture.failedFuture(e);
            }
            return done.<CompletableFuture<T>>handle((value, error) -> error == null
                            ? transaction.commit().thenApply(ignored -> value)
                            : rollbackAfter(transaction, Transaction.unwrap(error)))
                    .thenCompose(next -> next);
        });
    }

    /** Rolls back after {@code work} failed, unless it already ended; the answer fails with {@code error}. */
    private static <T> CompletableFuture<T> rollbackAfter(Transaction transaction, Throwable error) {
        if (transaction.finished().isPresent()) {
            return CompletableFuture.failedFuture(error);
        }
        return transaction.rollback().handle((ignored, rollbackError) -> {
            if (rollbackError != null) {
                error.addSuppressed(Transaction.unwrap(rollbackError));
            }
            return CompletableFuture.<T>failedFuture(error);
        }).thenCompose(next -> next);
    }

    private static ValidationError foreign(Transaction transaction) {
        return new ValidationError("transaction " + transaction.name() + " belongs to another Sequelize instance;"
                + " a transaction can only be used with the Sequelize that started it");
    }

    // ---- raw SQL ----------------------------------------------------------------------------------

    /** {@code sequelize.query(sql)}: runs raw SQL as it is; answers with its rows and update count. */
    public CompletableFuture<RawResult> query(String sql) {
        return query(sql, QueryOptions.options());
    }

    /**
     * {@code sequelize.query(sql, options)}: runs raw SQL with Sequelize's {@code replacements}
     * ({@code ?}, {@code :name}) or {@code bind} ({@code $1}, {@code $name}) parameters, always bound,
     * never spliced; the {@link QueryOptions#type type} decides the answer ({@link QueryTypes}).
     * Placeholders without values, values without placeholders and unterminated literals fail with a
     * {@code ValidationError} before any SQL is sent.
     *
     * <pre>{@code
     * long updated = sequelize.query("UPDATE users SET active = ? WHERE id IN (?)",
     *         QueryOptions.options(QueryTypes.UPDATE).replacements(List.of(false, List.of(1, 2, 3)))).join();
     * }</pre>
     */
    public <R> CompletableFuture<R> query(String sql, QueryOptions<R> options) {
        Sql statement;
        try {
            if (sql == null || sql.isBlank()) {
                throw new ValidationError("sequelize.query needs SQL to run; got " + (sql == null ? "null" : "blank text"));
            }
            RawSqlBinder.Bound bound = RawSqlBinder.rewrite(sql.strip(), RawSqlSyntax.of(dialect()), options.parameters());
            statement = new Sql(bound.text(), bound.params(), options.queryType().returns());
        } catch (SequeljError e) {
            return CompletableFuture.failedFuture(e);
        }
        return run(statement, options.queryType().kind(), options.transaction().orElse(null)).thenApply(options::answer);
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
     * your own, or with {@code replication} a {@link ReplicatedExecutor} over one {@code JdbcExecutor} per
     * server. Cast it to reach what only it has, such as the pool's counts:
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

    /** Builds a statement (or its SQL, or anything), turning a rejected input into a failed future as Sequelize rejects its promise. */
    <T> CompletableFuture<T> build(Supplier<T> work) {
        try {
            // A HelpingFuture, so that the stages chained on it help a joining caller run the statement.
            return HelpingFuture.of(work.get());
        } catch (SequeljError e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    CompletableFuture<QueryResult> run(Statement statement) {
        return run(statement, null);
    }

    /**
     * Runs a statement in {@code transaction}, or outside any when it is null. Every Model method that
     * takes a trailing {@code Transaction} comes through here.
     */
    CompletableFuture<QueryResult> run(Statement statement, Transaction transaction) {
        return run(SqlRenderer.render(statement, settings.dialect()), StatementKind.of(statement), transaction);
    }

    /** Runs SQL rendered already (the finders' SQL, from {@code FinderSql}) as {@link #run(Statement, Transaction)} runs a statement's. */
    CompletableFuture<QueryResult> run(Sql sql, StatementKind kind, Transaction transaction) {
        if (transaction == null) {
            return send("default", sql, () -> executor.execute(sql, kind));
        }
        if (transaction.sequelize() != this) {
            return CompletableFuture.failedFuture(foreign(transaction));
        }
        return transaction.execute(sql, kind);
    }

    // ---- one statement, several SQL statements (issue 4, the model finders and writes) -------------

    /**
     * Runs every SQL statement the dialect needs for one statement, in order, and answers with their
     * results in that order: usually one; a bulk INSERT split at the dialect's parameter or row cap, and
     * SQLite's TRUNCATE with {@code restartIdentity} (its counter reset follows), take several. Several
     * outside a transaction run in a transaction of their own, so that they land together or not at all.
     */
    CompletableFuture<List<QueryResult>> runAll(Statement statement, Transaction transaction) {
        io.vavr.collection.Seq<Sql> parts;
        try {
            parts = SqlRenderer.renderAll(statement, settings.dialect());
        } catch (SequeljError e) {
            return CompletableFuture.failedFuture(e);
        }
        StatementKind kind = StatementKind.of(statement);
        if (parts.size() > 1 && transaction == null) {
            return transaction(t -> runInOrder(parts, kind, t));
        }
        return runInOrder(parts, kind, transaction);
    }

    private CompletableFuture<List<QueryResult>> runInOrder(io.vavr.collection.Seq<Sql> parts, StatementKind kind,
                                                            Transaction transaction) {
        List<QueryResult> results = new ArrayList<>(parts.size());
        CompletableFuture<?> chain = CompletableFuture.completedFuture(null);
        for (Sql part : parts) {
            chain = chain.thenCompose(ignored -> run(part, kind, transaction)).thenAccept(results::add);
        }
        return chain.thenApply(ignored -> results);
    }

    // ---- streaming (issue 4: a finder variant that streams rows) ---------------------------------

    /**
     * Opens a stream of a statement's rows in {@code transaction}, or on a connection of its own when it
     * is null; logged as any statement is. What {@code Model.findAllStream} and {@code findEach} call.
     */
    CompletableFuture<RowCursor> stream(Statement statement, int fetchSize, Transaction transaction) {
        Sql sql = SqlRenderer.render(statement, settings.dialect());
        StatementKind kind = StatementKind.of(statement);
        if (transaction == null) {
            return send("default", sql, () -> executor.stream(sql, kind, fetchSize));
        }
        if (transaction.sequelize() != this) {
            return CompletableFuture.failedFuture(foreign(transaction));
        }
        return transaction.stream(sql, kind, fetchSize);
    }

    // ---- logging and benchmark (issue 4, the pluggable seam) ---------------------------------------

    /**
     * Sends one statement through {@code send}, logged as Sequelize logs it: {@code Executing (<connection>): <sql>}
     * before, or with {@code benchmark} {@code Executed (<connection>): <sql>} and the elapsed milliseconds once
     * it has finished, failed or not. {@code connection} is {@code default}, or a transaction's id. With
     * logging off, or its SLF4J logger below INFO, nothing is built and nothing is timed.
     */
    <T> CompletableFuture<T> send(String connection, Sql sql, Supplier<CompletableFuture<T>> send) {
        SqlLog log = logging;
        if (log == null || !log.enabled()) {
            return sent(send);
        }
        if (!options.benchmark()) {
            log.executing(connection, sql.text());
            return sent(send);
        }
        long start = System.nanoTime();
        return sent(send).whenComplete((result, error) ->
                log.executed(connection, sql.text(), (System.nanoTime() - start) / 1_000_000));
    }

    /** An executor that throws instead of failing its future still fails the call, not the caller's thread. */
    private static <T> CompletableFuture<T> sent(Supplier<CompletableFuture<T>> send) {
        try {
            return send.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    // ---- the executor of the options (issue 4, the pluggable seam) ---------------------------------

    /** Sequelj's own executor: one JDBC pool, or with {@code replication} one pool per server. */
    private static Executor jdbcExecutor(ConnectionSettings settings, SequelizeOptions options) {
        if (options.replication().isEmpty()) {
            return new JdbcExecutor(settings, options.pool());
        }
        Replication replication = options.replication().get();
        if (settings.dialect().name().equals("sqlite")) {
            throw new ConfigurationError("replication needs a database server; sqlite has one file and no replicas:"
                    + " leave out replication");
        }
        String pool = "sequelj-" + settings.dialect().name();
        List<JdbcExecutor> reads = new ArrayList<>();
        for (HostOptions read : replication.read()) {
            reads.add(new JdbcExecutor(settings.on(read), options.pool(), pool + "-read-" + (reads.size() + 1)));
        }
        return new ReplicatedExecutor(new JdbcExecutor(settings.on(replication.write()), options.pool(), pool + "-write"), reads);
    }

    private static SequelizeOptions refuseReplication(SequelizeOptions options) {
        if (options.replication().isDefined()) {
            throw new ConfigurationError("replication configures Sequelj's JDBC pools, and this Sequelize runs on your own"
                    + " executor: route reads in it instead, e.g. new ReplicatedExecutor(write, List.of(read1, read2))");
        }
        return options;
    }
}
