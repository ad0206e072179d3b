package dev.sequelj.conformance.property;

import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.finder.DestroyOptions;
import dev.sequelj.ast.finder.UpdateOptions;
import dev.sequelj.ast.finder.WriteStatements;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.statement.SelectColumn;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.ast.statement.TableName;
import dev.sequelj.render.Sql;
import dev.sequelj.render.SqlRenderer;
import dev.sequelj.render.dialect.Dialect;
import dev.sequelj.render.dialect.Dialects;
import dev.sequelj.render.shape.StatementShape;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The renderer's cache of SQL text by statement shape ({@link StatementShape}) changes nothing but the
 * cost: a statement rendered through the cache gives exactly what the renderers give walking it
 * ({@link SqlRenderer#renderUncached}), also when another statement of its shape filled the cache with
 * other values; statements that differ in structure never share a shape; the cache stays bounded; and
 * concurrent renders each get their own statement's SQL. Refusals are compared too: the same error, or
 * none, either way.
 */
class ShapeCacheProperties {
    private static final Instant NOW = Instant.parse("2024-03-01T10:00:00Z");

    @Property(tries = 1000)
    void aCachedRenderEqualsAnUncachedRender(@ForAll("statements") Statement statement) {
        for (Dialect dialect : Dialects.all()) {
            Outcome fresh = Outcome.of(() -> SqlRenderer.renderUncached(statement, dialect));
            assertThat(Outcome.of(() -> SqlRenderer.render(statement, dialect))).as("%s, first render", dialect)
                    .isEqualTo(fresh);
            assertThat(Outcome.of(() -> SqlRenderer.render(statement, dialect))).as("%s, from the cache", dialect)
                    .isEqualTo(fresh);
        }
    }

    /** Same shape, other values: the second statement is served from the first one's template, with its own params. */
    @Property(tries = 1000)
    void statementsDifferingOnlyInValuesShareAShapeAndGetTheirOwnParams(
            @ForAll("valueChanges") Tuple2<ModelCallSpec, ModelCallSpec> change) {
        Statement first = change.get1().build();
        Statement second = change.get2().build();
        boolean booleans = holdsBooleanValue(first) || holdsBooleanValue(second);
        for (Dialect dialect : Dialects.all()) {
            if (!booleans) { // a Boolean value stays in the shape (MySQL writes a JSON boolean as text)
                assertThat(StatementShape.of(second, dialect)).as("%s shape", dialect).isEqualTo(StatementShape.of(first, dialect));
            }
            Outcome one = Outcome.of(() -> SqlRenderer.render(first, dialect));
            Outcome two = Outcome.of(() -> SqlRenderer.render(second, dialect));
            assertThat(two).as("%s, the second from the first's template", dialect)
                    .isEqualTo(Outcome.of(() -> SqlRenderer.renderUncached(second, dialect)));
            if (one.sql() != null && two.sql() != null) {
                assertThat(two.sql().text()).as("%s text", dialect).isEqualTo(one.sql().text());
                assertThat(two.sql().params()).as("%s params", dialect).isNotEqualTo(one.sql().params());
            }
        }
    }

    /**
     * Two random statements on one model: when their shapes are equal they render the same text, so a shape
     * never stands for two texts; and the second, rendered after the first, is still exactly itself.
     */
    @Property(tries = 1000)
    void statementsDifferingInStructureDoNotCollide(@ForAll("pairs") Tuple2<Statement, Statement> pair) {
        for (Dialect dialect : Dialects.all()) {
            Outcome one = Outcome.of(() -> SqlRenderer.renderUncached(pair.get1(), dialect));
            Outcome two = Outcome.of(() -> SqlRenderer.renderUncached(pair.get2(), dialect));
            Option<StatementShape> first = StatementShape.of(pair.get1(), dialect);
            Option<StatementShape> second = StatementShape.of(pair.get2(), dialect);
            if (first.isDefined() && first.equals(second) && one.sql() != null && two.sql() != null) {
                assertThat(two.sql().text()).as("%s: one shape, one text", dialect).isEqualTo(one.sql().text());
                assertThat(two.sql().params().size()).isEqualTo(one.sql().params().size());
            }
            if (first.isDefined() && one.sql() != null && two.sql() != null && !one.sql().text().equals(two.sql().text())) {
                assertThat(second).as("%s: different texts, different shapes", dialect).isNotEqualTo(first);
            }
            SqlRenderer.render(pair.get1(), dialect);
            assertThat(Outcome.of(() -> SqlRenderer.render(pair.get2(), dialect))).as("%s, after the other", dialect)
                    .isEqualTo(two);
        }
    }

    /** Inline literals are text: never served from (nor put into) the cache of bound-parameter SQL. */
    @Property(tries = 1000)
    void inlineRenderingNeverUsesTheCache(@ForAll("statements") Statement statement) {
        for (Dialect dialect : Dialects.all()) {
            Outcome before = Outcome.of(() -> SqlRenderer.inlineAll(statement, dialect));
            Outcome bound = Outcome.of(() -> SqlRenderer.render(statement, dialect));
            assertThat(Outcome.of(() -> SqlRenderer.inlineAll(statement, dialect))).as("%s inline after render", dialect)
                    .isEqualTo(before);
            if (bound.sql() != null && !bound.sql().params().isEmpty() && before.all() != null) {
                assertThat(before.all().flatMap(Sql::params)).as("%s: inline has no params", dialect).isEmpty();
            }
        }
    }

    /** Shapes beyond the capacity push out the oldest: the cache never holds more than its capacity. */
    @Example
    void theCacheStaysBoundedUnderManyShapes() {
        SqlRenderer.clearShapeCache();
        int capacity = 4096;
        for (int i = 0; i < 3 * capacity; i++) {
            Sql sql = SqlRenderer.render(selectOf("c" + i, i + 1), Dialects.POSTGRES);
            assertThat(sql.text()).isEqualTo("SELECT \"c" + i + "\" FROM \"t\" AS \"t\" LIMIT ?;");
            assertThat(sql.params()).containsExactly(i + 1);
            assertThat(SqlRenderer.cachedShapes()).isLessThanOrEqualTo(capacity);
        }
        assertThat(SqlRenderer.cachedShapes()).as("still caching").isGreaterThan(capacity / 4);
    }

    /**
     * Threads rendering a mix of shapes and values at once, started together by a latch: each gets exactly
     * the SQL of its own statement.
     */
    @Property(tries = 20)
    void concurrentRendersEachGetTheirOwnSql(@ForAll("statementLists") List<Statement> statements) throws Exception {
        SqlRenderer.clearShapeCache();
        int threads = 4;
        List<Outcome> expected = new ArrayList<>();
        for (Statement statement : statements) {
            for (Dialect dialect : Dialects.all()) {
                expected.add(Outcome.of(() -> SqlRenderer.renderUncached(statement, dialect)));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Outcome>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    assertThat(start.await(30, TimeUnit.SECONDS)).isTrue();
                    List<Outcome> outcomes = new ArrayList<>();
                    for (int round = 0; round < 3; round++) {
                        // Each thread walks the list from its own starting point, so shapes are first met concurrently.
                        for (int i = 0; i < statements.size(); i++) {
                            Statement statement = statements.get((i + offset) % statements.size());
                            for (Dialect dialect : Dialects.all()) {
                                outcomes.add(Outcome.of(() -> SqlRenderer.render(statement, dialect)));
                            }
                        }
                    }
                    return outcomes;
                }));
            }
            start.countDown();
            for (int t = 0; t < threads; t++) {
                List<Outcome> outcomes = results.get(t).get(60, TimeUnit.SECONDS);
                int perRound = statements.size() * Dialects.all().size();
                for (int k = 0; k < outcomes.size(); k++) {
                    int i = ((k % perRound) / Dialects.all().size() + t) % statements.size();
                    int d = k % Dialects.all().size();
                    assertThat(outcomes.get(k)).as("thread %d, statement %d, dialect %d", t, i, d)
                            .isEqualTo(expected.get(i * Dialects.all().size() + d));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- statements -------------------------------------------------------------------------------

    /** Finders, creates, DDL, and updates and deletes with random where clauses and limits. */
    @Provide
    Arbitrary<Statement> statements() {
        return ModelArbitraries.models().flatMap(ShapeCacheProperties::statements);
    }

    @Provide
    Arbitrary<Tuple2<Statement, Statement>> pairs() {
        return ModelArbitraries.models().flatMap(model -> Combinators.combine(statements(model), statements(model)).as(Tuple::of));
    }

    @Provide
    Arbitrary<List<Statement>> statementLists() {
        return ModelArbitraries.models().flatMap(model -> statements(model).list().ofMinSize(2).ofMaxSize(12));
    }

    @Provide
    Arbitrary<Tuple2<ModelCallSpec, ModelCallSpec>> valueChanges() {
        return new ShapeAndValueProperties().valueChanges();
    }

    private static Arbitrary<Statement> statements(ModelDefinition model) {
        // Where trees as the finders get them: over the attributes a where key can name.
        Arbitrary<Expression> wheres = FindArbitraries.finds(model, FindSpec.WhereForm.TYPED)
                .map(find -> find.where().getOrElse(() -> new Expression.And(Vector.empty())));
        Arbitrary<Option<Integer>> limits = Arbitraries.integers().between(0, 50).optional().map(Option::ofOptional);
        Arbitrary<Statement> updates = Combinators.combine(RowArbitraries.row(model), wheres, limits)
                .as((row, where, limit) -> orNull(() -> {
                    UpdateOptions options = UpdateOptions.options().where(where);
                    return WriteStatements.update(model, row, limit.isDefined() ? options.limit(limit.get()) : options, NOW)
                            .getOrNull();
                }));
        Arbitrary<Statement> deletes = Combinators.combine(wheres, limits)
                .as((where, limit) -> orNull(() -> {
                    DestroyOptions options = DestroyOptions.options().where(where).force(true);
                    return WriteStatements.destroy(model, limit.isDefined() ? options.limit(limit.get()) : options, NOW);
                }));
        return Arbitraries.frequencyOf(
                        Tuple.of(6, CallArbitraries.calls(model).map(call -> orNull(call::build))),
                        Tuple.of(2, updates),
                        Tuple.of(1, deletes))
                .filter(statement -> statement != null);
    }

    /** The statement, or null when building it is refused (a random value the attribute does not take). */
    private static Statement orNull(java.util.function.Supplier<Statement> build) {
        try {
            return build.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Whether a value of the statement is a Boolean: any record, list or option inside it, searched. */
    private static boolean holdsBooleanValue(Object node) {
        return switch (node) {
            case Expression.Param param -> param.value() instanceof Boolean;
            case Record record -> java.util.Arrays.stream(record.getClass().getRecordComponents()).anyMatch(component -> {
                try {
                    return holdsBooleanValue(component.getAccessor().invoke(record));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            });
            case Iterable<?> items -> Vector.ofAll(items).exists(ShapeCacheProperties::holdsBooleanValue);
            case null, default -> false;
        };
    }

    private static Statement selectOf(String column, int limit) {
        Seq<SelectColumn> columns = Vector.of(new SelectColumn(column, Option.none()));
        return new Statement.Select(columns, TableName.of("t"), "t", Option.none(), Vector.empty(),
                Option.some(limit), Option.none(), Vector.empty());
    }

    /** What rendering gave: the SQL, or the refusal (its type and message). */
    private record Outcome(Sql sql, Seq<Sql> all, String error) {
        static Outcome of(java.util.function.Supplier<Object> render) {
            try {
                Object result = render.get();
                return result instanceof Sql sql ? new Outcome(sql, null, null)
                        : new Outcome(null, Vector.ofAll((Iterable<Sql>) result), null);
            } catch (RuntimeException e) {
                return new Outcome(null, null, e.getClass().getName() + ": " + e.getMessage());
            }
        }
    }
}
