package dev.sequelj.render.shape;

import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.expression.Parameter;
import dev.sequelj.ast.finder.FindOptions;
import dev.sequelj.ast.finder.Ordering;
import dev.sequelj.ast.finder.Selection;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.render.dialect.Dialect;
import io.vavr.Tuple2;
import io.vavr.collection.IndexedSeq;
import io.vavr.collection.Seq;
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

    private static final Object NONE = new Marker("none");
    private static final Object NULL = new Marker("null");
    private static final Object ZERO = new Marker("zero");
    private static final Object SOME = new Marker("some");
    private static final Object LEFT = new Marker("left");
    private static final Object RIGHT = new Marker("right");

    private Object[] tokens;
    private int tokenCount;
    private int hash;
    private Object[] values;
    private int valueCount;
    private int limit;
    private int offset;

    private FinderShape() {
        tokens = new Object[64];
        values = new Object[8];
        reset();
    }

    private FinderShape(Object[] tokens, int hash) {
        this.tokens = tokens;
        this.tokenCount = tokens.length;
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
        hash = 1;
        limit = -1;
        offset = -1;
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
        reset();
        token(finder);
        identity(model);
        identity(dialect);
        if (finder == Finder.FIND_BY_PK && !value(key)) {
            return false;
        }
        if (options.where().isEmpty()) {
            token(NONE);
        } else if (!where(options.where().get())) {
            return false;
        }
        if (finder == Finder.FIND_ONE) {
            // findOne leaves out LIMIT 1 when the primary key (or a unique attribute) is set plainly.
            token(options.whereAttributes().size());
            for (Tuple2<String, Option<Object>> entry : options.whereAttributes()) {
                token(entry._1);
                token(entry._2.isDefined() && entry._2.get() != null ? Boolean.TRUE : Boolean.FALSE);
            }
        }
        if (options.attributes().isEmpty()) {
            token(NONE);
        } else if (!selections(options.attributes().get())) {
            return false;
        }
        token(options.excludedAttributes().size());
        for (String name : options.excludedAttributes()) {
            token(name);
        }
        if (!selections(options.includedAttributes())) {
            return false;
        }
        Seq<Ordering> order = options.order();
        token(order.size());
        for (int i = 0; i < order.size(); i++) {
            Ordering ordering = order instanceof IndexedSeq<Ordering> indexed ? indexed.get(i) : order.get(i);
            if (!either(ordering.key())) {
                return false;
            }
            option(ordering.direction());
            option(ordering.nulls());
        }
        token(options.group().size());
        for (Either<String, Expression> groupKey : options.group()) {
            if (!either(groupKey)) {
                return false;
            }
        }
        if (options.having().isDefined()) {
            return false;
        }
        limit = page(options.limit());
        offset = page(options.offset());
        token(options.distinct() ? Boolean.TRUE : Boolean.FALSE);
        option(options.col());
        option(options.lock());
        token(options.paranoid() ? Boolean.TRUE : Boolean.FALSE);
        return true;
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
        return new FinderShape(Arrays.copyOf(tokens, tokenCount), hash);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof FinderShape shape) || shape.hash != hash || shape.tokenCount != tokenCount) {
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
        return "FinderShape" + Arrays.toString(Arrays.copyOf(tokens, tokenCount));
    }

    // ---- the where clause ---------------------------------------------------------------------------

    /**
     * Reads an unresolved where, in the order {@link #parameterize} replaces its values: each node's kind and
     * what it holds, then its operands left to right.
     */
    private boolean where(Expression where) {
        switch (where) {
            case Expression.Column column -> {
                token(Expression.Column.class);
                option(column.qualifier());
                token(column.name());
                return true;
            }
            case Expression.Param param -> {
                return param.type().isEmpty() && value(param.value());
            }
            case Expression.Comparison comparison -> {
                token(Expression.Comparison.class);
                token(comparison.operator());
                return where(comparison.left()) && where(comparison.right());
            }
            case Expression.IsNull isNull -> {
                token(Expression.IsNull.class);
                token(isNull.negated() ? Boolean.TRUE : Boolean.FALSE);
                return where(isNull.operand());
            }
            case Expression.IsBoolean is -> {
                token(Expression.IsBoolean.class);
                token(is.value() ? Boolean.TRUE : Boolean.FALSE);
                token(is.negated() ? Boolean.TRUE : Boolean.FALSE);
                return where(is.operand());
            }
            case Expression.In in -> {
                token(Expression.In.class);
                token(in.negated() ? Boolean.TRUE : Boolean.FALSE);
                return where(in.operand()) && all(in.values());
            }
            case Expression.Between between -> {
                token(Expression.Between.class);
                token(between.negated() ? Boolean.TRUE : Boolean.FALSE);
                return where(between.operand()) && where(between.low()) && where(between.high());
            }
            case Expression.And and -> {
                token(Expression.And.class);
                return all(and.operands());
            }
            case Expression.Or or -> {
                token(Expression.Or.class);
                return all(or.operands());
            }
            case Expression.Not not -> {
                token(Expression.Not.class);
                return where(not.operand());
            }
            case Expression.Quantified quantified -> {
                token(Expression.Quantified.class);
                token(quantified.quantifier());
                return quantified.array().elementType().isEmpty() && all(quantified.array().elements());
            }
            case Expression.Literal literal -> {
                token(Expression.Literal.class);
                token(literal.sql());
                return true;
            }
            case Expression.Random random -> {
                token(Expression.Random.class);
                return true;
            }
            // Cast by the compared value's type, ranges, and SQL helpers: rare in a where, left to the ordinary path.
            case Expression.JsonPath json -> {
                return false;
            }
            case Expression.ArrayValue array -> {
                return false;
            }
            case Expression.RangeValue range -> {
                return false;
            }
            case Expression.FunctionCall call -> {
                return false;
            }
            case Expression.ColumnName name -> {
                return false;
            }
            case Expression.Cast cast -> {
                return false;
            }
        }
    }

    private boolean all(Seq<Expression> operands) {
        int size = operands.size();
        token(size);
        if (operands instanceof IndexedSeq<Expression> indexed) {
            for (int i = 0; i < size; i++) { // no iterator: a walk on every finder call should allocate nothing
                if (!where(indexed.get(i))) {
                    return false;
                }
            }
            return true;
        }
        for (Expression operand : operands) {
            if (!where(operand)) {
                return false;
            }
        }
        return true;
    }

    /** A value: null and Booleans stay in the shape; a plain scalar is slotted, its class kept; anything else has no shape. */
    private boolean value(Object value) {
        if (value == null) {
            token(NULL);
            return true;
        }
        if (value instanceof Boolean) {
            token(value);
        } else if (SCALARS.contains(value.getClass())) {
            token(value.getClass());
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
        return value != null && SCALARS.contains(value.getClass());
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
        token(selections.size());
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
            token(LEFT);
            token(key.getLeft());
            return true;
        }
        if (holdsValue(key.get())) {
            return false;
        }
        token(RIGHT);
        token(key.get());
        return true;
    }

    private int page(Option<Integer> page) {
        if (page.isEmpty()) {
            token(NONE);
            return -1;
        }
        int value = page.get();
        token(value == 0 ? ZERO : SOME); // a page of 0 may read differently (SQL Server refuses a limit of 0)
        return value;
    }

    private void option(Option<?> option) {
        token(option.isDefined() ? option.get() : NONE);
    }

    /** The model and the dialect are compared by identity: equal instances only miss the cache. */
    private void identity(Object object) {
        if (tokenCount == tokens.length) {
            tokens = Arrays.copyOf(tokens, tokenCount * 2);
        }
        tokens[tokenCount++] = object;
        hash = 31 * hash + System.identityHashCode(object);
    }

    private void token(Object token) {
        if (tokenCount == tokens.length) {
            tokens = Arrays.copyOf(tokens, tokenCount * 2);
        }
        tokens[tokenCount++] = token;
        hash = 31 * hash + hashOf(token);
    }

    /** Hashes taken directly for the common tokens, as {@link StatementShape} does, for the same reason. */
    private static int hashOf(Object token) {
        if (token instanceof String name) {
            return name.hashCode();
        }
        if (token instanceof Class<?> || token instanceof Marker || token instanceof Enum<?>) {
            return System.identityHashCode(token);
        }
        if (token instanceof Integer size) {
            return size;
        }
        if (token instanceof Boolean b) {
            return b ? 1231 : 1237;
        }
        return token == null ? 0 : token.hashCode();
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
