package dev.sequelj.executor.live;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.finder.BulkCreateOptions;
import dev.sequelj.ast.finder.CreateOptions;
import dev.sequelj.ast.finder.DestroyOptions;
import dev.sequelj.ast.finder.IncrementOptions;
import dev.sequelj.ast.finder.RestoreOptions;
import dev.sequelj.ast.finder.UpdateOptions;
import dev.sequelj.ast.finder.UpsertOptions;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.ast.statement.OrderItem.Direction;
import dev.sequelj.executor.Model;
import dev.sequelj.executor.ModelInstance;
import dev.sequelj.executor.SequelizeOptions;
import dev.sequelj.executor.Transaction;
import dev.sequelj.executor.error.UniqueConstraintError;
import dev.sequelj.executor.result.UpdateResult;
import dev.sequelj.executor.result.UpsertResult;
import dev.sequelj.executor.testing.LiveDatabase;
import dev.sequelj.executor.testing.LiveSession;
import dev.sequelj.render.dialect.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static dev.sequelj.ast.finder.FindOptions.options;
import static dev.sequelj.ast.model.Attribute.attribute;
import static dev.sequelj.executor.testing.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The Model writes on every live database: update, increment, decrement and destroy (plain, paranoid,
 * forced), each answering what Sequelize answers (affected-row counts, the changed rows with
 * {@code returning} where the database hands them back), with the table read back afterwards; bad input
 * refused before any SQL; and the writes undone with the transaction they ran in.
 */
class ModelWritesLiveTest {
    private static final Instant NOW = Instant.parse("2024-01-15T10:30:45Z");

    private static SequelizeOptions quiet() {
        return SequelizeOptions.options().logging(false).clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Items a, b, c, d with quantities 1..4; timestamps; paranoid when asked. */
    private static Model items(LiveSession live, boolean paranoid) {
        Model items = live.define(paranoid ? "soft_item" : "item", List.of(
                attribute("name", DataTypes.STRING).allowNull(false),
                attribute("qty", DataTypes.INTEGER),
                attribute("note", DataTypes.STRING).field("the_note")), ModelOptions.options().paranoid(paranoid));
        items.sync(true).join();
        items.bulkCreate(List.of(Map.of("name", "a", "qty", 1), Map.of("name", "b", "qty", 2),
                Map.of("name", "c", "qty", 3), Map.of("name", "d", "qty", 4)), BulkCreateOptions.options().returning(false)).join();
        return items;
    }

    /** The named attributes of every row, soft-deleted ones included, by id. */
    private static List<List<Object>> rows(Model model, String... attributes) {
        return model.findAll(options().order("id", Direction.ASC).paranoid(false)).join().stream()
                .map(row -> Arrays.stream(attributes).map(row::get).toList()).toList();
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void updateChangesTheMatchingRowsAndAnswersHowMany(LiveDatabase database) {
        try (LiveSession live = database.session(quiet())) {
            Model items = items(live, false);

            UpdateResult result = items.update(Map.of("note", "big"),
                    UpdateOptions.options().where(Map.of("qty", Map.of("$gte", 3)))).join();

            assertThat(result.affectedCount()).isEqualTo(2);
            assertThat(result.affectedRows()).isEmpty();
            assertThat(rows(items, "name", "note")).containsExactly(row("a", null), row("b", null), row("c", "big"), row("d", "big"));
            assertThat(items.update(Map.of("note", "x"), UpdateOptions.options().where(Map.of("name", "nobody"))).join()
                    .affectedCount()).isZero();
            assertThat(items.update(Map.of("note", "every"), UpdateOptions.options().where(Map.of())).join()
                    .affectedCount()).isEqualTo(4);
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void updateWithReturningHandsBackTheChangedRowsWhereTheDatabaseCan(LiveDatabase database) {
        try (LiveSession live = database.session(quiet())) {
            Model items = items(live, false);

            UpdateResult result = items.update(Map.of("qty", 20, "note", "n"),
                    UpdateOptions.options().where(Map.of("name", "b")).returning(true)).join();

            assertThat(result.affectedCount()).isEqualTo(1);
            if (live.sequelize().dialect().updateReturning() == dev.sequelj.render.dialect.Dialect.UpdateReturning.NONE) {
                assertThat(result.affectedRows()).isEmpty();
            } else {
                assertThat(result.affectedRows()).singleElement().satisfies(b -> {
                    assertThat(b.get("name")).isEqualTo("b");
                    assertThat(b.get("qty")).isEqualTo(20);
                    assertThat(b.get("note")).isEqualTo("n");
                });
            }
            assertThat(rows(items, "name", "qty", "note")).containsExactly(
                    row("a", 1, null), row("b", 20, "n"), row("c", 3, null), row("d", 4, null));
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void incrementAndDecrementAreComputedByTheDatabase(LiveDatabase database) {
        try (LiveSession live = database.session(quiet())) {
            Model items = items(live, false);

            UpdateResult up = items.increment(List.of("qty"), IncrementOptions.options().by(10)
                    .where(Map.of("name", List.of("a", "b")))).join();
            assertThat(up.affectedCount()).isEqualTo(2);
            UpdateResult down = items.decrement(Map.of("qty", 3), IncrementOptions.options().where(Map.of("name", "d"))
                    .returning(false)).join();
            assertThat(down.affectedCount()).isEqualTo(1);
            items.increment(Map.of("qty", 5), IncrementOptions.options().where(Map.of())).join();
            items.decrement(List.of("qty"), IncrementOptions.options().where(Map.of("name", "c"))).join();

            assertThat(rows(items, "name", "qty")).containsExactly(row("a", 16), row("b", 17), row("c", 7), row("d", 6));
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void destroyDeletesTheMatchingRowsAndAnswersHowMany(LiveDatabase database) {
        try (LiveSession live = database.session(quiet())) {
            Model items = items(live, false);

            assertThat(items.destroy(DestroyOptions.options().where(Map.of("qty", Map.of("$lt", 3)))).join()).isEqualTo(2L);
            assertThat(rows(items, "name")).containsExactly(row("c"), row("d"));
            assertThat(items.destroy(DestroyOptions.options().where(Map.of("name", "nobody"))).join()).isZero();
            assertThat(items.destroy(DestroyOptions.options().where(Map.of())).join()).isEqualTo(2L);
            assertThat(items.count().join()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void aParanoidDestroyStampsDeletedAtAndForceDeletes(LiveDatabase database) {
        try (LiveSession live = database.session(quiet())) {
            Model items = items(live, true);

            assertThat(items.destroy(DestroyOptions.options().where(Map.of("name", List.of("a", "b")))).join()).isEqualTo(2L);
            assertThat(rows(items, "name", "deletedAt")).containsExactly(
                    row("a", NOW), row("b", NOW), row("c", null), row("d", null));
            assertThat(items.count().join()).isEqualTo(2L);
            assertThat(items.findAll().join().stream().map(i -> i.get("name")).toList()).containsExactlyInAnyOrder("c", "d");
            // Already soft-deleted rows are not stamped again, and update leaves them alone.
            assertThat(items.destroy(DestroyOptions.options().where(Map.of("name", "a"))).join()).isZero();
            assertThat(items.update(Map.of("note", "alive"), UpdateOptions.options().where(Map.of())).join()
                    .affectedCount()).isEqualTo(2);

            assertThat(items.destroy(DestroyOptions.options().where(Map.of("name", List.of("a", "c"))).force(true)).join())
                    .isEqualTo(2L);
            assertThat(rows(items, "name", "note", "deletedAt")).containsExactly(row("b", null, NOW), row("d", "alive", null));
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void writesInATransactionAreUndoneWithIt(LiveDatabase database) {
        try (LiveSession live = database.session(quiet())) {
            Model items = items(live, false);
            List<Object> seen = new CopyOnWriteArrayList<>();

            Throwable failed = live.sequelize().transaction(t -> items.update(Map.of("note", "t"),
                            UpdateOptions.options().where(Map.of()), t).thenAccept(r -> seen.add(r.affectedCount()))
                    .thenCompose(ignored -> items.increment(List.of("qty"), IncrementOptions.options().where(Map.of()), t))
                    .thenCompose(ignored -> items.destroy(DestroyOptions.options().where(Map.of("name", "a")), t))
                    .thenAccept(seen::add)
                    .thenCompose(ignored -> items.count(t)).thenAccept(seen::add)
                    .thenCompose(ignored -> CompletableFuture.failedFuture(new IllegalStateException("undo"))))
                    .handle((ignored, error) -> error).join();

            assertThat(failed).hasRootCauseMessage("undo");
            assertThat(seen).containsExactly(4L, 1L, 3L);
            assertThat(rows(items, "name", "qty", "note")).containsExactly(
                    row("a", 1, null), row("b", 2, null), row("c", 3, null), row("d", 4, null));
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void badWritesAreRefusedBeforeAnySql(LiveDatabase database) {
        List<String> log = new CopyOnWriteArrayList<>();
        try (LiveSession live = database.session(quiet().logging(log::add))) {
            Model items = items(live, false);
            log.clear();

            assertThat(failure(items.update(Map.of("note", "x"), UpdateOptions.options()), ValidationError.class)
                    .getMessage()).startsWith("update: missing where");
            assertThat(failure(items.update(Map.of("nme", "x"), UpdateOptions.options().where(Map.of())),
                    ValidationError.class).getMessage()).contains("nme");
            assertThat(failure(items.update(Map.of("qty", "many"), UpdateOptions.options().where(Map.of())),
                    ValidationError.class).getMessage()).contains("qty");
            assertThat(failure(items.update(null, UpdateOptions.options().where(Map.of())), ValidationError.class)
                    .getMessage()).isEqualTo("update: values must not be null");
            assertThat(failure(items.destroy(DestroyOptions.options()), ValidationError.class).getMessage())
                    .startsWith("destroy: missing where");
            assertThat(failure(items.increment(List.of("name"), IncrementOptions.options().where(Map.of())),
                    ValidationError.class)).isNotNull();
            assertThat(failure(items.increment(List.of("qty"), IncrementOptions.options()), ValidationError.class)
                    .getMessage()).startsWith("increment: missing where");
            assertThat(log).isEmpty();
            assertThat(rows(items, "name", "qty")).containsExactly(row("a", 1), row("b", 2), row("c", 3), row("d", 4));
        }
    }

    // ---- bulkCreate, upsert, restore, truncate --------------------------------------------------------

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void bulkCreateInsertsEveryRowAndAnswersThemWithTheirKeys(LiveDatabase database) {
        try (LiveSession live = database.session(quiet())) {
            Model items = items(live, false);

            List<ModelInstance> created = items.bulkCreate(List.of(Map.of("name", "e", "qty", 5),
                    Map.of("name", "f", "note", "x"), Map.of("name", "g", "qty", 7))).join();

            assertThat(created).extracting(i -> i.get("id"), i -> i.get("name"), i -> i.get("qty"), i -> i.get("note"),
                    i -> i.get("createdAt")).containsExactly(
                    tuple(5, "e", 5, null, NOW), tuple(6, "f", null, "x", NOW), tuple(7, "g", 7, null, NOW));
            assertThat(rows(items, "id", "name", "qty")).endsWith(row(5, "e", 5), row(6, "f", null), row(7, "g", 7));
            assertThat(items.bulkCreate(List.of()).join()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void aBulkCreateBeyondTheParameterCapRunsEveryPartAndAllOrNothingLands(LiveDatabase database) {
        try (LiveSession live = database.session(quiet())) {
            Model items = live.define("many", List.of(attribute("name", DataTypes.STRING).allowNull(false),
                    attribute("qty", DataTypes.INTEGER)), ModelOptions.options().timestamps(false));
            items.sync(true).join();
            // 12,000 rows of 3 values (id, name, qty): 36,000 parameters, beyond SQLite's 32,766.
            List<Map<String, Object>> rows = IntStream.rangeClosed(1, 12_000)
                    .mapToObj(i -> Map.<String, Object>of("id", i, "name", "n" + i, "qty", i)).toList();
            List<Map<String, Object>> clashing = new ArrayList<>(rows);
            clashing.set(11_999, Map.of("id", 1, "name", "again", "qty", 0));   // in the last part on SQLite

            failure(items.bulkCreate(clashing, BulkCreateOptions.options().returning(false)), UniqueConstraintError.class);
            assertThat(items.count().join()).isZero();

            List<ModelInstance> created = items.bulkCreate(rows).join();
            assertThat(created).hasSize(12_000);
            assertThat(created.get(11_999).dataValues()).containsEntry("id", 12_000).containsEntry("name", "n12000");
            assertThat(items.count().join()).isEqualTo(12_000L);
            assertThat(items.sum("qty").join()).isEqualTo(72_006_000L);
        }
    }

    /**
     * SQLite sends a plain INSERT here and counts the keys back from {@code last_insert_rowid()} of each part
     * ({@code lastID - changes + 1}, as Sequelize does); the keys must be the stored rows' on every database,
     * in every part, after rows already there.
     */
    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void aSplitBulkCreateWithGeneratedKeysAnswersEveryRowWithItsStoredKey(LiveDatabase database) {
        try (LiveSession live = database.session(quiet())) {
            Model items = live.define("keyed", List.of(attribute("name", DataTypes.STRING).allowNull(false),
                    attribute("qty", DataTypes.INTEGER)), ModelOptions.options());
            items.sync(true).join();
            items.bulkCreate(List.of(Map.of("name", "before", "qty", 0), Map.of("name", "gone", "qty", 0))).join();
            items.destroy(DestroyOptions.options().where(Map.of("name", "gone"))).join();
            // 12,000 rows of 4 values (name, qty, createdAt, updatedAt) and the key: beyond SQLite's 32,766 values.
            List<Map<String, Object>> rows = IntStream.rangeClosed(1, 12_000)
                    .mapToObj(i -> Map.<String, Object>of("name", "n" + i, "qty", i)).toList();

            List<ModelInstance> created = items.bulkCreate(rows).join();

            Map<Object, Object> stored = new java.util.HashMap<>();
            items.findAll().join().forEach(row -> stored.put(row.get("id"), row.dataValues()));
            assertThat(created).hasSize(12_000);
            for (ModelInstance instance : created) {
                assertThat(stored.get(instance.get("id"))).as("the stored row of key %s", instance.get("id"))
                        .isEqualTo(instance.dataValues());
            }
            assertThat(created.get(0).get("id")).isEqualTo(3);
            assertThat(created.get(11_999).dataValues()).containsEntry("id", 12_002).containsEntry("name", "n12000")
                    .containsEntry("qty", 12_000).containsEntry("createdAt", NOW);
        }
    }

    /**
     * A column left to a literal default holds what the database put there, so the row is read back where the
     * database can hand it back (everywhere but MySQL), SQLite included, which otherwise reads only the key.
     */
    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void aLiteralDefaultComesBackWhereTheDatabaseHandsTheRowBack(LiveDatabase database) {
        try (LiveSession live = database.session(quiet())) {
            Model things = live.define("thing", List.of(attribute("name", DataTypes.STRING),
                    attribute("score", DataTypes.INTEGER).defaultValue(dev.sequelj.ast.model.DefaultValue.literal("42"))),
                    ModelOptions.options().timestamps(false));
            things.sync(true).join();
            boolean handsBack = live.sequelize().dialect().insertReturning() != Dialect.InsertReturning.GENERATED_KEY;

            ModelInstance one = things.create(Map.of("name", "a")).join();
            List<ModelInstance> many = things.bulkCreate(List.of(Map.of("name", "b"), Map.of("name", "c"))).join();

            assertThat(one.get("id")).isEqualTo(1);
            assertThat(one.get("score")).isEqualTo(handsBack ? 42 : null);
            assertThat(many).extracting(i -> i.get("id"), i -> i.get("name"), i -> i.get("score"))
                    .containsExactly(tuple(2, "b", handsBack ? 42 : null), tuple(3, "c", handsBack ? 42 : null));
            assertThat(things.findByPk(3).join().orElseThrow().get("score")).isEqualTo(42);
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void bulkCreateSkipsOrUpdatesDuplicates(LiveDatabase database) {
        try (LiveSession live = database.session(quiet())) {
            Model items = items(live, false);

            items.bulkCreate(List.of(Map.of("id", 2, "name", "B"), Map.of("id", 5, "name", "e")),
                    BulkCreateOptions.options().ignoreDuplicates(true)).join();
            assertThat(rows(items, "id", "name")).containsExactly(row(1, "a"), row(2, "b"), row(3, "c"), row(4, "d"), row(5, "e"));

            items.bulkCreate(List.of(Map.of("id", 1, "name", "A", "qty", 10), Map.of("id", 6, "name", "f", "qty", 6)),
                    BulkCreateOptions.options().updateOnDuplicate("name")).join();
            assertThat(rows(items, "id", "name", "qty")).containsExactly(row(1, "A", 1), row(2, "b", 2), row(3, "c", 3),
                    row(4, "d", 4), row(5, "e", null), row(6, "f", 6));

            assertThat(failure(items.bulkCreate(List.of(Map.of("name", "ok"), Map.of("qty", 1))), ValidationError.class)
                    .getMessage()).startsWith("rows[1]: ");
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void upsertInsertsThenUpdatesAndSaysSoWhereTheDatabaseCan(LiveDatabase database) {
        try (LiveSession live = database.session(quiet())) {
            Model items = items(live, false);

            UpsertResult inserted = items.upsert(Map.of("id", 9, "name", "i", "qty", 1)).join();
            UpsertResult updated = items.upsert(Map.of("id", 9, "name", "I", "qty", 2)).join();

            assertThat(inserted.instance().dataValues()).containsEntry("id", 9).containsEntry("name", "i").containsEntry("qty", 1);
            assertThat(updated.instance().dataValues()).containsEntry("id", 9).containsEntry("name", "I").containsEntry("qty", 2)
                    .containsOnlyKeys("id", "name", "qty", "note", "createdAt", "updatedAt");
            if (database == LiveDatabase.MYSQL || database == LiveDatabase.MSSQL) {
                assertThat(inserted.created()).contains(true);
                assertThat(updated.created()).contains(false);
            } else {
                assertThat(inserted.created()).isEmpty();
                assertThat(updated.created()).isEmpty();
            }
            assertThat(rows(items, "id", "name", "qty")).endsWith(row(9, "I", 2)).hasSize(5);
        }
    }

    /** SQL Server's MERGE says created through {@code OUTPUT $action}: also without returning, and false when it did nothing. */
    @Test
    void sqlServersMergeSaysCreatedWithoutReturningAndWhenItChangedNothing() {
        try (LiveSession live = LiveDatabase.MSSQL.session(quiet())) {
            Model items = items(live, false);
            UpsertOptions noRows = UpsertOptions.options().returning(false);

            assertThat(items.upsert(Map.of("id", 9, "name", "i"), noRows).join().created()).contains(true);
            assertThat(items.upsert(Map.of("id", 9, "name", "I"), noRows).join().created()).contains(false);

            Model tags = live.define("tag", List.of(attribute("label", DataTypes.STRING)), ModelOptions.options().timestamps(false));
            tags.sync(true).join();
            UpsertResult inserted = tags.upsert(Map.of("id", 1)).join();   // no WHEN MATCHED: an existing row outputs nothing
            UpsertResult untouched = tags.upsert(Map.of("id", 1)).join();
            assertThat(inserted.created()).contains(true);
            assertThat(untouched.created()).contains(false);
            assertThat(untouched.instance().dataValues()).containsOnlyKeys("id", "label").containsEntry("id", 1);
            assertThat(rows(items, "id", "name")).endsWith(row(9, "I"));
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void restoreBringsBackSoftDeletedRows(LiveDatabase database) {
        try (LiveSession live = database.session(quiet())) {
            Model items = items(live, true);
            items.destroy(DestroyOptions.options().where(Map.of())).join();
            assertThat(items.count().join()).isZero();

            items.restore(RestoreOptions.options().where(Map.of("name", "b"))).join();
            assertThat(items.findAll().join()).extracting(i -> i.get("name")).containsExactly("b");
            items.restore().join();
            assertThat(items.count().join()).isEqualTo(4L);

            Model plain = items(live, false);
            assertThat(failure(plain.restore(), ValidationError.class).getMessage()).contains("is not paranoid");
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void truncateEmptiesTheTableOrSoftDeletesEveryRow(LiveDatabase database) {
        try (LiveSession live = database.session(quiet())) {
            Model items = items(live, false);
            items.truncate(DestroyOptions.options().restartIdentity(true)).join();
            assertThat(items.count().join()).isZero();
            assertThat(items.create(Map.of("name", "z")).join().get("id")).isEqualTo(1);

            Model soft = items(live, true);
            soft.truncate().join();
            assertThat(soft.count().join()).isZero();
            assertThat(rows(soft, "name", "deletedAt")).hasSize(4).allSatisfy(r -> assertThat(r.get(1)).isEqualTo(NOW));
            soft.truncate(DestroyOptions.options().force(true)).join();
            assertThat(rows(soft, "name")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void bulkCreateAndUpsertInATransactionAreUndoneWithIt(LiveDatabase database) {
        try (LiveSession live = database.session(quiet())) {
            Model items = items(live, false);
            Transaction t = live.sequelize().transaction().join();
            assertThat(items.bulkCreate(List.of(Map.of("name", "x"), Map.of("name", "y")), t).join()).hasSize(2);
            items.upsert(Map.of("id", 1, "name", "changed"), t).join();
            items.destroy(DestroyOptions.options().where(Map.of()), t).join();
            assertThat(items.count(t).join()).isZero();
            t.rollback().join();

            assertThat(rows(items, "id", "name")).containsExactly(row(1, "a"), row(2, "b"), row(3, "c"), row(4, "d"));
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void createWithOptionsWritesOnlyTheFieldsAndSkipsDuplicates(LiveDatabase database) {
        try (LiveSession live = database.session(quiet())) {
            Model items = items(live, false);

            ModelInstance only = items.create(Map.of("name", "e", "qty", 5, "note", "dropped"),
                    CreateOptions.options().fields("name")).join();
            assertThat(only.get("id")).isEqualTo(5);
            assertThat(only.get("name")).isEqualTo("e");
            assertThat(rows(items, "id", "name", "qty", "note")).endsWith(row(5, "e", null, null));

            ModelInstance skipped = items.create(Map.of("id", 1, "name", "not a"),
                    CreateOptions.options().ignoreDuplicates(true)).join();
            assertThat(skipped.get("name")).isEqualTo("not a");
            assertThat(rows(items, "id", "name")).startsWith(row(1, "a")).hasSize(5);

            ModelInstance quiet = items.create(Map.of("name", "f"), CreateOptions.options().returning(false)).join();
            assertThat(quiet.get("name")).isEqualTo("f");
            assertThat(items.count().join()).isEqualTo(6L);
        }
    }
}
