package dev.sequelj.conformance.property;

import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelDefinition;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Random model method calls ({@link ModelCallSpec}) on random models: finders with random options
 * (mostly), creates with random values, and the DDL of sync and drop.
 *
 * <pre>{@code
 * @Provide Arbitrary<ModelCallSpec> calls() { return CallArbitraries.calls(); }
 * @Property void p(@ForAll("calls") ModelCallSpec call) { Sql sql = SqlRenderer.render(call.build(), dialect); ... }
 * }</pre>
 */
public final class CallArbitraries {
    private CallArbitraries() {}

    /** Calls on models of {@link ModelArbitraries.Shape#ANY}. */
    public static Arbitrary<ModelCallSpec> calls() {
        return ModelArbitraries.models().flatMap(CallArbitraries::calls);
    }

    /** Calls on {@code model}. */
    public static Arbitrary<ModelCallSpec> calls(ModelDefinition model) {
        return Arbitraries.frequencyOf(
                Tuple.of(4, FindArbitraries.finds(model).map(find -> new ModelCallSpec.FindAll(model, find))),
                Tuple.of(2, FindArbitraries.finds(model).map(find -> new ModelCallSpec.FindOne(model, find))),
                Tuple.of(3, creates(model).map(ModelCallSpec.class::cast)),
                Tuple.of(1, Arbitraries.just(new ModelCallSpec.Sync(model))),
                Tuple.of(1, Arbitraries.of(true, false).map(cascade -> new ModelCallSpec.Drop(model, cascade))))
                .withoutEdgeCases(); // built anew for every model; its edge cases would cost more than they find
    }

    /**
     * A create with a random row; in one case in four an auto-increment key is given a value too, which
     * some dialects must announce (SQL Server's {@code IDENTITY_INSERT}).
     */
    public static Arbitrary<ModelCallSpec.Create> creates(ModelDefinition model) {
        Arbitrary<Instant> now = ValueArbitraries.values(DataTypes.DATE).map(Instant.class::cast);
        Arbitrary<Map<String, Object>> keys = model.attributeList().find(Attribute::autoIncrement)
                .map(key -> ValueArbitraries.values(key.type()).map(v -> Map.of(key.name(), v)).injectNull(0.75))
                .getOrElse(Arbitraries.just(null));
        return Combinators.combine(RowArbitraries.row(model), keys, now).as((row, key, at) -> {
            Map<String, Object> values = new LinkedHashMap<>();
            if (key != null) {
                values.putAll(key);
            }
            values.putAll(row);
            return new ModelCallSpec.Create(model, values, at);
        }).withoutEdgeCases();
    }
}
