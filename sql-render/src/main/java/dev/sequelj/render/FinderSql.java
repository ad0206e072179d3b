package dev.sequelj.render;

import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.expression.Parameter;
import dev.sequelj.ast.finder.FindOptions;
import dev.sequelj.ast.finder.FindStatements;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.render.dialect.Dialect;
import dev.sequelj.render.shape.FinderShape;
import dev.sequelj.render.shape.FinderShape.Finder;
import io.vavr.control.Option;

import java.util.Collections;

/**
 * The SQL of the finders ({@code findAll}, {@code findOne}, {@code findByPk}) straight from their options:
 * what {@code SqlRenderer.render(FindStatements.findAll(model, options), dialect)} gives, exactly, and for a
 * call of a shape seen before without building the statement at all.
 *
 * <p>Each call reads the shape of its options ({@link FinderShape}: the options with each where value
 * replaced by its class) and its values in one walk. The first call of a shape builds and renders its
 * statement the ordinary way (every check and refusal as {@link FindStatements} makes them) and prepares the
 * shape once with a parameter where each value was ({@link SqlRenderer#prepare}); that is kept only if it
 * resolves to the same statement with the same types and, bound to this call's values, gives exactly the
 * ordinary SQL. Later calls of the shape bind their values to it, each checked against its attribute's type
 * as the ordinary path checks it. A value the type refuses, or a shape that could not be prepared, takes the
 * ordinary path, so errors are the ordinary errors, word for word. At most {@value ShapeCache#CAPACITY}
 * shapes are kept, as in {@link SqlRenderer}'s cache.
 *
 * <pre>{@code
 * Sql sql = FinderSql.findAll(user, options().where(col("age").gt(30)).limit(10), Dialects.POSTGRES);
 * sql.text();     // SELECT "id", ... FROM "users" AS "user" WHERE "user"."age" > ? LIMIT ?;
 * sql.params();   // [30, 10]
 * }</pre>
 */
public final class FinderSql {
    private static final ShapeCache<FinderShape, Plan> PLANS = new ShapeCache<>(FinderShape::withoutValues);
    private static final ThreadLocal<Caller> CALLERS = ThreadLocal.withInitial(Caller::new);
    /** What the cache keeps for a shape that cannot be prepared: such calls take the ordinary path. */
    private static final Plan ORDINARY = new Plan(null, null, false, false);
    /** Raised by {@link #clearCache}: each thread then forgets the plans it used last. */
    private static volatile int generation;

    private FinderSql() {}

    /** {@code Model.findAll(options)}: {@code SqlRenderer.render(FindStatements.findAll(model, options), dialect)}. */
    public static Sql findAll(ModelDefinition model, FindOptions options, Dialect dialect) {
        return sql(Finder.FIND_ALL, model, null, options, dialect);
    }

    /** {@code Model.findOne(options)}: {@code SqlRenderer.render(FindStatements.findOne(model, options), dialect)}. */
    public static Sql findOne(ModelDefinition model, FindOptions options, Dialect dialect) {
        return sql(Finder.FIND_ONE, model, null, options, dialect);
    }

    /**
     * {@code Model.findByPk(key, options)}: {@link FindStatements#findByPk} rendered; none for a null key,
     * which sends nothing.
     */
    public static Option<Sql> findByPk(ModelDefinition model, Object key, FindOptions options, Dialect dialect) {
        if (key == null) {
            return Option.none();
        }
        return Option.some(sql(Finder.FIND_BY_PK, model, key, options, dialect));
    }

    /** How many finder shapes are kept now. */
    public static int cachedShapes() {
        return PLANS.size();
    }

    /**
     * Whether a {@code findAll} call of this shape is now answered by binding its values to prepared SQL,
     * rather than by the ordinary path (for tests and measurements: a shape is prepared by its first call).
     */
    public static boolean prepared(ModelDefinition model, FindOptions options, Dialect dialect) {
        FinderShape shape = CALLERS.get().reader;
        try {
            if (!shape.readAgain(Finder.FIND_ALL, model, null, options, dialect)) {
                return false;
            }
            Plan plan = PLANS.get(shape);
            return plan != null && plan != ORDINARY;
        } finally {
            shape.forget();
        }
    }

    /** Drops every kept finder shape (for tests and measurements that must start cold). */
    public static void clearCache() {
        PLANS.clear();
        generation++;
    }

    private static Sql sql(Finder finder, ModelDefinition model, Object key, FindOptions options, Dialect dialect) {
        if (model == null || options == null || dialect == null) {
            return ordinary(finder, model, key, options, dialect);
        }
        Caller caller = CALLERS.get();
        FinderShape shape = caller.reader;
        try {
            int last = caller.lastSlot(finder, model, dialect);
            Plan plan = caller.last[last];
            // The shape this thread used last for this finder, model and dialect, compared as the options are read:
            // one walk, no hash and no lookup. Anything else reads the shape and looks it up.
            if (plan == null || !shape.readMatching(plan.shape, finder, model, key, options, dialect)) {
                if (!shape.readAgain(finder, model, key, options, dialect)) {
                    return ordinary(finder, model, key, options, dialect);
                }
                plan = PLANS.get(shape);
                if (plan == null) {
                    Sql sql = ordinary(finder, model, key, options, dialect);
                    FinderShape kept = shape.withoutValues();
                    plan = plan(finder, model, key, options, dialect, shape, kept, sql);
                    PLANS.put(kept, plan);
                    if (plan != ORDINARY) {
                        caller.last[last] = plan;
                    }
                    return sql;
                }
                if (plan == ORDINARY) {
                    return ordinary(finder, model, key, options, dialect);
                }
                caller.last[last] = plan;
            }
            try {
                return plan.bind(shape);
            } catch (RuntimeException e) {
                // A value its type refuses (or anything else binding trips on): the ordinary path decides, so
                // the error is its own, word for word.
                return ordinary(finder, model, key, options, dialect);
            }
        } finally {
            shape.forget();
        }
    }

    /** What the finder renders without this class: the statement built and rendered. */
    private static Sql ordinary(Finder finder, ModelDefinition model, Object key, FindOptions options, Dialect dialect) {
        return SqlRenderer.render(statement(finder, model, key, options), dialect);
    }

    private static Statement.Select statement(Finder finder, ModelDefinition model, Object key, FindOptions options) {
        return switch (finder) {
            case FIND_ALL -> FindStatements.findAll(model, options);
            case FIND_ONE -> FindStatements.findOne(model, options);
            case FIND_BY_PK -> FindStatements.findByPk(model, key, options)
                    .getOrElseThrow(() -> new IllegalStateException("findByPk of a key built nothing"));
        };
    }

    /**
     * The shape prepared with a parameter for each value read, or {@link #ORDINARY} when it cannot be, or when
     * what it gives differs in any way from what the ordinary path gave for this very call.
     */
    private static Plan plan(Finder finder, ModelDefinition model, Object key, FindOptions options, Dialect dialect,
                             FinderShape shape, FinderShape kept, Sql ordinary) {
        try {
            Statement.Select built = statement(finder, model, key, options);
            Statement.Select parameterized = switch (finder) {
                case FIND_ALL -> FindStatements.findAll(model, parameterized(options, 0));
                case FIND_ONE -> FindStatements.findOne(model, parameterized(options, 0));
                // What FindStatements.findByPk builds once it has checked the key.
                case FIND_BY_PK -> FindStatements.findOne(model, parameterized(options, 1).where(Collections.singletonMap(
                        model.primaryKey().head().name(), new Parameter(FinderShape.parameterName(0)))));
            };
            if (!withoutValues(built).equals(withoutValues(parameterized))) {
                return ORDINARY; // a value changed what was built
            }
            // Each value is checked and stored as the ordinary path does it: by the type its Param was given there.
            java.util.List<Expression.Param> builtParams = new java.util.ArrayList<>();
            java.util.List<Expression.Param> parameters = new java.util.ArrayList<>();
            built.where().forEach(w -> params(w, builtParams));
            parameterized.where().forEach(w -> params(w, parameters));
            DataType[] types = new DataType[shape.valueCount()];
            boolean[] typed = new boolean[shape.valueCount()];
            for (int i = 0; i < parameters.size(); i++) {
                if (parameters.get(i).value() instanceof Parameter parameter) {
                    int index = FinderShape.parameterIndex(parameter.name());
                    if (index < 0 || index >= types.length || typed[index]) {
                        return ORDINARY;
                    }
                    types[index] = builtParams.get(i).type().getOrNull();
                    typed[index] = true;
                }
            }
            for (boolean t : typed) {
                if (!t) {
                    return ORDINARY;
                }
            }
            PreparedSql prepared = SqlRenderer.prepare(parameterized, dialect);
            String[] names = prepared.names();
            if (names.length != shape.valueCount()) {
                return ORDINARY; // a value the SQL does not carry would go unchecked
            }
            int[] valueOf = new int[names.length];
            for (int i = 0; i < names.length; i++) {
                valueOf[i] = FinderShape.parameterIndex(names[i]);
                if (valueOf[i] < 0) {
                    return ORDINARY;
                }
            }
            boolean limit = options.limit().isDefined();
            boolean offset = options.offset().isDefined();
            if ((limit && !prepared.bindsLimit()) || (offset && !prepared.bindsOffset())) {
                return ORDINARY;
            }
            Plan plan = new Plan(kept, prepared.finderBinding(valueOf, types), limit, offset);
            Sql bound = plan.bind(shape);
            return bound.text().equals(ordinary.text()) && bound.params().equals(ordinary.params())
                    && bound.returns() == ordinary.returns() ? plan : ORDINARY;
        } catch (RuntimeException e) {
            return ORDINARY; // a construct parameters do not take
        }
    }

    private static FindOptions parameterized(FindOptions options, int first) {
        Option<Expression> where = options.where().map(w -> FinderShape.parameterize(w, first));
        return new FindOptions(where, options.order(), options.limit(), options.offset(), options.extras());
    }

    /**
     * The select with each value of its where stripped, and its type (a parameter's pattern is typed TEXT where
     * the value's is the attribute's type): what must match between the two builds.
     */
    private static Statement.Select withoutValues(Statement.Select select) {
        return new Statement.Select(select.columns(), select.table(), select.alias(),
                select.where().map(FinderSql::withoutValues), select.group(), select.having(), select.order(),
                select.limit(), select.offset(), select.keyOrder(), select.lock());
    }

    private static final Object STRIPPED = new Object();

    /** The Params of a resolved where, in walk order. */
    private static void params(Expression e, java.util.List<Expression.Param> into) {
        switch (e) {
            case Expression.Param p -> into.add(p);
            case Expression.Comparison c -> {
                params(c.left(), into);
                params(c.right(), into);
            }
            case Expression.IsNull n -> params(n.operand(), into);
            case Expression.IsBoolean b -> params(b.operand(), into);
            case Expression.In in -> {
                params(in.operand(), into);
                in.values().forEach(v -> params(v, into));
            }
            case Expression.Between b -> {
                params(b.operand(), into);
                params(b.low(), into);
                params(b.high(), into);
            }
            case Expression.And and -> and.operands().forEach(o -> params(o, into));
            case Expression.Or or -> or.operands().forEach(o -> params(o, into));
            case Expression.Not not -> params(not.operand(), into);
            case Expression.Quantified q -> params(q.array(), into);
            case Expression.ArrayValue a -> a.elements().forEach(o -> params(o, into));
            case Expression.RangeValue r -> {
                params(r.lower(), into);
                params(r.upper(), into);
            }
            case Expression.FunctionCall f -> f.arguments().forEach(o -> params(o, into));
            case Expression.Cast c -> params(c.operand(), into);
            case Expression.Column c -> { }
            case Expression.JsonPath j -> { }
            case Expression.ColumnName c -> { }
            case Expression.Literal l -> { }
            case Expression.Random r -> { }
        }
    }

    private static Expression withoutValues(Expression e) {
        return switch (e) {
            case Expression.Param p -> new Expression.Param(STRIPPED, Option.none());
            case Expression.Comparison c -> new Expression.Comparison(withoutValues(c.left()), c.operator(), withoutValues(c.right()));
            case Expression.IsNull n -> new Expression.IsNull(withoutValues(n.operand()), n.negated());
            case Expression.IsBoolean b -> new Expression.IsBoolean(withoutValues(b.operand()), b.value(), b.negated());
            case Expression.In in -> new Expression.In(withoutValues(in.operand()), in.values().map(FinderSql::withoutValues), in.negated());
            case Expression.Between b -> new Expression.Between(withoutValues(b.operand()), withoutValues(b.low()),
                    withoutValues(b.high()), b.negated());
            case Expression.And and -> new Expression.And(and.operands().map(FinderSql::withoutValues));
            case Expression.Or or -> new Expression.Or(or.operands().map(FinderSql::withoutValues));
            case Expression.Not not -> new Expression.Not(withoutValues(not.operand()));
            case Expression.Quantified q -> new Expression.Quantified(q.quantifier(), (Expression.ArrayValue) withoutValues(q.array()));
            case Expression.ArrayValue a -> new Expression.ArrayValue(a.elements().map(FinderSql::withoutValues), a.elementType());
            case Expression.RangeValue r -> new Expression.RangeValue(withoutValues(r.lower()), withoutValues(r.upper()),
                    r.lowerInclusive(), r.upperInclusive(), r.subtype());
            case Expression.FunctionCall f -> new Expression.FunctionCall(f.name(), f.arguments().map(FinderSql::withoutValues));
            case Expression.Cast c -> new Expression.Cast(withoutValues(c.operand()), c.type());
            case Expression.Column c -> c;
            case Expression.JsonPath j -> j;
            case Expression.ColumnName c -> c;
            case Expression.Literal l -> l;
            case Expression.Random r -> r;
        };
    }

    /**
     * A finder shape prepared: the shape kept, its SQL set up for binding the values read, and whether the
     * options' limit and offset replace the statement's.
     */
    private record Plan(FinderShape shape, FinderBinding binding, boolean limit, boolean offset) {
        Sql bind(FinderShape read) {
            return binding.bind(read.values(), limit ? read.limit() : -1, offset ? read.offset() : -1);
        }
    }

    /**
     * What a thread keeps between finder calls: its reader, read into again and again, and for a few finders,
     * models and dialects the plan it used last (plans hold no caller's values; a shape dropped from the cache
     * may still be bound here, as its plan stays right).
     */
    private static final class Caller {
        private static final int LAST = 16;
        final FinderShape reader = FinderShape.reader();
        final Plan[] last = new Plan[LAST];
        private int generation = FinderSql.generation;

        /** Where the plan used last for this finder, model and dialect is kept (forgotten after clearCache). */
        int lastSlot(Finder finder, ModelDefinition model, Dialect dialect) {
            int now = FinderSql.generation;
            if (generation != now) {
                java.util.Arrays.fill(last, null);
                generation = now;
            }
            int h = System.identityHashCode(model) * 31 + System.identityHashCode(dialect);
            return (h ^ (h >>> 16) ^ finder.ordinal()) & (LAST - 1);
        }
    }
}
