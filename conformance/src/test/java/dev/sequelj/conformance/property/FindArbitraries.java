package dev.sequelj.conformance.property;

import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.statement.OrderItem.Direction;
import io.vavr.Tuple2;
import io.vavr.control.Option;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.util.List;

/**
 * Random finder options for a model, as {@link FindSpec}s: a where tree from {@link WhereArbitraries}
 * (or none) in either form, a subset of attributes, up to three order keys, and a limit and offset
 * each given or not.
 *
 * <pre>{@code
 * Arbitrary<ModelCallSpec> finds = ModelArbitraries.models().flatMap(model ->
 *         FindArbitraries.finds(model).map(find -> new ModelCallSpec.FindAll(model, find)));
 * // in a property: Statement select = call.build();   // FindStatements.findAll(model, find.options())
 * }</pre>
 */
public final class FindArbitraries {
    private FindArbitraries() {}

    /** Options for finders on {@code model}, the where clause in either form. */
    public static Arbitrary<FindSpec> finds(ModelDefinition model) {
        return Arbitraries.oneOf(finds(model, FindSpec.WhereForm.TYPED), finds(model, FindSpec.WhereForm.OBJECT));
    }

    /** Options for finders on {@code model}, the where clause in the given form. */
    public static Arbitrary<FindSpec> finds(ModelDefinition model, FindSpec.WhereForm form) {
        List<String> names = model.attributeList().map(Attribute::name).toJavaList();
        Arbitrary<List<String>> attributes = Arbitraries.of(names).list().ofMaxSize(names.size()).uniqueElements();
        Arbitrary<List<Tuple2<String, Direction>>> order = Combinators.combine(Arbitraries.of(names), Arbitraries.of(Direction.class))
                .as(io.vavr.Tuple::of).list().ofMaxSize(3);
        Arbitrary<Option<Integer>> offsets = Arbitraries.frequencyOf(
                        Tuple.of(5, Arbitraries.just(Option.<Integer>none())),
                        Tuple.of(4, Arbitraries.integers().between(0, 1_000).map(Option::some)),
                        Tuple.of(1, Arbitraries.just(Option.some(Integer.MAX_VALUE))));
        // A limit of 0 is refused on SQL Server (FETCH NEXT needs a row; see DIFFERENCES.md), so limits start at 1.
        Arbitrary<Option<Integer>> limits = offsets.map(o -> o.map(n -> Math.max(n, 1)));
        return Combinators.combine(where(model, form), attributes, order, limits, offsets)
                .as((where, selected, keys, limit, offset) -> new FindSpec(where, form, selected, keys, limit, offset))
                .withoutEdgeCases(); // built anew for every model; its edge cases would cost more than they find
    }

    /**
     * A where tree or none. The object form cannot name an attribute whose name starts with {@code $}
     * (that is an operator there, as in Sequelize), so such attributes are left out of its trees. Neither
     * form can name one holding {@code .}, {@code [} or {@code ::}: a where key reads those as a path into
     * a JSON attribute, as Sequelize's does.
     */
    private static Arbitrary<Option<Expression>> where(ModelDefinition model, FindSpec.WhereForm form) {
        List<Attribute> attributes = model.attributeList()
                .filter(a -> form == FindSpec.WhereForm.TYPED || !a.name().startsWith("$"))
                .filter(a -> !readsAsJsonPath(a.name()))
                .toJavaList();
        if (attributes.isEmpty()) {
            return Arbitraries.just(Option.none());
        }
        return WhereArbitraries.where(attributes, WhereArbitraries.DEFAULT_DEPTH).map(Option::some)
                .injectNull(0.2).map(o -> o == null ? Option.none() : o);
    }

    /** Whether a where key of this name would read as a JSON path ({@code meta.a}, {@code items[0]}, {@code age::integer}). */
    static boolean readsAsJsonPath(String name) {
        return name.contains(".") || name.contains("[") || name.contains("::");
    }
}
