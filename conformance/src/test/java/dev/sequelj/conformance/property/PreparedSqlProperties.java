package dev.sequelj.conformance.property;

import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.expression.Parameter;
import dev.sequelj.ast.finder.FindStatements;
import dev.sequelj.render.PreparedSql;
import dev.sequelj.render.Sql;
import dev.sequelj.render.SqlRenderer;
import dev.sequelj.render.dialect.Dialect;
import dev.sequelj.render.dialect.Dialects;
import io.vavr.control.Option;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A finder prepared with a parameter in place of each value of its where tree, then bound to the values,
 * gives exactly the SQL of the finder built with those values, in every dialect, refusals included.
 */
class PreparedSqlProperties {

    @Property(tries = 1000)
    void aPreparedFinderBoundToItsValuesRendersAsTheFinderWithThem(@ForAll("finds") ModelCallSpec.FindAll call) {
        // A finder without a where (a model no where key can name) is prepared without parameters.
        Expression where = call.find().where().getOrElse(() -> new Expression.And(io.vavr.collection.Vector.empty()));
        List<WhereTrees.ValueSlot> slots = WhereTrees.slots(where);
        Assume.that(slots.stream().noneMatch(slot -> slot.value() == null)); // a parameter takes a value; null is isNull()
        Expression withParameters = where;
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < slots.size(); i++) {
            withParameters = WhereTrees.withValue(withParameters, i, new Parameter("p" + i));
            values.put("p" + i, slots.get(i).value());
        }
        ModelCallSpec.FindAll prepared = new ModelCallSpec.FindAll(call.model(),
                call.find().withWhere(call.find().where().isDefined() ? Option.some(withParameters) : Option.none()));
        for (Dialect dialect : Dialects.all()) {
            Object expected = outcome(() -> SqlRenderer.renderUncached(call.build(), dialect));
            Object bound = outcome(() -> {
                PreparedSql statement = SqlRenderer.prepare(prepared.build(), dialect);
                assertThat(statement.parameters()).hasSize(slots.size());
                return statement.bind(values);
            });
            assertThat(bound).as("%s", dialect).isEqualTo(expected);
        }
    }

    /** Finders, their where trees in the typed form (the one WhereTrees reads). */
    @Provide
    Arbitrary<ModelCallSpec.FindAll> finds() {
        return ModelArbitraries.models().flatMap(model -> FindArbitraries.finds(model, FindSpec.WhereForm.TYPED)
                .map(find -> new ModelCallSpec.FindAll(model, find.withForm(FindSpec.WhereForm.TYPED))));
    }

    private static Object outcome(java.util.function.Supplier<Sql> render) {
        try {
            return render.get();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
