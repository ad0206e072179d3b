package dev.sequelj.conformance.property;

import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.finder.FindOptions;
import dev.sequelj.ast.finder.FindStatements;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.render.FinderSql;
import dev.sequelj.render.Sql;
import dev.sequelj.render.SqlRenderer;
import dev.sequelj.render.dialect.Dialect;
import dev.sequelj.render.dialect.Dialects;
import io.vavr.control.Option;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.Tuple.Tuple3;
import net.jqwik.api.statistics.Statistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The finder shape cache ({@link FinderSql}) changes nothing but the cost: for random finders on random
 * models, in every dialect, {@code findAll}, {@code findOne} and {@code findByPk} give exactly what building
 * the statement and rendering it without any cache gives ({@link SqlRenderer#renderUncached}), the same SQL
 * and params or the same refusal (error type and message), on the first call of a shape, when the shape is
 * served from the cache with other values, and when a value changes the shape (null, another class, a value
 * the attribute refuses).
 */
class FinderSqlProperties {

    @Property(tries = 1000)
    void aFinderEqualsItsStatementRenderedWithoutCache(@ForAll("finds") Tuple2<ModelDefinition, FindSpec> find) {
        ModelDefinition model = find.get1();
        FindOptions options = find.get2().options();
        for (Dialect dialect : Dialects.all()) {
            for (int call = 0; call < 2; call++) {
                assertThat(outcome(() -> FinderSql.findAll(model, options, dialect))).as("%s findAll, call %d", dialect, call)
                        .isEqualTo(outcome(() -> SqlRenderer.renderUncached(FindStatements.findAll(model, options), dialect)));
                assertThat(outcome(() -> FinderSql.findOne(model, options, dialect))).as("%s findOne, call %d", dialect, call)
                        .isEqualTo(outcome(() -> SqlRenderer.renderUncached(FindStatements.findOne(model, options), dialect)));
            }
        }
        Statistics.label("prepared").collect(FinderSql.prepared(model, options, Dialects.POSTGRES));
    }

    /** Same shape, other values (one where value, the limit or the offset): each call gets its own SQL. */
    @Property(tries = 1000)
    void aShapeServedFromTheCacheBindsItsOwnValues(@ForAll("valueChanges") Tuple2<ModelCallSpec, ModelCallSpec> change) {
        for (ModelCallSpec call : List.of(change.get1(), change.get2(), change.get1())) {
            for (Dialect dialect : Dialects.all()) {
                assertThat(fast(call, dialect)).as("%s %s", dialect, call).isEqualTo(ordinary(call, dialect));
            }
        }
    }

    /**
     * A where value replaced by one that may change the shape or be refused: null, another class, a list, a
     * value of another attribute's type. Called after the original, and the original again after it.
     */
    @Property(tries = 1000)
    void valuesThatChangeTheShapeOrAreRefusedTakeTheirOwnPath(@ForAll("wildChanges") Tuple3<ModelDefinition, FindSpec, FindSpec> change) {
        ModelDefinition model = change.get1();
        for (FindSpec find : List.of(change.get2(), change.get3(), change.get2(), change.get3())) {
            FindOptions options;
            try {
                options = find.options();
            } catch (RuntimeException refusedByTheOptions) { // a list where one value goes: refused before any finder
                continue;
            }
            for (Dialect dialect : Dialects.all()) {
                assertThat(outcome(() -> FinderSql.findAll(model, options, dialect))).as("%s findAll %s", dialect, find)
                        .isEqualTo(outcome(() -> SqlRenderer.renderUncached(FindStatements.findAll(model, options), dialect)));
                assertThat(outcome(() -> FinderSql.findOne(model, options, dialect))).as("%s findOne %s", dialect, find)
                        .isEqualTo(outcome(() -> SqlRenderer.renderUncached(FindStatements.findOne(model, options), dialect)));
            }
        }
    }

    /** findByPk with keys of the key's type and of others (refused), null (nothing sent), and paging options. */
    @Property(tries = 1000)
    void findByPkEqualsItsStatementRenderedWithoutCache(@ForAll("keys") Tuple3<ModelDefinition, FindSpec, List<Object>> call) {
        ModelDefinition model = call.get1();
        FindOptions options = call.get2().withWhere(Option.none()).options();
        for (Object key : call.get3()) {
            for (Dialect dialect : Dialects.all()) {
                assertThat(outcome(() -> FinderSql.findByPk(model, key, options, dialect).getOrNull()))
                        .as("%s findByPk(%s)", dialect, key)
                        .isEqualTo(outcome(() -> FindStatements.findByPk(model, key, options)
                                .map(select -> SqlRenderer.renderUncached(select, dialect)).getOrNull()));
            }
        }
    }

    // ---- generators -------------------------------------------------------------------------------

    @Provide
    Arbitrary<Tuple2<ModelDefinition, FindSpec>> finds() {
        return ModelArbitraries.models().flatMap(model -> FindArbitraries.finds(model).map(find -> Tuple.of(model, find)));
    }

    @Provide
    Arbitrary<Tuple2<ModelCallSpec, ModelCallSpec>> valueChanges() {
        return new ShapeAndValueProperties().valueChanges()
                .filter(change -> change.get1() instanceof ModelCallSpec.FindAll || change.get1() instanceof ModelCallSpec.FindOne);
    }

    /** Values of every class a caller may pass, right or wrong for the attribute. */
    static Arbitrary<Object> wildValues() {
        return Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.of("x", "", "2024-01-01", "42", "%a%").map(v -> v),
                Arbitraries.integers().between(-5, 5).map(v -> v),
                Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE).map(v -> v),
                Arbitraries.longs().between(-5, 5).map(v -> v),
                Arbitraries.of(Long.MAX_VALUE, 1L << 40).map(v -> v),
                Arbitraries.of(1.5, Double.NaN, 3.0).map(v -> v),
                Arbitraries.of(true, false).map(v -> v),
                Arbitraries.of(new BigDecimal("1.25"), new BigDecimal("7")).map(v -> v),
                Arbitraries.of(LocalDate.of(2024, 1, 2), Instant.ofEpochMilli(86_400_000L),
                        UUID.fromString("6f1c8a52-3f3e-4a6b-9d5e-1b2c3d4e5f60")).map(v -> v),
                Arbitraries.of(List.of(1, 2), List.of("a")).map(v -> v),
                Arbitraries.of((short) 3, (byte) 4, 2.5f).map(v -> v));
    }

    @Provide
    Arbitrary<Tuple3<ModelDefinition, FindSpec, FindSpec>> wildChanges() {
        return ModelArbitraries.models().flatMap(model -> FindArbitraries.finds(model)
                .flatMap(find -> {
                    int slots = find.where().map(where -> WhereTrees.slots(where).size()).getOrElse(0);
                    if (slots == 0) { // nothing to change (a model whose trees test only for null): the find itself
                        return Arbitraries.just(Tuple.of(model, find, find));
                    }
                    Expression where = find.where().get();
                    return Combinators.combine(Arbitraries.integers().between(0, slots - 1), wildValues())
                            .as((index, value) -> Tuple.of(model, find, find.withWhere(Option.some(WhereTrees.withValue(where, index, value)))));
                }));
    }

    @Provide
    Arbitrary<Tuple3<ModelDefinition, FindSpec, List<Object>>> keys() {
        return ModelArbitraries.models().flatMap(model -> {
            Arbitrary<Object> ofKeyType = model.primaryKey().size() == 1
                    ? ValueArbitraries.values(model.primaryKey().head().type()) : wildValues();
            Arbitrary<Object> keys = Arbitraries.frequencyOf(Tuple.of(3, ofKeyType), Tuple.of(1, wildValues()));
            return Combinators.combine(FindArbitraries.finds(model), keys.list().ofMinSize(1).ofMaxSize(4))
                    .as((find, list) -> Tuple.of(model, find, list));
        });
    }

    // ---- outcomes ---------------------------------------------------------------------------------

    private static Object fast(ModelCallSpec call, Dialect dialect) {
        return switch (call) {
            case ModelCallSpec.FindAll all -> outcome(() -> FinderSql.findAll(all.model(), all.find().options(), dialect));
            case ModelCallSpec.FindOne one -> outcome(() -> FinderSql.findOne(one.model(), one.find().options(), dialect));
            default -> throw new IllegalArgumentException("not a finder: " + call);
        };
    }

    private static Object ordinary(ModelCallSpec call, Dialect dialect) {
        return switch (call) {
            case ModelCallSpec.FindAll all -> outcome(() -> SqlRenderer.renderUncached(
                    FindStatements.findAll(all.model(), all.find().options()), dialect));
            case ModelCallSpec.FindOne one -> outcome(() -> SqlRenderer.renderUncached(
                    FindStatements.findOne(one.model(), one.find().options()), dialect));
            default -> throw new IllegalArgumentException("not a finder: " + call);
        };
    }

    /** The SQL, or the refusal as its type and message. */
    static Object outcome(Supplier<Sql> render) {
        try {
            return render.get();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
