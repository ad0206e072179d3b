package dev.sequelj.render.shape;

import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.expression.Parameter;
import dev.sequelj.ast.finder.FindOptions;
import dev.sequelj.ast.finder.Ordering;
import dev.sequelj.ast.finder.Selection;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.render.dialect.Dialect;
import io.vavr.Tuple2;
import io.vavr.collection.Array;
import io.vavr.collection.IndexedSeq;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

/**
 * The shape of a finder call <em>before</em> it is built: which finder, the model, the dialect, and the
 * caller's {@link FindOptions} with each value of the where clause replaced by its class. Two calls of one
 * shape build statements that differ only in those values (and the limit and offset), so the SQL prepared
 * for the first ({@code FinderSql}) serves the second by binding its values: no options resolved, no
 * statement built, nothing rendered.
 *
 * <p>Kept, as {@link StatementShape} keeps it, as the flat sequence of what one walk over the options meets,
 * read into a reader kept per thread, so reading allocates nothing. Everything the ordinary path branches on
 * is in the shape: names, operators, list sizes, whether a value is null, each value's class, a Boolean's
 * value, a limit or offset of 0, the top-level keys of an object-form where and whether each is set plainly
 * (for {@code findOne}). What a shape cannot stand for makes the call unshaped ({@link #readAgain} answers
 * false) and it takes the ordinary path: values of other classes than the plain scalars (lists, maps,
 * arrays, byte arrays, parameters), JSON paths, ranges, function calls and casts inside the where, a having,
 * and expressions holding values in the selection, order or group.
 *
 * <pre>{@code
 * FinderShape shape = FinderShape.reader();
 * shape.readAgain(FinderShape.Finder.FIND_ALL, user, null, options().where(col("age").gt(30)), Dialects.POSTGRES);
 * shape.values();   // [30]; the shape holds Integer.class where the 30 was
 * }</pre>
 */
public final class FinderShape {
    /** Which finder the options are given to. */
    public enum Finder { FIND_ALL, FIND_ONE, FIND_BY_PK }

    /** The classes a value may have to be slotted: plain scalars whose text never depends on the value. */
    private static final Set<Class<?>> SCALARS = Set.of(String.class, Integer.class, Long.class, Short.class, Byte.class,
            Double.class, Float.class, BigDecimal.class, BigInteger.class, Boolean.class, UUID.class, Instant.class,
            LocalDate.class, LocalTime.class, LocalDateTime.class, OffsetDateTime.class, ZonedDateTime.class);

    private static final Marker NONE = new Marker("none");
    private static final Marker NULL = new Marker("null");
    private static final Marker EXPRESSION = new Marker("expression");
    private static final Marker COLUMN = new Marker("column");
    private static final Marker QUALIFIED_COLUMN = new Marker("qualified column");
    private static final Marker AND = new Marker("and");
    private static final Marker OR = new Marker("or");
    private static final Marker NOT = new Marker("not");
    private static final Marker IN = new Marker("in");
    private static final Marker NOT_IN = new Marker("not in");
    private static final Marker IS_NULL = new Marker("is null");
    private static final Marker IS_NOT_NULL = new Marker("is not null");
    private static final Marker BETWEEN = new Marker("between");
    private static final Marker NOT_BETWEEN = new Marker("not between");
    private static final Marker IS_TRUE = new Marker("is true");
    private static final Marker IS_FALSE = new Marker("is false");
    private static final Marker IS_NOT_TRUE = new Marker("is not true");
    private static final Marker IS_NOT_FALSE = new Marker("is not false");
    private static final Marker QUANTIFIED = new Marker("quantified");
    private static final Marker LITERAL = new Marker("literal");
    private static final Marker RANDOM = new Marker("random");

    private Object[] tokens;
    private int tokenCount;
    /** The finder and the options left at their defaults or not, a bit each (see {@link #readAgain}). */
    private int flags;
    private int hash;
    private Object[] values;
    private int valueCount;
    private int limit;
    private int offset;
    /**
     * While {@link #readMatching} reads: the kept shape's tokens, each token read compared with the one at its
     * index rather than stored and hashed; null while {@link #readAgain} reads.
     */
    private Object[] expected;
    /** Whether a token read by {@link #readMatching} differed from the kept one: the walk stops. */
    private boolean mismatch;
    private int expectedFlags;

    private FinderShape() {
        tokens = new Object[64];
        values = new Object[8];
        reset();
    }

    private FinderShape(Object[] tokens, int flags, int hash) {
        this.tokens = tokens;
        this.tokenCount = tokens.length;
        this.flags = flags;
        this.hash = hash;
    }

    /** A reader for one thread, read into again and again. */
    public static FinderShape reader() {
        return new FinderShape();
    }

    private void reset() {
        Arrays.fill(values, 0, valueCount, null); // a reader kept for reuse must not hold on to a caller's values
        tokenCount = 0;
        valueCount = 0;
        flags = 0;
        hash = 1;
        limit = -1;
        offset = -1;
        mismatch = false;
    }

    /** Drops what was read, so that a reader kept for reuse holds none of a caller's values. */
    public void forget() {
        reset();
    }

    /**
     * Reads a finder call into this reader, forgetting the one before; false when the call has no shape
     * (see the class comment), so that it must take the ordinary path.
     *
     * @param key the primary key for {@link Finder#FIND_BY_PK}, not null; ignored by the other finders
     */
    public boolean readAgain(Finder finder, ModelDefinition model, Object key, FindOptions options, Dialect dialect) {
        expected = null;
        return read(finder, model, key, options, dialect);
    }

    /**
     * Reads a finder call as {@link #readAgain} does, comparing what it meets with {@code kept} (a shape kept by
     * a cache) as it goes instead of storing and hashing it: true when the call is of exactly that shape (what
     * {@code readAgain} then {@code equals(kept)} would answer), its values, limit and offset read. Stops at the
     * first difference; false leaves this reader holding nothing usable (read again with {@link #readAgain}).
     * One walk, for the commonest case of a finder called again in the shape it was called in last.
     */
    public boolean readMatching(FinderShape kept, Finder finder, ModelDefinition model, Object key, FindOptions options,
                                Dialect dialect) {
        expected = kept.tokens;
        expectedFlags = kept.flags;
        try {
            return read(finder, model, key, options, dialect) && !mismatch && flags == kept.flags
                    && tokenCount == kept.tokenCount;
        } finally {
            expected = null;
        }
    }

    private boolean read(Finder finder, ModelDefinition model, Object key, FindOptions options, Dialect dialect) {
        reset();
        identity(model);
        identity(dialect);
        Seq<Selection> included = options.includedAttributes();
        Seq<String> excluded = options.excludedAttributes();
        Seq<Ordering> order = options.order();
        Seq<Either<String, Expression>> group = options.group();
        // What most finders leave at its default, one bit each: read into one int rather than a token apiece.
        flags = finder.ordinal()
                | (options.where().isDefined() ? 1 << 2 : 0)
                | (options.attributes().isDefined() ? 1 << 3 : 0)
                | (excluded.isEmpty() ? 0 : 1 << 4)
                | (included.isEmpty() ? 0 : 1 << 5)
                | (order.isEmpty() ? 0 : 1 << 6)
                | (group.isEmpty() ? 0 : 1 << 7)
                | pageFlags(options.limit()) << 8
                | pageFlags(options.offset()) << 10
                | (options.distinct() ? 1 << 12 : 0)
                | (options.col().isDefined() ? 1 << 13 : 0)
                | (options.lock().isDefined() ? 1 << 14 : 0)
                | (options.paranoid() ? 1 << 15 : 0);
        hash = 31 * hash + flags;
        if (expected != null && flags != expectedFlags) {
            return false;
        }
        if (options.having().isDefined()) {
            return false;
        }
        if (finder == Finder.FIND_BY_PK && !value(key)) {
            return false;
        }
        if (options.where().isDefined() && !where(options.where().get())) {
            return false;
        }
        if (finder == Finder.FIND_ONE) {
            // findOne leaves out LIMIT 1 when the primary key (or a unique attribute) is set plainly.
            size(options.whereAttributes().size());
            for (Tuple2<String, Option<Object>> entry : options.whereAttributes()) {
                name(entry._1);
                flag(entry._2.isDefined() && entry._2.get() != null);
            }
        }
        if (options.attributes().isDefined() && !selections(options.attributes().get())) {
            return false;
        }
        if (!excluded.isEmpty()) {
            size(excluded.size());
            for (String name : excluded) {
                name(name);
            }
        }
        if (!included.isEmpty() && !selections(included)) {
            return false;
        }
        if (!order.isEmpty()) {
            int size = order.size();
            size(size);
            for (int i = 0; i < size; i++) {
                Ordering ordering = order instanceof Vector<Ordering> vector ? vector.get(i)
                        : order instanceof IndexedSeq<Ordering> indexed ? indexed.get(i) : order.get(i);
                if (!either(ordering.key())) {
                    return false;
                }
                option(ordering.direction());
                option(ordering.nulls());
            }
        }
        if (!group.isEmpty()) {
            size(group.size());
            for (Either<String, Expression> groupKey : group) {
                if (!either(groupKey)) {
                    return false;
                }
            }
        }
        limit = options.limit().isDefined() ? options.limit().get() : -1;
        offset = options.offset().isDefined() ? options.offset().get() : -1;
        if (options.col().isDefined()) {
            name(options.col().get());
        }
        if (options.lock().isDefined()) {
            constant(options.lock().get());
        }
        return true;
    }

    /** None, 0, or another page size: 0 may read differently (SQL Server refuses a limit of 0). */
    private static int pageFlags(Option<Integer> page) {
        return page.isEmpty() ? 0 : page.get() == 0 ? 1 : 2;
    }

    /** The values read, in walk order (the key first for findByPk); {@link #valueCount()} of them. */
    public Object[] values() {
        return values;
    }

    public int valueCount() {
        return valueCount;
    }

    /** The limit read, or -1 when the options give none. */
    public int limit() {
        return limit;
    }

    /** The offset read, or -1 when the options give none. */
    public int offset() {
        return offset;
    }

    /** This shape without the values it was read with, trimmed: what a cache keeps. */
    public FinderShape withoutValues() {
        return new FinderShape(Arrays.copyOf(tokens, tokenCount), flags, hash);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof FinderShape shape) || shape.hash != hash || shape.flags != flags
                || shape.tokenCount != tokenCount) {
            return false;
        }
        for (int i = 0; i < tokenCount; i++) {
            Object a = tokens[i];
            Object b = shape.tokens[i];
            if (a != b && (a == null || !a.equals(b))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "FinderShape[" + Integer.toHexString(flags) + "]" + Arrays.toString(Arrays.copyOf(tokens, tokenCount));
    }

    // ---- the where clause ---------------------------------------------------------------------------

    /**
     * Reads an unresolved where, in the order {@link #parameterize} replaces its values: each node's kind and
     * what it holds, then its operands left to right.
     */
    private boolean where(Expression where) {
        if (mismatch) {
            return false; // readMatching met a difference: the rest need not be read
        }
        // An instanceof chain, commonest first, rather than a pattern switch: this runs for every node of every call.
        if (where instanceof Expression.Comparison comparison) {
            constant(comparison.operator()); // the operators are a comparison's alone: its kind too
            return operand(comparison.left()) && operand(comparison.right());
        }
        if (where instanceof Expression.Column column) {
            column(column);
            return true;
        }
        if (where instanceof Expression.Param param) {
            return param.type().isEmpty() && value(param.value());
        }
        if (where instanceof Expression.And and) {
            mark(AND);
            return all(and.operands());
        }
        if (where instanceof Expression.Or or) {
            mark(OR);
            return all(or.operands());
        }
        if (where instanceof Expression.In in) {
            mark(in.negated() ? NOT_IN : IN);
            return operand(in.operand()) && all(in.values());
        }
        if (where instanceof Expression.IsNull isNull) {
            mark(isNull.negated() ? IS_NOT_NULL : IS_NULL);
            return where(isNull.operand());
        }
        if (where instanceof Expression.Not not) {
            mark(NOT);
            return where(not.operand());
        }
        if (where instanceof Expression.Between between) {
            mark(between.negated() ? NOT_BETWEEN : BETWEEN);
            return where(between.operand()) && where(between.low()) && where(between.high());
        }
        if (where instanceof Expression.IsBoolean is) {
            mark(is.negated() ? (is.value() ? IS_NOT_TRUE : IS_NOT_FALSE) : (is.value() ? IS_TRUE : IS_FALSE));
            return where(is.operand());
        }
        if (where instanceof Expression.Quantified quantified) {
            mark(QUANTIFIED);
            constant(quantified.quantifier());
            return quantified.array().elementType().isEmpty() && all(quantified.array().elements());
        }
        if (where instanceof Expression.Literal literal) {
            mark(LITERAL);
            name(literal.sql());
            return true;
        }
        if (where instanceof Expression.Random) {
            mark(RANDOM);
            return true;
        }
        // JSON paths (cast by the compared value's type), ranges, SQL helpers: rare in a where, left to the ordinary path.
        return false;
    }

    /**
     * {@link #where} for an operand: a column or a value read here, without another call down the recursion
     * and the chain of kinds (most operands are one or the other).
     */
    private boolean operand(Expression operand) {
        if (operand instanceof Expression.Column column) {
            column(column);
            return true;
        }
        if (operand instanceof Expression.Param param) {
            return param.type().isEmpty() && value(param.value());
        }
        return where(operand);
    }

    private void column(Expression.Column column) {
        if (column.qualifier().isEmpty()) {
            mark(COLUMN);
        } else {
            mark(QUALIFIED_COLUMN);
            name(column.qualifier().get());
        }
        name(column.name());
    }

    private boolean all(Seq<Expression> operands) {
        if (operands instanceof Vector<Expression> vector) {
            // The concrete class first: a final class tested by its class word, its calls direct; an interface
            // test and interface calls per operand show on every finder call.
            int size = vector.size();
            size(size);
            for (int i = 0; i < size; i++) {
                if (!operand(vector.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (operands instanceof Array<Expression> array) {
            int size = array.size();
            size(size);
            for (int i = 0; i < size; i++) {
                if (!operand(array.get(i))) {
                    return false;
                }
            }
            return true;
        }
        int size = operands.size();
        size(size);
        if (operands instanceof IndexedSeq<Expression> indexed) {
            for (int i = 0; i < size; i++) { // no iterator: a walk on every finder call should allocate nothing
                if (!operand(indexed.get(i))) {
                    return false;
                }
            }
            return true;
        }
        for (Expression operand : operands) {
            if (!operand(operand)) {
                return false;
            }
        }
        return true;
    }

    /** A value: null and Booleans stay in the shape; a plain scalar is slotted, its class kept; anything else has no shape. */
    private boolean value(Object value) {
        if (value == null) {
            mark(NULL);
            return true;
        }
        if (value instanceof Boolean b) {
            flag(b);
        } else if (isScalar(value.getClass())) {
            type(value.getClass());
        } else {
            return false;
        }
        if (valueCount == values.length) {
            values = Arrays.copyOf(values, valueCount * 2);
        }
        values[valueCount++] = value;
        return true;
    }

    /** Whether the where value is one {@link #value} slots: what {@link #parameterize} replaces. */
    private static boolean slotted(Object value) {
        return value != null && isScalar(value.getClass());
    }

    /** The commonest classes by identity first: a set lookup for every value of every call shows. */
    private static boolean isScalar(Class<?> type) {
        return type == String.class || type == Integer.class || type == Long.class || SCALARS.contains(type);
    }

    /**
     * The where with each slotted value replaced by a parameter named {@code v<i>}, {@code i} its index in
     * {@link #values()} (after {@code first} values that come before the where, the key of findByPk): what
     * the finder shape is prepared from.
     */
    public static Expression parameterize(Expression where, int first) {
        return new Parameterizer(first).apply(where);
    }

    /** The name {@link #parameterize} gives the value at {@code index}. */
    public static String parameterName(int index) {
        return "v" + index;
    }

    /** The index of a value from the name {@link #parameterize} gave it; -1 for another name. */
    public static int parameterIndex(String name) {
        if (name.length() < 2 || name.charAt(0) != 'v') {
            return -1;
        }
        try {
            return Integer.parseInt(name.substring(1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static final class Parameterizer {
        private int next;

        Parameterizer(int first) {
            this.next = first;
        }

        Expression apply(Expression where) {
            return switch (where) {
                case Expression.Param param -> slotted(param.value())
                        ? new Expression.Param(new Parameter(parameterName(next++)), Option.none()) : param;
                case Expression.Comparison c -> {
                    Expression left = apply(c.left());
                    yield new Expression.Comparison(left, c.operator(), apply(c.right()));
                }
                case Expression.IsNull n -> new Expression.IsNull(apply(n.operand()), n.negated());
                case Expression.IsBoolean b -> new Expression.IsBoolean(apply(b.operand()), b.value(), b.negated());
                case Expression.In in -> {
                    Expression operand = apply(in.operand());
                    yield new Expression.In(operand, in.values().map(this::apply), in.negated());
                }
                case Expression.Between b -> {
                    Expression operand = apply(b.operand());
                    Expression low = apply(b.low());
                    yield new Expression.Between(operand, low, apply(b.high()), b.negated());
                }
                case Expression.And and -> new Expression.And(and.operands().map(this::apply));
                case Expression.Or or -> new Expression.Or(or.operands().map(this::apply));
                case Expression.Not not -> new Expression.Not(apply(not.operand()));
                case Expression.Quantified q -> new Expression.Quantified(q.quantifier(),
                        new Expression.ArrayValue(q.array().elements().map(this::apply), q.array().elementType()));
                default -> where; // holds no value a shape slots
            };
        }
    }

    // ---- the rest of the options --------------------------------------------------------------------

    private boolean selections(Seq<Selection> selections) {
        size(selections.size());
        for (Selection selection : selections) {
            if (!either(selection.source())) {
                return false;
            }
            option(selection.alias());
        }
        return true;
    }

    /** An attribute name, or an expression compared whole (one holding a value has no shape). */
    private boolean either(Either<String, Expression> key) {
        if (key.isLeft()) {
            name(key.getLeft()); // a String: no expression token is one
            return true;
        }
        if (holdsValue(key.get())) {
            return false;
        }
        mark(EXPRESSION);
        add(key.get(), key.get().hashCode());
        return true;
    }

    private void option(Option<?> option) {
        if (option.isEmpty()) {
            mark(NONE);
        } else {
            Object value = option.get();
            add(value, value instanceof Enum<?> e ? e.ordinal() : value.hashCode());
        }
    }

    /** The model and the dialect are compared by identity: equal instances only miss the cache. */
    private void identity(Object object) {
        if (expected != null) {
            compare(object); // no identity hash to take
        } else {
            add(object, System.identityHashCode(object));
        }
    }

    private void mark(Marker marker) {
        if (expected != null) {
            compare(marker);
        } else {
            add(marker, marker.hash);
        }
    }

    private void name(String name) {
        if (expected != null) {
            compare(name); // no hash to take
        } else {
            add(name, name.hashCode());
        }
    }

    private void size(int size) {
        if (expected != null) {
            // Compared unboxed: a size is the one token kept as an Integer.
            int index = tokenCount++;
            if (index >= expected.length || !(expected[index] instanceof Integer kept) || kept != size) {
                mismatch = true;
            }
            return;
        }
        add(size, size); // boxed from Integer's cache for every size a where has in practice
    }

    private void flag(boolean flag) {
        add(flag ? Boolean.TRUE : Boolean.FALSE, flag ? 1231 : 1237);
    }

    private void constant(Enum<?> constant) {
        add(constant, 17 + constant.ordinal());
    }

    private void type(Class<?> type) {
        if (expected != null) {
            compare(type);
        } else {
            add(type, System.identityHashCode(type));
        }
    }

    /**
     * One token and its hash, taken by the caller, which knows its kind: no dispatch per token. While
     * {@link #readMatching} reads, compared with the kept token instead.
     */
    private void add(Object token, int tokenHash) {
        if (expected != null) {
            compare(token);
            return;
        }
        if (tokenCount == tokens.length) {
            tokens = Arrays.copyOf(tokens, tokenCount * 2);
        }
        tokens[tokenCount++] = token;
        hash = 31 * hash + tokenHash;
    }

    /** The token compared with the kept one at its index, as {@link #equals} compares them. */
    private void compare(Object token) {
        int index = tokenCount++;
        if (index >= expected.length) {
            mismatch = true;
            return;
        }
        Object kept = expected[index];
        if (kept != token && (kept == null || !kept.equals(token))) {
            mismatch = true;
        }
    }

    /** Whether an expression holds a value anywhere (a parameter included). */
    static boolean holdsValue(Expression expression) {
        return switch (expression) {
            case Expression.Param p -> true;
            case Expression.Column c -> false;
            case Expression.Comparison c -> holdsValue(c.left()) || holdsValue(c.right());
            case Expression.IsNull n -> holdsValue(n.operand());
            case Expression.IsBoolean b -> holdsValue(b.operand());
            case Expression.In in -> holdsValue(in.operand()) || in.values().exists(FinderShape::holdsValue);
            case Expression.Between b -> holdsValue(b.operand()) || holdsValue(b.low()) || holdsValue(b.high());
            case Expression.And and -> and.operands().exists(FinderShape::holdsValue);
            case Expression.Or or -> or.operands().exists(FinderShape::holdsValue);
            case Expression.Not not -> holdsValue(not.operand());
            case Expression.Quantified q -> holdsValue(q.array());
            case Expression.ArrayValue a -> a.elements().exists(FinderShape::holdsValue);
            case Expression.RangeValue r -> holdsValue(r.lower()) || holdsValue(r.upper());
            case Expression.JsonPath j -> false;
            case Expression.FunctionCall f -> f.arguments().exists(FinderShape::holdsValue);
            case Expression.ColumnName c -> false;
            case Expression.Literal l -> false;
            case Expression.Cast c -> holdsValue(c.operand());
            case Expression.Random r -> false;
        };
    }
}
