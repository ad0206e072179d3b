package dev.sequelj.ast.finder;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.expression.Expression.Column;
import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.model.UuidGenerator;
import dev.sequelj.ast.statement.OrderItem;
import dev.sequelj.ast.statement.SelectColumn;
import dev.sequelj.ast.statement.Statement;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * The SELECTs of the finders: {@code findAll}, {@code findOne}, {@code findByPk}, {@code findOrCreate},
 * {@code findAndCountAll}, {@code count}, {@code max}, {@code min}, {@code sum}. Every check on the
 * caller's options happens here, before any SQL exists.
 *
 * <pre>{@code
 * Statement.Select select = FindStatements.findAll(user, options().where(Map.of("firstName", "John")));
 * Statement.Select count = FindStatements.count(user, options().distinct(true).col("lastName"));
 * FindAndCountAll page = FindStatements.findAndCountAll(user, options().limit(10).offset(20));
 * page.statements();   // [SELECT count(*) ..., SELECT ... LIMIT ? OFFSET ?]
 * }</pre>
 *
 * <p>Names in {@code attributes}, {@code order} and {@code group} must be attributes of the model
 * ({@code order} also takes an alias given in {@code attributes}); Sequelize quotes an unknown name
 * and lets the database fail, Sequelj refuses it with a {@link ValidationError}.
 */
public final class FindStatements {
    private FindStatements() {}

    // ---- the finders ------------------------------------------------------------------------------

    /** {@code Model.findAll(options)}: one SELECT. */
    public static Statement.Select findAll(ModelDefinition model, FindOptions options) {
        Vector<Selected> selection = selection(model, options);
        return select(model, options, selection);
    }

    /**
     * {@code Model.findOne(options)}: {@code findAll} with {@code LIMIT 1}, except when a limit is given or
     * the object-form where sets the primary key (or a single-column unique attribute) to a plain value at
     * its top level ({@code {id: 5}}, {@code {email: "a@b.c"}}),
     * which Sequelize takes to match one row at most ({@code model.js}, {@code findOne}). A key pinned any
     * other way ({@code {id: {$eq: 5}}}, {@code {$and: [{id: 5}]}}, the typed form) keeps the limit, as in
     * Sequelize.
     */
    public static Statement.Select findOne(ModelDefinition model, FindOptions options) {
        Statement.Select select = findAll(model, options);
        if (select.limit().isDefined() || pinsPrimaryKey(model, options)) {
            return select;
        }
        return new Statement.Select(select.columns(), select.table(), select.alias(), select.where(), select.group(),
                select.having(), select.order(), Option.some(1), select.offset(), select.keyOrder(), select.lock());
    }

    /**
     * {@code Model.findByPk(key, options)}: {@code findOne} where the primary key equals {@code key}.
     * Nothing is sent for a null key, as in Sequelize (which answers null without a query).
     *
     * @throws ValidationError when the options have a where (Sequelize silently replaces it with the key),
     *                         the model's key has several attributes, or the key does not fit its type
     */
    public static Option<Statement.Select> findByPk(ModelDefinition model, Object key, FindOptions options) {
        if (key == null) {
            return Option.none();
        }
        Seq<Attribute> primaryKey = model.primaryKey();
        if (primaryKey.size() != 1) {
            throw new ValidationError("findByPk: model '" + model.name() + "' has a primary key of "
                    + primaryKey.size() + " attributes (" + primaryKey.map(Attribute::name).mkString(", ")
                    + "); use findOne with a where on each of them");
        }
        if (options.where().isDefined()) {
            throw new ValidationError("findByPk: the primary key is the where clause; leave out where"
                    + " (Sequelize would replace it), or use findOne");
        }
        if (key instanceof Map<?, ?> || key instanceof Collection<?> || key instanceof Expression) {
            throw new ValidationError("findByPk: the key must be a single value of " + model.name() + "."
                    + primaryKey.head().name() + ", got " + WhereObject.describe(key));
        }
        try {
            ValueChecker.check(model.name(), primaryKey.head(), key);
        } catch (ValidationError e) {
            throw new ValidationError("findByPk: " + e.getMessage());
        }
        return Option.some(findOne(model, options.where(java.util.Collections.singletonMap(primaryKey.head().name(), key))));
    }

    /**
     * {@code Model.findOrCreate({where, defaults, ...})}: the {@code findOne} SELECT, and the INSERT of a
     * row made of {@code defaults} and the where's plain values (defaults win), which is sent only when
     * the SELECT finds nothing. Sequelize runs both in a transaction; on PostgreSQL it wraps the INSERT
     * in a temporary function that catches a unique violation (see {@code conformance/DIFFERENCES.md}).
     *
     * @param now the time {@code createdAt}/{@code updatedAt} are stamped with
     * @throws ValidationError when there is no where, or the where gives an attribute a condition rather
     *                         than a value ({@code {age: {$gt: 18}}}) and defaults give it none
     */
    public static FindOrCreate findOrCreate(ModelDefinition model, FindOptions options, Map<String, ?> defaults,
                                            Instant now) {
        return findOrCreate(model, options, defaults, now, UuidGenerator.RANDOM);
    }

    /** {@link #findOrCreate(ModelDefinition, FindOptions, Map, Instant)} whose INSERT takes UUIDV1/UUIDV4 defaults from {@code uuids}. */
    public static FindOrCreate findOrCreate(ModelDefinition model, FindOptions options, Map<String, ?> defaults,
                                            Instant now, UuidGenerator uuids) {
        if (options.where().isEmpty()) {
            throw new ValidationError("findOrCreate needs a where: the row to find, whose values the created row"
                    + " takes, e.g. {\"where\": {\"email\": \"a@example.com\"}, \"defaults\": {...}}");
        }
        java.util.LinkedHashMap<String, Object> values = new java.util.LinkedHashMap<>(defaults);
        for (var entry : options.whereAttributes()) {
            if (values.containsKey(entry._1)) {
                continue;
            }
            if (entry._2.isEmpty()) {
                throw new ValidationError("findOrCreate: where." + entry._1 + " is a condition (an operator map or a"
                        + " list), not a value, so the row to create has none for it; give " + entry._1 + " in defaults");
            }
            values.put(entry._1, entry._2.get());
        }
        Statement.Select find = findOne(model, options);
        Statement.Insert create;
        try {
            create = WriteStatements.create(model, values, now, uuids);
        } catch (ValidationError e) {
            throw new ValidationError("findOrCreate (the row to create): " + e.getMessage());
        }
        return new FindOrCreate(find, create);
    }

    /**
     * {@code Model.findAndCountAll(options)}: the {@code count} of every matching row (attributes, order,
     * limit and offset do not apply to it), then the {@code findAll} page, as Sequelize sends them.
     */
    public static FindAndCountAll findAndCountAll(ModelDefinition model, FindOptions options) {
        return new FindAndCountAll(count(model, options.withoutAttributes()), findAll(model, options));
    }

    // ---- aggregates -------------------------------------------------------------------------------

    /**
     * {@code Model.count(options)}: {@code SELECT count(*) AS "count"}, or {@code count("col")} with
     * {@code col}, {@code count(DISTINCT("col"))} with {@code distinct} (the primary key when no col is
     * given). Order, limit and offset do not apply, as in Sequelize; with {@code group}, one count per
     * group, the group keys selected before it.
     */
    public static Statement.Select count(ModelDefinition model, FindOptions options) {
        Expression counted;
        if (options.col().isDefined() && !options.col().contains("*")) {
            counted = new Expression.ColumnName(Vector.of(attribute(model, options.col().get(), "col").field()));
        } else if (options.distinct()) {
            counted = new Expression.ColumnName(Vector.of(model.primaryKey().head().field()));
        } else {
            counted = new Expression.ColumnName(Vector.of("*"));
        }
        return aggregate(model, "count", counted, options.withoutPaging());
    }

    /** {@code Model.max(attribute, options)}: {@code SELECT max("age") AS "max"}. */
    public static Statement.Select max(ModelDefinition model, String attribute, FindOptions options) {
        return aggregate(model, "max", column(model, attribute), options);
    }

    /** {@code Model.min(attribute, options)}: {@code SELECT min("age") AS "min"}. */
    public static Statement.Select min(ModelDefinition model, String attribute, FindOptions options) {
        return aggregate(model, "min", column(model, attribute), options);
    }

    /** {@code Model.sum(attribute, options)}: {@code SELECT sum("age") AS "sum"}. */
    public static Statement.Select sum(ModelDefinition model, String attribute, FindOptions options) {
        return aggregate(model, "sum", column(model, attribute), options);
    }

    /**
     * Sequelize's {@code aggregate}: the selection is the attributes given, the group keys, and
     * {@code fn(column) AS fn}, each name once; {@code distinct} counts (sums...) distinct values.
     */
    private static Statement.Select aggregate(ModelDefinition model, String function, Expression column,
                                              FindOptions options) {
        if (!options.excludedAttributes().isEmpty() || !options.includedAttributes().isEmpty()) {
            throw new ValidationError(function + ": attributes {include, exclude} do not apply to an aggregate,"
                    + " which selects only the attributes listed, the group keys and its result");
        }
        Expression argument = options.distinct()
                ? new Expression.FunctionCall("DISTINCT", Vector.of(column))
                : column;
        Vector<Selection> wanted = Vector.<Selection>empty()
                .appendAll(options.attributes().getOrElse(Vector.empty()))
                .appendAll(options.group().map(key -> key.fold(Selection::of, Selection::of)))
                .append(Selection.of(new Expression.FunctionCall(function, Vector.of(argument))).as(function));
        Vector<Selection> distinctNames = wanted.distinctBy(FindStatements::selectionName);
        return select(model, options, distinctNames.map(s -> selected(model, s)));
    }

    private static Expression column(ModelDefinition model, String attribute) {
        return new Expression.ColumnName(Vector.of(attribute(model, attribute, "aggregate").field()));
    }

    /** What Sequelize's aggregate dedupes the selection by: the alias, else the attribute, else the expression itself. */
    private static Object selectionName(Selection selection) {
        return selection.alias().isDefined() ? selection.alias().get() : selection.source().fold(name -> name, e -> e);
    }

    // ---- the SELECT ---------------------------------------------------------------------------------

    /** One entry of the selection, with the attribute it selects, if it is one, and what its alias stands for. */
    record Selected(SelectColumn column, Option<String> attribute, Expression qualified) {}

    private static Statement.Select select(ModelDefinition model, FindOptions options, Vector<Selected> selection) {
        LinkedHashMap<String, Expression> aliases = LinkedHashMap.empty();
        for (Selected s : selection) {
            if (s.column().alias().isDefined()) {
                aliases = aliases.put(s.column().alias().get(), s.qualified());
            }
        }
        Option<Expression> where = where(model, options);
        Vector<Expression> group = options.group().toVector().map(key -> key.fold(
                name -> new Column(Option.none(), attribute(model, name, "group").field()), e -> e));
        LinkedHashMap<String, Expression> selectedAliases = aliases;
        Option<Expression> having = options.having().map(h -> HavingResolver.resolve(model, h, selectedAliases));
        Vector<OrderItem> order = options.order().toVector().map(o -> orderItem(model, o, selection));
        Vector<OrderItem> keyOrder = group.isEmpty()
                ? ModelFacts.of(model).keyOrder
                : group.map(g -> new OrderItem(g, Option.none(), Option.none()));
        return new Statement.Select(selection.map(Selected::column), model.table(), model.name(), where, group, having,
                order, options.limit(), options.offset(), keyOrder, options.lock());
    }

    /** The where, with a paranoid model's {@code "deletedAt" IS NULL} first unless {@code paranoid: false}. */
    private static Option<Expression> where(ModelDefinition model, FindOptions options) {
        Option<Expression> where = options.where().map(w -> WhereResolver.resolve(model, w));
        if (!model.paranoid() || !options.paranoid()) {
            return where;
        }
        Expression notDeleted = new Expression.IsNull(qualified(model, model.attribute(model.deletedAt().get())), false);
        return Option.some(where.isEmpty() ? notDeleted : new Expression.And(Vector.of(notDeleted, where.get())));
    }

    /**
     * What is selected: every attribute (less {@code exclude}, plus {@code include}), or the list given.
     * An attribute stored under another name is selected as {@code "field" AS "name"}, as Sequelize does.
     */
    private static Vector<Selected> selection(ModelDefinition model, FindOptions options) {
        Vector<Selection> wanted;
        if (options.attributes().isEmpty() && options.excludedAttributes().isEmpty() && options.includedAttributes().isEmpty()) {
            return ModelFacts.of(model).fullSelection;
        }
        if (options.attributes().isDefined()) {
            wanted = options.attributes().get().toVector();
        } else {
            for (String excluded : options.excludedAttributes()) {
                attribute(model, excluded, "attributes.exclude");
            }
            wanted = ModelFacts.of(model).stored
                    .filter(a -> !options.excludedAttributes().contains(a.name()))
                    .map(a -> Selection.of(a.name()))
                    .appendAll(options.includedAttributes());
        }
        if (wanted.isEmpty()) {
            throw new ValidationError("attributes: model '" + model.name() + "' would select no column; keep at least one attribute");
        }
        return wanted.map(s -> selected(model, s));
    }

    static Selected selected(ModelDefinition model, Selection selection) {
        return selection.source().fold(
                name -> {
                    Attribute attribute = attribute(model, name, "attributes");
                    Option<String> alias = selection.alias().orElse(attribute.field().equals(attribute.name())
                            ? Option.none() : Option.some(attribute.name()));
                    return new Selected(new SelectColumn(attribute.field(), alias), Option.some(name), qualified(model, attribute));
                },
                expression -> new Selected(new SelectColumn(expression, selection.alias()), Option.none(), expression));
    }

    /**
     * An ORDER BY key. A name given an alias in the selection (as an alias, or as the attribute it
     * selects, which includes a renamed attribute: {@code "last_name" AS "lastName"}) orders by the alias,
     * as Sequelize does; any other name must be an attribute, ordered by its qualified column. With a
     * null placement the aliased expression itself is used, so that databases without
     * {@code NULLS FIRST/LAST}, whose emulation repeats the key inside a CASE, can still read it.
     */
    private static OrderItem orderItem(ModelDefinition model, Ordering ordering, Vector<Selected> selection) {
        Expression key = ordering.key().fold(name -> {
            Option<Selected> aliased = selection.find(s -> s.column().alias().isDefined()
                    && (s.column().alias().contains(name) || s.attribute().contains(name)));
            if (aliased.isDefined()) {
                return ordering.nulls().isDefined()
                        ? aliased.get().qualified()
                        : new Column(Option.none(), aliased.get().column().alias().get());
            }
            if (!model.attributes().containsKey(name)) {
                Vector<String> aliases = selection.flatMap(s -> s.column().alias());
                throw new ValidationError("order: '" + name + "' is neither an attribute of model '" + model.name()
                        + "' nor an alias in attributes; attributes are " + model.attributes().keySet().mkString(", ")
                        + (aliases.isEmpty() ? "" : "; aliases are " + aliases.mkString(", ")));
            }
            return qualified(model, model.attribute(name));
        }, e -> e);
        return new OrderItem(key, ordering.direction(), ordering.nulls());
    }

    /** {@code "user"."first_name"}. */
    private static Column qualified(ModelDefinition model, Attribute attribute) {
        return new Column(Option.some(model.name()), attribute.field());
    }

    private static Attribute attribute(ModelDefinition model, String name, String option) {
        try {
            return model.attribute(name);
        } catch (ValidationError e) {
            throw new ValidationError(option + ": " + e.getMessage());
        }
    }

    /**
     * Whether the where sets the primary key, or an attribute unique on its own, to a plain value at its
     * top level. As in Sequelize, "unique on its own" is {@code unique: true} or a named unique key no
     * other attribute shares.
     */
    private static boolean pinsPrimaryKey(ModelDefinition model, FindOptions options) {
        Seq<Attribute> key = model.primaryKey();
        Seq<Attribute> pinning = model.attributeList().filter(a -> a.unique() || a.uniqueKey().exists(name ->
                model.attributeList().count(other -> other.uniqueKey().contains(name)) == 1));
        if (key.size() == 1) {
            pinning = pinning.prepend(key.head());
        }
        return pinning.exists(attribute -> options.whereAttributes().get(attribute.name())
                .exists(value -> value.isDefined() && value.get() != null));
    }

}
