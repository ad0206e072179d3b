package dev.sequelj.ast.finder;

import dev.sequelj.ast.expression.Expression.Column;
import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.statement.OrderItem;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * What every finder call reads from its model, worked out once per model rather than on each call: the
 * stored attributes, the primary key, the full selection and the key order. A {@link ModelDefinition} is
 * an immutable record, so these never change; they are kept in a small table by the model's identity
 * (a model is defined once and used for every call), and recomputed when another model takes its place.
 */
final class ModelFacts {
    /** Slots in the table; models that share one take turns, which costs only a recomputation. */
    private static final int SLOTS = 64;
    /** Written and read without locks: a ModelFacts has only final fields, so a reader sees it whole. */
    private static final ModelFacts[] TABLE = new ModelFacts[SLOTS];

    final ModelDefinition model;
    /** {@link ModelDefinition#attributeList()}. */
    final Vector<Attribute> stored;
    /** {@link ModelDefinition#primaryKey()}. */
    final Vector<Attribute> primaryKey;
    /** The model's name, which qualifies its columns in a SELECT ({@code "user"."age"}). */
    final Option<String> alias;
    /** Every stored attribute selected, as {@code findAll} selects them when given no attributes. */
    final Vector<FindStatements.Selected> fullSelection;
    /** ORDER BY the primary key, for dialects that page only over an order (SQL Server). */
    final Vector<OrderItem> keyOrder;

    private ModelFacts(ModelDefinition model) {
        this.model = model;
        this.stored = model.attributeList();
        this.primaryKey = model.primaryKey().toVector();
        this.alias = Option.some(model.name());
        this.fullSelection = stored.map(a -> FindStatements.selected(model, Selection.of(a.name())));
        this.keyOrder = primaryKey.map(a -> new OrderItem(new Column(alias, a.field()), Option.none(), Option.none()));
    }

    static ModelFacts of(ModelDefinition model) {
        int slot = System.identityHashCode(model) & (SLOTS - 1);
        ModelFacts facts = TABLE[slot];
        if (facts == null || facts.model != model) {
            facts = new ModelFacts(model);
            TABLE[slot] = facts;
        }
        return facts;
    }
}
