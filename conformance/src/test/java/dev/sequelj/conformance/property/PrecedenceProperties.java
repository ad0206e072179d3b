package dev.sequelj.conformance.property;

import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.finder.FindStatements;
import dev.sequelj.ast.finder.WriteStatements;
import dev.sequelj.ast.finder.TableStatements;
import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.render.Sql;
import dev.sequelj.render.SqlRenderer;
import dev.sequelj.render.dialect.Dialects;
import io.vavr.control.Option;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The meaning of an and/or/not tree survives rendering: random trees over random tables, rendered for
 * SQLite and run on an embedded SQLite database, select exactly the rows that a direct evaluation of
 * the same tree in Java ({@link SqliteWhereEvaluator}, SQL's three-valued logic) says they hold for.
 * A lost parenthesis, a NOT that binds to less than its operand, an IN list that mishandles NULL, or an
 * empty AND/OR written wrongly selects other rows.
 */
class PrecedenceProperties {
    private static final Instant NOW = Instant.parse("2024-01-15T10:30:45.123Z");
    private static final int DEPTH = 4;
    private static SqliteMemory db;

    @BeforeContainer
    static void open() throws SQLException {
        db = SqliteMemory.open();
    }

    @AfterContainer
    static void close() throws SQLException {
        db.close();
    }

    /**
     * A random table and a condition on it.
     *
     * @param rows  each row's values, in order; row i is given the key i + 1
     * @param where the condition, written in {@code form}
     */
    record Case(ModelDefinition model, List<Map<String, Object>> rows, Expression where, FindSpec.WhereForm form) {}

    @Property(tries = 1000)
    void sqliteSelectsExactlyTheRowsTheTreeHoldsFor(@ForAll("cases") Case c) throws SQLException {
        ModelDefinition model = c.model();
        try {
            db.execute(sqlite(TableStatements.createTable(model)));
            Map<Long, Map<String, Object>> stored = new LinkedHashMap<>();
            for (int i = 0; i < c.rows().size(); i++) {
                Map<String, Object> values = new LinkedHashMap<>(c.rows().get(i));
                values.put("id", i + 1);
                db.execute(sqlite(WriteStatements.create(model, values, NOW)));
                stored.put(i + 1L, storedRow(model, values));
            }
            FindSpec find = new FindSpec(Option.some(c.where()), c.form(), List.of("id"), List.of(), Option.none(), Option.none());
            Statement.Select select = FindStatements.findAll(model, find.options());
            Set<Long> selected = new TreeSet<>();
            for (List<Object> row : db.query(sqlite(select)).rows()) {
                selected.add(((Number) row.getFirst()).longValue());
            }
            Set<Long> expected = new TreeSet<>();
            stored.forEach((id, row) -> {
                if (Boolean.TRUE.equals(SqliteWhereEvaluator.evaluate(select.where().get(), row))) {
                    expected.add(id);
                }
            });
            assertThat(selected).as("ids selected by %s", sqlite(select).text()).isEqualTo(expected);
            Statistics.label("rows selected").collect(
                    expected.isEmpty() ? "none" : expected.size() == stored.size() ? "all" : "some, not all");
        } finally {
            db.rollback();
        }
        // Not vacuous: a good share of tries must tell rows apart (about a fifth do; none and all are checks too).
        Statistics.label("rows selected").coverage(coverage -> coverage.check("some, not all").percentage(p -> p >= 12));
    }

    /** Models with plain names and every type, the implicit {@code id} key, 4 to 12 rows with NULLs among them. */
    @Provide
    Arbitrary<Case> cases() {
        ModelArbitraries.Shape shape = ModelArbitraries.Shape.ANY
                .withNames(ModelArbitraries.plainNames()).withImplicitKeyOnly().withMaxAttributes(4);
        return ModelArbitraries.models(shape).flatMap(model -> Combinators.combine(
                        RowArbitraries.row(model).list().ofMinSize(4).ofMaxSize(12),
                        WhereArbitraries.where(model.attributeList().toJavaList(), DEPTH),
                        Arbitraries.of(FindSpec.WhereForm.class))
                .as((rows, where, form) -> new Case(model, rows, where, form)));
    }

    /** The row as SQLite stores it, by column: given values, NULL for the rest, the key and timestamps filled in. */
    private static Map<String, Object> storedRow(ModelDefinition model, Map<String, Object> values) {
        Map<String, Object> row = new HashMap<>();
        for (Attribute attribute : model.attributeList()) {
            Object value = values.get(attribute.name());
            if (model.timestamps() && (attribute.name().equals(ModelDefinition.CREATED_AT)
                    || attribute.name().equals(ModelDefinition.UPDATED_AT))) {
                value = NOW;
            }
            row.put(attribute.field(), SqliteWhereEvaluator.stored(attribute.type(), value));
        }
        return row;
    }

    private static Sql sqlite(Statement statement) {
        return SqlRenderer.render(statement, Dialects.SQLITE);
    }
}
