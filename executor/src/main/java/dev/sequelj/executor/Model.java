package dev.sequelj.executor;

import dev.sequelj.ast.error.SequeljError;
import dev.sequelj.ast.error.UnsupportedFeatureError;
import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.finder.BulkCreateOptions;
import dev.sequelj.ast.finder.CreateOptions;
import dev.sequelj.ast.finder.DestroyOptions;
import dev.sequelj.ast.finder.FindOptions;
import dev.sequelj.ast.finder.FindOrCreate;
import dev.sequelj.ast.finder.FindStatements;
import dev.sequelj.ast.finder.IncrementOptions;
import dev.sequelj.ast.finder.RestoreOptions;
import dev.sequelj.ast.finder.TableStatements;
import dev.sequelj.ast.finder.UpdateOptions;
import dev.sequelj.ast.finder.UpsertOptions;
import dev.sequelj.ast.finder.ValueChecker;
import dev.sequelj.ast.finder.WriteStatements;
import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.DefaultValues;
import dev.sequelj.ast.model.UuidGenerator;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.statement.Lock;
import dev.sequelj.ast.statement.OnDuplicate;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.executor.error.UniqueConstraintError;
import dev.sequelj.executor.result.CountAndRows;
import dev.sequelj.executor.result.FindOrCreateResult;
import dev.sequelj.executor.result.GroupCount;
import dev.sequelj.executor.result.UpdateResult;
import dev.sequelj.executor.result.UpsertResult;
import dev.sequelj.executor.spi.HelpingFuture;
import dev.sequelj.executor.spi.QueryResult;
import dev.sequelj.executor.spi.RowCursor;
import dev.sequelj.executor.spi.StatementKind;
import dev.sequelj.render.FinderSql;
import dev.sequelj.render.SqlRenderer;
import dev.sequelj.render.dialect.Dialect;
import io.vavr.collection.Array;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A defined model bound to its {@link Sequelize}: Sequelize's model class methods, each returning a
 * {@link CompletableFuture} where Sequelize returns a promise. Bad input fails the future with a
 * {@code ValidationError} before any SQL is sent.
 *
 * <pre>{@code
 * Model users = sequelize.define("user", List.of(attribute("firstName", DataTypes.STRING)));
 * users.sync(true).join();
 * users.create(Map.of("firstName", "John")).join();
 * List<ModelInstance> johns = users.findAll(options().where(Map.of("firstName", "John"))).join();
 * }</pre>
 *
 * <p><b>The {@code transaction} option.</b> Every method that runs SQL has a twin that takes a
 * {@link Transaction} as its last argument, where Sequelize takes {@code {transaction: t}} in its
 * options; the statement then runs in that transaction, on its connection. {@code null} means no
 * transaction, as an absent option does in Sequelize.
 *
 * <pre>{@code
 * // Sequelize: await User.create({ firstName: 'Bart' }, { transaction: t });
 * //            await User.findAll({ where: { firstName: 'Bart' }, transaction: t });
 * users.create(Map.of("firstName", "Bart"), t).join();
 * users.findAll(options().where(Map.of("firstName", "Bart")), t).join();
 * }</pre>
 *
 * <p>{@code sync} and {@code drop} in a transaction are undone with it on PostgreSQL, SQLite and SQL
 * Server; MySQL and MariaDB commit the open transaction before any table change, as they always do.
 */
public final class Model {
    private final Sequelize sequelize;
    private final ModelDefinition definition;
    /** Record class → its mapping onto this model, made once (see {@link RecordMapper}). */
    private final Map<Class<?>, RecordMapper<?>> recordMappers = new ConcurrentHashMap<>();

    Model(Sequelize sequelize, ModelDefinition definition) {
        this.sequelize = sequelize;
        this.definition = definition;
    }

    /** The model's definition: name, table, attributes. */
    public ModelDefinition definition() {
        return definition;
    }

    public String name() {
        return definition.name();
    }

    public String getTableName() {
        return definition.tableName();
    }

    /** {@code Model.sync()}: creates the table if it does not exist. */
    public CompletableFuture<Model> sync() {
        return sync(false, null);
    }

    /** {@code Model.sync({transaction})}. */
    public CompletableFuture<Model> sync(Transaction transaction) {
        return sync(false, transaction);
    }

    /**
     * {@code Model.sync({force})}: with {@code force}, drops the table first; then creates it (on PostgreSQL
     * with its ENUM types) and its indexes, one statement after the other.
     */
    public CompletableFuture<Model> sync(boolean force) {
        return sync(force, null);
    }

    /** {@code Model.sync({force, transaction})}: as {@link #sync(boolean)}, each statement inside the transaction. */
    public CompletableFuture<Model> sync(boolean force, Transaction transaction) {
        io.vavr.collection.Seq<Statement> statements;
        try {
            statements = TableStatements.sync(definition, force, false);
        } catch (SequeljError e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<?> chain = CompletableFuture.completedFuture(null);
        boolean readIndexes = !force && !sequelize.dialect().createsIndexIfNotExists();
        for (Statement statement : statements) {
            if (readIndexes && statement instanceof Statement.CreateIndex) {
                return chain.thenCompose(ignored -> createMissingIndexes(statements, transaction)).thenApply(ignored -> this);
            }
            chain = chain.thenCompose(ignored -> sequelize.run(statement, transaction));
        }
        return chain.thenApply(ignored -> this);
    }

    /**
     * Where {@code CREATE INDEX} has no {@code IF NOT EXISTS} (MySQL), Sequelize's way: the table's indexes
     * read first ({@code SHOW INDEX FROM `users`}), then only the missing ones created, so a second
     * {@code sync()} is as harmless as the first.
     */
    private CompletableFuture<?> createMissingIndexes(io.vavr.collection.Seq<Statement> statements, Transaction transaction) {
        Dialect dialect = sequelize.dialect();
        return sequelize.run(new Statement.ShowIndexes(definition.table()), transaction).thenCompose(shown -> {
            int column = shown.columns().indexWhere(label -> label.equalsIgnoreCase(dialect.indexNameColumn()));
            java.util.Set<String> existing = new java.util.HashSet<>();
            if (column >= 0) {
                shown.rows().forEach(row -> existing.add(String.valueOf(row[column])));
            }
            CompletableFuture<?> chain = CompletableFuture.completedFuture(null);
            for (Statement statement : statements) {
                if (statement instanceof Statement.CreateIndex index && !existing.contains(index.name())) {
                    chain = chain.thenCompose(ignored -> sequelize.run(index, transaction));
                }
            }
            return chain;
        });
    }

    /** {@code Model.drop()}: drops the table if it exists. */
    public CompletableFuture<Void> drop() {
        return drop(null);
    }

    /** {@code Model.drop({transaction})}. */
    public CompletableFuture<Void> drop(Transaction transaction) {
        return sequelize.run(TableStatements.dropTable(definition, false), transaction).thenApply(ignored -> null);
    }

    /**
     * {@code Model.create(values)}: inserts one row and returns it as stored, with its generated key and
     * timestamps.
     */
    public CompletableFuture<ModelInstance> create(Map<String, ?> values) {
        return create(values, (Transaction) null);
    }

    /** {@code Model.create(values, {transaction})}. */
    public CompletableFuture<ModelInstance> create(Map<String, ?> values, Transaction transaction) {
        return sequelize.build(() -> WriteStatements.create(definition, values, sequelize.clock().instant()))
                .thenCompose(insert -> sequelize.run(insert, transaction).thenApply(result -> created(insert, result)));
    }

    /** {@code Model.findAll()}: every row. */
    public CompletableFuture<List<ModelInstance>> findAll() {
        return findAll(FindOptions.options(), (Transaction) null);
    }

    /** {@code Model.findAll({transaction})}. */
    public CompletableFuture<List<ModelInstance>> findAll(Transaction transaction) {
        return findAll(FindOptions.options(), transaction);
    }

    /** {@code Model.findAll(options)}. */
    public CompletableFuture<List<ModelInstance>> findAll(FindOptions options) {
        return findAll(options, (Transaction) null);
    }

    /** {@code Model.findAll({...options, transaction})}. */
    public CompletableFuture<List<ModelInstance>> findAll(FindOptions options, Transaction transaction) {
        return selectAll(options, transaction).thenApply(this::instances);
    }

    /** {@code Model.findOne()}: the first row, if any. */
    public CompletableFuture<Optional<ModelInstance>> findOne() {
        return findOne(FindOptions.options(), (Transaction) null);
    }

    /** {@code Model.findOne({transaction})}. */
    public CompletableFuture<Optional<ModelInstance>> findOne(Transaction transaction) {
        return findOne(FindOptions.options(), transaction);
    }

    /** {@code Model.findOne(options)}: the first matching row, if any. */
    public CompletableFuture<Optional<ModelInstance>> findOne(FindOptions options) {
        return findOne(options, (Transaction) null);
    }

    /** {@code Model.findOne({...options, transaction})}. */
    public CompletableFuture<Optional<ModelInstance>> findOne(FindOptions options, Transaction transaction) {
        return selectOne(options, transaction).thenApply(result -> instances(result).stream().findFirst());
    }

    // ==== finders and writes (issue 4: every finder and write runs live and answers as Sequelize) ====
    //
    // Each method builds its statement with FindStatements / WriteStatements (bad input fails the future
    // with a ValidationError before any SQL), runs it, and maps the result to what Sequelize answers.
    // Each has a twin taking a Transaction as its last argument.

    // ---- create with options ------------------------------------------------------------------------

    /** {@code Model.create(values, options)}: see {@link #create(Map, CreateOptions, Transaction)}. */
    public CompletableFuture<ModelInstance> create(Map<String, ?> values, CreateOptions options) {
        return create(values, options, null);
    }

    /**
     * {@code Model.create(values, {...options, transaction})}: {@code create} with Sequelize's {@code fields}
     * (only those attributes, and the timestamps, are written), {@code returning}, {@code ignoreDuplicates}
     * and {@code silent}. Answers the row as stored where the database hands it back; otherwise (MySQL,
     * {@code returning(false)}, or a row {@code ignoreDuplicates} skipped) the values sent, with the generated
     * key where the database gave one, else none.
     *
     * <pre>{@code
     * // Sequelize: await User.create({ name: 'Ann', role: 'admin' }, { fields: ['name'] });
     * users.create(Map.of("name", "Ann", "role", "admin"), CreateOptions.options().fields("name")).join();
     * // Sequelize: await User.create({ id: 1, name: 'Ann' }, { ignoreDuplicates: true });
     * users.create(Map.of("id", 1, "name", "Ann"), CreateOptions.options().ignoreDuplicates(true)).join();
     * }</pre>
     */
    public CompletableFuture<ModelInstance> create(Map<String, ?> values, CreateOptions options, Transaction transaction) {
        return sequelize.build(() -> WriteStatements.create(definition, required(values, "create", "values"),
                required(options, "create", "options"), sequelize.clock().instant()))
                .thenCompose(insert -> sequelize.run(insert, transaction).thenApply(result -> {
                    if (!result.rows().isEmpty() || result.generatedKey().isDefined()) {
                        return created(insert, result);
                    }
                    return sentRow(insert.columns(), insert.values(),
                            insert.autoIncrementColumn(), null);
                }));
    }

    // ---- findByPk -------------------------------------------------------------------------------------

    /**
     * {@code Model.findByPk(key)}: the row whose primary key is {@code key}, if any. A null key sends
     * nothing and answers empty, as Sequelize answers null without a query.
     *
     * <pre>{@code
     * // Sequelize: const user = await User.findByPk(5);
     * Optional<ModelInstance> user = users.findByPk(5).join();
     * }</pre>
     *
     * <p>Fails with a {@code ValidationError}, before any SQL, when the key does not fit the key attribute's
     * type, the model's primary key has several attributes, or the options have a where (the key is the where).
     */
    public CompletableFuture<Optional<ModelInstance>> findByPk(Object key) {
        return findByPk(key, FindOptions.options(), null);
    }

    /** {@code Model.findByPk(key, {transaction})}. */
    public CompletableFuture<Optional<ModelInstance>> findByPk(Object key, Transaction transaction) {
        return findByPk(key, FindOptions.options(), transaction);
    }

    /** {@code Model.findByPk(key, options)}: with {@code attributes}, {@code paranoid}, {@code lock}, ... */
    public CompletableFuture<Optional<ModelInstance>> findByPk(Object key, FindOptions options) {
        return findByPk(key, options, null);
    }

    /** {@code Model.findByPk(key, {...options, transaction})}. */
    public CompletableFuture<Optional<ModelInstance>> findByPk(Object key, FindOptions options, Transaction transaction) {
        return sequelize.build(() -> FinderSql.findByPk(definition, key, required(options, "findByPk", "options"), sequelize.dialect()))
                .thenCompose(sql -> sql.isEmpty()
                        ? CompletableFuture.completedFuture(Optional.<ModelInstance>empty())
                        : sequelize.run(sql.get(), StatementKind.SELECT, transaction).thenApply(result -> first(instances(result))));
    }

    // ---- findOrCreate ---------------------------------------------------------------------------------

    /** {@code Model.findOrCreate({where})}: as {@link #findOrCreate(FindOptions, Map, Transaction)} without defaults. */
    public CompletableFuture<FindOrCreateResult> findOrCreate(FindOptions options) {
        return findOrCreate(options, Map.of(), null);
    }

    /** {@code Model.findOrCreate({where, transaction})}. */
    public CompletableFuture<FindOrCreateResult> findOrCreate(FindOptions options, Transaction transaction) {
        return findOrCreate(options, Map.of(), transaction);
    }

    /** {@code Model.findOrCreate({where, defaults})}: see {@link #findOrCreate(FindOptions, Map, Transaction)}. */
    public CompletableFuture<FindOrCreateResult> findOrCreate(FindOptions options, Map<String, ?> defaults) {
        return findOrCreate(options, defaults, null);
    }

    /**
     * {@code Model.findOrCreate({where, defaults, transaction})}: the row the where finds, or, when there is
     * none, a new row made of {@code defaults} and the where's plain values (defaults win); answers Sequelize's
     * {@code [instance, created]}.
     *
     * <pre>{@code
     * // Sequelize: const [user, created] = await User.findOrCreate({
     * //              where: { email: 'ann@example.com' }, defaults: { name: 'Ann' } });
     * FindOrCreateResult result = users.findOrCreate(options().where(Map.of("email", "ann@example.com")),
     *         Map.of("name", "Ann")).join();
     * result.instance().get("name");   // "Ann", or the name the row already had
     * result.created();                // true when this call inserted it
     * }</pre>
     *
     * <p>As Sequelize: the SELECT and the INSERT run in a transaction of their own, or in a savepoint of
     * {@code transaction} when one is given. When the INSERT fails with a {@link UniqueConstraintError}
     * because another session inserted the row after the SELECT, that transaction (savepoint) is rolled
     * back and the row is looked up again, outside any transaction (in {@code transaction} when given,
     * there with a shared row lock where the database takes one, so that MySQL's REPEATABLE READ sees the
     * row the other session committed); found, the answer is {@code created == false}. Not found, or a
     * unique violation on attributes only {@code defaults} gives, fails with the {@code UniqueConstraintError}.
     *
     * <p>Fails with a {@code ValidationError}, before any SQL, when there is no where, or the where gives an
     * attribute a condition ({@code {age: {$gt: 18}}}) and {@code defaults} gives it no value.
     */
    public CompletableFuture<FindOrCreateResult> findOrCreate(FindOptions options, Map<String, ?> defaults,
                                                              Transaction transaction) {
        return sequelize.build(() -> FindStatements.findOrCreate(definition, required(options, "findOrCreate", "options"),
                required(defaults, "findOrCreate", "defaults"), sequelize.clock().instant()))
                .thenCompose(statements -> open(transaction).thenCompose(inner -> findOrCreateIn(statements, inner)
                        .handle((answer, error) -> error == null
                                ? inner.commit().thenApply(ignored -> answer)
                                : rolledBack(inner, Transaction.unwrap(error)).thenCompose(failure ->
                                        foundAfterRace(failure, statements, options, defaults, transaction)))
                        .thenCompose(next -> next)));
    }

    /** A transaction of findOrCreate's own, or a savepoint in the caller's. */
    private CompletableFuture<Transaction> open(Transaction caller) {
        return caller == null
                ? sequelize.transaction()
                : sequelize.transaction(TransactionOptions.options().transaction(caller));
    }

    private CompletableFuture<FindOrCreateResult> findOrCreateIn(FindOrCreate statements, Transaction inner) {
        return sequelize.run(statements.find(), inner).thenCompose(found -> {
            List<ModelInstance> rows = instances(found);
            if (!rows.isEmpty()) {
                return CompletableFuture.completedFuture(new FindOrCreateResult(rows.get(0), false));
            }
            return sequelize.run(statements.create(), inner)
                    .thenApply(result -> new FindOrCreateResult(created(statements.create(), result), true));
        });
    }

    /** Rolls back what is still open of {@code inner}; answers with {@code error}, any rollback failure suppressed in it. */
    private static CompletableFuture<Throwable> rolledBack(Transaction inner, Throwable error) {
        if (inner.finished().isPresent()) {
            return CompletableFuture.completedFuture(error);
        }
        return inner.rollback().handle((ignored, rollbackError) -> {
            if (rollbackError != null) {
                error.addSuppressed(Transaction.unwrap(rollbackError));
            }
            return error;
        });
    }

    /**
     * Sequelize's answer to a failed findOrCreate: a unique violation means another session may have
     * created the row in between, so it is looked up again; anything else fails as it is.
     */
    private CompletableFuture<FindOrCreateResult> foundAfterRace(Throwable failure, FindOrCreate statements,
                                                                 FindOptions options, Map<String, ?> defaults,
                                                                 Transaction caller) {
        if (!(failure instanceof UniqueConstraintError unique) || violatesDefaultsOnly(unique, options, defaults)) {
            return CompletableFuture.failedFuture(failure);
        }
        return sequelize.run(findAgain(statements.find(), options, caller), caller).thenCompose(result -> {
            Optional<ModelInstance> found = first(instances(result));
            return found.isPresent()
                    ? CompletableFuture.completedFuture(new FindOrCreateResult(found.get(), false))
                    : CompletableFuture.failedFuture(failure);
        });
    }

    /**
     * As Sequelize: a violation whose columns (where the driver names them) include none of the where's and
     * some of the defaults' is a conflict with another row, not the row looked for, so it is not looked up again.
     */
    private boolean violatesDefaultsOnly(UniqueConstraintError unique, FindOptions options, Map<String, ?> defaults) {
        List<String> fields = unique.fields();
        if (fields.isEmpty()) {
            return false;
        }
        boolean inWhere = options.whereAttributes().keySet().exists(name -> fields.contains(field(name)));
        boolean inDefaults = defaults.keySet().stream().anyMatch(name -> fields.contains(field(name)));
        return !inWhere && inDefaults;
    }

    private String field(String attribute) {
        return definition.attributes().get(attribute).map(Attribute::field).getOrElse(attribute);
    }

    /**
     * The SELECT that looks for the row the other session inserted. In the caller's transaction it takes a
     * shared row lock where the database has one: a locking read sees the latest committed row, where a
     * plain read under MySQL's REPEATABLE READ sees the transaction's older snapshot. SQLite has no row
     * locks and no other writer between the SELECT and the INSERT, so it reads plainly.
     */
    private Statement.Select findAgain(Statement.Select find, FindOptions options, Transaction caller) {
        if (caller == null || options.lock().isDefined()) {
            return find;
        }
        Statement.Select locked = FindStatements.findOne(definition, options.lock(Lock.SHARE));
        try {
            SqlRenderer.render(locked, sequelize.dialect());
            return locked;
        } catch (UnsupportedFeatureError e) {
            return find;
        }
    }

    // ---- findAndCountAll, count ----------------------------------------------------------------------

    /** {@code Model.findAndCountAll()}: every row, and how many. */
    public CompletableFuture<CountAndRows> findAndCountAll() {
        return findAndCountAll(FindOptions.options(), null);
    }

    /** {@code Model.findAndCountAll({transaction})}. */
    public CompletableFuture<CountAndRows> findAndCountAll(Transaction transaction) {
        return findAndCountAll(FindOptions.options(), transaction);
    }

    /**
     * {@code Model.findAndCountAll(options)}: Sequelize's {@code {count, rows}}, the count of every matching
     * row (attributes, order, limit and offset left out) and the page, sent in that order.
     *
     * <pre>{@code
     * // Sequelize: const { count, rows } = await User.findAndCountAll({ where: {...}, offset: 10, limit: 2 });
     * CountAndRows page = users.findAndCountAll(options().where(Map.of(...)).offset(10).limit(2)).join();
     * }</pre>
     *
     * <p>With {@code group}, Sequelize's count is a list per group: that is {@link #countByGroup}, and here
     * a {@code ValidationError}.
     */
    public CompletableFuture<CountAndRows> findAndCountAll(FindOptions options) {
        return findAndCountAll(options, null);
    }

    /** {@code Model.findAndCountAll({...options, transaction})}. */
    public CompletableFuture<CountAndRows> findAndCountAll(FindOptions options, Transaction transaction) {
        return sequelize.build(() -> FindStatements.findAndCountAll(definition, ungrouped(options, "findAndCountAll")))
                .thenCompose(both -> sequelize.run(both.count(), transaction).thenApply(Model::countOf)
                        .thenCompose(count -> sequelize.run(both.rows(), transaction)
                                // Sequelize answers no rows when the count is 0, whatever the page holds.
                                .thenApply(rows -> new CountAndRows(count, count == 0 ? List.of() : instances(rows)))));
    }

    /** {@code Model.count()}: every row. */
    public CompletableFuture<Long> count() {
        return count(FindOptions.options(), null);
    }

    /** {@code Model.count({transaction})}. */
    public CompletableFuture<Long> count(Transaction transaction) {
        return count(FindOptions.options(), transaction);
    }

    /**
     * {@code Model.count(options)}: the matching rows; with {@code col} the non-null values of that attribute,
     * with {@code distinct} the distinct ones (of the primary key when no {@code col} is given).
     *
     * <pre>{@code
     * // Sequelize: await User.count({ where: { team: 'red' } });  await User.count({ distinct: true, col: 'team' });
     * long red = users.count(options().where(Map.of("team", "red"))).join();
     * long teams = users.count(options().distinct(true).col("team")).join();
     * }</pre>
     *
     * <p>With {@code group} Sequelize answers one count per group: use {@link #countByGroup}; here it is a
     * {@code ValidationError}.
     */
    public CompletableFuture<Long> count(FindOptions options) {
        return count(options, null);
    }

    /** {@code Model.count({...options, transaction})}. */
    public CompletableFuture<Long> count(FindOptions options, Transaction transaction) {
        return sequelize.build(() -> FindStatements.count(definition, ungrouped(options, "count")))
                .thenCompose(select -> sequelize.run(select, transaction))
                .thenApply(Model::countOf);
    }

    /**
     * {@code Model.count({group})}: one count per group, Sequelize's {@code [{team: 'red', count: 2}, ...]},
     * in the order the database gives them (add {@code order} for another).
     *
     * <pre>{@code
     * // Sequelize: await User.count({ group: ['team'] });
     * List<GroupCount> teams = users.countByGroup(options().group("team")).join();
     * }</pre>
     *
     * <p>Without {@code group} it is a {@code ValidationError}: that is {@link #count(FindOptions)}.
     */
    public CompletableFuture<List<GroupCount>> countByGroup(FindOptions options) {
        return countByGroup(options, null);
    }

    /** {@code Model.count({group, transaction})}. */
    public CompletableFuture<List<GroupCount>> countByGroup(FindOptions options, Transaction transaction) {
        return sequelize.build(() -> {
            if (required(options, "countByGroup", "options").group().isEmpty()) {
                throw new ValidationError("countByGroup: give group, the attributes to count by"
                        + " (options().group(\"team\")); without it use count");
            }
            return FindStatements.count(definition, options);
        }).thenCompose(select -> sequelize.run(select, transaction)).thenApply(this::groupCounts);
    }

    // ---- max, min, sum --------------------------------------------------------------------------------

    /** {@code Model.max(attribute)}: see {@link #max(String, FindOptions, Transaction)}. */
    public CompletableFuture<Object> max(String attribute) {
        return max(attribute, FindOptions.options(), null);
    }

    /** {@code Model.max(attribute, {transaction})}. */
    public CompletableFuture<Object> max(String attribute, Transaction transaction) {
        return max(attribute, FindOptions.options(), transaction);
    }

    /** {@code Model.max(attribute, options)}: see {@link #max(String, FindOptions, Transaction)}. */
    public CompletableFuture<Object> max(String attribute, FindOptions options) {
        return max(attribute, options, null);
    }

    /**
     * {@code Model.max(attribute, {...options, transaction})}: the largest value of the attribute among the
     * matching rows, in the Java type of its data type ({@code Integer} for INTEGER, {@code BigDecimal} for
     * DECIMAL, {@code Instant} for DATE, ...); null when no row matches, as in Sequelize.
     *
     * <pre>{@code
     * // Sequelize: await User.max('age', { where: { team: 'red' } });
     * Integer oldest = (Integer) users.max("age", options().where(Map.of("team", "red"))).join();
     * }</pre>
     */
    public CompletableFuture<Object> max(String attribute, FindOptions options, Transaction transaction) {
        return aggregate("max", attribute, options, transaction);
    }

    /** {@code Model.min(attribute)}: see {@link #max(String, FindOptions, Transaction)}. */
    public CompletableFuture<Object> min(String attribute) {
        return min(attribute, FindOptions.options(), null);
    }

    /** {@code Model.min(attribute, {transaction})}. */
    public CompletableFuture<Object> min(String attribute, Transaction transaction) {
        return min(attribute, FindOptions.options(), transaction);
    }

    /** {@code Model.min(attribute, options)}. */
    public CompletableFuture<Object> min(String attribute, FindOptions options) {
        return min(attribute, options, null);
    }

    /** {@code Model.min(attribute, {...options, transaction})}: the smallest value, typed as {@link #max} types it. */
    public CompletableFuture<Object> min(String attribute, FindOptions options, Transaction transaction) {
        return aggregate("min", attribute, options, transaction);
    }

    /** {@code Model.sum(attribute)}: see {@link #sum(String, FindOptions, Transaction)}. */
    public CompletableFuture<Object> sum(String attribute) {
        return sum(attribute, FindOptions.options(), null);
    }

    /** {@code Model.sum(attribute, {transaction})}. */
    public CompletableFuture<Object> sum(String attribute, Transaction transaction) {
        return sum(attribute, FindOptions.options(), transaction);
    }

    /** {@code Model.sum(attribute, options)}. */
    public CompletableFuture<Object> sum(String attribute, FindOptions options) {
        return sum(attribute, options, null);
    }

    /**
     * {@code Model.sum(attribute, {...options, transaction})}: the sum over the matching rows; null when none
     * matches, as in Sequelize. An integer attribute sums to a {@code Long} (a sum outgrows its attribute's
     * range), DECIMAL to a {@code BigDecimal}, FLOAT/DOUBLE to a {@code Double}.
     *
     * <pre>{@code
     * // Sequelize: await User.sum('age');
     * Long years = (Long) users.sum("age").join();
     * }</pre>
     */
    public CompletableFuture<Object> sum(String attribute, FindOptions options, Transaction transaction) {
        return aggregate("sum", attribute, options, transaction);
    }

    private CompletableFuture<Object> aggregate(String function, String attribute, FindOptions options,
                                                Transaction transaction) {
        return sequelize.build(() -> {
            required(attribute, function, "attribute");
            FindOptions checked = ungrouped(options, function);
            Statement.Select select = switch (function) {
                case "max" -> FindStatements.max(definition, attribute, checked);
                case "min" -> FindStatements.min(definition, attribute, checked);
                default -> FindStatements.sum(definition, attribute, checked);
            };
            return select;
        }).thenCompose(select -> sequelize.run(select, transaction)).thenApply(result -> {
            Object value = result.rows().isEmpty() ? null : result.rows().get(0)[column(result, function)];
            DataType type = definition.attribute(attribute).type();
            if (function.equals("sum") && type instanceof DataType.IntegralType) {
                type = DataTypes.BIGINT;
            }
            return value == null ? null : sequelize.dialect().fromDatabaseValue(type, value);
        });
    }

    // ---- bulkCreate ------------------------------------------------------------------------------------

    /** {@code Model.bulkCreate(rows)}: see {@link #bulkCreate(List, BulkCreateOptions, Transaction)}. */
    public CompletableFuture<List<ModelInstance>> bulkCreate(List<? extends Map<String, ?>> rows) {
        return bulkCreate(rows, BulkCreateOptions.options(), null);
    }

    /** {@code Model.bulkCreate(rows, {transaction})}. */
    public CompletableFuture<List<ModelInstance>> bulkCreate(List<? extends Map<String, ?>> rows, Transaction transaction) {
        return bulkCreate(rows, BulkCreateOptions.options(), transaction);
    }

    /** {@code Model.bulkCreate(rows, options)}: see {@link #bulkCreate(List, BulkCreateOptions, Transaction)}. */
    public CompletableFuture<List<ModelInstance>> bulkCreate(List<? extends Map<String, ?>> rows, BulkCreateOptions options) {
        return bulkCreate(rows, options, null);
    }

    /**
     * {@code Model.bulkCreate(rows, {...options, transaction})}: inserts every row with one multi-row INSERT
     * (split where the database caps one statement's parameters or rows: SQLite 32,766 values, SQL Server
     * 1,000 rows; the parts run one after another, inside a transaction of their own when none is given, so
     * that all of them land or none) and answers the rows as stored.
     *
     * <pre>{@code
     * // Sequelize: await User.bulkCreate([{ name: 'a' }, { name: 'b' }], { ignoreDuplicates: true });
     * List<ModelInstance> created = users.bulkCreate(List.of(Map.of("name", "a"), Map.of("name", "b")),
     *         BulkCreateOptions.options().ignoreDuplicates(true)).join();
     * }</pre>
     *
     * <p>What comes back: where the database hands the rows back (PostgreSQL, SQLite, MariaDB, SQL Server),
     * the rows it stored, in order; with {@code ignoreDuplicates} or {@code updateOnDuplicate}, only the rows
     * inserted or updated (Sequelize answers an instance per row given, pairing them with the returned rows
     * by position, so a skipped row shifts the keys). On MySQL, and with {@code returning(false)}, an instance
     * per row given with the values sent; on MySQL with the generated keys, consecutive from the first, as
     * Sequelize assigns them, when every row was inserted, otherwise (a duplicate skipped or updated) none.
     * No rows: nothing is sent, and the answer is empty.
     *
     * <p>Fails with a {@code ValidationError} naming the row ({@code rows[1]: ...}) before any SQL, for a value
     * {@code create} would refuse, and for {@code ignoreDuplicates} with {@code updateOnDuplicate}.
     */
    public CompletableFuture<List<ModelInstance>> bulkCreate(List<? extends Map<String, ?>> rows, BulkCreateOptions options,
                                                             Transaction transaction) {
        return sequelize.build(() -> WriteStatements.bulkCreate(definition, required(rows, "bulkCreate", "rows"),
                required(options, "bulkCreate", "options"), sequelize.clock().instant()))
                .thenCompose(insert -> insert.isEmpty()
                        ? CompletableFuture.completedFuture(List.<ModelInstance>of())
                        : sequelize.runAll(insert.get(), transaction).thenApply(results -> bulkCreated(insert.get(), results)));
    }

    private List<ModelInstance> bulkCreated(Statement.BulkInsert insert, List<QueryResult> parts) {
        if (parts.stream().anyMatch(part -> !part.columns().isEmpty())) {
            List<ModelInstance> stored = new ArrayList<>();
            for (QueryResult part : parts) {
                stored.addAll(instancesByField(part));
            }
            return stored;
        }
        // The generated keys follow one another within a part only when every row of it was inserted with a
        // generated key: a skipped or updated duplicate, or a row giving its own key, leaves them unknown.
        int keyIndex = insert.autoIncrementColumn().map(insert.columns()::indexOf).getOrElse(-1);
        boolean keysFollow = insert.onDuplicate() instanceof OnDuplicate.Refuse
                && insert.rows().forAll(row -> keyIndex < 0 || row.get(keyIndex) == Statement.BulkInsert.Generated.KEY);
        boolean keyOfLastRow = sequelize.dialect().generatedKeyRow() == Dialect.GeneratedKeyRow.LAST;
        SentRows sentRows = new SentRows(insert.columns(), insert.autoIncrementColumn());
        List<ModelInstance> sent = new ArrayList<>(insert.rows().size());
        int part = 0;
        long inPart = 0;
        Long firstKey = firstKey(parts.get(0), keysFollow, keyOfLastRow);
        for (io.vavr.collection.Array<Object> row : insert.rows()) {
            while (part < parts.size() - 1 && inPart >= parts.get(part).updateCount()) {
                part++;
                inPart = 0;
                firstKey = firstKey(parts.get(part), keysFollow, keyOfLastRow);
            }
            sent.add(sentRows.instance(row, firstKey == null ? null : firstKey + inPart));
            inPart++;
        }
        return sent;
    }

    /**
     * The key of a part's first row, when the keys follow one another: the generated key itself (MySQL's
     * {@code LAST_INSERT_ID()}), or counted back from the last row's ({@code last_insert_rowid()} on SQLite,
     * {@code lastID - changes + 1} as Sequelize counts it there). Null when unknown.
     */
    private static Long firstKey(QueryResult part, boolean keysFollow, boolean keyOfLastRow) {
        if (!keysFollow || !(part.generatedKey().getOrNull() instanceof Number key)) {
            return null;
        }
        if (!keyOfLastRow) {
            return key.longValue();
        }
        return part.updateCount() > 0 ? key.longValue() - part.updateCount() + 1 : null;
    }

    // ---- update, increment, decrement ----------------------------------------------------------------

    /** {@code Model.update(values, options)}: see {@link #update(Map, UpdateOptions, Transaction)}. */
    public CompletableFuture<UpdateResult> update(Map<String, ?> values, UpdateOptions options) {
        return update(values, options, null);
    }

    /**
     * {@code Model.update(values, {...options, transaction})}: sets the values on every row the required where
     * matches ({@code Map.of()} for every row), stamps {@code updatedAt} unless {@code silent}, skips a paranoid
     * model's soft-deleted rows unless {@code paranoid(false)}; answers Sequelize's {@code [affectedCount]},
     * with {@code returning} also the changed rows where the database hands them back.
     *
     * <pre>{@code
     * // Sequelize: const [affectedCount] = await User.update({ team: 'blue' }, { where: { team: 'red' } });
     * long moved = users.update(Map.of("team", "blue"), UpdateOptions.options().where(Map.of("team", "red")))
     *         .join().affectedCount();
     * }</pre>
     *
     * <p>No value left to write ({@code fields} excluding all): nothing is sent, the count is 0, as in
     * Sequelize. No where: a {@code ValidationError} before any SQL, as Sequelize's "Missing where attribute".
     */
    public CompletableFuture<UpdateResult> update(Map<String, ?> values, UpdateOptions options, Transaction transaction) {
        return sequelize.build(() -> WriteStatements.update(definition, required(values, "update", "values"),
                required(options, "update", "options"), sequelize.clock().instant()))
                .thenCompose(update -> update.isEmpty()
                        ? CompletableFuture.completedFuture(new UpdateResult(0, List.of()))
                        : sequelize.run(update.get(), transaction).thenApply(this::updated));
    }

    /**
     * {@code Model.increment(attributes, options)}: each attribute {@code = attribute + by} (1 unless
     * {@code by} says otherwise), computed by the database, on the rows the required where matches.
     *
     * <pre>{@code
     * // Sequelize: await User.increment(['visits'], { by: 2, where: { id: 5 } });
     * users.increment(List.of("visits"), IncrementOptions.options().by(2).where(Map.of("id", 5))).join();
     * }</pre>
     */
    public CompletableFuture<UpdateResult> increment(Iterable<String> attributes, IncrementOptions options) {
        return increment(attributes, options, null);
    }

    /** {@code Model.increment(attributes, {...options, transaction})}. */
    public CompletableFuture<UpdateResult> increment(Iterable<String> attributes, IncrementOptions options,
                                                     Transaction transaction) {
        return adjusted(() -> WriteStatements.increment(definition, required(attributes, "increment", "attributes"),
                required(options, "increment", "options"), sequelize.clock().instant()), transaction);
    }

    /**
     * {@code Model.increment({attribute: by, ...}, options)}: each attribute by its own amount.
     *
     * <pre>{@code
     * // Sequelize: await User.increment({ visits: 1, score: 10 }, { where: { id: 5 } });
     * users.increment(Map.of("visits", 1, "score", 10), IncrementOptions.options().where(Map.of("id", 5))).join();
     * }</pre>
     */
    public CompletableFuture<UpdateResult> increment(Map<String, ? extends Number> amounts, IncrementOptions options) {
        return increment(amounts, options, null);
    }

    /** {@code Model.increment({attribute: by, ...}, {...options, transaction})}. */
    public CompletableFuture<UpdateResult> increment(Map<String, ? extends Number> amounts, IncrementOptions options,
                                                     Transaction transaction) {
        return adjusted(() -> WriteStatements.increment(definition, required(amounts, "increment", "amounts"),
                required(options, "increment", "options"), sequelize.clock().instant()), transaction);
    }

    /** {@code Model.decrement(attributes, options)}: each attribute {@code = attribute - by}. */
    public CompletableFuture<UpdateResult> decrement(Iterable<String> attributes, IncrementOptions options) {
        return decrement(attributes, options, null);
    }

    /** {@code Model.decrement(attributes, {...options, transaction})}. */
    public CompletableFuture<UpdateResult> decrement(Iterable<String> attributes, IncrementOptions options,
                                                     Transaction transaction) {
        return adjusted(() -> WriteStatements.decrement(definition, required(attributes, "decrement", "attributes"),
                required(options, "decrement", "options"), sequelize.clock().instant()), transaction);
    }

    /** {@code Model.decrement({attribute: by, ...}, options)}. */
    public CompletableFuture<UpdateResult> decrement(Map<String, ? extends Number> amounts, IncrementOptions options) {
        return decrement(amounts, options, null);
    }

    /** {@code Model.decrement({attribute: by, ...}, {...options, transaction})}. */
    public CompletableFuture<UpdateResult> decrement(Map<String, ? extends Number> amounts, IncrementOptions options,
                                                     Transaction transaction) {
        return adjusted(() -> WriteStatements.decrement(definition, required(amounts, "decrement", "amounts"),
                required(options, "decrement", "options"), sequelize.clock().instant()), transaction);
    }

    private CompletableFuture<UpdateResult> adjusted(Supplier<Statement.Update> build, Transaction transaction) {
        return sequelize.build(build).thenCompose(update -> sequelize.run(update, transaction)).thenApply(this::updated);
    }

    /** The changed rows where they came back (RETURNING / OUTPUT), else the count alone. */
    private UpdateResult updated(QueryResult result) {
        if (!result.columns().isEmpty()) {
            List<ModelInstance> rows = instancesByField(result);
            return new UpdateResult(rows.size(), rows);
        }
        return new UpdateResult(Math.max(result.updateCount(), 0), List.of());
    }

    // ---- destroy, restore, truncate ------------------------------------------------------------------

    /** {@code Model.destroy(options)}: see {@link #destroy(DestroyOptions, Transaction)}. */
    public CompletableFuture<Long> destroy(DestroyOptions options) {
        return destroy(options, null);
    }

    /**
     * {@code Model.destroy({...options, transaction})}: deletes the rows the required where matches
     * ({@code Map.of()} for every row), or with {@code truncate(true)} empties the table; on a paranoid model,
     * unless {@code force(true)}, stamps their {@code deletedAt} instead. Answers the number of rows deleted
     * (or stamped), as Sequelize does.
     *
     * <pre>{@code
     * // Sequelize: const deleted = await User.destroy({ where: { team: 'red' } });
     * long deleted = users.destroy(DestroyOptions.options().where(Map.of("team", "red"))).join();
     * users.destroy(DestroyOptions.options().where(Map.of("id", 5)).force(true)).join();   // paranoid: for good
     * }</pre>
     */
    public CompletableFuture<Long> destroy(DestroyOptions options, Transaction transaction) {
        return sequelize.build(() -> WriteStatements.destroy(definition, required(options, "destroy", "options"),
                sequelize.clock().instant()))
                .thenCompose(statement -> sequelize.runAll(statement, transaction))
                .thenApply(Model::affected);
    }

    /** {@code Model.restore()}: every soft-deleted row of a paranoid model. */
    public CompletableFuture<Void> restore() {
        return restore(RestoreOptions.options(), null);
    }

    /** {@code Model.restore({transaction})}. */
    public CompletableFuture<Void> restore(Transaction transaction) {
        return restore(RestoreOptions.options(), transaction);
    }

    /** {@code Model.restore(options)}: see {@link #restore(RestoreOptions, Transaction)}. */
    public CompletableFuture<Void> restore(RestoreOptions options) {
        return restore(options, null);
    }

    /**
     * {@code Model.restore({...options, transaction})}: clears {@code deletedAt} on the matching rows of a
     * paranoid model (every row without a where); completes with nothing, as Sequelize's resolves with
     * {@code undefined}. A model that is not paranoid is a {@code ValidationError} before any SQL.
     *
     * <pre>{@code
     * // Sequelize: await User.restore({ where: { id: 5 } });
     * users.restore(RestoreOptions.options().where(Map.of("id", 5))).join();
     * }</pre>
     */
    public CompletableFuture<Void> restore(RestoreOptions options, Transaction transaction) {
        return sequelize.build(() -> WriteStatements.restore(definition, required(options, "restore", "options")))
                .thenCompose(update -> sequelize.run(update, transaction))
                .thenApply(ignored -> null);
    }

    /** {@code Model.truncate()}: empties the table. */
    public CompletableFuture<Void> truncate() {
        return truncate(DestroyOptions.options(), null);
    }

    /** {@code Model.truncate({transaction})}. */
    public CompletableFuture<Void> truncate(Transaction transaction) {
        return truncate(DestroyOptions.options(), transaction);
    }

    /** {@code Model.truncate(options)}: see {@link #truncate(DestroyOptions, Transaction)}. */
    public CompletableFuture<Void> truncate(DestroyOptions options) {
        return truncate(options, null);
    }

    /**
     * {@code Model.truncate({...options, transaction})}: Sequelize's {@code destroy({...options, truncate: true})}:
     * {@code TRUNCATE} (with {@code cascade}, {@code restartIdentity}; on SQLite a DELETE and, to restart the
     * counter, a second statement), or on a paranoid model without {@code force(true)} every row soft-deleted.
     * Completes with nothing, as Sequelize's resolves with {@code undefined}.
     *
     * <pre>{@code
     * // Sequelize: await User.truncate({ restartIdentity: true });
     * users.truncate(DestroyOptions.options().restartIdentity(true)).join();
     * }</pre>
     */
    public CompletableFuture<Void> truncate(DestroyOptions options, Transaction transaction) {
        return sequelize.build(() -> WriteStatements.truncate(definition, required(options, "truncate", "options"),
                sequelize.clock().instant()))
                .thenCompose(statement -> sequelize.runAll(statement, transaction))
                .thenApply(ignored -> null);
    }

    // ---- upsert --------------------------------------------------------------------------------------

    /** {@code Model.upsert(values)}: see {@link #upsert(Map, UpsertOptions, Transaction)}. */
    public CompletableFuture<UpsertResult> upsert(Map<String, ?> values) {
        return upsert(values, UpsertOptions.options(), null);
    }

    /** {@code Model.upsert(values, {transaction})}. */
    public CompletableFuture<UpsertResult> upsert(Map<String, ?> values, Transaction transaction) {
        return upsert(values, UpsertOptions.options(), transaction);
    }

    /** {@code Model.upsert(values, options)}: see {@link #upsert(Map, UpsertOptions, Transaction)}. */
    public CompletableFuture<UpsertResult> upsert(Map<String, ?> values, UpsertOptions options) {
        return upsert(values, options, null);
    }

    /**
     * {@code Model.upsert(values, {...options, transaction})}: inserts the row, or, when it collides on the
     * conflict key (the primary key unless {@code conflictFields} names another), overwrites the existing row
     * with the given values (only {@code fields}, when given; never {@code createdAt}); answers Sequelize's
     * {@code [instance, created]}.
     *
     * <pre>{@code
     * // Sequelize: const [user, created] = await User.upsert({ id: 5, name: 'Ann' });
     * UpsertResult result = users.upsert(Map.of("id", 5, "name", "Ann")).join();
     * }</pre>
     *
     * <p>{@code created} is known where the database tells it (MySQL without rows handed back: 1 row
     * affected for an insert, 2 for an update; SQL Server's MERGE: {@code OUTPUT $action}, {@code INSERT} or
     * {@code UPDATE}), and empty elsewhere, where Sequelize answers null (PostgreSQL, SQLite) or the database
     * hands back the row but not the count (MariaDB). The instance is the stored row where the database hands
     * it back, else the values sent (and the generated key of a row inserted).
     */
    public CompletableFuture<UpsertResult> upsert(Map<String, ?> values, UpsertOptions options, Transaction transaction) {
        return sequelize.build(() -> WriteStatements.upsert(definition, required(values, "upsert", "values"),
                required(options, "upsert", "options"), sequelize.clock().instant()))
                .thenCompose(upsert -> sequelize.run(upsert, transaction).thenApply(result -> upserted(upsert, result)));
    }

    private UpsertResult upserted(Statement.Upsert upsert, QueryResult result) {
        io.vavr.control.Option<String> action = sequelize.dialect().mergeActionColumn();
        if (action.isDefined() && result.columns().headOption().contains(action.get())) {
            return merged(upsert, result, action.get());
        }
        boolean told = sequelize.dialect().upsertCountTellsInsert();
        if (!result.columns().isEmpty() && !result.rows().isEmpty()) {
            return new UpsertResult(instancesByField(result).get(0), Optional.empty());
        }
        boolean inserted = result.updateCount() == 1;
        Object key = inserted ? result.generatedKey().getOrNull() : null;
        ModelInstance sent = sentRow(upsert.columns(), upsert.values(),
                upsert.autoIncrementColumn(), key);
        return new UpsertResult(sent, told ? Optional.of(inserted) : Optional.empty());
    }

    /**
     * A MERGE's answer (SQL Server): its OUTPUT starts with the action column, {@code INSERT} or {@code UPDATE},
     * read as {@code created} as Sequelize's mssql upsert reads {@code $action === 'INSERT'}; the columns after
     * it (with {@code returning}) are the stored row, and the action never becomes an attribute. No row at all
     * means the row was there and the MERGE had nothing to update (no {@code WHEN MATCHED}): not created, the
     * values sent, as in Sequelize.
     */
    private UpsertResult merged(Statement.Upsert upsert, QueryResult result, String actionColumn) {
        Object[] first = result.rows().isEmpty() ? null : result.rows().get(0);
        boolean created = first != null && switch (String.valueOf(first[0])) {
            case "INSERT" -> true;
            case "UPDATE" -> false;
            default -> throw new SequeljError("upsert on model '" + definition.name() + "': the MERGE's "
                    + actionColumn + " was " + first[0] + ", not INSERT or UPDATE");
        };
        if (first == null || result.columns().size() == 1) {
            return new UpsertResult(sentRow(upsert.columns(), upsert.values(),
                    upsert.autoIncrementColumn(), null), Optional.of(created));
        }
        QueryResult stored = new QueryResult(result.columns().tail(),
                List.<Object[]>of(java.util.Arrays.copyOfRange(first, 1, first.length)), result.updateCount(), result.generatedKey());
        return new UpsertResult(instancesByField(stored).get(0), Optional.of(created));
    }

    // ---- shared by the finders and writes -----------------------------------------------------------

    /**
     * The rows of {@code findAll(options)}, whatever they are mapped onto (instances, records, raw maps):
     * through {@link FinderSql}, so a finder shape seen before has its SQL bound to these values rather than
     * built and rendered again.
     */
    private CompletableFuture<QueryResult> selectAll(FindOptions options, Transaction transaction) {
        return sequelize.build(() -> FinderSql.findAll(definition, options, sequelize.dialect()))
                .thenCompose(sql -> sequelize.run(sql, StatementKind.SELECT, transaction));
    }

    /** The rows of {@code findOne(options)}, as {@link #selectAll} reads them. */
    private CompletableFuture<QueryResult> selectOne(FindOptions options, Transaction transaction) {
        return sequelize.build(() -> FinderSql.findOne(definition, options, sequelize.dialect()))
                .thenCompose(sql -> sequelize.run(sql, StatementKind.SELECT, transaction));
    }

    /** A required argument; null is a {@code ValidationError} naming it. */
    private static <T> T required(T value, String method, String argument) {
        if (value == null) {
            throw new ValidationError(method + ": " + argument + " must not be null");
        }
        return value;
    }

    /** Options without {@code group}, which makes Sequelize's count a list: {@link #countByGroup} reads that. */
    private static FindOptions ungrouped(FindOptions options, String method) {
        if (required(options, method, "options").group().nonEmpty()) {
            throw new ValidationError(method + ": with group Sequelize answers one result per group; use"
                    + " countByGroup for counts, or findAll with attributes such as fn(\"max\", col(\"age\")) and group");
        }
        return options;
    }

    private static Optional<ModelInstance> first(List<ModelInstance> instances) {
        return instances.isEmpty() ? Optional.empty() : Optional.of(instances.get(0));
    }

    /** The column an aggregate is selected as ({@code AS "count"}). */
    private static int column(QueryResult result, String alias) {
        int index = result.columns().indexOf(alias);
        return index >= 0 ? index : result.columns().size() - 1;
    }

    /** A count, whatever integer type the driver reads it as (SQLite int, PostgreSQL and MySQL bigint). */
    private static long countOf(QueryResult result) {
        if (result.rows().isEmpty()) {
            return 0;
        }
        Object value = result.rows().get(0)[column(result, "count")];
        return value == null ? 0 : ((Number) value).longValue();
    }

    private List<GroupCount> groupCounts(QueryResult result) {
        int countColumn = column(result, "count");
        List<GroupCount> groups = new ArrayList<>(result.rows().size());
        for (Object[] row : result.rows()) {
            LinkedHashMap<String, Object> keys = new LinkedHashMap<>();
            for (int i = 0; i < row.length; i++) {
                if (i == countColumn) {
                    continue;
                }
                String label = result.columns().get(i);
                Object value = row[i];
                io.vavr.control.Option<Attribute> attribute = definition.attributes().get(label);
                keys.put(label, attribute.isDefined() ? sequelize.dialect().fromDatabaseValue(attribute.get().type(), value) : value);
            }
            groups.add(new GroupCount(keys, row[countColumn] == null ? 0 : ((Number) row[countColumn]).longValue()));
        }
        return groups;
    }

    /** The rows the statements changed, added up over their parts. */
    private static long affected(List<QueryResult> results) {
        long affected = 0;
        for (QueryResult result : results) {
            affected += Math.max(result.updateCount(), 0);
        }
        return affected;
    }

    /** The last columns sent rows were read from, with where each attribute sits among them. */
    private volatile SentLayout sentLayout;

    private record SentLayout(io.vavr.collection.Seq<String> columns, io.vavr.control.Option<String> keyColumn,
                              Attribute[] attributes, int[] cellIndex, boolean[] isKey, AttributeValues.Keys names) {
        static SentLayout of(ModelDefinition definition, io.vavr.collection.Seq<String> columns,
                             io.vavr.control.Option<String> keyColumn) {
            Attribute[] attributes = definition.attributeList().toJavaArray(Attribute[]::new);
            int[] cellIndex = new int[attributes.length];
            boolean[] isKey = new boolean[attributes.length];
            String[] names = new String[attributes.length];
            for (int i = 0; i < attributes.length; i++) {
                cellIndex[i] = columns.indexOf(attributes[i].field());
                isKey[i] = keyColumn.contains(attributes[i].field());
                names[i] = attributes[i].name();
            }
            return new SentLayout(columns, keyColumn, attributes, cellIndex, isKey, AttributeValues.keys(names));
        }
    }

    /**
     * Rows as sent, where the database hands nothing back (MySQL; SQLite when the stored row is the values
     * sent and the key): each value in the dialect's stored form and read back from it, so the instance holds
     * what a later find returns; a generated key fills the auto-increment key where the row did not give one.
     * Where each attribute sits among the columns is found once for all rows, and a DATE value equal to the
     * one before it in its column (every row's {@code createdAt}) is converted once.
     */
    private final class SentRows {
        private final Attribute[] attributes;
        /** Per attribute: its column's position among the cells, or -1. */
        private final int[] cellIndex;
        private final boolean[] isKey;
        private final AttributeValues.Keys names;
        private final Object[] lastDate;
        private final Object[] lastStored;

        SentRows(io.vavr.collection.Seq<String> columns, io.vavr.control.Option<String> keyColumn) {
            SentLayout layout = sentLayout;
            if (layout == null || !layout.columns().equals(columns) || !layout.keyColumn().equals(keyColumn)) {
                layout = SentLayout.of(definition, columns, keyColumn);
                sentLayout = layout; // creates of one model send the same columns again and again
            }
            attributes = layout.attributes();
            cellIndex = layout.cellIndex();
            isKey = layout.isKey();
            names = layout.names();
            lastDate = new Object[attributes.length];
            lastStored = new Object[attributes.length];
        }

        /** The instance of a row sent: {@code cells} one value per column sent ({@link Statement.BulkInsert#rows()}). */
        ModelInstance instance(io.vavr.collection.IndexedSeq<Object> cells, Object generatedKey) {
            Dialect dialect = sequelize.dialect();
            // Every attribute has a value (null when none was sent), in definition order, as the map once built here had.
            Object[] values = new Object[attributes.length];
            for (int i = 0; i < attributes.length; i++) {
                Attribute attribute = attributes[i];
                int index = cellIndex[i];
                Object value = index >= 0 ? cells.get(index) : null;
                if (value == Statement.BulkInsert.Generated.KEY) {
                    value = null;
                }
                if (value instanceof java.time.Instant) {
                    if (!value.equals(lastDate[i])) {
                        lastDate[i] = value;
                        lastStored[i] = stored(dialect, attribute, value);
                    }
                    value = lastStored[i];
                } else if (value != null) {
                    value = stored(dialect, attribute, value);
                } else if (generatedKey != null && isKey[i]) {
                    value = dialect.fromDatabaseValue(attribute.type(), generatedKey);
                }
                values[i] = value;
            }
            return new ModelInstance(Model.this, names.values(values));
        }

        private static Object stored(Dialect dialect, Attribute attribute, Object value) {
            return dialect.fromDatabaseValue(attribute.type(), dialect.toDatabaseValue(attribute.type(), value));
        }
    }

    // ==== end of the finders and writes ===============================================================

    private List<ModelInstance> instances(QueryResult result) {
        return rows(result, values -> new ModelInstance(this, values));
    }

    /** The labels of the last result read into instances, with the attribute name and type of each. */
    private volatile ResolvedColumns resolved;

    private record ResolvedColumns(Array<String> labels, String[] names, DataType[] types) {
        static ResolvedColumns of(ModelDefinition definition, Array<String> labels) {
            String[] names = new String[labels.size()];
            DataType[] types = new DataType[labels.size()];
            for (int i = 0; i < names.length; i++) {
                Attribute attribute = definition.attribute(labels.get(i));
                names[i] = attribute.name();
                types[i] = attribute.type();
            }
            return new ResolvedColumns(labels, names, types);
        }
    }

    /** Each row as its attribute values by name, in column order, handed to {@code wrap}. */
    private <T> List<T> rows(QueryResult result, Function<LinkedHashMap<String, Object>, T> wrap) {
        Dialect dialect = sequelize.dialect();
        // Resolved once per result, not per row: row mapping is a hot path. A statement the executor keeps
        // prepared hands back the same labels every run, so those are resolved once for all runs.
        Array<String> labels = result.columns();
        ResolvedColumns columns = resolved;
        if (columns == null || columns.labels() != labels) {
            columns = ResolvedColumns.of(definition, labels);
            resolved = columns;
        }
        int width = labels.size();
        String[] names = columns.names();
        DataType[] types = columns.types();
        int capacity = (int) (width / 0.75f) + 1; // no rehash while a row is filled
        List<T> rows = new ArrayList<>(result.rows().size());
        for (Object[] row : result.rows()) {
            LinkedHashMap<String, Object> values = new LinkedHashMap<>(capacity);
            for (int i = 0; i < width; i++) {
                values.put(names[i], dialect.fromDatabaseValue(types[i], row[i]));
            }
            rows.add(wrap.apply(values));
        }
        return rows;
    }

    /**
     * The stored row: as the database returned it, or (MySQL) the values sent plus the generated key.
     * "Sent" means in the dialect's stored form and read back from it, so the instance holds what a
     * later find returns (MySQL's DATETIME drops the milliseconds of a DATE, and so does the instance).
     */
    private ModelInstance created(Statement.Insert insert, QueryResult result) {
        if (!result.rows().isEmpty()) {
            return instancesByField(result).get(0);
        }
        boolean keyGenerated = insert.autoIncrementColumn().exists(key -> !insert.columns().contains(key));
        if (keyGenerated && result.generatedKey().isEmpty()) {
            throw new SequeljError("create on model '" + definition.name() + "': the executor handed back neither"
                    + " the stored row nor the generated key, so the new row cannot be identified");
        }
        return sentRow(insert.columns(), insert.values(), insert.autoIncrementColumn(), result.generatedKey().getOrNull());
    }

    /** One row as sent (see {@link SentRows}), the generated key filling the auto-increment key where the row gives none. */
    private ModelInstance sentRow(io.vavr.collection.Seq<String> columns, io.vavr.collection.Seq<Expression> cells,
                                  io.vavr.control.Option<String> keyColumn, Object generatedKey) {
        // Each value sent; an expression the database computes (create sends none) is not known here.
        Array<Object> sent = Array.ofAll(cells.map(cell -> cell instanceof Expression.Param param ? param.value() : null));
        return new SentRows(columns, keyColumn).instance(sent, generatedKey);
    }

    /** RETURNING / OUTPUT name columns by field, not by attribute; map them back before reading. */
    List<ModelInstance> instancesByField(QueryResult result) {
        Array<String> attributeLabels = result.columns().map(field -> definition.attributeList()
                .find(a -> a.field().equals(field)).map(Attribute::name).getOrElse(field));
        return instances(new QueryResult(attributeLabels, result.rows(), result.updateCount(), result.generatedKey()));
    }

    // ---- instances (issue 4, rows and instances): build, and what ModelInstance's writes use ----------

    /**
     * Sequelize's {@code Model.build(values)}: a new, unsaved instance holding the given values and the
     * attributes' defaults (as Sequelize's {@code build} fills them in); {@link ModelInstance#save()} inserts it.
     *
     * <pre>{@code
     * // Sequelize: const jane = User.build({ firstName: 'Jane' }); await jane.save();
     * ModelInstance jane = users.build(Map.of("firstName", "Jane"));
     * jane.isNewRecord();   // true
     * jane.save().join();   // INSERT INTO "users" ... RETURNING ...; jane.get("id") is now the generated key
     * }</pre>
     *
     * @throws dev.sequelj.ast.error.ValidationError for an unknown attribute or a value its type cannot take
     */
    public ModelInstance build(Map<String, ?> values) {
        for (String name : values.keySet()) {
            definition.attribute(name); // an unknown one is refused by name
        }
        LinkedHashMap<String, Object> filled = new LinkedHashMap<>();
        Map<String, Object> withDefaults = DefaultValues.apply(definition, values, sequelize.clock().instant(), UuidGenerator.RANDOM);
        for (Attribute attribute : definition.attributes().values()) { // definition order, VIRTUAL ones too
            if (withDefaults.containsKey(attribute.name())) {
                filled.put(attribute.name(), ValueChecker.check(definition.name(), attribute, withDefaults.get(attribute.name())));
            }
        }
        return new ModelInstance(this, filled, true);
    }

    // ---- rows onto records, and raw rows (issue 4, rows and instances) ------------------------------

    /**
     * {@code Model.findAll(options)} with each row mapped onto a record of your own: each component filled
     * from the attribute of its name, converted to its type ({@link RecordMapper}). A component that
     * names no attribute or cannot hold its values fails the future with a {@code ValidationError} before any
     * SQL is sent.
     *
     * <pre>{@code
     * record UserRow(long id, String firstName, LocalDate birthday) {}
     * List<UserRow> rows = users.findAll(options().where(Map.of("lastName", "Doe")), UserRow.class).join();
     * }</pre>
     */
    public <R extends Record> CompletableFuture<List<R>> findAll(FindOptions options, Class<R> recordClass) {
        return findAll(options, recordClass, null);
    }

    /** {@link #findAll(FindOptions, Class)} of every row. */
    public <R extends Record> CompletableFuture<List<R>> findAll(Class<R> recordClass) {
        return findAll(FindOptions.options(), recordClass, null);
    }

    /** {@link #findAll(FindOptions, Class)} in a transaction. */
    public <R extends Record> CompletableFuture<List<R>> findAll(FindOptions options, Class<R> recordClass,
                                                                 Transaction transaction) {
        RecordMapper<R> mapper;
        try {
            mapper = recordMapper(recordClass);
        } catch (SequeljError e) {
            return CompletableFuture.failedFuture(e);
        }
        return selectAll(options, transaction).thenApply(result -> records(result, mapper));
    }

    /** {@code Model.findOne(options)} mapped onto a record; see {@link #findAll(FindOptions, Class)}. */
    public <R extends Record> CompletableFuture<Optional<R>> findOne(FindOptions options, Class<R> recordClass) {
        return findOne(options, recordClass, null);
    }

    /** {@link #findOne(FindOptions, Class)} in a transaction. */
    public <R extends Record> CompletableFuture<Optional<R>> findOne(FindOptions options, Class<R> recordClass,
                                                                     Transaction transaction) {
        RecordMapper<R> mapper;
        try {
            mapper = recordMapper(recordClass);
        } catch (SequeljError e) {
            return CompletableFuture.failedFuture(e);
        }
        return selectOne(options, transaction).thenApply(result -> records(result, mapper).stream().findFirst());
    }

    /**
     * Sequelize's {@code findAll({raw: true})}: plain maps of attribute name → value (the same Java values
     * an instance holds), in column order, with no instance around them.
     *
     * <pre>{@code
     * // Sequelize: await User.findAll({ where: { lastName: 'Doe' }, raw: true })
     * List<Map<String, Object>> rows = users.findAllRaw(options().where(Map.of("lastName", "Doe"))).join();
     * }</pre>
     */
    public CompletableFuture<List<Map<String, Object>>> findAllRaw(FindOptions options) {
        return findAllRaw(options, null);
    }

    /** {@code findAll({...options, raw: true, transaction})}. */
    public CompletableFuture<List<Map<String, Object>>> findAllRaw(FindOptions options, Transaction transaction) {
        return selectAll(options.raw(true), transaction).thenApply(result -> rows(result, values -> (Map<String, Object>) values));
    }

    /** Sequelize's {@code findOne({raw: true})}: the first matching row as a plain map, if any. */
    public CompletableFuture<Optional<Map<String, Object>>> findOneRaw(FindOptions options) {
        return findOneRaw(options, null);
    }

    /** {@code findOne({...options, raw: true, transaction})}. */
    public CompletableFuture<Optional<Map<String, Object>>> findOneRaw(FindOptions options, Transaction transaction) {
        return selectOne(options.raw(true), transaction)
                .thenApply(result -> rows(result, values -> (Map<String, Object>) values).stream().findFirst());
    }

    /** The mapping of a record class onto this model, made on first use and kept. */
    @SuppressWarnings("unchecked")
    <R extends Record> RecordMapper<R> recordMapper(Class<R> recordClass) {
        RecordMapper<?> known = recordMappers.get(recordClass);
        if (known == null) {
            // Not computeIfAbsent: a refused class throws, and nothing is cached for it.
            known = RecordMapper.of(definition, recordClass, sequelize.dialect().timezone());
            recordMappers.putIfAbsent(recordClass, known);
        }
        return (RecordMapper<R>) known;
    }

    /** Rows onto records: where each component is in the row is worked out once per result. */
    private <R extends Record> List<R> records(QueryResult result, RecordMapper<R> mapper) {
        Dialect dialect = sequelize.dialect();
        int size = mapper.size();
        int[] columns = mapper.columnsOf(result.columns().map(label -> definition.attribute(label).name()).asJava());
        DataType[] types = new DataType[size];
        for (int i = 0; i < size; i++) {
            types[i] = mapper.attribute(i).type();
        }
        List<R> records = new ArrayList<>(result.rows().size());
        for (Object[] row : result.rows()) {
            Object[] arguments = new Object[size];
            for (int i = 0; i < size; i++) {
                int column = columns[i];
                arguments[i] = mapper.convert(i, column < 0 ? null : dialect.fromDatabaseValue(types[i], row[column]));
            }
            records.add(mapper.construct(arguments));
        }
        return records;
    }

    /** The Sequelize this model is bound to. */
    Sequelize sequelize() {
        return sequelize;
    }

    // ---- streaming (issue 4: a finder variant that streams rows with a bounded fetch size) ----------

    /** How many rows a stream fetches per round trip unless told otherwise. */
    public static final int DEFAULT_FETCH_SIZE = 1_000;

    /**
     * {@code findAll(options)} as a {@link Stream}: the rows are read as the stream is consumed, at most
     * about {@link #DEFAULT_FETCH_SIZE} of them in memory at a time, so a result of any size can be
     * walked through (a million rows run in a 64 MiB heap; see the README). The stream holds a database
     * connection from its first element until it is closed, has handed over its last row, or has failed:
     * use it in try-with-resources.
     *
     * <pre>{@code
     * try (Stream<ModelInstance> rows = users.findAllStream(options().where(Map.of("active", true)).order("id"))) {
     *     rows.forEach(user -> mailer.send(user.get("email", String.class)));
     * }
     * }</pre>
     *
     * <p>Nothing runs until a terminal operation starts. Bad options throw a {@code ValidationError} here,
     * before any SQL; a database failure is thrown (as the executor's typed error, such as
     * {@code DatabaseError}) by the terminal operation. Sequelize 6 has no streaming finder; this is
     * {@code findAll} with the same options and SQL.
     */
    public Stream<ModelInstance> findAllStream(FindOptions options) {
        return findAllStream(options, DEFAULT_FETCH_SIZE, null);
    }

    /**
     * {@link #findAllStream(FindOptions)} in a transaction, on its connection: the transaction runs nothing
     * else until the stream is closed, so close it before committing.
     *
     * <pre>{@code
     * sequelize.transaction(t -> {
     *     try (Stream<ModelInstance> rows = users.findAllStream(options(), t)) {
     *         rows.forEach(user -> audit.record(user));
     *     }
     *     return audits.create(Map.of("finishedAt", Instant.now()), t);
     * }).join();
     * }</pre>
     */
    public Stream<ModelInstance> findAllStream(FindOptions options, Transaction transaction) {
        return findAllStream(options, DEFAULT_FETCH_SIZE, transaction);
    }

    /**
     * {@link #findAllStream(FindOptions, Transaction)} fetching {@code fetchSize} rows per round trip (on
     * MySQL and MariaDB rows arrive one by one whatever the size). {@code transaction} may be null.
     *
     * @throws ValidationError when {@code fetchSize} is below 1 or the options are invalid
     */
    public Stream<ModelInstance> findAllStream(FindOptions options, int fetchSize, Transaction transaction) {
        Statement.Select select = streamedSelect(options, fetchSize);
        RowSpliterator rows = new RowSpliterator(() -> sequelize.stream(select, fetchSize, transaction));
        return StreamSupport.stream(rows, false).onClose(rows::close);
    }

    /**
     * Calls {@code action} with each row of {@code findAll(options)} as it is read, at most about
     * {@link #DEFAULT_FETCH_SIZE} rows in memory at a time, on a virtual thread; the future completes
     * with the number of rows once all were handed over and the connection is back in the pool. A
     * database failure, or an exception thrown by {@code action}, stops the walk, releases the connection
     * and fails the future with it.
     *
     * <pre>{@code
     * long sent = users.findEach(options().where(Map.of("active", true)),
     *         user -> mailer.send(user.get("email", String.class))).join();
     * }</pre>
     */
    public CompletableFuture<Long> findEach(FindOptions options, Consumer<? super ModelInstance> action) {
        return findEach(options, DEFAULT_FETCH_SIZE, action, null);
    }

    /** {@link #findEach(FindOptions, Consumer)} in a transaction, on its connection. */
    public CompletableFuture<Long> findEach(FindOptions options, Consumer<? super ModelInstance> action,
                                            Transaction transaction) {
        return findEach(options, DEFAULT_FETCH_SIZE, action, transaction);
    }

    /**
     * {@link #findEach(FindOptions, Consumer, Transaction)} fetching {@code fetchSize} rows per round trip.
     * {@code transaction} may be null. A {@code fetchSize} below 1 fails the future with a
     * {@code ValidationError}, before any SQL.
     */
    public CompletableFuture<Long> findEach(FindOptions options, int fetchSize, Consumer<? super ModelInstance> action,
                                            Transaction transaction) {
        Statement.Select select;
        try {
            select = streamedSelect(options, fetchSize);
        } catch (SequeljError e) {
            return CompletableFuture.failedFuture(e);
        }
        return sequelize.stream(select, fetchSize, transaction).thenApplyAsync(cursor -> {
            try (cursor) {
                Function<Object[], ModelInstance> reader = instanceReader(cursor.columns());
                long count = 0;
                for (Object[] row = cursor.next(); row != null; row = cursor.next()) {
                    action.accept(reader.apply(row));
                    count++;
                }
                return count;
            }
        }, EACH_THREADS);
    }

    /** findEach's callbacks block on the database between batches: each walk gets a virtual thread of its own. */
    private static final java.util.concurrent.Executor EACH_THREADS =
            task -> Thread.ofVirtual().name("sequelj-find-each").start(task);

    private Statement.Select streamedSelect(FindOptions options, int fetchSize) {
        if (fetchSize < 1) {
            throw new ValidationError("fetchSize must be at least 1, was " + fetchSize);
        }
        return FindStatements.findAll(definition, options);
    }

    /** Turns rows with these column labels into instances; the labels are resolved once, not per row. */
    private Function<Object[], ModelInstance> instanceReader(Array<String> labels) {
        Dialect dialect = sequelize.dialect();
        int width = labels.size();
        String[] names = new String[width];
        DataType[] types = new DataType[width];
        for (int i = 0; i < width; i++) {
            Attribute attribute = definition.attribute(labels.get(i));
            names[i] = attribute.name();
            types[i] = attribute.type();
        }
        int capacity = (int) (width / 0.75f) + 1;
        return row -> {
            LinkedHashMap<String, Object> values = new LinkedHashMap<>(capacity);
            for (int i = 0; i < width; i++) {
                values.put(names[i], dialect.fromDatabaseValue(types[i], row[i]));
            }
            return new ModelInstance(this, values);
        };
    }

    /**
     * The elements of a {@link #findAllStream} stream: opens the cursor on the first element, closes it
     * after the last, on a failure (the database's or the consumer's), and when the stream is closed.
     */
    private final class RowSpliterator extends Spliterators.AbstractSpliterator<ModelInstance> {
        private final Supplier<CompletableFuture<RowCursor>> open;
        private RowCursor cursor;
        private Function<Object[], ModelInstance> reader;
        private boolean done;

        RowSpliterator(Supplier<CompletableFuture<RowCursor>> open) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.open = open;
        }

        @Override
        public boolean tryAdvance(Consumer<? super ModelInstance> action) {
            if (done) {
                return false;
            }
            try {
                if (cursor == null) {
                    cursor = opened(open.get());
                    reader = instanceReader(cursor.columns());
                }
                Object[] row = cursor.next();
                if (row == null) {
                    close();
                    return false;
                }
                action.accept(reader.apply(row));
                return true;
            } catch (RuntimeException | Error e) {
                close();
                throw e;
            }
        }

        /** Waits for the cursor; a failure is thrown as the typed error itself, not wrapped. */
        private static RowCursor opened(CompletableFuture<RowCursor> cursor) {
            try {
                return cursor.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }

        void close() {
            done = true;
            if (cursor != null) {
                cursor.close();
            }
        }
    }

    @Override
    public String toString() {
        return "Model[" + definition.name() + " → " + definition.tableName() + "]";
    }
}
