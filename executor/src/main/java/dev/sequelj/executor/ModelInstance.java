package dev.sequelj.executor;

import dev.sequelj.ast.error.SequeljError;
import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.finder.DestroyOptions;
import dev.sequelj.ast.finder.FindOptions;
import dev.sequelj.ast.finder.IncrementOptions;
import dev.sequelj.ast.finder.UpdateOptions;
import dev.sequelj.ast.finder.ValueChecker;
import dev.sequelj.ast.finder.WriteStatements;
import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.executor.error.InstanceError;
import dev.sequelj.render.dialect.Dialect;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One row of a model, as Sequelize's model instances are: attribute values by name, in definition order,
 * that you read, change and write back.
 *
 * <pre>{@code
 * // Sequelize: const jane = await User.create({ firstName: 'Jane' });
 * //            jane.lastName = 'Doe'; await jane.save();          // UPDATE of lastName (and updatedAt) only
 * //            await jane.increment('age', { by: 2 }); await jane.reload(); await jane.destroy();
 * ModelInstance jane = users.create(Map.of("firstName", "Jane")).join();
 * jane.set("lastName", "Doe");
 * jane.changed();                       // [lastName]
 * jane.save().join();                   // UPDATE "users" SET "lastName"=$1,"updatedAt"=$2 WHERE "id" = $3
 * jane.increment("age", 2).join();
 * jane.reload().join();
 * jane.destroy().join();                // paranoid model: stamps deletedAt; otherwise DELETE ... WHERE "id" = $1
 * UserRow row = jane.as(UserRow.class); // onto a record of your own (see RecordMapper)
 * }</pre>
 *
 * <p>The statements are Sequelize's: {@code save()} of a new instance ({@link Model#build}) is the INSERT
 * of {@code create}; otherwise it is an UPDATE of the changed attributes only, by primary key, with
 * {@code updatedAt} stamped, and sends nothing at all when nothing changed. Each method that runs SQL
 * returns a {@link CompletableFuture} where Sequelize returns a promise, and has a twin taking a
 * {@link Transaction} last. Bad input is a {@link ValidationError} before any SQL: {@code set} throws it at
 * once (an unknown attribute, a value of the wrong type); {@code save} fails its future with it (null
 * into an attribute that does not allow null).
 *
 * <p>An instance is mutable and not thread-safe, as Sequelize's are (they live on one event loop): change
 * it from one thread at a time, and wait for one write to finish before the next.
 */
public final class ModelInstance {
    private final Model owner;
    private final ModelDefinition model;
    /** A {@code LinkedHashMap}, or {@link AttributeValues} for rows built in bulk; either keeps the insertion order. */
    private final Map<String, Object> values;
    /** Attribute → its value at the last load or save, for the changed attributes only; null until a change. */
    private Map<String, Object> previous;
    private boolean newRecord;

    /** A row as read or stored: not new, nothing changed. Row mapping is a hot path, so nothing else is allocated. */
    ModelInstance(Model owner, LinkedHashMap<String, Object> dataValues) {
        this(owner, dataValues, false);
    }

    /** A row as stored, its values by the model's attribute order ({@code bulkCreate}'s rows). */
    ModelInstance(Model owner, AttributeValues dataValues) {
        this(owner, dataValues, false);
    }

    ModelInstance(Model owner, Map<String, Object> dataValues, boolean newRecord) {
        this.owner = owner;
        this.model = owner.definition();
        this.values = dataValues;
        this.newRecord = newRecord;
    }

    // ---- reading ---------------------------------------------------------------------------------

    /** The value of an attribute (null when the row has none); an unknown attribute is a {@code ValidationError}. */
    public Object get(String attribute) {
        model.attribute(attribute);
        return values.get(attribute);
    }

    /** The value of an attribute as the given type: {@code get("id", Integer.class)}. */
    public <T> T get(String attribute, Class<T> type) {
        return type.cast(get(attribute));
    }

    /** Every loaded attribute value, in definition order; a read-only view that follows the instance's changes. */
    public Map<String, Object> dataValues() {
        return Collections.unmodifiableMap(values);
    }

    /** Sequelize's {@code toJSON()}: a copy of the plain attribute values, which later changes leave alone. */
    public Map<String, Object> toJSON() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * The instance as a record of your own, each component filled from the attribute of its name and
     * converted to the component's type (see {@link RecordMapper}).
     *
     * <pre>{@code
     * record UserRow(long id, String firstName, OffsetDateTime createdAt) {}
     * UserRow row = jane.as(UserRow.class);
     * }</pre>
     *
     * @throws ValidationError naming the component that matches no attribute or whose type cannot hold the value
     */
    public <R extends Record> R as(Class<R> recordClass) {
        return owner.recordMapper(recordClass).fromValues(values);
    }

    /** The model this row belongs to. */
    public ModelDefinition model() {
        return model;
    }

    /** Sequelize's {@code isNewRecord}: true for an instance of {@link Model#build} not saved yet. */
    public boolean isNewRecord() {
        return newRecord;
    }

    // ---- changing --------------------------------------------------------------------------------

    /**
     * Sequelize's {@code set(key, value)}: changes the value in the instance only; {@link #save()} writes it.
     * Setting the value the attribute had when loaded (or last saved) makes it unchanged again.
     *
     * @return this instance, for chaining
     * @throws ValidationError for an unknown attribute (the nearest suggested) or a value its type cannot take
     */
    public ModelInstance set(String attribute, Object value) {
        Attribute checked = model.attribute(attribute);
        put(checked.name(), ValueChecker.check(model.name(), checked, value));
        return this;
    }

    /**
     * Sequelize's {@code set({...})}: every value checked first, so a bad one changes nothing.
     *
     * @throws ValidationError for an unknown attribute or a value its type cannot take
     */
    public ModelInstance set(Map<String, ?> values) {
        Map<String, Object> checked = check(values);
        checked.forEach(this::put);
        return this;
    }

    /** Sequelize's {@code changed()}: the attributes changed since the last load or save, in definition order. */
    public List<String> changed() {
        if (previous == null || previous.isEmpty()) {
            return List.of();
        }
        List<String> names = new ArrayList<>(previous.size());
        for (String name : model.attributes().keySet()) {
            if (previous.containsKey(name)) {
                names.add(name);
            }
        }
        return Collections.unmodifiableList(names);
    }

    /** Sequelize's {@code changed(key)}: whether the attribute changed since the last load or save. */
    public boolean changed(String attribute) {
        model.attribute(attribute);
        return previous != null && previous.containsKey(attribute);
    }

    /** Sequelize's {@code previous(key)}: the value at the last load or save (the current one when unchanged). */
    public Object previous(String attribute) {
        model.attribute(attribute);
        return previous != null && previous.containsKey(attribute) ? previous.get(attribute) : values.get(attribute);
    }

    /** Sequelize's {@code previous()}: each changed attribute's value at the last load or save. */
    public Map<String, Object> previous() {
        Map<String, Object> before = new LinkedHashMap<>();
        changed().forEach(name -> before.put(name, previous.get(name)));
        return Collections.unmodifiableMap(before);
    }

    // ---- writing ---------------------------------------------------------------------------------

    /**
     * Sequelize's {@code save()}: a new instance is inserted (as {@code create}; the instance then holds the
     * stored row, generated key included); otherwise an UPDATE of the changed attributes only, by primary
     * key, with {@code updatedAt} stamped. Nothing changed: no SQL at all.
     *
     * <pre>{@code
     * jane.set("lastName", "Doe").save().join();
     * // UPDATE `users` SET `lastName`=?,`updatedAt`=? WHERE `id` = ?
     * }</pre>
     *
     * <p>The row is found by the key it had when loaded, so a changed key is written too.
     */
    public CompletableFuture<ModelInstance> save() {
        return save((Transaction) null);
    }

    /** {@code save({transaction})}. */
    public CompletableFuture<ModelInstance> save(Transaction transaction) {
        return save((Set<String>) null, transaction);
    }

    /**
     * Sequelize's {@code save({fields, silent})}: only the named attributes are written (of a new instance:
     * only those are inserted), and with {@code silent} {@code updatedAt} is left alone.
     *
     * <pre>{@code
     * jane.set("lastName", "Doe").set("age", 41);
     * jane.save(SaveOptions.options().fields("lastName").silent(true)).join();   // UPDATE ... SET "lastName"=? WHERE "id" = ?
     * jane.changed();                                                            // [age]
     * }</pre>
     */
    public CompletableFuture<ModelInstance> save(SaveOptions options) {
        return save(options, null);
    }

    /** {@code save({fields, silent, transaction})}. */
    public CompletableFuture<ModelInstance> save(SaveOptions options, Transaction transaction) {
        Set<String> only = null;
        if (options.fields().isPresent()) {
            only = new java.util.HashSet<>();
            try {
                for (String name : options.fields().get()) {
                    only.add(model.attribute(name).name());
                }
            } catch (SequeljError e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return save(only, options.silent(), transaction);
    }

    /**
     * Sequelize's {@code update(values)}: {@code set(values)}, then {@code save} of those of them that
     * changed (other pending changes stay pending, as in Sequelize).
     */
    public CompletableFuture<ModelInstance> update(Map<String, ?> values) {
        return update(values, null);
    }

    /** {@code update(values, {transaction})}. */
    public CompletableFuture<ModelInstance> update(Map<String, ?> values, Transaction transaction) {
        Map<String, Object> checked;
        try {
            checked = check(values);
        } catch (SequeljError e) {
            return CompletableFuture.failedFuture(e);
        }
        checked.forEach(this::put);
        return save(checked.keySet(), transaction);
    }

    /**
     * Sequelize's {@code destroy()}: on a paranoid model {@code deletedAt} is stamped (an UPDATE by primary
     * key, with {@code updatedAt}), otherwise {@code DELETE ... WHERE "id" = ?}.
     */
    public CompletableFuture<Void> destroy() {
        return destroy(false, null);
    }

    /** {@code destroy({transaction})}. */
    public CompletableFuture<Void> destroy(Transaction transaction) {
        return destroy(false, transaction);
    }

    /** {@code destroy({force})}: with {@code force}, a paranoid model's row is deleted for good too. */
    public CompletableFuture<Void> destroy(boolean force) {
        return destroy(force, null);
    }

    /** {@code destroy({force, transaction})}. */
    public CompletableFuture<Void> destroy(boolean force, Transaction transaction) {
        Sequelize sequelize = owner.sequelize();
        Instant now = sequelize.clock().instant();
        if (model.paranoid() && !force) {
            String deletedAt = model.deletedAt().get();
            if (values.get(deletedAt) == null) { // only stamped if not yet set, as Sequelize does
                put(deletedAt, stored(model.attribute(deletedAt), now.truncatedTo(ChronoUnit.MILLIS)));
            }
            return save(transaction).thenApply(saved -> null);
        }
        return sequelize.build(() -> WriteStatements.destroy(model,
                        DestroyOptions.options().where(keyWhere("destroy")).force(true), now))
                .thenCompose(delete -> sequelize.run(delete, transaction))
                .thenApply(deleted -> null);
    }

    /**
     * Sequelize's {@code restore()} on a paranoid model: {@code deletedAt} set back to null and saved.
     * A model that is not paranoid fails the future with a {@code ValidationError}.
     */
    public CompletableFuture<Void> restore() {
        return restore(null);
    }

    /** {@code restore({transaction})}. */
    public CompletableFuture<Void> restore(Transaction transaction) {
        if (!model.paranoid()) {
            return CompletableFuture.failedFuture(new ValidationError("restore: model '" + model.name()
                    + "' is not paranoid; only a paranoid model (paranoid: true) keeps soft-deleted rows to restore"));
        }
        put(model.deletedAt().get(), null);
        return save(transaction).thenApply(saved -> null);
    }

    /**
     * Sequelize's {@code reload()}: the row read again by primary key (a soft-deleted row is not found, as in
     * Sequelize); every value replaced and nothing left changed. A row that is gone fails the future with
     * an {@link InstanceError}.
     */
    public CompletableFuture<ModelInstance> reload() {
        return reload(null);
    }

    /** {@code reload({transaction})}. */
    public CompletableFuture<ModelInstance> reload(Transaction transaction) {
        FindOptions find;
        try {
            find = FindOptions.options().where(keyWhere("reload"));
        } catch (SequeljError e) {
            return CompletableFuture.failedFuture(e);
        }
        return owner.findOne(find, transaction).thenApply(found -> {
            ModelInstance row = found.orElseThrow(() -> new InstanceError("Instance could not be reloaded because it"
                    + " does not exist anymore (find call returned null): " + model.name() + " " + keyWhere("reload")));
            replaceWith(row.values);
            return this;
        });
    }

    /**
     * Sequelize's {@code increment(field, {by})}: {@code SET "age" = "age" + 2}, computed by the database,
     * and {@code updatedAt} stamped. Where the database hands back the changed row (PostgreSQL, SQLite,
     * SQL Server) the instance then holds it; on MySQL and MariaDB, as in Sequelize, call {@link #reload()}
     * to see the new values.
     */
    public CompletableFuture<ModelInstance> increment(String attribute, Number by) {
        return increment(List.of(attribute), by, null);
    }

    /** {@code increment(field, {by, transaction})}. */
    public CompletableFuture<ModelInstance> increment(String attribute, Number by, Transaction transaction) {
        return increment(List.of(attribute), by, transaction);
    }

    /** {@code increment([fields], {by, transaction})}: each attribute by the same amount. */
    public CompletableFuture<ModelInstance> increment(Collection<String> attributes, Number by, Transaction transaction) {
        return adjust(attributes, by, false, transaction);
    }

    /** {@code increment({field: by, ...})}: each attribute by its own amount. */
    public CompletableFuture<ModelInstance> increment(Map<String, ? extends Number> amounts) {
        return increment(amounts, null);
    }

    /** {@code increment({field: by, ...}, {transaction})}. */
    public CompletableFuture<ModelInstance> increment(Map<String, ? extends Number> amounts, Transaction transaction) {
        return adjust(amounts, false, transaction);
    }

    /** Sequelize's {@code decrement(field, {by})}: {@code SET "age" = "age" - 2}; see {@link #increment(String, Number)}. */
    public CompletableFuture<ModelInstance> decrement(String attribute, Number by) {
        return decrement(List.of(attribute), by, null);
    }

    /** {@code decrement(field, {by, transaction})}. */
    public CompletableFuture<ModelInstance> decrement(String attribute, Number by, Transaction transaction) {
        return decrement(List.of(attribute), by, transaction);
    }

    /** {@code decrement([fields], {by, transaction})}. */
    public CompletableFuture<ModelInstance> decrement(Collection<String> attributes, Number by, Transaction transaction) {
        return adjust(attributes, by, true, transaction);
    }

    /** {@code decrement({field: by, ...})}. */
    public CompletableFuture<ModelInstance> decrement(Map<String, ? extends Number> amounts) {
        return decrement(amounts, null);
    }

    /** {@code decrement({field: by, ...}, {transaction})}. */
    public CompletableFuture<ModelInstance> decrement(Map<String, ? extends Number> amounts, Transaction transaction) {
        return adjust(amounts, true, transaction);
    }

    // ---- the work ----------------------------------------------------------------------------------

    /** Each given value checked against its attribute, in the given order; nothing changed yet. */
    private Map<String, Object> check(Map<String, ?> given) {
        Map<String, Object> checked = new LinkedHashMap<>();
        given.forEach((name, value) -> {
            Attribute attribute = model.attribute(name);
            checked.put(attribute.name(), ValueChecker.check(model.name(), attribute, value));
        });
        return checked;
    }

    /** Sets a checked value, keeping the value it had at the last load or save while it differs from it. */
    private void put(String name, Object value) {
        Object before = values.get(name);
        if (previous != null && previous.containsKey(name)) {
            if (same(previous.get(name), value)) {
                previous.remove(name); // back to what was loaded: unchanged again
            }
        } else if (!same(before, value) || !values.containsKey(name)) {
            if (previous == null) {
                previous = new HashMap<>();
            }
            previous.put(name, before);
        }
        values.put(name, value);
    }

    /** Equality as far as the database is concerned: bytes by content, decimals by value. */
    private static boolean same(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    /**
     * The INSERT of a new instance, or the UPDATE of the changed attributes ({@code only} those named, when
     * given) by primary key. Sequelize's instance UPDATE has no {@code deletedAt IS NULL}: it writes the row
     * it holds, soft-deleted or not.
     */
    private CompletableFuture<ModelInstance> save(Set<String> only, Transaction transaction) {
        return save(only, false, transaction);
    }

    private CompletableFuture<ModelInstance> save(Set<String> only, boolean silent, Transaction transaction) {
        if (newRecord) {
            Map<String, Object> given = new LinkedHashMap<>(values);
            if (only != null) {
                given.keySet().retainAll(only); // the timestamps are stamped by the INSERT all the same
            }
            return owner.create(given, transaction).thenApply(created -> {
                replaceWith(created.values);
                newRecord = false;
                return this;
            });
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        for (Attribute attribute : model.attributeList()) {
            String name = attribute.name();
            if (previous != null && previous.containsKey(name) && (only == null || only.contains(name))) {
                changes.put(name, values.get(name));
            }
        }
        if (changes.isEmpty()) {
            forgetVirtualChanges(only);
            return CompletableFuture.completedFuture(this);
        }
        Sequelize sequelize = owner.sequelize();
        Instant now = sequelize.clock().instant();
        return sequelize.build(() -> WriteStatements.update(model, changes,
                        UpdateOptions.options().where(keyWhere("save")).paranoid(false).silent(silent), now).get())
                .thenCompose(update -> sequelize.run(update, transaction))
                .thenApply(result -> {
                    changes.forEach((name, value) -> values.put(name, stored(model.attribute(name), value)));
                    // The UPDATE stamps updatedAt with now, over any value given for it, as Sequelize's save does.
                    model.updatedAt().filter(name -> !silent).forEach(name -> {
                        values.put(name, stored(model.attribute(name), now.truncatedTo(ChronoUnit.MILLIS)));
                        previous.remove(name);
                    });
                    changes.keySet().forEach(previous::remove);
                    forgetVirtualChanges(only);
                    return this;
                });
    }

    /** VIRTUAL attributes are never written; once a save is done they count as saved. */
    private void forgetVirtualChanges(Set<String> only) {
        if (previous != null) {
            previous.keySet().removeIf(name -> !model.attribute(name).stored() && (only == null || only.contains(name)));
        }
    }

    private CompletableFuture<ModelInstance> adjust(Collection<String> attributes, Number by, boolean subtract,
                                                    Transaction transaction) {
        Sequelize sequelize = owner.sequelize();
        Instant now = sequelize.clock().instant();
        return sequelize.build(() -> {
            IncrementOptions options = IncrementOptions.options().where(keyWhere(subtract ? "decrement" : "increment")).by(by);
            return subtract ? WriteStatements.decrement(model, attributes, options, now)
                    : WriteStatements.increment(model, attributes, options, now);
        }).thenCompose(update -> applyReturned(update, transaction));
    }

    private CompletableFuture<ModelInstance> adjust(Map<String, ? extends Number> amounts, boolean subtract,
                                                    Transaction transaction) {
        Sequelize sequelize = owner.sequelize();
        Instant now = sequelize.clock().instant();
        return sequelize.build(() -> {
            IncrementOptions options = IncrementOptions.options().where(keyWhere(subtract ? "decrement" : "increment"));
            return subtract ? WriteStatements.decrement(model, amounts, options, now)
                    : WriteStatements.increment(model, amounts, options, now);
        }).thenCompose(update -> applyReturned(update, transaction));
    }

    /** Runs the UPDATE and takes the row it hands back, where the database hands one back. */
    private CompletableFuture<ModelInstance> applyReturned(Statement.Update update, Transaction transaction) {
        return owner.sequelize().run(update, transaction).thenApply(result -> {
            if (!result.rows().isEmpty()) {
                owner.instancesByField(result).stream().findFirst().ifPresent(row -> row.values.forEach((name, value) -> {
                    values.put(name, value);
                    if (previous != null) {
                        previous.remove(name);
                    }
                }));
            }
            return this;
        });
    }

    /** The stored row replaces every value; nothing is left changed. */
    private void replaceWith(Map<String, Object> row) {
        values.clear();
        values.putAll(row);
        previous = null;
    }

    /** A value in the form a later find returns it (MySQL's DATETIME drops the milliseconds of a DATE, and so does this). */
    private Object stored(Attribute attribute, Object value) {
        if (value == null || !attribute.stored()) {
            return value;
        }
        Dialect dialect = owner.sequelize().dialect();
        return dialect.fromDatabaseValue(attribute.type(), dialect.toDatabaseValue(attribute.type(), value));
    }

    /**
     * {@code {id: 5}}: the primary key as it was loaded, so that a changed key still finds the row.
     *
     * @throws ValidationError when the instance holds no value for a key attribute (loaded without it)
     */
    private Map<String, Object> keyWhere(String method) {
        Map<String, Object> key = new LinkedHashMap<>();
        for (Attribute attribute : model.primaryKey()) {
            Object value = previous != null && previous.containsKey(attribute.name())
                    ? previous.get(attribute.name()) : values.get(attribute.name());
            if (value == null) {
                throw new ValidationError(method + ": this " + model.name() + " instance has no value for its primary key '"
                        + attribute.name() + "'; load it with its key attributes (or save it first)");
            }
            key.put(attribute.name(), value);
        }
        return key;
    }

    @Override
    public String toString() {
        return model.name() + values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ModelInstance that && model.equals(that.model) && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }
}
