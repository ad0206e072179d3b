package dev.sequelj.conformance.property;

import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.ModelDefinition;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Random rows for a model, as the value maps {@code create} takes (attribute name → value, nulls kept).
 *
 * <p>A row gives every attribute the caller must or may give: each attribute that allows null is given
 * a value, given null, or left out; each that does not is given a value. Auto-increment keys are left to
 * the database and timestamps to {@code create}, as a Sequelize caller leaves them.
 *
 * <pre>{@code
 * Arbitrary<List<Map<String, Object>>> rows = RowArbitraries.rows(model, 10);
 * rows.sample().forEach(row -> executor.execute(SqlRenderer.render(WriteStatements.create(model, row, now), dialect)));
 * }</pre>
 */
public final class RowArbitraries {
    private RowArbitraries() {}

    /** One row's values. */
    public static Arbitrary<Map<String, Object>> row(ModelDefinition model) {
        List<Attribute> given = model.attributeList()
                .filter(a -> !a.autoIncrement() && !isTimestamp(model, a))
                .toJavaList();
        List<Arbitrary<Cell>> cells = new ArrayList<>();
        for (Attribute attribute : given) {
            Arbitrary<Cell> cell = ValueArbitraries.nullableValues(attribute).map(v -> new Cell(attribute.name(), v, true));
            cells.add(attribute.allowNull()
                    ? Arbitraries.oneOf(cell, Arbitraries.just(new Cell(attribute.name(), null, false)))
                    : cell);
        }
        return Combinators.combine(cells).as(list -> {
            Map<String, Object> row = new LinkedHashMap<>();
            list.stream().filter(Cell::given).forEach(c -> row.put(c.attribute(), c.value()));
            return row;
        }).withoutEdgeCases(); // built anew for every model; its edge cases would cost more than they find
    }

    /** Up to {@code maxRows} rows. */
    public static Arbitrary<List<Map<String, Object>>> rows(ModelDefinition model, int maxRows) {
        return row(model).list().ofMaxSize(maxRows);
    }

    private static boolean isTimestamp(ModelDefinition model, Attribute attribute) {
        return model.timestamps() && (attribute.name().equals(ModelDefinition.CREATED_AT)
                || attribute.name().equals(ModelDefinition.UPDATED_AT));
    }

    /** One attribute's part of a row: a value (maybe null) if given, nothing if left out. */
    private record Cell(String attribute, Object value, boolean given) {}
}
