package dev.sequelj.conformance.property;

import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.render.Sql;
import dev.sequelj.render.SqlRenderer;
import dev.sequelj.render.dialect.Dialect;
import dev.sequelj.render.dialect.Dialects;
import io.vavr.control.Option;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL text depends on a statement's shape, params on its values: equal statements render equal SQL,
 * and statements that differ in one value render the same text with params that differ in exactly
 * that one place. The second half is what a cache of SQL text by statement shape relies on.
 */
class ShapeAndValueProperties {

    /** The same finder with its where clause written in the typed form and in the object form. */
    @Property(tries = 1000)
    void equalStatementsFromBothWhereFormsRenderEqualSql(@ForAll("finds") ModelCallSpec.FindAll call) {
        Statement typed = new ModelCallSpec.FindAll(call.model(), call.find().withForm(FindSpec.WhereForm.TYPED)).build();
        Statement object = new ModelCallSpec.FindAll(call.model(), call.find().withForm(FindSpec.WhereForm.OBJECT)).build();
        assertThat(object).as("the object form builds what the typed form builds").isEqualTo(typed);
        for (Dialect dialect : Dialects.all()) {
            assertThat(SqlRenderer.render(object, dialect)).as("%s", dialect).isEqualTo(SqlRenderer.render(typed, dialect));
        }
    }

    @Property(tries = 1000)
    void oneValueChangedKeepsTheTextAndChangesOneParam(@ForAll("valueChanges") Tuple2<ModelCallSpec, ModelCallSpec> change) {
        Statement before = change.get1().build();
        Statement after = change.get2().build();
        assertThat(after).isNotEqualTo(before);
        for (Dialect dialect : Dialects.all()) {
            Sql one = SqlRenderer.render(before, dialect);
            Sql two = SqlRenderer.render(after, dialect);
            assertThat(two.text()).as("%s text", dialect).isEqualTo(one.text());
            assertThat(two.params()).as("%s params", dialect).hasSameSizeAs(one.params());
            List<Integer> differing = new ArrayList<>();
            for (int i = 0; i < one.params().size(); i++) {
                if (!Objects.equals(one.params().get(i), two.params().get(i))) {
                    differing.add(i);
                }
            }
            assertThat(differing).as("%s: positions where %s and %s differ", dialect, one.params(), two.params()).hasSize(1);
        }
    }

    /** Finders whose where clause can be written in both forms. */
    @Provide
    Arbitrary<ModelCallSpec.FindAll> finds() {
        return ModelArbitraries.models().flatMap(model ->
                FindArbitraries.finds(model, FindSpec.WhereForm.OBJECT).map(find -> new ModelCallSpec.FindAll(model, find)));
    }

    /** A call and the same call with one value changed: in the where tree, the limit, the offset, or a created row. */
    @Provide
    Arbitrary<Tuple2<ModelCallSpec, ModelCallSpec>> valueChanges() {
        return ModelArbitraries.models().flatMap(model -> Arbitraries.frequencyOf(
                        Tuple.of(3, FindArbitraries.finds(model).flatMap(find -> findChanges(model, find))),
                        Tuple.of(1, CallArbitraries.creates(model).flatMap(create -> createChanges(create))))
                .filter(Objects::nonNull));
    }

    private static Arbitrary<Tuple2<ModelCallSpec, ModelCallSpec>> findChanges(ModelDefinition model, FindSpec find) {
        List<Arbitrary<FindSpec>> changes = new ArrayList<>();
        find.where().forEach(where -> {
            if (!WhereTrees.slots(where).isEmpty()) {
                changes.add(WhereArbitraries.withOneValueChanged(model, where).map(w -> find.withWhere(Option.some(w))));
            }
        });
        Arbitrary<Integer> counts = Arbitraries.integers().between(0, 100_000);
        Arbitrary<Integer> limits = Arbitraries.integers().between(1, 100_000); // 0 is refused on SQL Server
        find.limit().forEach(limit -> changes.add(limits.filter(n -> !n.equals(limit)).map(n -> find.withLimit(Option.some(n)))));
        find.offset().forEach(offset -> changes.add(counts.filter(n -> !n.equals(offset)).map(n -> find.withOffset(Option.some(n)))));
        if (changes.isEmpty()) {
            return Arbitraries.just(null);
        }
        return Arbitraries.oneOf(changes).flatMap(changed -> Arbitraries.of(
                Tuple.of(new ModelCallSpec.FindAll(model, find), new ModelCallSpec.FindAll(model, changed)),
                Tuple.of(new ModelCallSpec.FindOne(model, find), new ModelCallSpec.FindOne(model, changed))));
    }

    private static Arbitrary<Tuple2<ModelCallSpec, ModelCallSpec>> createChanges(ModelCallSpec.Create create) {
        List<String> given = create.values().entrySet().stream().filter(e -> e.getValue() != null).map(Map.Entry::getKey).toList();
        if (given.isEmpty()) {
            return Arbitraries.just(null);
        }
        return Arbitraries.of(given).flatMap(name -> {
            Attribute attribute = create.model().attribute(name);
            Object value = create.values().get(name);
            return ValueArbitraries.values(attribute.type()).filter(other -> differs(value, other)).map(other -> {
                Map<String, Object> values = new LinkedHashMap<>(create.values());
                values.put(name, other);
                return Tuple.of(create, new ModelCallSpec.Create(create.model(), values, create.now()));
            });
        });
    }

    /** Different even where a dialect keeps dates to the second (MySQL). */
    private static boolean differs(Object value, Object other) {
        if (value instanceof Instant a && other instanceof Instant b) {
            return a.getEpochSecond() != b.getEpochSecond();
        }
        return !Objects.equals(value, other);
    }
}
