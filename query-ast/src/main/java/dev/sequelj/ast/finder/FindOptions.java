package dev.sequelj.ast.finder;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.statement.Lock;
import dev.sequelj.ast.statement.OrderItem.Direction;
import dev.sequelj.ast.statement.OrderItem.Nulls;
import io.vavr.Tuple2;
import io.vavr.collection.Array;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Seq;
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
 * <p>The options nearly every call sets (where, order, limit, offset) are fields of their own; the others
 * live in one {@link Extras} shared between copies until one of them changes. The constructor of a record
 * of fifteen references compiles (with G1's write barriers) to more machine code than the JIT inlines, so
 * every option call paid a call and a copy; five fields copy inline, and a copy the next option call
 * replaces at once is often not allocated at all.
 *
 * @param where  the condition, attributes not yet checked against a model
 * @param order  the ORDER BY keys
 * @param limit  the LIMIT
 * @param offset the OFFSET
 * @param extras the options most calls leave at their defaults, each also read through its own accessor
 *               here ({@link #attributes()}, {@link #group()}, ...)
 */
public record FindOptions(Option<Expression> where, Seq<Ordering> order, Option<Integer> limit, Option<Integer> offset,
                          Extras extras) {

    /**
     * What the options hold besides where, order, limit and offset.
     *
     * @param whereAttributes    the attributes an object-form where names at its top level, each with the
     *                           plain value it sets (null included), or none when its condition is an operator
     *                           map or a list. Sequelize reads its where object so: {@code findOne} leaves out
     *                           {@code LIMIT 1} when the primary key is set plainly, and {@code findOrCreate}
     *                           creates the row from these values. Empty for the typed form.
     * @param attributes         the selection ({@code attributes: [...]}); none selects every attribute
     * @param excludedAttributes attributes left out of the full selection ({@code attributes: {exclude}})
     * @param includedAttributes selections added to it ({@code attributes: {include}})
     * @param group              the GROUP BY keys: attribute names (left) or expressions (right)
     * @param having             the HAVING condition, over attributes, selected aliases and expressions
     * @param distinct           {@code count} counts distinct values ({@code count(DISTINCT(col))})
     * @param col                the attribute {@code count} counts; none counts rows ({@code *})
     * @param lock               the row lock to take ({@code FOR UPDATE}, ...)
     * @param paranoid           a paranoid model's finders skip soft-deleted rows; {@code false} includes them
     * @param raw                Sequelize's {@code raw}: hand back plain rows; no effect on the SQL
     */
    public record Extras(LinkedHashMap<String, Option<Object>> whereAttributes, Option<Seq<Selection>> attributes,
                         Seq<String> excludedAttributes, Seq<Selection> includedAttributes,
                         Seq<Either<String, Expression>> group, Option<Expression> having, boolean distinct,
                         Option<String> col, Option<Lock> lock, boolean paranoid, boolean raw) {}

    // The lists are Arrays: a few items each, appended by copying one small array and read by index.
    private static final Extras DEFAULTS = new Extras(LinkedHashMap.empty(), Option.none(), Array.empty(), Array.empty(),
            Array.empty(), Option.none(), false, Option.none(), Option.none(), true, false);

    private static final FindOptions NONE = new FindOptions(Option.none(), Array.empty(), Option.none(), Option.none(),
            DEFAULTS);

    static {
        VavrMarkers.load();
    }

    /** {@code Option.some(n)} for the commonest limits and offsets, kept as Integer.valueOf keeps its boxes. */
    private static final Option<Integer>[] PAGES = pages(128);

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
        return new FindOptions(Option.some(where), order, limit, offset,
                extras.whereAttributes.isEmpty() ? extras : with(d -> d.whereAttributes = LinkedHashMap.empty()).extras);
    }

    // ---- attributes -------------------------------------------------------------------------------

    /** Selects only these attributes: {@code attributes: ['firstName', 'age']}. */
    public FindOptions attributes(String... attributes) {
        Selection[] selections = new Selection[attributes.length];
        for (int i = 0; i < attributes.length; i++) {
            selections[i] = Selection.of(attributes[i]);
        }
        return attributes(selections);
    }

    /** Selects these attributes and expressions: {@code attributes: ['age', ['age', 'years'], [fn(...), 'n']]}. */
    public FindOptions attributes(Selection... selections) {
        if (selections.length == 0) {
            throw new ValidationError("attributes: select at least one attribute");
        }
        return with(d -> {
            d.attributes = Option.some(Array.of(selections));
            d.excludedAttributes = Array.empty();
            d.includedAttributes = Array.empty();
        });
    }

    /** Every attribute but these: {@code attributes: {exclude: ['password']}}. */
    public FindOptions excludeAttributes(String... attributes) {
        return with(d -> {
            d.attributes = Option.none();
            d.excludedAttributes = d.excludedAttributes.appendAll(Array.of(attributes));
        });
    }

    /** Every attribute and these too: {@code attributes: {include: [[fn('COUNT', col('id')), 'n']]}}. */
    public FindOptions includeAttributes(Selection... selections) {
        return with(d -> {
            d.attributes = Option.none();
            d.includedAttributes = d.includedAttributes.appendAll(Array.of(selections));
        });
    }

    // ---- order ------------------------------------------------------------------------------------

    /** Adds an ORDER BY key on an attribute (or a selected alias): {@code ['age', 'DESC']}. */
    public FindOptions order(String attribute, Direction direction) {
        return order(new Ordering(Either.left(name(attribute, "order")), Ordering.some(direction), Option.none()));
    }

    /** Adds an ORDER BY key with a null placement: {@code ['age', 'DESC NULLS LAST']}. */
    public FindOptions order(String attribute, Direction direction, Nulls nulls) {
        return order(new Ordering(Either.left(name(attribute, "order")), Ordering.some(direction), Ordering.some(nulls)));
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
        return order(new Ordering(Either.right(expression), Ordering.some(direction), Option.none()));
    }

    /** Adds an ORDER BY key on an expression, undirected: {@code sequelize.random()}. */
    public FindOptions order(Expression expression) {
        return order(new Ordering(Either.right(expression), Option.none(), Option.none()));
    }

    /** Adds an ORDER BY key. */
    public FindOptions order(Ordering ordering) {
        return new FindOptions(where, appended(order, ordering), limit, offset, extras);
    }

    /**
     * {@code keys} with {@code key} after them. The first two keys are put in place directly: {@code Array.append}
     * copies through {@code Arrays.copyOf} of an array of unknown type, whose machine code alone kept the order
     * methods too big for the JIT to inline.
     */
    private static Seq<Ordering> appended(Seq<Ordering> keys, Ordering key) {
        return switch (keys.size()) {
            case 0 -> Array.of(key);
            case 1 -> Array.of(keys.head(), key);
            default -> keys.append(key);
        };
    }

    // ---- group and having -------------------------------------------------------------------------

    /** Groups by these attributes: {@code group: ['lastName']}. */
    public FindOptions group(String... attributes) {
        Array<Either<String, Expression>> keys = Array.of(attributes).map(a -> Either.left(name(a, "group")));
        return with(d -> d.group = d.group.appendAll(keys));
    }

    /** Groups by these expressions: {@code group: [fn('date', col('createdAt'))]}. */
    public FindOptions group(Expression... expressions) {
        Array<Either<String, Expression>> keys = Array.of(expressions).map(Either::right);
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
        return new FindOptions(where, order, page(limit), offset, extras);
    }

    public FindOptions offset(int offset) {
        if (offset < 0) {
            throw new ValidationError("offset must be 0 or more, got " + offset);
        }
        return new FindOptions(where, order, limit, page(offset), extras);
    }

    /** {@code Option.some(n)}, kept for small n. */
    private static Option<Integer> page(int n) {
        return n < PAGES.length ? PAGES[n] : Option.some(n);
    }

    @SuppressWarnings("unchecked")
    private static Option<Integer>[] pages(int count) {
        Option<Integer>[] pages = new Option[count];
        for (int i = 0; i < count; i++) {
            pages[i] = Option.some(i);
        }
        return pages;
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

    // ---- the extras, each by its own name ----------------------------------------------------------

    /** See {@link Extras#whereAttributes()}. */
    public LinkedHashMap<String, Option<Object>> whereAttributes() {
        return extras.whereAttributes;
    }

    /** The selection ({@code attributes: [...]}); none selects every attribute. */
    public Option<Seq<Selection>> attributes() {
        return extras.attributes;
    }

    /** Attributes left out of the full selection ({@code attributes: {exclude}}). */
    public Seq<String> excludedAttributes() {
        return extras.excludedAttributes;
    }

    /** Selections added to the full selection ({@code attributes: {include}}). */
    public Seq<Selection> includedAttributes() {
        return extras.includedAttributes;
    }

    /** The GROUP BY keys: attribute names (left) or expressions (right). */
    public Seq<Either<String, Expression>> group() {
        return extras.group;
    }

    /** The HAVING condition, over attributes, selected aliases and expressions. */
    public Option<Expression> having() {
        return extras.having;
    }

    /** {@code count} counts distinct values. */
    public boolean distinct() {
        return extras.distinct;
    }

    /** The attribute {@code count} counts; none counts rows. */
    public Option<String> col() {
        return extras.col;
    }

    /** The row lock to take. */
    public Option<Lock> lock() {
        return extras.lock;
    }

    /** Whether a paranoid model's finders skip soft-deleted rows. */
    public boolean paranoid() {
        return extras.paranoid;
    }

    /** Sequelize's {@code raw}: plain rows; no effect on the SQL. */
    public boolean raw() {
        return extras.raw;
    }

    // ---- internals --------------------------------------------------------------------------------

    /** These options selecting every attribute again: what findAndCountAll's count is given. */
    FindOptions withoutAttributes() {
        return with(d -> {
            d.attributes = Option.none();
            d.excludedAttributes = Array.empty();
            d.includedAttributes = Array.empty();
        });
    }

    /** These options without order, limit and offset: what count runs with, as in Sequelize. */
    FindOptions withoutPaging() {
        return with(d -> {
            d.order = Array.empty();
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
            Extras e = o.extras;
            where = o.where;
            whereAttributes = e.whereAttributes;
            attributes = e.attributes;
            excludedAttributes = e.excludedAttributes;
            includedAttributes = e.includedAttributes;
            order = o.order;
            group = e.group;
            having = e.having;
            limit = o.limit;
            offset = o.offset;
            distinct = e.distinct;
            col = e.col;
            lock = e.lock;
            paranoid = e.paranoid;
            raw = e.raw;
        }

        FindOptions build() {
            return new FindOptions(where, order, limit, offset, new Extras(whereAttributes, attributes,
                    excludedAttributes, includedAttributes, group, having, distinct, col, lock, paranoid, raw));
        }
    }
}
