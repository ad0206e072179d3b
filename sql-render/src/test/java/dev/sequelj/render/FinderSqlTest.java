package dev.sequelj.render;

import dev.sequelj.ast.finder.FindOptions;
import dev.sequelj.ast.finder.FindStatements;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.ast.statement.Lock;
import dev.sequelj.ast.statement.OrderItem.Direction;
import dev.sequelj.render.dialect.Dialect;
import dev.sequelj.render.dialect.Dialects;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static dev.sequelj.ast.finder.FindOptions.options;
import static dev.sequelj.ast.finder.Where.and;
import static dev.sequelj.ast.finder.Where.col;
import static dev.sequelj.ast.finder.Where.or;
import static dev.sequelj.ast.finder.Where.param;
import static dev.sequelj.ast.model.Attribute.attribute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The finder shape cache answers as building and rendering does, for the values whose class, nullness or
 * count changes what is built or refused: each case is called after a call of the same options with
 * ordinary values filled the cache, in every dialect.
 */
class FinderSqlTest {
    private static final ModelDefinition USER = ModelDefinition.define("user", List.of(
            attribute("lastName", DataTypes.STRING),
            attribute("age", DataTypes.INTEGER),
            attribute("rank", DataTypes.SMALLINT),
            attribute("active", DataTypes.BOOLEAN),
            attribute("mood", DataTypes.ENUM("happy", "sad")),
            attribute("bornAt", DataTypes.DATE),
            attribute("meta", DataTypes.JSON)), ModelOptions.options().paranoid(true));

    private static FindOptions typical(Object age, Object a, Object b, Object pattern) {
        return options().where(or(and(col("age").gt(age), col("lastName").in(a, b)), col("lastName").like(pattern)))
                .order("id", Direction.ASC).limit(10).offset(20);
    }

    @Test
    void aShapeSeenBeforeIsBoundToTheNewValues() {
        for (Dialect dialect : Dialects.all()) {
            Sql first = FinderSql.findAll(USER, typical(30, "Hancock", "Smith", "J%"), dialect);
            Sql second = FinderSql.findAll(USER, typical(31, "Adams", "Jones", "K%"), dialect);

            assertThat(first).isEqualTo(ordinary(USER, typical(30, "Hancock", "Smith", "J%"), dialect));
            assertThat(second).isEqualTo(ordinary(USER, typical(31, "Adams", "Jones", "K%"), dialect));
            assertThat(second.text()).isEqualTo(first.text());
            assertThat(FinderSql.prepared(USER, typical(31, "Adams", "Jones", "K%"), dialect)).as("%s", dialect).isTrue();
        }
    }

    @Test
    void nullAnotherClassAndABadValueEachTakeTheirOwnPath() {
        sameAsOrdinary(options().where(col("lastName").eq("Smith")), options().where(col("lastName").eq(null)));
        sameAsOrdinary(options().where(col("age").eq(30)), options().where(col("age").eq(30L)));
        sameAsOrdinary(options().where(col("age").eq(30)), options().where(col("age").eq(new BigDecimal("30.5"))));
        // The same class as the cached shape, refused by the type: the ordinary error, word for word.
        sameAsOrdinary(options().where(col("age").eq(30)), options().where(col("age").eq(Long.MAX_VALUE)),
                options().where(col("age").eq(30L)));
        sameAsOrdinary(options().where(col("rank").gt(3)), options().where(col("rank").gt(70_000)));
        sameAsOrdinary(options().where(col("age").eq(30)), options().where(col("age").eq("thirty")));
        sameAsOrdinary(options().where(col("mood").eq("happy")), options().where(col("mood").eq("angry")));
        sameAsOrdinary(options().where(col("mood").like("ha%")), options().where(col("mood").like("xx%")));
        sameAsOrdinary(options().where(col("bornAt").lt(Instant.EPOCH)), options().where(col("bornAt").lt("2024-01-01")));
    }

    @Test
    void listSizesBooleansAndPagesAreShapes() {
        sameAsOrdinary(options().where(col("age").in(1, 2)), options().where(col("age").in(1, 2, 3)),
                options().where(col("age").in()), options().where(col("age").notIn()), options().where(col("age").in(1, null)));
        sameAsOrdinary(options().where(col("active").is(true)), options().where(col("active").is(false)),
                options().where(col("active").eq(true)), options().where(col("active").eq(false)));
        sameAsOrdinary(options().limit(5), options().limit(0), options().limit(5).offset(0), options().offset(7),
                options().limit(1).offset(Integer.MAX_VALUE));
        sameAsOrdinary(options().paranoid(false), options().lock(Lock.UPDATE), options().attributes("age"),
                options().excludeAttributes("meta"), options().group("age").attributes("age"));
    }

    @Test
    void whatAShapeCannotStandForTakesTheOrdinaryPath() {
        sameAsOrdinary(options().where(Map.of("meta.city", "Paris")), options().where(Map.of("meta.city", 5)),
                options().where(Map.of("age", List.of(1, 2))), options().where(col("age").gt(param("age"))));
        assertThat(FinderSql.prepared(USER, options().where(Map.of("meta.city", "Paris")), Dialects.POSTGRES)).isFalse();
    }

    @Test
    void findOneLeavesOutItsLimitOnlyWhenTheKeyIsSetPlainly() {
        for (Dialect dialect : Dialects.all()) {
            for (FindOptions options : List.of(options().where(Map.of("id", 5)), options().where(Map.of("id", Map.of("$eq", 5))),
                    options().where(col("id").eq(5)), options().where(Map.of("id", 6)), options().where(Map.of("lastName", "x")),
                    options().where(Map.of("id", 7)).limit(3))) {
                for (int call = 0; call < 2; call++) {
                    assertThat(outcome(() -> FinderSql.findOne(USER, options, dialect))).as("%s %s", dialect, options)
                            .isEqualTo(outcome(() -> SqlRenderer.renderUncached(FindStatements.findOne(USER, options), dialect)));
                }
            }
        }
    }

    @Test
    void findByPkBindsTheKeyAndRefusesWhatTheOrdinaryPathRefuses() {
        for (Dialect dialect : Dialects.all()) {
            for (Object key : new Object[] {5, 6, 7L, "x", Long.MAX_VALUE, 2.5, List.of(1), null, 8}) {
                for (FindOptions options : List.of(options(), options().attributes("age"), options().where(col("age").eq(1)))) {
                    assertThat(outcome(() -> FinderSql.findByPk(USER, key, options, dialect).getOrNull()))
                            .as("%s findByPk(%s)", dialect, key)
                            .isEqualTo(outcome(() -> FindStatements.findByPk(USER, key, options)
                                    .map(select -> SqlRenderer.renderUncached(select, dialect)).getOrNull()));
                }
            }
        }
        assertThat(FinderSql.findByPk(USER, null, options(), Dialects.POSTGRES)).isEqualTo(Option.none());
    }

    /** Each options in turn, twice, in every dialect: the finder gives what building and rendering gives. */
    private static void sameAsOrdinary(FindOptions... all) {
        for (Dialect dialect : Dialects.all()) {
            for (int round = 0; round < 2; round++) {
                for (FindOptions options : all) {
                    assertThat(outcome(() -> FinderSql.findAll(USER, options, dialect))).as("%s %s", dialect, options)
                            .isEqualTo(outcome(() -> ordinary(USER, options, dialect)));
                }
            }
        }
    }

    private static Sql ordinary(ModelDefinition model, FindOptions options, Dialect dialect) {
        return SqlRenderer.renderUncached(FindStatements.findAll(model, options), dialect);
    }

    private static Object outcome(Supplier<Sql> render) {
        try {
            return render.get();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
