package dev.sequelj.executor;

import dev.sequelj.ast.error.SequeljError;
import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.finder.FindOptions;
import dev.sequelj.ast.finder.FindStatements;
import dev.sequelj.ast.finder.TableStatements;
import dev.sequelj.ast.finder.WriteStatements;
import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.model.DefaultValues;
import dev.sequelj.ast.model.UuidGenerator;
import dev.sequelj.ast.finder.ValueChecker;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.executor.spi.QueryResult;
import dev.sequelj.executor.spi.RowCursor;
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
        return create(values, null);
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
        return sequelize.build(() -> FindStatements.findAll(definition, options))
                .thenCompose(select -> sequelize.run(select, transaction).thenApply(this::instances));
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
        return sequelize.build(() -> FindStatements.findOne(definition, options))
                .thenCompose(select -> sequelize.run(select, transaction))
                .thenApply(result -> instances(result).stream().findFirst());
    }

    private List<ModelInstance> instances(QueryResult result) {
        return rows(result, values -> new ModelInstance(this, values));
    }

    /** Each row as its attribute values by name, in column order, handed to {@code wrap}. */
    private <T> List<T> rows(QueryResult result, Function<LinkedHashMap<String, Object>, T> wrap) {
        Dialect dialect = sequelize.dialect();
        // Resolved once per result, not per row: row mapping is a hot path.
        Array<String> labels = result.columns();
        int width = labels.size();
        String[] names = new String[width];
        DataType[] types = new DataType[width];
        for (int i = 0; i < width; i++) {
            Attribute attribute = definition.attribute(labels.get(i));
            names[i] = attribute.name();
            types[i] = attribute.type();
        }
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
        Dialect dialect = sequelize.dialect();
        LinkedHashMap<String, Object> values = new LinkedHashMap<>();
        for (Attribute attribute : definition.attributeList()) {
            int index = insert.columns().indexOf(attribute.field());
            Object value = index >= 0 ? ((Expression.Param) insert.values().get(index)).value() : null;
            if (value != null) {
                value = dialect.fromDatabaseValue(attribute.type(), dialect.toDatabaseValue(attribute.type(), value));
            }
            if (index < 0 && insert.autoIncrementColumn().contains(attribute.field())) {
                value = result.generatedKey().map(key -> dialect.fromDatabaseValue(attribute.type(), key)).getOrNull();
            }
            values.put(attribute.name(), value);
        }
        return new ModelInstance(this, values);
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
        return sequelize.build(() -> FindStatements.findAll(definition, options))
                .thenCompose(select -> sequelize.run(select, transaction))
                .thenApply(result -> records(result, mapper));
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
        return sequelize.build(() -> FindStatements.findOne(definition, options))
                .thenCompose(select -> sequelize.run(select, transaction))
                .thenApply(result -> records(result, mapper).stream().findFirst());
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
        return sequelize.build(() -> FindStatements.findAll(definition, options.raw(true)))
                .thenCompose(select -> sequelize.run(select, transaction))
                .thenApply(result -> rows(result, values -> (Map<String, Object>) values));
    }

    /** Sequelize's {@code findOne({raw: true})}: the first matching row as a plain map, if any. */
    public CompletableFuture<Optional<Map<String, Object>>> findOneRaw(FindOptions options) {
        return findOneRaw(options, null);
    }

    /** {@code findOne({...options, raw: true, transaction})}. */
    public CompletableFuture<Optional<Map<String, Object>>> findOneRaw(FindOptions options, Transaction transaction) {
        return sequelize.build(() -> FindStatements.findOne(definition, options.raw(true)))
                .thenCompose(select -> sequelize.run(select, transaction))
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
