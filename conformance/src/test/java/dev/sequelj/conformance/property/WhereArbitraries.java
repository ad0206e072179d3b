package dev.sequelj.conformance.property;

import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.finder.Where;
import dev.sequelj.ast.finder.Where.AttributeCondition;
import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.model.ModelDefinition;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Random where trees over a model's attributes, built with the typed builder {@link Where} and so
 * unresolved (attributes by name, values untyped), ready for {@code FindOptions.where(Expression)}; for
 * the object form, pass them through {@link WhereObjectForm#of}.
 *
 * <p>Leaves are every condition the builder has — {@code eq}/{@code ne} (with null, which means IS
 * [NOT] NULL), {@code gt}, {@code gte}, {@code lt}, {@code lte}, {@code in}/{@code notIn} (empty
 * lists and NULLs among the values included), {@code isNull}/{@code isNotNull}, and
 * {@code like}/{@code notLike} on string attributes — with values of the attribute's type from
 * {@link ValueArbitraries}. Inner nodes are {@code and}/{@code or} of zero to three operands, and
 * {@code not}.
 *
 * <pre>{@code
 * Arbitrary<Expression> wheres = WhereArbitraries.where(model);                 // depth up to 3
 * Arbitrary<Map<String, Object>> objects = wheres.map(WhereObjectForm::of);    // {"$or": [...]}
 * }</pre>
 */
public final class WhereArbitraries {
    /** The depth {@link #where(ModelDefinition)} goes to: up to 27 leaves, enough to mix every operator. */
    public static final int DEFAULT_DEPTH = 3;

    private WhereArbitraries() {}

    /** Trees over all of the model's attributes, {@link #DEFAULT_DEPTH} deep at most. */
    public static Arbitrary<Expression> where(ModelDefinition model) {
        return where(model.attributeList().toJavaList(), DEFAULT_DEPTH);
    }

    /**
     * Trees over the given attributes, at most {@code depth} levels of and/or/not above the leaves.
     *
     * @param attributes at least one
     */
    public static Arbitrary<Expression> where(List<Attribute> attributes, int depth) {
        if (attributes.isEmpty()) {
            throw new IllegalArgumentException("a where tree needs at least one attribute to compare");
        }
        List<Arbitrary<Expression>> leaves = new ArrayList<>();
        for (Attribute attribute : attributes) {
            leaves.add(condition(attribute));
        }
        // Edge cases of a random tree say nothing, and jqwik would compute them afresh for every model.
        return tree(Arbitraries.oneOf(leaves), depth).withoutEdgeCases();
    }

    /** One condition on the attribute, any operator that suits its type. */
    public static Arbitrary<Expression> condition(Attribute attribute) {
        AttributeCondition on = Where.col(attribute.name());
        Arbitrary<Object> value = ValueArbitraries.values(attribute.type());
        Arbitrary<Object> valueOrNull = value.injectNull(0.2);
        Arbitrary<Object[]> list = valueOrNull.list().ofMaxSize(4).map(List::toArray);
        List<Arbitrary<Expression>> conditions = new ArrayList<>(List.of(
                valueOrNull.map(on::eq), valueOrNull.map(on::ne),
                value.map(on::gt), value.map(on::gte), value.map(on::lt), value.map(on::lte),
                list.map(on::in), list.map(on::notIn),
                Arbitraries.just(on.isNull()), Arbitraries.just(on.isNotNull())));
        if (isText(attribute.type())) {
            Arbitrary<String> pattern = ValueArbitraries.likePatterns();
            conditions.add(pattern.map(on::like));
            conditions.add(pattern.map(on::notLike));
        }
        return Arbitraries.oneOf(conditions);
    }

    /**
     * The same tree with one of its values (see {@link WhereTrees#slots}) replaced by another of the same
     * kind, different even where a dialect keeps dates to the second. For a tree without values, the
     * tree itself.
     */
    public static Arbitrary<Expression> withOneValueChanged(ModelDefinition model, Expression where) {
        List<WhereTrees.ValueSlot> slots = WhereTrees.slots(where);
        if (slots.isEmpty()) {
            return Arbitraries.just(where);
        }
        return Arbitraries.integers().between(0, slots.size() - 1).flatMap(index -> {
            WhereTrees.ValueSlot slot = slots.get(index);
            Arbitrary<Object> others = slot.pattern()
                    ? ValueArbitraries.likePatterns().map(p -> p)
                    : ValueArbitraries.values(model.attribute(slot.attribute()).type());
            return others.filter(other -> differs(slot.value(), other)).map(other -> WhereTrees.withValue(where, index, other));
        });
    }

    private static boolean differs(Object value, Object other) {
        if (value instanceof Instant a && other instanceof Instant b) {
            return a.getEpochSecond() != b.getEpochSecond();
        }
        return !Objects.equals(value, other);
    }

    private static boolean isText(DataType type) {
        return type instanceof DataType.StringType || type instanceof DataType.TextType;
    }

    /** The kinds of inner node. */
    private enum Junction { AND, OR, NOT }

    /**
     * Leaves, or and/or/not over trees one level less deep. Each level refers to the level below once,
     * so that jqwik builds one generator per level (trees are made per model, so that cost is paid for
     * every try); a NOT takes the first of the operands drawn, or an empty AND when none was drawn.
     */
    private static Arbitrary<Expression> tree(Arbitrary<Expression> leaf, int depth) {
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Expression> inner = Combinators.combine(
                        Arbitraries.of(Junction.AND, Junction.AND, Junction.OR, Junction.OR, Junction.NOT),
                        tree(leaf, depth - 1).list().ofMaxSize(3))
                .as((junction, operands) -> {
                    Expression[] array = operands.toArray(Expression[]::new);
                    return switch (junction) {
                        case AND -> Where.and(array);
                        case OR -> Where.or(array);
                        case NOT -> Where.not(array.length == 0 ? Where.and() : array[0]);
                    };
                });
        return Arbitraries.frequencyOf(Tuple.of(3, leaf), Tuple.of(5, inner));
    }
}
