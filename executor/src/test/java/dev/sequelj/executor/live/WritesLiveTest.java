package dev.sequelj.executor.live;

import dev.sequelj.ast.finder.BulkCreateOptions;
import dev.sequelj.ast.finder.CreateOptions;
import dev.sequelj.ast.finder.DestroyOptions;
import dev.sequelj.ast.finder.FindOptions;
import dev.sequelj.ast.finder.FindStatements;
import dev.sequelj.ast.finder.IncrementOptions;
import dev.sequelj.ast.finder.RestoreOptions;
import dev.sequelj.ast.finder.TableStatements;
import dev.sequelj.ast.finder.UpdateOptions;
import dev.sequelj.ast.finder.UpsertOptions;
import dev.sequelj.ast.finder.WriteStatements;
import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.ast.statement.OrderItem.Direction;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.executor.ConnectionSettings;
import dev.sequelj.executor.PoolOptions;
import dev.sequelj.executor.Sequelize;
import dev.sequelj.executor.SequelizeOptions;
import dev.sequelj.executor.jdbc.JdbcExecutor;
import dev.sequelj.executor.spi.QueryResult;
import dev.sequelj.executor.testing.LiveDatabase;
import dev.sequelj.render.Sql;
import dev.sequelj.render.SqlRenderer;
import dev.sequelj.render.dialect.Dialect;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import static dev.sequelj.ast.model.Attribute.attribute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write, rendered for the live database's dialect and run through the JDBC executor's
 * {@code execute(Sql)}: the counts and rows it hands back, and the table read back afterwards, exactly.
 * Tables are created with the sync statement ({@code TableStatements.createTable}) and named
 * {@code wr_<random>_<name>}, so runs on the shared servers never meet.
 */
class WritesLiveTest {
    private static final Instant NOW = Instant.parse("2024-01-15T10:30:45Z");
    private static final Instant LATER = Instant.parse("2024-01-16T08:00:00Z");

    /** Items: a required name, a quantity, an optional note; no timestamps. */
    private static final List<Attribute> ITEM = List.of(
            attribute("name", DataTypes.STRING).allowNull(false),
            attribute("qty", DataTypes.INTEGER),
            attribute("note", DataTypes.STRING).field("the_note"));

    /** One test's executor and tables on one database. */
    private static final class Live implements AutoCloseable {
        private final Dialect dialect;
        private final JdbcExecutor executor;
        private final String tag = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        private final List<ModelDefinition> tables = new ArrayList<>();

        Live(LiveDatabase database) {
            ConnectionSettings settings;
            // open() checks that the database answers (skipped outside CI when it does not).
            try (Sequelize probe = database.open(SequelizeOptions.options().logging(false))) {
                settings = probe.settings();
            }
            this.dialect = settings.dialect();
            this.executor = new JdbcExecutor(settings, PoolOptions.defaults());
        }

        /** A model on a fresh table {@code wr_<tag>_<base>}, created with the sync statement. */
        ModelDefinition define(String base, List<Attribute> attributes, boolean timestamps) {
            String name = "wr_" + tag + "_" + base;
            ModelDefinition model = ModelDefinition.define(name, attributes,
                    ModelOptions.options().timestamps(timestamps).tableName(name));
            return created(model);
        }

        /** As {@link #define}, paranoid: a {@code deletedAt} attribute (column {@code deleted_at}) that destroy stamps. */
        ModelDefinition defineParanoid(String base, List<Attribute> attributes) {
            String name = "wr_" + tag + "_" + base;
            ModelDefinition plain = ModelDefinition.define(name, attributes, ModelOptions.options().tableName(name));
            return created(new ModelDefinition(plain.name(), plain.table(),
                    plain.attributes().put("deletedAt", attribute("deletedAt", DataTypes.DATE).field("deleted_at")),
                    plain.createdAt(), plain.updatedAt(), Option.some("deletedAt"), io.vavr.collection.Vector.empty()));
        }

        private ModelDefinition created(ModelDefinition model) {
            run(TableStatements.dropTable(model, false));
            run(TableStatements.createTable(model));
            tables.add(model);
            return model;
        }

        /** Runs every statement the dialect needs for one statement; the results in order. */
        List<QueryResult> run(Statement statement) {
            List<QueryResult> results = new ArrayList<>();
            for (Sql sql : SqlRenderer.renderAll(statement, dialect)) {
                results.add(executor.execute(sql).join());
            }
            return results;
        }

        /** Runs a statement that is one SQL statement on every dialect. */
        QueryResult one(Statement statement) {
            List<QueryResult> results = run(statement);
            assertThat(results).hasSize(1);
            return results.get(0);
        }

        Sql.Returns returns(Statement statement) {
            return SqlRenderer.render(statement, dialect).returns();
        }

        /** The named attributes of every row, soft-deleted ones included ({@code paranoid: false}), ordered by id. */
        List<List<Object>> rows(ModelDefinition model, String... attributes) {
            QueryResult result = one(FindStatements.findAll(model,
                    FindOptions.options().attributes(attributes).order("id", Direction.ASC).paranoid(false)));
            return values(model, result, Arrays.asList(attributes));
        }

        /** Returned rows (RETURNING / OUTPUT name columns by field) as the named attributes' values. */
        List<List<Object>> returned(ModelDefinition model, QueryResult result, String... attributes) {
            List<List<Object>> rows = new ArrayList<>();
            for (Object[] row : result.rows()) {
                List<Object> values = new ArrayList<>();
                for (String name : attributes) {
                    Attribute attribute = model.attribute(name);
                    int column = result.columns().indexOf(attribute.field());
                    values.add(dialect.fromDatabaseValue(attribute.type(), row[column]));
                }
                rows.add(values);
            }
            return rows;
        }

        private List<List<Object>> values(ModelDefinition model, QueryResult result, List<String> attributes) {
            List<List<Object>> rows = new ArrayList<>();
            for (Object[] row : result.rows()) {
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < attributes.size(); i++) {
                    values.add(dialect.fromDatabaseValue(model.attribute(attributes.get(i)).type(), row[i]));
                }
                rows.add(values);
            }
            return rows;
        }

        @Override
        public void close() {
            try {
                for (ModelDefinition model : tables) {
                    run(TableStatements.dropTable(model, false));
                }
            } finally {
                executor.close();
            }
        }
    }

    private static Map<String, Object> item(String name, Integer qty, String note) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", name);
        values.put("qty", qty);
        values.put("note", note);
        return values;
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static Statement.BulkInsert bulk(ModelDefinition model, List<Map<String, Object>> rows, BulkCreateOptions options) {
        return WriteStatements.bulkCreate(model, rows, options, NOW).get();
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void bulkCreateInsertsEveryRowAndHandsThemBack(LiveDatabase database) {
        try (Live live = new Live(database)) {
            ModelDefinition items = live.define("items", ITEM, false);
            Statement.BulkInsert insert = bulk(items, List.of(Map.of("name", "a", "qty", 1),
                    Map.of("name", "b", "qty", 2, "note", "x"), Map.of("name", "c")), BulkCreateOptions.options());

            QueryResult result = live.one(insert);

            if (live.returns(insert) == Sql.Returns.ROWS) {
                assertThat(live.returned(items, result, "id", "name", "qty", "note"))
                        .containsExactly(row(1, "a", 1, null), row(2, "b", 2, "x"), row(3, "c", null, null));
            } else {
                assertThat(live.returns(insert)).isEqualTo(Sql.Returns.GENERATED_KEYS);
                assertThat(result.updateCount()).isEqualTo(3);
                // MySQL's LAST_INSERT_ID() names the first row, SQLite's last_insert_rowid() the last.
                int keyed = live.dialect.generatedKeyRow() == Dialect.GeneratedKeyRow.FIRST ? 1 : 3;
                assertThat(result.generatedKey().map(Number.class::cast).map(Number::intValue)).contains(keyed);
            }
            assertThat(live.rows(items, "id", "name", "qty", "note"))
                    .containsExactly(row(1, "a", 1, null), row(2, "b", 2, "x"), row(3, "c", null, null));
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void aBulkCreateBeyondTheParameterCapIsSplitAndEveryRowArrives(LiveDatabase database) {
        try (Live live = new Live(database)) {
            ModelDefinition items = live.define("many", ITEM, false);
            // 12,000 rows of 3 values: 36,000 parameters, beyond SQLite's 32,766.
            List<Map<String, Object>> rows = IntStream.rangeClosed(1, 12_000)
                    .mapToObj(i -> item("n" + i, i, i % 2 == 0 ? "even" : null)).toList();
            Statement.BulkInsert insert = bulk(items, rows, BulkCreateOptions.options().returning(false));

            List<QueryResult> results = live.run(insert);

            assertThat(results).hasSize(live.dialect.name().equals("sqlite") ? 2 : 1);
            assertThat(results.stream().mapToLong(QueryResult::updateCount).sum()).isEqualTo(12_000);
            List<List<Object>> stored = live.rows(items, "id", "name", "qty", "note");
            assertThat(stored).hasSize(12_000);
            assertThat(stored.get(0)).isEqualTo(row(1, "n1", 1, null));
            assertThat(stored.get(11_999)).isEqualTo(row(12_000, "n12000", 12_000, "even"));
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void bulkCreateSkipsOrUpdatesDuplicateKeys(LiveDatabase database) {
        try (Live live = new Live(database)) {
            ModelDefinition items = live.define("dups", ITEM, false);
            live.one(bulk(items, List.of(Map.of("id", 1, "name", "a"), Map.of("id", 2, "name", "b")),
                    BulkCreateOptions.options()));

            live.one(bulk(items, List.of(Map.of("id", 2, "name", "B"), Map.of("id", 3, "name", "c")),
                    BulkCreateOptions.options().ignoreDuplicates(true)));
            assertThat(live.rows(items, "id", "name")).containsExactly(row(1, "a"), row(2, "b"), row(3, "c"));

            live.one(bulk(items, List.of(Map.of("id", 1, "name", "A", "qty", 7), Map.of("id", 4, "name", "d", "qty", 8)),
                    BulkCreateOptions.options().updateOnDuplicate("name")));
            assertThat(live.rows(items, "id", "name", "qty"))
                    .containsExactly(row(1, "A", null), row(2, "b", null), row(3, "c", null), row(4, "d", 8));
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void createWithIgnoreDuplicatesLeavesTheExistingRow(LiveDatabase database) {
        try (Live live = new Live(database)) {
            ModelDefinition items = live.define("once", ITEM, false);
            live.one(WriteStatements.create(items, Map.of("id", 1, "name", "first"), NOW));

            QueryResult result = live.one(WriteStatements.create(items, Map.of("id", 1, "name", "second"),
                    CreateOptions.options().ignoreDuplicates(true), NOW));

            assertThat(result.rows()).isEmpty();
            assertThat(live.rows(items, "id", "name")).containsExactly(row(1, "first"));
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void updateChangesTheMatchingRowsAndCountsThem(LiveDatabase database) {
        try (Live live = new Live(database)) {
            ModelDefinition items = live.define("upd", ITEM, false);
            live.one(bulk(items, List.of(item("a", 1, null), item("b", 2, null), item("c", 3, null)),
                    BulkCreateOptions.options().returning(false)));

            Statement.Update update = WriteStatements.update(items, Map.of("qty", 10, "note", "n"),
                    UpdateOptions.options().where(Map.of("name", List.of("a", "c"))), NOW).get();
            assertThat(live.one(update).updateCount()).isEqualTo(2);
            assertThat(live.rows(items, "name", "qty", "note"))
                    .containsExactly(row("a", 10, "n"), row("b", 2, null), row("c", 10, "n"));

            Statement.Update limited = WriteStatements.update(items, Map.of("note", "limited"),
                    UpdateOptions.options().where(Map.of("qty", Map.of("$gte", 1))).limit(2), NOW).get();
            assertThat(live.one(limited).updateCount()).isEqualTo(2);
            assertThat(live.rows(items, "note").stream().filter(r -> "limited".equals(r.get(0))).count()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void updateHandsBackTheChangedRowsWhereTheDatabaseCan(LiveDatabase database) {
        try (Live live = new Live(database)) {
            ModelDefinition items = live.define("ret", ITEM, false);
            live.one(bulk(items, List.of(item("a", 1, null), item("b", 2, null)), BulkCreateOptions.options().returning(false)));

            Statement.Update update = WriteStatements.update(items, Map.of("qty", 5),
                    UpdateOptions.options().where(Map.of("name", "b")).returning(true), NOW).get();
            QueryResult result = live.one(update);

            if (live.returns(update) == Sql.Returns.ROWS) {
                assertThat(live.returned(items, result, "id", "name", "qty")).containsExactly(row(2, "b", 5));
            } else {
                assertThat(live.dialect.updateReturning()).isEqualTo(Dialect.UpdateReturning.NONE);
                assertThat(result.updateCount()).isEqualTo(1);
            }
            assertThat(live.rows(items, "id", "qty")).containsExactly(row(1, 1), row(2, 5));
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void incrementAndDecrementAreComputedByTheDatabaseAndStampUpdatedAt(LiveDatabase database) {
        try (Live live = new Live(database)) {
            ModelDefinition counters = live.define("counters", List.of(
                    attribute("label", DataTypes.STRING), attribute("hits", DataTypes.INTEGER), attribute("big", DataTypes.BIGINT)), true);
            live.one(bulk(counters, List.of(Map.of("label", "a", "hits", 1, "big", 1L), Map.of("label", "b", "hits", 10, "big", 0L)),
                    BulkCreateOptions.options().returning(false)));

            Statement.Update up = WriteStatements.increment(counters, List.of("hits", "big"),
                    IncrementOptions.options().where(Map.of("label", "a")).by(5), LATER);
            QueryResult result = live.one(up);
            if (live.returns(up) == Sql.Returns.ROWS) {
                assertThat(live.returned(counters, result, "label", "hits", "big")).containsExactly(row("a", 6, 6L));
            } else {
                assertThat(result.updateCount()).isEqualTo(1);
            }
            live.one(WriteStatements.increment(counters, Map.of("big", 10_000_000_000L),
                    IncrementOptions.options().where(Map.of("label", "a")).returning(false), LATER));
            live.one(WriteStatements.decrement(counters, Map.of("hits", 3),
                    IncrementOptions.options().where(Map.of()).silent(true).returning(false), LATER.plusSeconds(60)));

            assertThat(live.rows(counters, "label", "hits", "big", "createdAt", "updatedAt")).containsExactly(
                    row("a", 3, 10_000_000_006L, NOW, LATER), row("b", 7, 0L, NOW, NOW));
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void destroyDeletesTheMatchingRowsAndCountsThem(LiveDatabase database) {
        try (Live live = new Live(database)) {
            ModelDefinition items = live.define("del", ITEM, false);
            live.one(bulk(items, List.of(item("a", 1, null), item("b", 2, null), item("c", 3, null), item("d", 4, null)),
                    BulkCreateOptions.options().returning(false)));

            assertThat(live.one(WriteStatements.destroy(items,
                    DestroyOptions.options().where(Map.of("qty", Map.of("$lt", 3))), NOW)).updateCount()).isEqualTo(2);
            assertThat(live.rows(items, "name")).containsExactly(row("c"), row("d"));

            assertThat(live.one(WriteStatements.destroy(items,
                    DestroyOptions.options().where(Map.of()).limit(1), NOW)).updateCount()).isEqualTo(1);
            assertThat(live.rows(items, "name")).hasSize(1);

            assertThat(live.one(WriteStatements.destroy(items,
                    DestroyOptions.options().where(Map.of("name", "nobody")), NOW)).updateCount()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void aParanoidModelIsSoftDeletedRestoredAndForcedOut(LiveDatabase database) {
        try (Live live = new Live(database)) {
            ModelDefinition items = live.defineParanoid("soft", ITEM);
            live.one(bulk(items, List.of(item("a", 1, null), item("b", 2, null), item("c", 3, null)),
                    BulkCreateOptions.options().returning(false)));

            DestroyOptions first = DestroyOptions.options().where(Map.of("id", 1));
            assertThat(live.one(WriteStatements.destroy(items, first, LATER)).updateCount()).isEqualTo(1);
            assertThat(live.rows(items, "id", "deletedAt")).containsExactly(row(1, LATER), row(2, null), row(3, null));
            // Already deleted: deletedAt IS NULL keeps the stamp as it was.
            assertThat(live.one(WriteStatements.destroy(items, first, LATER.plusSeconds(60))).updateCount()).isZero();

            Statement.Update rename = WriteStatements.update(items, Map.of("note", "alive"),
                    UpdateOptions.options().where(Map.of()), LATER).get();
            assertThat(live.one(rename).updateCount()).isEqualTo(2);

            assertThat(live.one(WriteStatements.restore(items, RestoreOptions.options().where(Map.of("id", 1)))).updateCount())
                    .isEqualTo(1);
            assertThat(live.one(WriteStatements.destroy(items, DestroyOptions.options().where(Map.of("id", 2)).force(true),
                    LATER)).updateCount()).isEqualTo(1);
            assertThat(live.rows(items, "id", "note", "deletedAt")).containsExactly(row(1, null, null), row(3, "alive", null));

            assertThat(live.one(WriteStatements.truncate(items, DestroyOptions.options(), LATER)).updateCount()).isEqualTo(2);
            assertThat(live.rows(items, "id", "deletedAt")).containsExactly(row(1, LATER), row(3, LATER));
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void upsertInsertsThenUpdatesTheSameKey(LiveDatabase database) {
        try (Live live = new Live(database)) {
            ModelDefinition items = live.define("ups", ITEM, true);

            Statement.Upsert insert = WriteStatements.upsert(items, Map.of("id", 1, "name", "a", "qty", 1),
                    UpsertOptions.options(), NOW);
            QueryResult inserted = live.one(insert);
            Statement.Upsert update = WriteStatements.upsert(items, Map.of("id", 1, "name", "b", "qty", 2),
                    UpsertOptions.options(), LATER);
            QueryResult updated = live.one(update);

            if (live.returns(update) == Sql.Returns.ROWS) {
                assertThat(live.returned(items, inserted, "id", "name", "qty")).containsExactly(row(1, "a", 1));
                assertThat(live.returned(items, updated, "id", "name", "qty", "createdAt", "updatedAt"))
                        .containsExactly(row(1, "b", 2, NOW, LATER));
            } else {
                // MySQL reports 1 for a row inserted and 2 for a row updated.
                assertThat(inserted.updateCount()).isEqualTo(1);
                assertThat(updated.updateCount()).isEqualTo(2);
            }
            live.one(WriteStatements.upsert(items, Map.of("id", 2, "name", "c"), UpsertOptions.options().fields("qty"), NOW));
            live.one(WriteStatements.upsert(items, Map.of("id", 2, "name", "ignored", "qty", 9),
                    UpsertOptions.options().fields("qty"), LATER));
            assertThat(live.rows(items, "id", "name", "qty", "createdAt", "updatedAt"))
                    .containsExactly(row(1, "b", 2, NOW, LATER), row(2, "c", 9, NOW, LATER));
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void truncateEmptiesTheTableAndRestartsTheCounter(LiveDatabase database) {
        try (Live live = new Live(database)) {
            ModelDefinition items = live.define("trunc", ITEM, false);
            live.one(bulk(items, List.of(item("a", 1, null), item("b", 2, null)), BulkCreateOptions.options().returning(false)));

            List<QueryResult> results = live.run(WriteStatements.truncate(items,
                    DestroyOptions.options().restartIdentity(true), NOW));

            assertThat(results).hasSize(live.dialect.name().equals("sqlite") ? 2 : 1);
            assertThat(live.rows(items, "id")).isEmpty();
            live.one(bulk(items, List.of(item("c", 3, null)), BulkCreateOptions.options().returning(false)));
            assertThat(live.rows(items, "id", "name")).containsExactly(row(1, "c"));
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void aValueThatLooksLikeSqlIsStoredAsItIs(LiveDatabase database) {
        try (Live live = new Live(database)) {
            ModelDefinition items = live.define("inj", ITEM, false);
            String hostile = "x'); DROP TABLE " + items.tableName() + "; --\\";
            live.one(bulk(items, List.of(item(hostile, 1, "\"`]")), BulkCreateOptions.options().returning(false)));
            live.one(WriteStatements.update(items, Map.of("note", hostile),
                    UpdateOptions.options().where(Map.of("name", hostile)), NOW).get());
            assertThat(live.rows(items, "name", "note")).containsExactly(row(hostile, hostile));
            Seq<Object> params = SqlRenderer.render(WriteStatements.destroy(items,
                    DestroyOptions.options().where(Map.of("name", hostile)), NOW), live.dialect).params();
            assertThat(params).containsExactly(hostile);
        }
    }
}
