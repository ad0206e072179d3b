package dev.sequelj.executor.live;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.finder.FindOptions;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.executor.Model;
import dev.sequelj.executor.ModelInstance;
import dev.sequelj.executor.SaveOptions;
import dev.sequelj.executor.SequelizeOptions;
import dev.sequelj.executor.Transaction;
import dev.sequelj.executor.error.InstanceError;
import dev.sequelj.executor.testing.LiveDatabase;
import dev.sequelj.executor.testing.LiveSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.sequelj.ast.model.Attribute.attribute;
import static dev.sequelj.executor.testing.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Instances as Sequelize has them, on every live database: {@code set}/{@code changed}/{@code previous},
 * {@code save} (the INSERT of a built instance; the UPDATE of the changed attributes only; nothing at all
 * when nothing changed), {@code update}, {@code destroy} (soft on a paranoid model, {@code force}),
 * {@code restore}, {@code reload}, {@code increment}/{@code decrement}, each checked against the statements
 * sent and the rows read back.
 */
class InstancesLiveTest {
    private static final Instant T0 = Instant.parse("2024-01-15T10:30:45.123Z");
    private static final Instant T1 = Instant.parse("2024-02-20T08:15:30.456Z");

    /** A clock the test moves, so {@code updatedAt} is known. */
    private static final class MovableClock extends Clock {
        private volatile Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final List<String> sent = new CopyOnWriteArrayList<>();

    private LiveSession open(LiveDatabase database) {
        return database.session(SequelizeOptions.options().clock(clock).logging(sent::add));
    }

    private Model users(LiveSession live, boolean paranoid) {
        Model users = live.define("user", List.of(
                attribute("firstName", DataTypes.STRING).allowNull(false),
                attribute("lastName", DataTypes.STRING),
                attribute("age", DataTypes.INTEGER).defaultValue(30)),
                ModelOptions.options().paranoid(paranoid));
        users.sync(true).join();
        return users;
    }

    /** The statements sent since the last call, without the log's prefix. */
    private List<String> statements() {
        List<String> copy = sent.stream().map(line -> line.substring(line.indexOf("): ") + 3)).toList();
        sent.clear();
        return copy;
    }

    private static ModelInstance only(Model users, FindOptions options) {
        List<ModelInstance> rows = users.findAll(options).join();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    /** The dialect's quotes around a name. */
    private static String q(LiveDatabase database, String name) {
        return switch (database) {
            case MYSQL, MARIADB, SQLITE -> "`" + name + "`";
            case POSTGRES -> "\"" + name + "\"";
            case MSSQL -> "[" + name + "]";
        };
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void saveWritesOnlyTheChangedAttributesAndNothingWhenNothingChanged(LiveDatabase database) {
        try (LiveSession live = open(database)) {
            Model users = users(live, false);
            ModelInstance jane = users.create(Map.of("firstName", "Jane", "lastName", "Roe")).join();
            assertThat(jane.isNewRecord()).isFalse();
            assertThat(jane.changed()).isEmpty();

            jane.set("lastName", "Doe");
            assertThat(jane.changed()).containsExactly("lastName");
            assertThat(jane.changed("lastName")).isTrue();
            assertThat(jane.changed("firstName")).isFalse();
            assertThat(jane.previous("lastName")).isEqualTo("Roe");
            assertThat(jane.previous()).isEqualTo(Map.of("lastName", "Roe"));
            jane.set("lastName", "Roe");
            assertThat(jane.changed()).as("set back to the loaded value").isEmpty();
            jane.set("lastName", "Doe");

            clock.now = T1;
            statements();
            assertThat(jane.save().join()).isSameAs(jane);
            List<String> update = statements();
            assertThat(update).hasSize(1);
            String table = q(database, users.getTableName());
            assertThat(update.get(0)).startsWith("UPDATE " + table + " SET " + q(database, "lastName") + "=")
                    .contains(q(database, "updatedAt") + "=")
                    .doesNotContain(q(database, "firstName")).doesNotContain(q(database, "age"))
                    .contains("WHERE " + q(database, "id") + " = ");
            assertThat(jane.changed()).isEmpty();
            assertThat(jane.get("updatedAt")).as("updatedAt refreshed in the instance").isNotEqualTo(jane.get("createdAt"));

            ModelInstance stored = only(users, FindOptions.options().where(Map.of("id", jane.get("id"))));
            assertThat(stored.get("lastName")).isEqualTo("Doe");
            assertThat(stored.get("firstName")).isEqualTo("Jane");
            assertThat(stored.get("updatedAt")).as("the instance holds what the database stored").isEqualTo(jane.get("updatedAt"));
            assertThat(stored.get("createdAt")).isEqualTo(jane.get("createdAt"));
            assertThat((Instant) stored.get("updatedAt")).isAfter((Instant) stored.get("createdAt"));

            statements();
            jane.save().join();
            jane.set("lastName", "Doe").save().join();
            assertThat(statements()).as("nothing changed: no SQL at all").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void aBuiltInstanceIsInsertedBySaveAndThenUpdated(LiveDatabase database) {
        try (LiveSession live = open(database)) {
            Model users = users(live, false);
            ModelInstance built = users.build(Map.of("firstName", "Ann"));
            assertThat(built.isNewRecord()).isTrue();
            assertThat(built.get("age")).as("the default, filled in by build").isEqualTo(30);
            assertThat(built.get("id")).isNull();
            statements();

            built.save().join();
            assertThat(statements()).singleElement().asString().startsWith("INSERT INTO");
            assertThat(built.isNewRecord()).isFalse();
            assertThat(built.get("id")).as("the generated key").isNotNull();
            assertThat(((Instant) built.get("createdAt")).getEpochSecond()).isEqualTo(T0.getEpochSecond());

            built.set("age", 31).save().join();
            assertThat(statements()).singleElement().asString().startsWith("UPDATE");
            ModelInstance stored = only(users, FindOptions.options().where(Map.of("id", built.get("id"))));
            assertThat(stored.get("age")).isEqualTo(31);
            assertThat(stored.get("firstName")).isEqualTo("Ann");
            assertThat(stored.get("createdAt")).as("the instance holds what was stored").isEqualTo(built.get("createdAt"));
            assertThat(users.findAll().join()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void updateSavesOnlyTheGivenValuesAndLeavesOtherChangesPending(LiveDatabase database) {
        try (LiveSession live = open(database)) {
            Model users = users(live, false);
            ModelInstance jane = users.create(Map.of("firstName", "Jane", "lastName", "Roe")).join();
            jane.set("firstName", "Janet");
            jane.update(Map.of("age", 40)).join();
            assertThat(jane.changed()).as("firstName still pending").containsExactly("firstName");
            ModelInstance stored = only(users, FindOptions.options().where(Map.of("id", jane.get("id"))));
            assertThat(stored.get("age")).isEqualTo(40);
            assertThat(stored.get("firstName")).isEqualTo("Jane");
            jane.save().join();
            assertThat(only(users, FindOptions.options()).get("firstName")).isEqualTo("Janet");
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void saveWithFieldsWritesOnlyThoseAndSilentLeavesUpdatedAt(LiveDatabase database) {
        try (LiveSession live = open(database)) {
            Model users = users(live, false);
            ModelInstance jane = users.create(Map.of("firstName", "Jane", "age", 20)).join();
            Object stamped = jane.get("updatedAt");
            clock.now = T1;
            jane.set("lastName", "Doe").set("age", 21);
            jane.save(SaveOptions.options().fields("lastName").silent(true)).join();
            assertThat(jane.changed()).as("age still pending").containsExactly("age");
            assertThat(jane.get("updatedAt")).isEqualTo(stamped);
            ModelInstance stored = only(users, FindOptions.options());
            assertThat(stored.get("lastName")).isEqualTo("Doe");
            assertThat(stored.get("age")).isEqualTo(20);
            assertThat(stored.get("updatedAt")).as("silent").isEqualTo(stamped);
            failure(jane.save(SaveOptions.options().fields("agee")), ValidationError.class);

            ModelInstance built = users.build(Map.of("firstName", "Ann", "lastName", "Roe"));
            built.save(SaveOptions.options().fields("firstName")).join();
            assertThat(only(users, FindOptions.options().where(Map.of("firstName", "Ann"))).get("lastName"))
                    .as("only the fields are inserted").isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void destroyOnAParanoidModelSoftDeletesAndRestoreAndForceWork(LiveDatabase database) {
        try (LiveSession live = open(database)) {
            Model users = users(live, true);
            ModelInstance jane = users.create(Map.of("firstName", "Jane")).join();
            Object id = jane.get("id");
            clock.now = T1;
            jane.destroy().join();
            assertThat(users.findAll().join()).as("soft-deleted rows are not found").isEmpty();
            ModelInstance deleted = only(users, FindOptions.options().paranoid(false));
            assertThat(deleted.get("deletedAt")).isNotNull().isEqualTo(jane.get("deletedAt"));

            jane.restore().join();
            assertThat(jane.get("deletedAt")).isNull();
            assertThat(only(users, FindOptions.options()).get("id")).isEqualTo(id);

            jane.destroy(true).join();
            assertThat(users.findAll(FindOptions.options().paranoid(false)).join()).as("forced: gone for good").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void destroyDeletesTheRowAndRestoreNeedsAParanoidModel(LiveDatabase database) {
        try (LiveSession live = open(database)) {
            Model users = users(live, false);
            ModelInstance jane = users.create(Map.of("firstName", "Jane")).join();
            ModelInstance john = users.create(Map.of("firstName", "John")).join();
            jane.destroy().join();
            assertThat(users.findAll().join()).extracting(row -> row.get("firstName")).containsExactly("John");
            statements();
            failure(john.restore(), ValidationError.class);
            assertThat(statements()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void reloadReadsTheRowAgainAndFailsForAGoneRow(LiveDatabase database) {
        try (LiveSession live = open(database)) {
            Model users = users(live, false);
            ModelInstance jane = users.create(Map.of("firstName", "Jane")).join();
            ModelInstance other = only(users, FindOptions.options());
            other.set("age", 55).save().join();

            jane.set("lastName", "Pending");
            assertThat(jane.reload().join()).isSameAs(jane);
            assertThat(jane.get("age")).isEqualTo(55);
            assertThat(jane.get("lastName")).as("a pending change is dropped by reload").isNull();
            assertThat(jane.changed()).isEmpty();

            other.destroy().join();
            InstanceError gone = failure(jane.reload(), InstanceError.class);
            assertThat(gone).hasMessageContaining("does not exist anymore");
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void incrementAndDecrementAreComputedByTheDatabase(LiveDatabase database) {
        try (LiveSession live = open(database)) {
            Model users = users(live, false);
            ModelInstance jane = users.create(Map.of("firstName", "Jane", "age", 20)).join();
            ModelInstance other = only(users, FindOptions.options());
            other.increment("age", 5).join(); // 25, behind jane's back

            jane.increment("age", 2).join();
            if (database == LiveDatabase.POSTGRES || database == LiveDatabase.SQLITE || database == LiveDatabase.MSSQL) {
                assertThat(jane.get("age")).as("the row the UPDATE handed back").isEqualTo(27);
                assertThat(jane.changed()).isEmpty();
            }
            jane.reload().join();
            assertThat(jane.get("age")).as("computed by the database: 20 + 5 + 2").isEqualTo(27);
            jane.decrement(Map.of("age", 7)).join();
            assertThat(only(users, FindOptions.options()).get("age")).isEqualTo(20);
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void badValuesAreRefusedBeforeAnySql(LiveDatabase database) {
        try (LiveSession live = open(database)) {
            Model users = users(live, false);
            ModelInstance jane = users.create(Map.of("firstName", "Jane")).join();
            statements();
            assertThatThrownBy(() -> jane.set("firstNam", "x")).isInstanceOf(ValidationError.class)
                    .hasMessageContaining("firstName");
            assertThatThrownBy(() -> jane.set("age", "ten")).isInstanceOf(ValidationError.class)
                    .hasMessageContaining("user.age");
            assertThatThrownBy(() -> jane.set(Map.of("lastName", "ok", "age", "ten"))).isInstanceOf(ValidationError.class);
            assertThat(jane.changed()).as("a refused set(map) changes nothing").isEmpty();
            failure(jane.update(Map.of("nope", 1)), ValidationError.class);

            jane.set("firstName", null);
            failure(jane.save(), ValidationError.class).getMessage().contains("notNull");
            assertThat(statements()).as("no SQL for refused input").isEmpty();
            assertThatThrownBy(() -> users.build(Map.of("agee", 1))).isInstanceOf(ValidationError.class);
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void writesTakeATransaction(LiveDatabase database) {
        try (LiveSession live = open(database)) {
            Model users = users(live, true);
            ModelInstance jane = users.create(Map.of("firstName", "Jane")).join();
            Transaction t = live.sequelize().transaction().join();
            jane.set("lastName", "Doe").save(t).join();
            users.build(Map.of("firstName", "Ghost")).save(t).join();
            jane.destroy(t).join();
            t.rollback().join();
            ModelInstance stored = only(users, FindOptions.options());
            assertThat(stored.get("lastName")).as("rolled back").isNull();
            assertThat(stored.get("deletedAt")).isNull();
        }
    }
}
