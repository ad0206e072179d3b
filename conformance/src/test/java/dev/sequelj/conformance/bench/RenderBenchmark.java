package dev.sequelj.conformance.bench;

import dev.sequelj.ast.finder.FindOptions;
import dev.sequelj.ast.finder.FindStatements;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.ast.statement.OrderItem.Direction;
import dev.sequelj.render.FinderSql;
import dev.sequelj.render.PreparedSql;
import dev.sequelj.render.Sql;
import dev.sequelj.render.SqlRenderer;
import dev.sequelj.render.dialect.Dialect;
import dev.sequelj.render.dialect.Dialects;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.sequelj.ast.finder.Where.and;
import static dev.sequelj.ast.finder.Where.col;
import static dev.sequelj.ast.finder.Where.or;
import static dev.sequelj.ast.finder.Where.param;
import static dev.sequelj.ast.model.Attribute.attribute;

/**
 * Building and rendering one typical finder (issue 3's target), in the same run: Sequelj from finder options
 * to PostgreSQL SQL with bound parameters through its finder shape cache ({@link FinderSql}, what
 * {@code Model.findAll} calls), through the statement and its shape cache, and without any cache, prepared
 * once and bound per call, jOOQ 3.21 building and
 * rendering the same query with its bind values, and a hand-written {@link StringBuilder} emitting
 * exactly Sequelj's text — the floor.
 *
 * <pre>
 * SELECT "id", "firstName", "lastName", "email", "age", "createdAt", "updatedAt" FROM "users" AS "user"
 * WHERE ("user"."age" > ? AND "user"."lastName" IN (?, ?, ?)) OR "user"."email" LIKE ?
 * ORDER BY "user"."createdAt" DESC, "user"."id" ASC LIMIT ? OFFSET ?;
 * </pre>
 *
 * Run: {@code mvn -q -pl conformance -am test-compile exec:exec@bench -Dbench.args="RenderBenchmark"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class RenderBenchmark {
    static final ModelDefinition USER = ModelDefinition.define("user", List.of(
            attribute("firstName", DataTypes.STRING),
            attribute("lastName", DataTypes.STRING),
            attribute("email", DataTypes.STRING),
            attribute("age", DataTypes.INTEGER)), ModelOptions.options());

    // Fields, not constants, so the JIT cannot fold the inputs away.
    int age = 30;
    String lastName1 = "Hancock";
    String lastName2 = "Smith";
    String lastName3 = "Jones";
    String emailPattern = "%@example.com";
    int limit = 10;
    int offset = 20;
    Dialect postgres = Dialects.POSTGRES;

    private final DSLContext jooq = DSL.using(SQLDialect.POSTGRES, new Settings().withRenderFormatted(false));
    private final Table<?> jooqUsers = DSL.table(DSL.name("users")).as(DSL.name("user"));
    private final Field<Integer> jooqId = DSL.field(DSL.name("user", "id"), Integer.class);
    private final Field<String> jooqFirstName = DSL.field(DSL.name("user", "firstName"), String.class);
    private final Field<String> jooqLastName = DSL.field(DSL.name("user", "lastName"), String.class);
    private final Field<String> jooqEmail = DSL.field(DSL.name("user", "email"), String.class);
    private final Field<Integer> jooqAge = DSL.field(DSL.name("user", "age"), Integer.class);
    private final Field<Instant> jooqCreatedAt = DSL.field(DSL.name("user", "createdAt"), Instant.class);
    private final Field<Instant> jooqUpdatedAt = DSL.field(DSL.name("user", "updatedAt"), Instant.class);

    /**
     * What a program calling the finder pays: the options built, then {@link FinderSql#findAll}, which binds
     * this call's values to the SQL its finder shape was prepared into on the first call (what
     * {@code Model.findAll} does before it executes).
     */
    @Benchmark
    public Sql sequelj() {
        return FinderSql.findAll(USER, options(), postgres);
    }

    /** The options built once: the finder shape cache alone (read the shape, bind the values). */
    @Benchmark
    public Sql finderOnly() {
        return FinderSql.findAll(USER, builtOptions, postgres);
    }

    private final FindOptions builtOptions = options();

    /**
     * The statement built from the options ({@link FindStatements#findAll}: resolved and checked against the
     * model), then rendered through the statement shape cache: the path before the finder shape cache.
     */
    @Benchmark
    public Sql sequeljStatementThenRender() {
        return SqlRenderer.render(FindStatements.findAll(USER, options()), postgres);
    }

    /** Building the options alone: what every contestant above but {@link #finderOnly} pays first. */
    @Benchmark
    public FindOptions optionsOnly() {
        return options();
    }

    /** Build and render without the shape cache: the renderers walk the statement every time. */
    @Benchmark
    public Sql sequeljUncached() {
        return SqlRenderer.renderUncached(FindStatements.findAll(USER, options()), postgres);
    }

    /** The finder's statement built once: what the two render-only variants render. */
    private final Statement.Select built = FindStatements.findAll(USER, options());

    /** Rendering alone, through the shape cache: what the cache saves, apart from building. */
    @Benchmark
    public Sql renderOnly() {
        return SqlRenderer.render(built, postgres);
    }

    /** Rendering alone, walking the renderers. */
    @Benchmark
    public Sql renderOnlyUncached() {
        return SqlRenderer.renderUncached(built, postgres);
    }

    /**
     * The same finder prepared once with parameters ({@link SqlRenderer#prepare}), each call binding this
     * call's values, limit and offset: no options, no AST, no rendering per call.
     */
    @Benchmark
    public Sql sequeljPrepared() {
        return prepared.bindPage(limit, offset, age, lastName1, lastName2, lastName3, emailPattern);
    }

    private final PreparedSql prepared = SqlRenderer.prepare(FindStatements.findAll(USER, FindOptions.options()
            .where(or(and(col("age").gt(param("age")), col("lastName").in(param("lastName1"), param("lastName2"), param("lastName3"))),
                    col("email").like(param("email"))))
            .order("createdAt", Direction.DESC)
            .order("id", Direction.ASC)
            .limit(1)
            .offset(0)), Dialects.POSTGRES);

    FindOptions options() {
        return FindOptions.options()
                .where(or(and(col("age").gt(age), col("lastName").in(lastName1, lastName2, lastName3)),
                        col("email").like(emailPattern)))
                .order("createdAt", Direction.DESC)
                .order("id", Direction.ASC)
                .limit(limit)
                .offset(offset);
    }

    @Benchmark
    public void jooq(Blackhole blackhole) {
        Query query = jooqQuery();
        blackhole.consume(query.getSQL());
        blackhole.consume(query.getBindValues());
    }

    /** The floor: the exact text Sequelj renders, appended by hand, with the values in a list. */
    @Benchmark
    public void handWritten(Blackhole blackhole) {
        List<Object> params = new ArrayList<>(7);
        blackhole.consume(handWritten(params));
        blackhole.consume(params);
    }

    String handWritten(List<Object> params) {
        StringBuilder sql = new StringBuilder(256);
        sql.append("SELECT \"id\", \"firstName\", \"lastName\", \"email\", \"age\", \"createdAt\", \"updatedAt\"")
                .append(" FROM \"users\" AS \"user\" WHERE (\"user\".\"age\" > ?");
        params.add(age);
        sql.append(" AND \"user\".\"lastName\" IN (?, ?, ?)");
        params.add(lastName1);
        params.add(lastName2);
        params.add(lastName3);
        sql.append(") OR \"user\".\"email\" LIKE ?");
        params.add(emailPattern);
        sql.append(" ORDER BY \"user\".\"createdAt\" DESC, \"user\".\"id\" ASC LIMIT ?");
        params.add(limit);
        sql.append(" OFFSET ?;");
        params.add(offset);
        return sql.toString();
    }

    /** jOOQ's rendering of the same query: its SQL text and bind values. */
    Query jooqQuery() {
        return jooq.select(jooqId, jooqFirstName, jooqLastName, jooqEmail, jooqAge, jooqCreatedAt, jooqUpdatedAt)
                .from(jooqUsers)
                .where(jooqAge.gt(age).and(jooqLastName.in(lastName1, lastName2, lastName3)).or(jooqEmail.like(emailPattern)))
                .orderBy(jooqCreatedAt.desc(), jooqId.asc())
                .limit(limit)
                .offset(offset);
    }
}
