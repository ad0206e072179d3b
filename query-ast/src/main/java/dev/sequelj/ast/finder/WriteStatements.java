package dev.sequelj.ast.finder;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.expression.Expression.Column;
import dev.sequelj.ast.expression.Expression.Param;
import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.DefaultValue;
import dev.sequelj.ast.model.DefaultValues;
import dev.sequelj.ast.model.UuidGenerator;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.statement.Assignment;
import dev.sequelj.ast.statement.OnDuplicate;
import dev.sequelj.ast.statement.Statement;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.LinkedHashSet;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The statements of the writes: {@code create}, {@code bulkCreate}, {@code update}, {@code destroy},
 * {@code restore}, {@code truncate}, {@code upsert}, {@code increment} and {@code decrement}. Every check
 * on the caller's values and options happens here, before any SQL exists: an unknown attribute (with the
 * nearest one suggested), a value of the wrong type, null into an attribute that does not allow it, a
 * missing where clause.
 *
 * <p>Timestamps are Sequelize's: {@code createdAt} and {@code updatedAt} are stamped with {@code now}
 * (truncated to milliseconds, as JavaScript dates are) under whatever names the model gives them, and a
 * paranoid model's {@code destroy} stamps {@code deletedAt} instead of deleting.
 *
 * <pre>{@code
 * Statement insert = WriteStatements.create(user, Map.of("firstName", "John"), Instant.now());
 * Option<Statement.Update> update = WriteStatements.update(user, Map.of("lastName", "Doe"),
 *         UpdateOptions.options().where(Map.of("id", 5)), Instant.now());
 * }</pre>
 */
public final class WriteStatements {
    private WriteStatements() {}

    // ---- create, bulkCreate, upsert --------------------------------------------------------------

    /**
     * {@code Model.create(values)}: one INSERT of the given attributes in definition order, the generated
     * key left to the database, {@code createdAt}/{@code updatedAt} set to {@code now} (a given
     * {@code createdAt} is kept, as in Sequelize), and the whole stored row asked back.
     *
     * @throws ValidationError for an unknown attribute, a value of the wrong type, or null (or nothing)
     *                         given for an attribute that does not allow null
     */
    public static Statement.Insert create(ModelDefinition model, Map<String, ?> values, Instant now) {
        return create(model, values, CreateOptions.options(), now);
    }

    /**
     * {@code Model.create(values)} with the attributes' defaults filled in first, as Sequelize's
     * {@code build} does ({@link DefaultValues}); {@code uuids} makes the UUIDV1/UUIDV4 defaults.
     */
    public static Statement.Insert create(ModelDefinition model, Map<String, ?> values, Instant now, UuidGenerator uuids) {
        return create(model, values, CreateOptions.options(), now, uuids);
    }

    /**
     * {@code Model.create(values, options)}: as {@link #create(ModelDefinition, Map, Instant)}, with
     * {@code fields} (only those attributes, plus the timestamps, are written; other values are left
     * out, as Sequelize leaves them), {@code returning}, {@code ignoreDuplicates} and {@code silent}.
     */
    public static Statement.Insert create(ModelDefinition model, Map<String, ?> values, CreateOptions options,
                                          Instant now) {
        return create(model, values, options, now, UuidGenerator.RANDOM);
    }

    /** {@link #create(ModelDefinition, Map, CreateOptions, Instant)} with {@code uuids} making the UUIDV1/UUIDV4 defaults. */
    public static Statement.Insert create(ModelDefinition model, Map<String, ?> values, CreateOptions options,
                                          Instant now, UuidGenerator uuids) {
        Expression[] cells = new Rows(model, options.fields(), !options.silent(), now, uuids).cells(values);
        Vector<Attribute> attributes = model.attributeList();
        int width = 0;
        for (Expression cell : cells) {
            width += cell == null ? 0 : 1;
        }
        String[] fields = new String[width];
        Expression[] given = new Expression[width];
        for (int i = 0, c = 0; i < cells.length; i++) {
            if (cells[i] != null) {
                fields[c] = attributes.get(i).field();
                given[c++] = cells[i];
            }
        }
        Vector<String> columns = Vector.of(fields);
        Vector<Expression> sent = Vector.of(given);
        // A duplicate skipped inserts nothing, so no generated key names the row: it must come back.
        boolean required = options.returning().asked() || options.ignoreDuplicates()
                || leavesColumnDefault(model, columns);
        return new Statement.Insert(model.table(), autoIncrementField(model), columns, sent,
                returning(model, options.returning()), options.ignoreDuplicates() ? OnDuplicate.IGNORE : OnDuplicate.REFUSE,
                required);
    }

    /**
     * Whether a column the insert does not list has a default the model knows of: the database then stores
     * a value the statement does not send (a literal default, or a plain one left out by {@code fields}), so
     * the stored row cannot be told from the values sent.
     */
    private static boolean leavesColumnDefault(ModelDefinition model, Seq<String> columns) {
        return model.attributeList().exists(a -> a.defaultValue().isDefined() && !columns.contains(a.field()));
    }

    /**
     * {@code Model.bulkCreate(rows, options)}: one multi-row INSERT (a renderer splits it where a
     * database caps one statement's parameters or rows). Each row is checked as {@code create} checks it;
     * the columns are every attribute any row gives, in definition order, and a row that does not give
     * one sends NULL for it, or leaves the auto-increment key to the database.
     *
     * @return the INSERT; none for no rows, which sends nothing, as in Sequelize
     * @throws ValidationError naming the row ({@code rows[1]: ...}) for a value {@code create} would refuse,
     *                         and for {@code ignoreDuplicates} together with {@code updateOnDuplicate}
     */
    public static Option<Statement.BulkInsert> bulkCreate(ModelDefinition model, Iterable<? extends Map<String, ?>> rows,
                                                          BulkCreateOptions options, Instant now) {
        return bulkCreate(model, rows, options, now, UuidGenerator.RANDOM);
    }

    /** {@link #bulkCreate(ModelDefinition, Iterable, BulkCreateOptions, Instant)} with {@code uuids} making the UUID defaults. */
    public static Option<Statement.BulkInsert> bulkCreate(ModelDefinition model, Iterable<? extends Map<String, ?>> rows,
                                                          BulkCreateOptions options, Instant now, UuidGenerator uuids) {
        if (options.ignoreDuplicates() && !options.updateOnDuplicate().isEmpty()) {
            throw new ValidationError("bulkCreate: ignoreDuplicates and updateOnDuplicate exclude each other;"
                    + " give one of them");
        }
        // Each row's values by attribute position, Rows.NOT_SENT where the row sends nothing: no map per row.
        Rows builder = new Rows(model, options.fields(), true, now, uuids);
        java.util.ArrayList<Object[]> checked = new java.util.ArrayList<>();
        Vector<Attribute> attributes = model.attributeList();
        boolean[] given = new boolean[attributes.size()];
        int index = 0;
        for (Map<String, ?> values : rows) {
            Object[] cells;
            try {
                cells = builder.values(values);
            } catch (ValidationError e) {
                // Named here rather than passed in: the name is built only for the row at fault.
                throw new ValidationError("rows[" + index + "]: " + e.getMessage());
            }
            for (int i = 0; i < cells.length; i++) {
                given[i] |= cells[i] != Rows.NOT_SENT;
            }
            checked.add(cells);
            index++;
        }
        if (checked.isEmpty()) {
            return Option.none();
        }
        Option<String> key = autoIncrementField(model);
        int width = 0;
        for (boolean g : given) {
            width += g ? 1 : 0;
        }
        int[] positions = new int[width];
        Vector<String> columns = Vector.empty();
        Vector<dev.sequelj.ast.model.DataType> types = Vector.empty();
        // What a row that does not give a column sends: NULL, or the database's key for the auto-increment key.
        Object[] missing = new Object[width];
        int keyPosition = -1;
        for (int i = 0, c = 0; i < given.length; i++) {
            if (given[i]) {
                Attribute attribute = attributes.get(i);
                positions[c] = i;
                columns = columns.append(attribute.field());
                types = types.append(attribute.type());
                boolean isKey = key.contains(attribute.field());
                keyPosition = isKey ? c : keyPosition;
                missing[c++] = isKey ? Statement.BulkInsert.Generated.KEY : null;
            }
        }
        java.util.ArrayList<io.vavr.collection.Array<Object>> sentRows = new java.util.ArrayList<>(checked.size());
        Object[] sent = new Object[width];
        for (Object[] row : checked) {
            for (int c = 0; c < width; c++) {
                Object value = row[positions[c]];
                sent[c] = value == Rows.NOT_SENT ? missing[c] : value;
            }
            sentRows.add(io.vavr.collection.Array.of(sent)); // a copy of sent
        }
        io.vavr.collection.Array<io.vavr.collection.Array<Object>> cells = io.vavr.collection.Array.ofAll(sentRows);
        OnDuplicate onDuplicate = options.ignoreDuplicates() ? OnDuplicate.IGNORE
                : options.updateOnDuplicate().isEmpty() ? OnDuplicate.REFUSE
                : new OnDuplicate.Update(conflictKey(model, options.conflictAttributes(), "conflictAttributes"),
                        fields(model, options.updateOnDuplicate(), "updateOnDuplicate"));
        // Generated keys name the rows only when every row leaves the key to the database and none is
        // skipped or updated as a duplicate; otherwise the rows must come back.
        boolean required = options.returning().asked() || !(onDuplicate instanceof OnDuplicate.Refuse)
                || keyPosition >= 0 || leavesColumnDefault(model, columns);
        return Option.some(new Statement.BulkInsert(model.table(), key, columns, types, cells, onDuplicate,
                returning(model, options.returning()), required));
    }

    /**
     * {@code Model.upsert(values, options)}: insert the row (with the attributes' defaults filled in), or,
     * when it collides on the conflict key (the primary key unless {@code conflictFields} says otherwise),
     * overwrite the existing row with every given value except {@code createdAt} (only {@code fields}, plus
     * {@code updatedAt}, when given); a default never overwrites, as in Sequelize.
     * The key is inserted only when given or defaulted. When {@code fields} leaves nothing to overwrite, an existing
     * row is left as it is ({@code ON CONFLICT ... DO NOTHING}), as Sequelize does.
     *
     * @throws ValidationError for a value {@code create} would refuse, or when no value at all is given
     */
    public static Statement.Upsert upsert(ModelDefinition model, Map<String, ?> values, UpsertOptions options,
                                          Instant now) {
        return upsert(model, values, options, now, UuidGenerator.RANDOM);
    }

    /** {@link #upsert(ModelDefinition, Map, UpsertOptions, Instant)} with {@code uuids} making the UUID defaults. */
    public static Statement.Upsert upsert(ModelDefinition model, Map<String, ?> values, UpsertOptions options,
                                          Instant now, UuidGenerator uuids) {
        LinkedHashMap<String, Expression> row = row(model, values, Option.none(), true, now, uuids, "");
        if (row.isEmpty()) {
            throw new ValidationError("upsert: give at least one value to insert");
        }
        Option<String> createdAt = model.createdAt().map(name -> model.attribute(name).field());
        Option<String> updatedAt = model.updatedAt().map(name -> model.attribute(name).field());
        Option<LinkedHashSet<String>> overwritten = options.fields().map(names -> LinkedHashSet.ofAll(
                fields(model, names, "fields")).addAll(updatedAt));
        // Defaults are inserted but never overwrite an existing row's values: only what was given is updated.
        LinkedHashSet<String> given = LinkedHashSet.ofAll(values.keySet()).map(name -> model.attribute(name).field());
        Vector<String> update = row.keySet().toVector()
                .filter(field -> !createdAt.contains(field))
                .filter(field -> given.contains(field) || updatedAt.contains(field))
                .filter(field -> overwritten.forAll(set -> set.contains(field)));
        return new Statement.Upsert(model.table(), autoIncrementField(model), row.keySet().toVector(),
                row.values().toVector(), conflictKey(model, options.conflictFields(), "conflictFields"), update,
                returning(model, options.returning()));
    }

    /**
     * One row's checked values by column, in definition order: the given attributes with the defaults of
     * those not given filled in, as Sequelize's {@code build} does ({@link DefaultValues}; a literal
     * default is left to the column's DEFAULT clause), only those in {@code fields} when given,
     * {@code createdAt} stamped unless given, {@code updatedAt} stamped unless {@code stampUpdatedAt} is
     * off, and the auto-increment key only when given.
     */
    private static LinkedHashMap<String, Expression> row(ModelDefinition model, Map<String, ?> givenValues,
                                                         Option<Seq<String>> fields, boolean stampUpdatedAt,
                                                         Instant now, UuidGenerator uuids, String where) {
        try {
            Expression[] cells = new Rows(model, fields, stampUpdatedAt, now, uuids).cells(givenValues);
            LinkedHashMap<String, Expression> row = LinkedHashMap.empty();
            Vector<Attribute> attributes = model.attributeList();
            for (int i = 0; i < cells.length; i++) {
                if (cells[i] != null) {
                    row = row.put(attributes.get(i).field(), cells[i]);
                }
            }
            return row;
        } catch (ValidationError e) {
            throw where.isEmpty() ? e : new ValidationError(where + e.getMessage());
        }
    }

    /**
     * Checks rows of one call and turns each into its cells. What the rows share (the attributes
     * {@code fields} writes, the time stamp, each attribute's type) is worked out once, not per row:
     * {@code bulkCreate} of 100,000 rows comes through here.
     */
    private static final class Rows {
        private final ModelDefinition model;
        private final Option<Seq<String>> fields;
        private final boolean stampUpdatedAt;
        private final Instant now;
        private final Instant stamp;
        private final UuidGenerator uuids;
        /** Per attribute position: whether {@code fields} writes it; made with the first row, after its values are checked. */
        private boolean[] written;
        private Option<dev.sequelj.ast.model.DataType>[] types;
        /** Per attribute position, made with {@code written}: the attribute, and what each row asks of it. */
        private Attribute[] attributes;
        private boolean[] isUpdatedAt;
        private boolean[] isCreatedAt;
        private boolean[] literalDefault;
        /** The model's attribute names, for refusing an unknown one: a hash lookup per given name. */
        private java.util.HashSet<String> known;

        Rows(ModelDefinition model, Option<Seq<String>> fields, boolean stampUpdatedAt, Instant now, UuidGenerator uuids) {
            this.model = model;
            this.fields = fields;
            this.stampUpdatedAt = stampUpdatedAt;
            this.now = now;
            this.stamp = now.truncatedTo(ChronoUnit.MILLIS);
            this.uuids = uuids;
        }

        @SuppressWarnings("unchecked")
        private void prepare() {
            Option<Seq<String>> names = fields.map(given -> given.map(name -> model.attribute(name).name())
                    .appendAll(model.createdAt()).appendAll(model.updatedAt()));
            Vector<Attribute> attributes = model.attributeList();
            written = new boolean[attributes.size()];
            types = new Option[attributes.size()];
            this.attributes = attributes.toJavaArray(Attribute[]::new);
            isUpdatedAt = new boolean[written.length];
            isCreatedAt = new boolean[written.length];
            literalDefault = new boolean[written.length];
            for (int i = 0; i < written.length; i++) {
                Attribute attribute = attributes.get(i);
                written[i] = names.forAll(list -> list.contains(attribute.name()));
                types[i] = Option.some(attribute.type());
                isUpdatedAt[i] = model.updatedAt().contains(attribute.name());
                isCreatedAt[i] = model.createdAt().contains(attribute.name());
                literalDefault[i] = attribute.defaultValue().exists(d -> d instanceof DefaultValue.Literal);
            }
        }

        /** One row's cells by attribute position, as {@link #values}, each sent value a typed parameter; null where nothing is sent. */
        Expression[] cells(Map<String, ?> givenValues) {
            Object[] values = values(givenValues);
            Expression[] cells = new Expression[values.length];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = values[i] == NOT_SENT ? null : new Param(values[i], types[i]);
            }
            return cells;
        }

        /** Where a row sends nothing for an attribute (a value sent may be null: NULL is sent). */
        static final Object NOT_SENT = new Object();

        /**
         * One row's checked values by attribute position ({@link #NOT_SENT} where nothing is sent): the given attributes
         * with the defaults of those not given filled in, as Sequelize's {@code build} does
         * ({@link DefaultValues}; a literal default is left to the column's DEFAULT clause), only those in
         * {@code fields} when given, {@code createdAt} stamped unless given, {@code updatedAt} stamped unless
         * {@code stampUpdatedAt} is off, and the auto-increment key only when given.
         */
        Object[] values(Map<String, ?> givenValues) {
            if (known == null) {
                known = new java.util.HashSet<>(model.attributeList().map(Attribute::name).toJavaList());
            }
            for (String name : givenValues.keySet()) {
                if (!known.contains(name)) {
                    model.attribute(name); // refuses it, naming the model's attributes
                }
            }
            Map<String, ?> values = DefaultValues.apply(model, givenValues, now, uuids);
            if (written == null) {
                prepare();
            }
            Object[] cells = new Object[written.length];
            java.util.Arrays.fill(cells, NOT_SENT);
            for (int i = 0; i < cells.length; i++) {
                if (!written[i]) {
                    continue;
                }
                Attribute attribute = attributes[i];
                Object value = values.get(attribute.name());
                boolean given = value != null || values.containsKey(attribute.name());
                boolean stamped = isUpdatedAt[i] ? stampUpdatedAt : isCreatedAt[i] && value == null;
                if (stamped) {
                    value = stamp;
                    given = true;
                }
                if (attribute.autoIncrement() && value == null) {
                    continue;
                }
                // A literal default is left to the column's DEFAULT clause, so the database supplies the value.
                boolean databaseDefault = !given && literalDefault[i];
                if (value == null && !attribute.allowNull() && !databaseDefault) {
                    throw new ValidationError("notNull Violation: " + model.name() + "." + attribute.name()
                            + " cannot be null" + (given ? "" : " (no value was given)"));
                }
                if (given) {
                    cells[i] = ValueChecker.check(model.name(), attribute, value);
                }
            }
            return cells;
        }
    }

    // ---- update, increment, decrement -------------------------------------------------------------

    /**
     * {@code Model.update(values, options)}: {@code UPDATE ... SET ... WHERE ...}. The given values (only
     * those in {@code fields}, when given) in definition order, then {@code updatedAt} stamped unless
     * {@code silent}; on a paranoid model {@code deletedAt IS NULL} is added to the where clause unless
     * {@code paranoid(false)}.
     *
     * @return the UPDATE; none when no value is left to write, which sends nothing, as in Sequelize
     * @throws ValidationError when no where clause is given (Sequelize: "Missing where attribute in the
     *                         options parameter"), or for a value {@code create} would refuse
     */
    public static Option<Statement.Update> update(ModelDefinition model, Map<String, ?> values, UpdateOptions options,
                                                  Instant now) {
        Expression where = requireWhere(options.where(), "update");
        for (String name : values.keySet()) {
            model.attribute(name);
        }
        Option<Seq<String>> written = options.fields().map(names -> names.map(name -> model.attribute(name).name()));
        boolean stampUpdatedAt = !options.silent() && model.updatedAt().isDefined();
        Vector<Assignment> assignments = Vector.empty();
        for (Attribute attribute : model.attributeList()) {
            boolean skipped = !values.containsKey(attribute.name())
                    || written.exists(names -> !names.contains(attribute.name()))
                    || (stampUpdatedAt && model.updatedAt().contains(attribute.name()));
            if (skipped) {
                continue;
            }
            Object value = values.get(attribute.name());
            if (value == null && !attribute.allowNull()) {
                throw new ValidationError("notNull Violation: " + model.name() + "." + attribute.name() + " cannot be null");
            }
            assignments = assignments.append(new Assignment.ToValue(attribute.field(), param(model, attribute, value)));
        }
        if (assignments.isEmpty()) {
            return Option.none();
        }
        if (stampUpdatedAt) {
            assignments = assignments.append(updatedAtStamp(model, now));
        }
        Option<Expression> condition = options.paranoid() ? notDeleted(model, where) : resolve(model, where);
        return Option.some(new Statement.Update(model.table(), assignments, condition, options.limit(), keyFields(model),
                returning(model, options.returning())));
    }

    /**
     * {@code Model.increment(attributes, options)}: each attribute {@code = attribute + by}, computed by the
     * database, and {@code updatedAt} stamped unless {@code silent}.
     *
     * @throws ValidationError when no where clause or no attribute is given, or {@code by} does not fit an
     *                         attribute's type (a STRING attribute cannot be incremented)
     */
    public static Statement.Update increment(ModelDefinition model, Iterable<String> attributes,
                                             IncrementOptions options, Instant now) {
        return byOption(() -> adjust(model, amounts(attributes, options.by()), options, now, false, "increment"));
    }

    /** {@code Model.increment({attribute: by, ...}, options)}: each attribute by its own amount. */
    public static Statement.Update increment(ModelDefinition model, Map<String, ? extends Number> amounts,
                                             IncrementOptions options, Instant now) {
        return adjust(model, amounts, options, now, false, "increment");
    }

    /** {@code Model.decrement(attributes, options)}: each attribute {@code = attribute - by}. */
    public static Statement.Update decrement(ModelDefinition model, Iterable<String> attributes,
                                             IncrementOptions options, Instant now) {
        return byOption(() -> adjust(model, amounts(attributes, options.by()), options, now, true, "decrement"));
    }

    /** Names {@code by} in an amount's type error: with a list of attributes the amount is that option. */
    private static Statement.Update byOption(Supplier<Statement.Update> adjust) {
        try {
            return adjust.get();
        } catch (AmountError e) {
            throw new ValidationError("by: " + e.getMessage());
        }
    }

    /** An amount that does not fit its attribute's type. */
    private static final class AmountError extends ValidationError {
        AmountError(String message) {
            super(message);
        }
    }

    /** {@code Model.decrement({attribute: by, ...}, options)}: each attribute by its own amount. */
    public static Statement.Update decrement(ModelDefinition model, Map<String, ? extends Number> amounts,
                                             IncrementOptions options, Instant now) {
        return adjust(model, amounts, options, now, true, "decrement");
    }

    private static Map<String, Number> amounts(Iterable<String> attributes, Number by) {
        Map<String, Number> amounts = new java.util.LinkedHashMap<>(); // keeps the caller's order for messages
        attributes.forEach(name -> amounts.put(name, by));
        return amounts;
    }

    /**
     * The SET list is in definition order, so that equal calls render equal SQL whatever the map's
     * iteration order. Sequelize's increment does not skip soft-deleted rows, and neither does this.
     */
    private static Statement.Update adjust(ModelDefinition model, Map<String, ? extends Number> amounts,
                                           IncrementOptions options, Instant now, boolean subtract, String method) {
        Expression where = requireWhere(options.where(), method);
        if (amounts.isEmpty()) {
            throw new ValidationError(method + ": no attribute to " + method + "; give a name, a list of names,"
                    + " or a map of attribute to amount");
        }
        for (String name : amounts.keySet()) {
            model.attribute(name);
        }
        Vector<Assignment> assignments = Vector.empty();
        for (Attribute attribute : model.attributeList()) {
            if (amounts.containsKey(attribute.name())) {
                Number by = amounts.get(attribute.name());
                if (by == null) {
                    throw new ValidationError(method + ": " + model.name() + "." + attribute.name()
                            + " needs an amount, not null");
                }
                Param amount;
                try {
                    amount = param(model, attribute, by);
                } catch (ValidationError e) {
                    throw new AmountError(e.getMessage());
                }
                assignments = assignments.append(new Assignment.Increment(attribute.field(), amount, subtract));
            }
        }
        if (!options.silent() && model.updatedAt().isDefined()) {
            assignments = assignments.append(updatedAtStamp(model, now));
        }
        return new Statement.Update(model.table(), assignments, resolve(model, where), Option.none(), keyFields(model),
                returning(model, options.returning()));
    }

    // ---- destroy, restore, truncate ---------------------------------------------------------------

    /**
     * {@code Model.destroy(options)}: {@code DELETE FROM ... WHERE ...}; {@code TRUNCATE} with
     * {@code truncate(true)}. On a paranoid model, unless {@code force(true)}, an UPDATE that stamps
     * {@code deletedAt} on the matching rows not yet deleted ({@code deletedAt IS NULL AND ...}), as
     * Sequelize sends it, {@code truncate} or not.
     *
     * @throws ValidationError when neither a where clause nor {@code truncate} is given
     */
    public static Statement destroy(ModelDefinition model, DestroyOptions options, Instant now) {
        if (options.where().isEmpty() && !options.truncate()) {
            throw new ValidationError("destroy: missing where or truncate attribute in the options parameter;"
                    + " give a where clause (an empty one, {}, deletes every row) or truncate: true");
        }
        Expression where = options.where().getOrElse(() -> new Expression.And(Vector.empty()));
        if (model.paranoid() && !options.force()) {
            Attribute deletedAt = model.attribute(model.deletedAt().get());
            Instant stamp = now.truncatedTo(ChronoUnit.MILLIS);
            return new Statement.Update(model.table(),
                    Vector.of(new Assignment.ToValue(deletedAt.field(), param(model, deletedAt, stamp))),
                    notDeleted(model, where), options.limit(), keyFields(model), Vector.empty());
        }
        if (options.truncate()) {
            return new Statement.Truncate(model.table(), options.cascade(), options.restartIdentity());
        }
        return new Statement.Delete(model.table(), resolve(model, where), options.limit(), keyFields(model));
    }

    /**
     * {@code Model.restore(options)}: {@code UPDATE ... SET deletedAt = NULL WHERE ...} on a paranoid
     * model; every row when no where clause is given, as in Sequelize.
     *
     * @throws ValidationError when the model is not paranoid (Sequelize: "Model is not paranoid")
     */
    public static Statement.Update restore(ModelDefinition model, RestoreOptions options) {
        if (!model.paranoid()) {
            throw new ValidationError("restore: model '" + model.name() + "' is not paranoid; only a paranoid model"
                    + " (paranoid: true) keeps soft-deleted rows to restore");
        }
        Attribute deletedAt = model.attribute(model.deletedAt().get());
        return new Statement.Update(model.table(),
                Vector.of(new Assignment.ToValue(deletedAt.field(), new Param(null, Option.some(deletedAt.type())))),
                options.where().flatMap(where -> resolve(model, where)), options.limit(), keyFields(model),
                Vector.empty());
    }

    /**
     * {@code Model.truncate(options)}: Sequelize's {@code destroy({...options, truncate: true})}, so a
     * paranoid model's rows are soft-deleted unless {@code force(true)}.
     */
    public static Statement truncate(ModelDefinition model, DestroyOptions options, Instant now) {
        return destroy(model, options.truncate(true), now);
    }

    // ---- shared ---------------------------------------------------------------------------------------

    private static Expression requireWhere(Option<Expression> where, String method) {
        return where.getOrElseThrow(() -> new ValidationError(method + ": missing where attribute in the options"
                + " parameter; give a where clause (an empty one, {}, matches every row)"));
    }

    /** The where clause against unqualified columns; none for one that holds for every row (an empty AND). */
    private static Option<Expression> resolve(ModelDefinition model, Expression where) {
        if (where instanceof Expression.And and && and.operands().isEmpty()) {
            return Option.none();
        }
        return Option.some(WhereResolver.resolve(model, where, Option.none()));
    }

    /** {@code deletedAt IS NULL AND where} on a paranoid model, Sequelize's order; just the where otherwise. */
    private static Option<Expression> notDeleted(ModelDefinition model, Expression where) {
        Option<Expression> resolved = resolve(model, where);
        if (!model.paranoid()) {
            return resolved;
        }
        Expression alive = new Expression.IsNull(
                new Column(Option.none(), model.attribute(model.deletedAt().get()).field()), false);
        return Option.some(resolved.isEmpty() ? alive : new Expression.And(resolved.get() instanceof Expression.And and
                ? and.operands().prepend(alive)
                : Vector.of(alive, resolved.get())));
    }

    private static Assignment updatedAtStamp(ModelDefinition model, Instant now) {
        Attribute updatedAt = model.attribute(model.updatedAt().get());
        return new Assignment.ToValue(updatedAt.field(), param(model, updatedAt, now.truncatedTo(ChronoUnit.MILLIS)));
    }

    private static Param param(ModelDefinition model, Attribute attribute, Object value) {
        return new Param(ValueChecker.check(model.name(), attribute, value), Option.some(attribute.type()));
    }

    private static Option<String> autoIncrementField(ModelDefinition model) {
        return model.attributeList().find(Attribute::autoIncrement).map(Attribute::field);
    }

    private static Seq<String> keyFields(ModelDefinition model) {
        return model.primaryKey().map(Attribute::field);
    }

    /** The columns of the named attributes, each checked. */
    private static Seq<String> fields(ModelDefinition model, Seq<String> attributes, String option) {
        try {
            return attributes.map(name -> model.attribute(name).field());
        } catch (ValidationError e) {
            throw new ValidationError(option + ": " + e.getMessage());
        }
    }

    /** The named unique key's columns, or the primary key's when none is named. */
    private static Seq<String> conflictKey(ModelDefinition model, Seq<String> attributes, String option) {
        return attributes.isEmpty() ? keyFields(model) : fields(model, attributes, option);
    }

    private static Seq<String> returning(ModelDefinition model, Returning returning) {
        if (!returning.enabled()) {
            return Vector.empty();
        }
        return returning.attributes().isEmpty()
                ? model.attributeList().map(Attribute::field)
                : fields(model, returning.attributes(), "returning");
    }
}
