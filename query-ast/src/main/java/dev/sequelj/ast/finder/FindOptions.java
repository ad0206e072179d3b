package dev.sequelj.ast.finder;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.statement.Lock;
import dev.sequelj.ast.statement.OrderItem.Direction;
import dev.sequelj.ast.statement.OrderItem.Nulls;
import io.vavr.Tuple2;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.Collection;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The options of the finders ({@code findAll}, {@code findOne}, {@code findByPk}, {@code findOrCreate},
 * {@code findAndCountAll}, {@code count}, {@code max}/{@code min}/{@code sum}), as Sequelize's finder
 * options. Immutable; each method returns new options. Where and having clauses are parsed as soon as
 * they are given; names are checked against the model when the statement is built.
 *
 * <pre>{@code
 * import static dev.sequelj.ast.finder.FindOptions.options;
 * import static dev.sequelj.ast.finder.SqlExpressions.*;
 *
 * users.findAll(options().where(Map.of("lastName", "Hancock")).order("age", Direction.DESC).limit(10));
 * options().attributes(Selection.of("lastName"), Selection.of(fn("COUNT", col("id"))).as("n"))
 *          .group("lastName").having(Map.of("n", Map.of(Op.gt, 1)));
 * options().excludeAttributes("password").lock(Lock.UPDATE).paranoid(false);
 * }</pre>
 *
 * @param where              the condition, attributes not yet checked against a model
 * @param whereAttributes    the attributes an object-form where names at its top level, each with the
 *                           plain value it sets (null included), or none when its condition is an operator
 *                           map or a list. Sequelize reads its where object so: {@code findOne} leaves out
 *                           {@code LIMIT 1} when the primary key is set plainly, and {@code findOrCreate}
 *                           creates the row from these values. Empty for the typed form.
 * @param attributes         the selection ({@code attributes: [...]}); none selects every attribute
 * @param excludedAttributes attributes left out of the full selection ({@code attributes: {exclude}})
 * @param includedAttributes selections added to it ({@code attributes: {include}})
 * @param order              the ORDER BY keys
 * @param group              the GROUP BY keys: attribute names (left) or expressions (right)
 * @param having             the HAVING condition, over attributes, selected aliases and expressions
 * @param distinct           {@code count} counts distinct values ({@code count(DISTINCT(col))})
 * @param col                the attribute {@code count} counts; none counts rows ({@code *})
 * @param lock               the row lock to take ({@code FOR UPDATE}, ...)
 * @param paranoid           a paranoid model's finders skip soft-deleted rows; {@code false} includes them
 * @param raw                Sequelize's {@code raw}: hand back plain rows; no effect on the SQL
 */
public record FindOptions(Option<Expression> where, LinkedHashMap<String, Option<Object>> whereAttributes,
                          Option<Seq<Selection>> attributes, Seq<String> excludedAttributes,
                          Seq<Selection> includedAttributes, Seq<Ordering> order,
                          Seq<Either<String, Expression>> group, Option<Expression> having,
                          Option<Integer> limit, Option<Integer> offset, boolean distinct, Option<String> col,
                          Option<Lock> lock, boolean paranoid, boolean raw) {

    private static final FindOptions NONE = new FindOptions(Option.none(), LinkedHashMap.empty(), Option.none(),
            Vector.empty(), Vector.empty(), Vector.empty(), Vector.empty(), Option.none(), Option.none(), Option.none(),
            false, Option.none(), Option.none(), true, false);

    /** No options: every row, every attribute. */
    public static FindOptions options() {
        return NONE;
    }

    // ---- where ------------------------------------------------------------------------------------

    /**
     * Sequelize's object form: {@code Map.of("firstName", "John", "age", Map.of(Op.gt, 18))}. An empty
     * map means no condition at all, as in Sequelize (no WHERE is sent).
     */
    public FindOptions where(Map<?, ?> where) {
        if (where.isEmpty()) {
            return with(d -> {
                d.where = Option.none();
                d.whereAttributes = LinkedHashMap.empty();
            });
        }
        Expression parsed = WhereObject.parse(where);
        LinkedHashMap<String, Option<Object>> topLevel = LinkedHashMap.empty();
        for (Map.Entry<?, ?> entry : where.entrySet()) {
            if (entry.getKey() instanceof String name && !name.startsWith("$")) {
                topLevel = topLevel.put(name, isPlain(entry.getValue()) ? Option.some(entry.getValue()) : Option.none());
            }
        }
        LinkedHashMap<String, Option<Object>> attributes = topLevel;
        return with(d -> {
            d.where = Option.some(parsed);
            d.whereAttributes = attributes;
        });
    }

    /** The typed form: {@code Where.col("age").gt(18)}. */
    public FindOptions where(Expression where) {
        // Built directly rather than through a Draft: the options every finder call sets are cheap to set.
        return new FindOptions(Option.some(where), LinkedHashMap.empty(), attributes, excludedAttributes,
                includedAttributes, order, group, having, limit, offset, distinct, col, lock, paranoid, raw);
    }

    // ---- attributes -------------------------------------------------------------------------------

    /** Selects only these attributes: {@code attributes: ['firstName', 'age']}. */
    public FindOptions attributes(String... attributes) {
        return attributes(Vector.of(attributes).map(Selection::of).toJavaArray(Selection[]::new));
    }

    /** Selects these attributes and expressions: {@code attributes: ['age', ['age', 'years'], [fn(...), 'n']]}. */
    public FindOptions attributes(Selection... selections) {
        if (selections.length == 0) {
            throw new ValidationError("attributes: select at least one attribute");
        }
        return with(d -> {
            d.attributes = Option.some(Vector.of(selections));
            d.excludedAttributes = Vector.empty();
            d.includedAttributes = Vector.empty();
        });
    }

    /** Every attribute but these: {@code attributes: {exclude: ['password']}}. */
    public FindOptions excludeAttributes(String... attributes) {
        return with(d -> {
            d.attributes = Option.none();
            d.excludedAttributes = d.excludedAttributes.appendAll(Vector.of(attributes));
        });
    }

    /** Every attribute and these too: {@code attributes: {include: [[fn('COUNT', col('id')), 'n']]}}. */
    public FindOptions includeAttributes(Selection... selections) {
        return with(d -> {
            d.attributes = Option.none();
            d.includedAttributes = d.includedAttributes.appendAll(Vector.of(selections));
        });
    }

    // ---- order ------------------------------------------------------------------------------------

    /** Adds an ORDER BY key on an attribute (or a selected alias): {@code ['age', 'DESC']}. */
    public FindOptions order(String attribute, Direction direction) {
        return order(new Ordering(Either.left(name(attribute, "order")), Option.some(direction), Option.none()));
    }

    /** Adds an ORDER BY key with a null placement: {@code ['age', 'DESC NULLS LAST']}. */
    public FindOptions order(String attribute, Direction direction, Nulls nulls) {
        return order(new Ordering(Either.left(name(attribute, "order")), Option.some(direction), Option.some(nulls)));
    }

    /**
     * Adds an ORDER BY key with Sequelize's direction string: {@code "ASC"}, {@code "DESC NULLS LAST"},
     * {@code "NULLS FIRST"}, ... (any case).
     */
    public FindOptions order(String attribute, String direction) {
        Tuple2<Option<Direction>, Option<Nulls>> parsed = Ordering.parseDirection(direction);
        return order(new Ordering(Either.left(name(attribute, "order")), parsed._1, parsed._2));
    }

    /** Adds an ORDER BY key in the database's default direction: {@code ['age']}. */
    public FindOptions order(String attribute) {
        return order(new Ordering(Either.left(name(attribute, "order")), Option.none(), Option.none()));
    }

    /** Adds an ORDER BY key on an expression: {@code [fn('max', col('age')), 'DESC']}. */
    public FindOptions order(Expression expression, Direction direction) {
        return order(new Ordering(Either.right(expression), Option.some(direction), Option.none()));
    }

    /** Adds an ORDER BY key on an expression, undirected: {@code sequelize.random()}. */
    public FindOptions order(Expression expression) {
        return order(new Ordering(Either.right(expression), Option.none(), Option.none()));
    }

    /** Adds an ORDER BY key. */
    public FindOptions order(Ordering ordering) {
        return new FindOptions(where, whereAttributes, attributes, excludedAttributes, includedAttributes,
                appended(order, ordering), group, having, limit, offset, distinct, col, lock, paranoid, raw);
    }

    /**
     * {@code keys} with {@code key} after them. Vavr's {@code Vector.append} goes through a one-element List
     * and an iterator, which shows on every finder call; a few keys are copied into one array instead.
     */
    @SuppressWarnings("unchecked")
    private static <T> Seq<T> appended(Seq<T> keys, T key) {
        int size = keys.size();
        if (size > 8 || !(keys instanceof Vector<T> vector)) {
            return keys.append(key);
        }
        Object[] all = new Object[size + 1];
        for (int i = 0; i < size; i++) {
            all[i] = vector.get(i);
        }
        all[size] = key;
        return Vector.of((T[]) all);
    }

    // ---- group and having -------------------------------------------------------------------------

    /** Groups by these attributes: {@code group: ['lastName']}. */
    public FindOptions group(String... attributes) {
        Vector<Either<String, Expression>> keys = Vector.of(attributes).map(a -> Either.left(name(a, "group")));
        return with(d -> d.group = d.group.appendAll(keys));
    }

    /** Groups by these expressions: {@code group: [fn('date', col('createdAt'))]}. */
    public FindOptions group(Expression... expressions) {
        Vector<Either<String, Expression>> keys = Vector.of(expressions).map(Either::right);
        return with(d -> d.group = d.group.appendAll(keys));
    }

    /**
     * The HAVING condition in object form. Keys are attributes, aliases of selected expressions, or
     * {@code $and}/{@code $or}/{@code $not}, whose lists may also hold conditions built with
     * {@link SqlExpressions#where}: {@code Map.of("n", Map.of(Op.gt, 1))},
     * {@code Map.of(Op.and, List.of(where(fn("COUNT", col("id")), Op.gt, 1), Map.of("lastName", "Adams")))}.
     */
    public FindOptions having(Map<?, ?> having) {
        if (having.isEmpty()) {
            return with(d -> d.having = Option.none());
        }
        Expression parsed = HavingObject.parse(having, "having");
        return with(d -> d.having = Option.some(parsed));
    }

    /** The HAVING condition as an expression: {@code where(fn("COUNT", col("id")), Op.gt, 1)}, or a typed where. */
    public FindOptions having(Expression having) {
        return with(d -> d.having = Option.some(having));
    }

    // ---- paging -----------------------------------------------------------------------------------

    public FindOptions limit(int limit) {
        if (limit < 0) {
            throw new ValidationError("limit must be 0 or more, got " + limit);
        }
        return new FindOptions(where, whereAttributes, attributes, excludedAttributes, includedAttributes, order,
                group, having, Option.some(limit), offset, distinct, col, lock, paranoid, raw);
    }

    public FindOptions offset(int offset) {
        if (offset < 0) {
            throw new ValidationError("offset must be 0 or more, got " + offset);
        }
        return new FindOptions(where, whereAttributes, attributes, excludedAttributes, includedAttributes, order,
                group, having, limit, Option.some(offset), distinct, col, lock, paranoid, raw);
    }

    // ---- count ------------------------------------------------------------------------------------

    /** {@code count} counts distinct values ({@code count(DISTINCT("id"))}); other finders ignore it, as Sequelize's do. */
    public FindOptions distinct(boolean distinct) {
        return with(d -> d.distinct = distinct);
    }

    /** The attribute {@code count} counts ({@code count("age")}, so rows where it is not null). */
    public FindOptions col(String attribute) {
        return with(d -> d.col = Option.some(name(attribute, "col")));
    }

    // ---- lock, paranoid, raw ----------------------------------------------------------------------

    /** Locks the selected rows: {@code lock: true} is {@link Lock#UPDATE}. Needs a transaction to mean anything. */
    public FindOptions lock(Lock lock) {
        return with(d -> d.lock = Option.of(lock));
    }

    /** {@code paranoid: false} also finds a paranoid model's soft-deleted rows. Default true. */
    public FindOptions paranoid(boolean paranoid) {
        return with(d -> d.paranoid = paranoid);
    }

    /** Sequelize's {@code raw}: plain rows instead of instances. Changes no SQL. */
    public FindOptions raw(boolean raw) {
        return with(d -> d.raw = raw);
    }

    // ---- internals --------------------------------------------------------------------------------

    /** These options selecting every attribute again: what findAndCountAll's count is given. */
    FindOptions withoutAttributes() {
        return with(d -> {
            d.attributes = Option.none();
            d.excludedAttributes = Vector.empty();
            d.includedAttributes = Vector.empty();
        });
    }

    /** These options without order, limit and offset: what count runs with, as in Sequelize. */
    FindOptions withoutPaging() {
        return with(d -> {
            d.order = Vector.empty();
            d.limit = Option.none();
            d.offset = Option.none();
        });
    }

    /** A value Sequelize's findOne/findOrCreate read as set plainly: not an operator map, list or expression. */
    private static boolean isPlain(Object value) {
        return !(value instanceof Map<?, ?> || value instanceof Collection<?> || value instanceof Expression
                || (value != null && value.getClass().isArray() && !(value instanceof byte[])));
    }

    private static String name(String name, String option) {
        if (name == null || name.isEmpty()) {
            throw new ValidationError(option + ": an attribute name must be a non-empty string");
        }
        return name;
    }

    private FindOptions with(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return draft.build();
    }

    /** A mutable copy, so that each option method names only what it changes. */
    private static final class Draft {
        Option<Expression> where;
        LinkedHashMap<String, Option<Object>> whereAttributes;
        Option<Seq<Selection>> attributes;
        Seq<String> excludedAttributes;
        Seq<Selection> includedAttributes;
        Seq<Ordering> order;
        Seq<Either<String, Expression>> group;
        Option<Expression> having;
        Option<Integer> limit;
        Option<Integer> offset;
        boolean distinct;
        Option<String> col;
        Option<Lock> lock;
        boolean paranoid;
        boolean raw;

        Draft(FindOptions o) {
            where = o.where;
            whereAttributes = o.whereAttributes;
            attributes = o.attributes;
            excludedAttributes = o.excludedAttributes;
            includedAttributes = o.includedAttributes;
            order = o.order;
            group = o.group;
            having = o.having;
            limit = o.limit;
            offset = o.offset;
            distinct = o.distinct;
            col = o.col;
            lock = o.lock;
            paranoid = o.paranoid;
            raw = o.raw;
        }

        FindOptions build() {
            return new FindOptions(where, whereAttributes, attributes, excludedAttributes, includedAttributes, order,
                    group, having, limit, offset, distinct, col, lock, paranoid, raw);
        }
    }
}
