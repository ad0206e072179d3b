package dev.sequelj.ast.finder;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.ComparisonOperator;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.ast.statement.Assignment;
import dev.sequelj.ast.statement.OnDuplicate;
import dev.sequelj.ast.statement.Statement;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.sequelj.ast.finder.FindOptions.options;
import static dev.sequelj.ast.finder.Where.col;
import static dev.sequelj.ast.model.Attribute.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WriteStatementsTest {
    private static final Instant NOW = Instant.parse("2024-01-15T10:30:45.123456Z");
    private static final ModelDefinition USER = ModelDefinition.define("user", List.of(
            attribute("firstName", DataTypes.STRING).allowNull(false),
            attribute("lastName", DataTypes.STRING).field("last_name"),
            attribute("age", DataTypes.INTEGER)), ModelOptions.options(), word -> word + "s");

    @Test
    void createListsGivenAttributesInDefinitionOrderWithTimestamps() {
        Statement.Insert insert = WriteStatements.create(USER, Map.of("age", 41, "firstName", "John"), NOW);

        Instant millis = Instant.parse("2024-01-15T10:30:45.123Z");
        assertThat(insert.table()).isEqualTo(dev.sequelj.ast.statement.TableName.of("users"));
        assertThat(insert.autoIncrementColumn()).isEqualTo(Option.some("id"));
        assertThat(insert.columns().toJavaList()).containsExactly("firstName", "age", "createdAt", "updatedAt");
        assertThat(insert.values().toJavaList()).containsExactly(
                param("John", DataTypes.STRING), param(41, DataTypes.INTEGER),
                param(millis, DataTypes.DATE), param(millis, DataTypes.DATE));
        assertThat(insert.returning().toJavaList())
                .containsExactly("id", "firstName", "last_name", "age", "createdAt", "updatedAt");
    }

    @Test
    void aGivenCreatedAtIsKeptButUpdatedAtIsAlwaysNow() {
        Instant earlier = Instant.parse("2020-01-01T00:00:00Z");
        Statement.Insert insert = WriteStatements.create(USER, Map.of("firstName", "J", "createdAt", earlier), NOW);
        assertThat(insert.values().get(1)).isEqualTo(param(earlier, DataTypes.DATE));
    }

    @Test
    void aGivenKeyIsInsertedAndNotLeftToTheDatabase() {
        Statement.Insert insert = WriteStatements.create(USER, Map.of("id", 7, "firstName", "J"), NOW);
        assertThat(insert.autoIncrementColumn()).isEqualTo(Option.some("id"));
        assertThat(insert.columns().head()).isEqualTo("id");
    }

    @Test
    void createRefusesUnknownAttributesWrongTypesAndMissingRequiredValues() {
        assertThatThrownBy(() -> WriteStatements.create(USER, Map.of("firstName", "J", "nickname", "x"), NOW))
                .isInstanceOf(ValidationError.class)
                .hasMessage("model 'user' has no attribute 'nickname'; its attributes are id, firstName, lastName, age, createdAt, updatedAt");
        assertThatThrownBy(() -> WriteStatements.create(USER, Map.of("firstName", "J", "age", "forty"), NOW))
                .isInstanceOf(ValidationError.class)
                .hasMessage("user.age is INTEGER and cannot take String \"forty\"; allowed: Integer, Short, Byte, or a Long/BigInteger within 32 bits");
        assertThatThrownBy(() -> WriteStatements.create(USER, Map.of("age", 3), NOW))
                .isInstanceOf(ValidationError.class)
                .hasMessage("notNull Violation: user.firstName cannot be null (no value was given)");
        Map<String, Object> explicitNull = new HashMap<>();
        explicitNull.put("firstName", null);
        assertThatThrownBy(() -> WriteStatements.create(USER, explicitNull, NOW))
                .isInstanceOf(ValidationError.class)
                .hasMessage("notNull Violation: user.firstName cannot be null");
    }

    @Test
    void anIntegerOutsideThirtyTwoBitsIsRefused() {
        assertThatThrownBy(() -> WriteStatements.create(USER, Map.of("firstName", "J", "age", 1L << 40), NOW))
                .isInstanceOf(ValidationError.class)
                .hasMessageStartingWith("user.age is INTEGER and cannot take Long 1099511627776");
        assertThat(WriteStatements.create(USER, Map.of("firstName", "J", "age", 12L), NOW).values().get(1))
                .isEqualTo(param(12, DataTypes.INTEGER));
    }

    // ---- the writes beyond create (helper D) ----------------------------------------------------

    /** A paranoid user, built directly: the paranoid model option arrives with the model options' work. */
    private static final ModelDefinition PARANOID = new ModelDefinition(USER.name(), USER.table(),
            USER.attributes().put("deletedAt", attribute("deletedAt", DataTypes.DATE).field("deleted_at")),
            USER.createdAt(), USER.updatedAt(), Option.some("deletedAt"), io.vavr.collection.Vector.empty());
    private static final Instant MILLIS = Instant.parse("2024-01-15T10:30:45.123Z");

    @Test
    void createOptionsChooseColumnsReturningAndDuplicates() {
        Statement.Insert insert = WriteStatements.create(USER, Map.of("firstName", "J", "age", 3),
                CreateOptions.options().fields("firstName").returning(Returning.attributes("id", "lastName"))
                        .ignoreDuplicates(true), NOW);
        assertThat(insert.columns()).containsExactly("firstName", "createdAt", "updatedAt");
        assertThat(insert.returning()).containsExactly("id", "last_name");
        assertThat(insert.onDuplicate()).isEqualTo(OnDuplicate.IGNORE);
        assertThat(WriteStatements.create(USER, Map.of("firstName", "J"), CreateOptions.options().returning(false), NOW)
                .returning()).isEmpty();
    }

    @Test
    void silentCreateKeepsAGivenUpdatedAtAndOtherwiseHasNone() {
        Instant earlier = Instant.parse("2020-01-01T00:00:00Z");
        Statement.Insert kept = WriteStatements.create(USER, Map.of("firstName", "J", "updatedAt", earlier),
                CreateOptions.options().silent(true), NOW);
        assertThat(kept.values().last()).isEqualTo(param(earlier, DataTypes.DATE));
        assertThatThrownBy(() -> WriteStatements.create(USER, Map.of("firstName", "J"), CreateOptions.options().silent(true), NOW))
                .isInstanceOf(ValidationError.class)
                .hasMessage("notNull Violation: user.updatedAt cannot be null (no value was given)");
    }

    @Test
    void bulkCreateTakesTheColumnsOfAllRowsAndLeavesMissingKeysToTheDatabase() {
        Statement.BulkInsert insert = WriteStatements.bulkCreate(USER, List.of(
                Map.of("firstName", "A", "age", 1), Map.of("id", 9, "firstName", "B", "lastName", "L")),
                BulkCreateOptions.options(), NOW).get();

        assertThat(insert.columns()).containsExactly("id", "firstName", "last_name", "age", "createdAt", "updatedAt");
        assertThat(insert.types()).containsExactly(DataTypes.INTEGER, DataTypes.STRING, DataTypes.STRING, DataTypes.INTEGER,
                DataTypes.DATE, DataTypes.DATE);
        // A row not giving a column sends NULL for it, or leaves the auto-increment key to the database.
        assertThat(insert.rows().get(0)).containsExactly(Statement.BulkInsert.Generated.KEY, "A", null, 1, MILLIS, MILLIS);
        assertThat(insert.rows().get(1)).containsExactly(9, "B", "L", null, MILLIS, MILLIS);
        assertThat(insert.onDuplicate()).isEqualTo(OnDuplicate.REFUSE);
        assertThat(insert.returning()).hasSize(6);
    }

    @Test
    void bulkCreateAndUpsertFillInDefaultsRowByRowAsCreateDoes() {
        ModelDefinition item = ModelDefinition.define("item", List.of(
                attribute("code", DataTypes.UUID).primaryKey(true).defaultValue(DataTypes.UUIDV4),
                attribute("qty", DataTypes.INTEGER).allowNull(false).defaultValue(1),
                attribute("stamp", DataTypes.DATE).allowNull(false)
                        .defaultValue(dev.sequelj.ast.model.DefaultValue.literal("CURRENT_TIMESTAMP")),
                attribute("note", DataTypes.STRING)), ModelOptions.options().timestamps(false));
        dev.sequelj.ast.model.UuidGenerator uuids = dev.sequelj.ast.model.UuidGenerator.sequential();

        Statement.BulkInsert insert = WriteStatements.bulkCreate(item, List.of(Map.of("note", "a"), Map.of("qty", 5)),
                BulkCreateOptions.options(), NOW, uuids).get();

        // The literal default is the column's DEFAULT: left out, so the database fills it in.
        assertThat(insert.columns()).containsExactly("code", "qty", "note");
        assertThat(insert.types()).containsExactly(DataTypes.UUID, DataTypes.INTEGER, DataTypes.STRING);
        assertThat(insert.rows()).containsExactly(
                io.vavr.collection.Array.of(java.util.UUID.fromString("00000000-0000-4000-8000-000000000001"), 1, "a"),
                io.vavr.collection.Array.of(java.util.UUID.fromString("00000000-0000-4000-8000-000000000002"), 5, null));

        Statement.Upsert upsert = WriteStatements.upsert(item, Map.of("note", "b"), UpsertOptions.options(), NOW, uuids);
        assertThat(upsert.columns()).containsExactly("code", "qty", "note");
        assertThat(upsert.values()).containsExactly(param(java.util.UUID.fromString("00000000-0000-4000-8000-000000000003"),
                DataTypes.UUID), param(1, DataTypes.INTEGER), param("b", DataTypes.STRING));
        assertThat(upsert.updateColumns()).as("defaults are inserted, never overwrite").containsExactly("note");
        assertThatThrownBy(() -> WriteStatements.create(item, java.util.Collections.singletonMap("stamp", null), NOW, uuids))
                .isInstanceOf(ValidationError.class)
                .hasMessage("notNull Violation: item.stamp cannot be null");
    }

    @Test
    void bulkCreateOfNoRowsIsNothingAndABadRowIsNamed() {
        assertThat(WriteStatements.bulkCreate(USER, List.of(), BulkCreateOptions.options(), NOW)).isEmpty();
        assertThatThrownBy(() -> WriteStatements.bulkCreate(USER, List.of(Map.of("firstName", "A"), Map.of("age", 2)),
                BulkCreateOptions.options(), NOW))
                .isInstanceOf(ValidationError.class)
                .hasMessage("rows[1]: notNull Violation: user.firstName cannot be null (no value was given)");
    }

    @Test
    void bulkCreateUpdatesOnTheKeyOrTheNamedAttributes() {
        Statement.BulkInsert onKey = WriteStatements.bulkCreate(USER, List.of(Map.of("id", 1, "firstName", "A")),
                BulkCreateOptions.options().updateOnDuplicate("firstName", "lastName"), NOW).get();
        assertThat(onKey.onDuplicate()).isEqualTo(new OnDuplicate.Update(Vector.of("id"), Vector.of("firstName", "last_name")));

        Statement.BulkInsert onNamed = WriteStatements.bulkCreate(USER, List.of(Map.of("id", 1, "firstName", "A")),
                BulkCreateOptions.options().updateOnDuplicate("age").conflictAttributes("lastName"), NOW).get();
        assertThat(onNamed.onDuplicate()).isEqualTo(new OnDuplicate.Update(Vector.of("last_name"), Vector.of("age")));

        assertThatThrownBy(() -> WriteStatements.bulkCreate(USER, List.of(Map.of("firstName", "A")),
                BulkCreateOptions.options().ignoreDuplicates(true).updateOnDuplicate("age"), NOW))
                .isInstanceOf(ValidationError.class)
                .hasMessage("bulkCreate: ignoreDuplicates and updateOnDuplicate exclude each other; give one of them");
        assertThatThrownBy(() -> BulkCreateOptions.options().updateOnDuplicate(List.of()))
                .isInstanceOf(ValidationError.class).hasMessage("updateOnDuplicate: give at least one attribute to update");
    }

    @Test
    void updateSetsGivenValuesInDefinitionOrderThenStampsUpdatedAt() {
        Statement.Update update = WriteStatements.update(USER, Map.of("age", 4, "lastName", "L"),
                UpdateOptions.options().where(Map.of("firstName", "J")), NOW).get();

        assertThat(update.assignments()).containsExactly(
                new Assignment.ToValue("last_name", param("L", DataTypes.STRING)),
                new Assignment.ToValue("age", param(4, DataTypes.INTEGER)),
                new Assignment.ToValue("updatedAt", param(MILLIS, DataTypes.DATE)));
        assertThat(update.where()).contains(new Expression.Comparison(
                new Expression.Column(Option.none(), "firstName"), ComparisonOperator.EQ, param("J", DataTypes.STRING)));
        assertThat(update.keyColumns()).containsExactly("id");
        assertThat(update.returning()).isEmpty();
    }

    @Test
    void updateOverridesAGivenUpdatedAtUnlessSilent() {
        Instant earlier = Instant.parse("2020-01-01T00:00:00Z");
        Map<String, Object> values = Map.of("age", 4, "updatedAt", earlier);
        assertThat(WriteStatements.update(USER, values, UpdateOptions.options().where(Map.of()), NOW).get().assignments().last())
                .isEqualTo(new Assignment.ToValue("updatedAt", param(MILLIS, DataTypes.DATE)));
        assertThat(WriteStatements.update(USER, values, UpdateOptions.options().where(Map.of()).silent(true), NOW).get()
                .assignments().last())
                .isEqualTo(new Assignment.ToValue("updatedAt", param(earlier, DataTypes.DATE)));
    }

    @Test
    void updateNeedsAWhereAndSendsNothingWithoutValues() {
        assertThatThrownBy(() -> WriteStatements.update(USER, Map.of("age", 1), UpdateOptions.options(), NOW))
                .isInstanceOf(ValidationError.class)
                .hasMessage("update: missing where attribute in the options parameter; give a where clause"
                        + " (an empty one, {}, matches every row)");
        assertThat(WriteStatements.update(USER, Map.of(), UpdateOptions.options().where(Map.of("id", 1)), NOW)).isEmpty();
        assertThat(WriteStatements.update(USER, Map.of("age", 1), UpdateOptions.options().where(Map.of("id", 1))
                .fields("lastName"), NOW)).isEmpty();
        assertThat(WriteStatements.update(USER, Map.of("age", 1), UpdateOptions.options().where(Map.of()), NOW).get().where())
                .isEmpty();
    }

    @Test
    void updateRefusesUnknownAttributesAndNullIntoRequiredOnes() {
        assertThatThrownBy(() -> WriteStatements.update(USER, Map.of("agee", 1), UpdateOptions.options().where(Map.of()), NOW))
                .isInstanceOf(ValidationError.class)
                .hasMessage("model 'user' has no attribute 'agee'; did you mean age?; its attributes are id, firstName,"
                        + " lastName, age, createdAt, updatedAt");
        Map<String, Object> nullName = new HashMap<>();
        nullName.put("firstName", null);
        assertThatThrownBy(() -> WriteStatements.update(USER, nullName, UpdateOptions.options().where(Map.of()), NOW))
                .isInstanceOf(ValidationError.class)
                .hasMessage("notNull Violation: user.firstName cannot be null");
    }

    @Test
    void aParanoidModelsUpdateSkipsSoftDeletedRowsUnlessParanoidIsOff() {
        Expression alive = new Expression.IsNull(new Expression.Column(Option.none(), "deleted_at"), false);
        Expression byId = new Expression.Comparison(new Expression.Column(Option.none(), "id"), ComparisonOperator.EQ,
                param(1, DataTypes.INTEGER));
        assertThat(WriteStatements.update(PARANOID, Map.of("age", 1), UpdateOptions.options().where(Map.of("id", 1)), NOW)
                .get().where()).contains(new Expression.And(Vector.of(alive, byId)));
        assertThat(WriteStatements.update(PARANOID, Map.of("age", 1),
                UpdateOptions.options().where(Map.of("id", 1)).paranoid(false), NOW).get().where()).contains(byId);
    }

    @Test
    void destroyDeletesOrOnAParanoidModelStampsDeletedAt() {
        Expression byId = new Expression.Comparison(new Expression.Column(Option.none(), "id"), ComparisonOperator.EQ,
                param(1, DataTypes.INTEGER));
        assertThat(WriteStatements.destroy(USER, DestroyOptions.options().where(Map.of("id", 1)).limit(2), NOW))
                .isEqualTo(new Statement.Delete(USER.table(), Option.some(byId), Option.some(2), Vector.of("id")));

        Expression alive = new Expression.IsNull(new Expression.Column(Option.none(), "deleted_at"), false);
        assertThat(WriteStatements.destroy(PARANOID, DestroyOptions.options().where(Map.of("id", 1)), NOW))
                .isEqualTo(new Statement.Update(PARANOID.table(),
                        Vector.of(new Assignment.ToValue("deleted_at", param(MILLIS, DataTypes.DATE))),
                        Option.some(new Expression.And(Vector.of(alive, byId))), Option.none(), Vector.of("id"), Vector.empty()));
        assertThat(WriteStatements.destroy(PARANOID, DestroyOptions.options().where(Map.of("id", 1)).force(true), NOW))
                .isInstanceOf(Statement.Delete.class);
    }

    @Test
    void destroyNeedsAWhereOrTruncate() {
        assertThatThrownBy(() -> WriteStatements.destroy(USER, DestroyOptions.options(), NOW))
                .isInstanceOf(ValidationError.class)
                .hasMessage("destroy: missing where or truncate attribute in the options parameter; give a where clause"
                        + " (an empty one, {}, deletes every row) or truncate: true");
        assertThat(WriteStatements.destroy(USER, DestroyOptions.options().where(Map.of()), NOW))
                .isEqualTo(new Statement.Delete(USER.table(), Option.none(), Option.none(), Vector.of("id")));
    }

    @Test
    void truncateIsDestroyWithTruncateSoAParanoidModelSoftDeletesEveryRow() {
        assertThat(WriteStatements.truncate(USER, DestroyOptions.options().cascade(true).restartIdentity(true), NOW))
                .isEqualTo(new Statement.Truncate(USER.table(), true, true));
        Statement soft = WriteStatements.truncate(PARANOID, DestroyOptions.options(), NOW);
        assertThat(soft).isInstanceOf(Statement.Update.class);
        assertThat(((Statement.Update) soft).where())
                .contains(new Expression.IsNull(new Expression.Column(Option.none(), "deleted_at"), false));
        assertThat(WriteStatements.truncate(PARANOID, DestroyOptions.options().force(true), NOW))
                .isEqualTo(new Statement.Truncate(PARANOID.table(), false, false));
    }

    @Test
    void restoreClearsDeletedAtOnAParanoidModelOnly() {
        assertThat(WriteStatements.restore(PARANOID, RestoreOptions.options()))
                .isEqualTo(new Statement.Update(PARANOID.table(),
                        Vector.of(new Assignment.ToValue("deleted_at", param(null, DataTypes.DATE))),
                        Option.none(), Option.none(), Vector.of("id"), Vector.empty()));
        assertThatThrownBy(() -> WriteStatements.restore(USER, RestoreOptions.options()))
                .isInstanceOf(ValidationError.class)
                .hasMessage("restore: model 'user' is not paranoid; only a paranoid model (paranoid: true) keeps"
                        + " soft-deleted rows to restore");
    }

    @Test
    void upsertInsertsGivenValuesAndOverwritesAllButCreatedAt() {
        Statement.Upsert upsert = WriteStatements.upsert(USER, Map.of("id", 3, "firstName", "J"),
                UpsertOptions.options(), NOW);
        assertThat(upsert.columns()).containsExactly("id", "firstName", "createdAt", "updatedAt");
        assertThat(upsert.conflictColumns()).containsExactly("id");
        assertThat(upsert.updateColumns()).containsExactly("id", "firstName", "updatedAt");
        assertThat(upsert.autoIncrementColumn()).contains("id");

        Statement.Upsert limited = WriteStatements.upsert(USER, Map.of("id", 3, "firstName", "J", "age", 2),
                UpsertOptions.options().fields("age").conflictFields("lastName").returning(false), NOW);
        assertThat(limited.updateColumns()).containsExactly("age", "updatedAt");
        assertThat(limited.conflictColumns()).containsExactly("last_name");
        assertThat(limited.returning()).isEmpty();
    }

    @Test
    void incrementAddsByTheAmountAndStampsUpdatedAt() {
        Statement.Update update = WriteStatements.increment(USER, List.of("age", "id"),
                IncrementOptions.options().where(Map.of("id", 1)).by(2), NOW);
        assertThat(update.assignments()).containsExactly(
                new Assignment.Increment("id", param(2, DataTypes.INTEGER), false),
                new Assignment.Increment("age", param(2, DataTypes.INTEGER), false),
                new Assignment.ToValue("updatedAt", param(MILLIS, DataTypes.DATE)));
        assertThat(update.returning()).hasSize(6);

        Statement.Update down = WriteStatements.decrement(USER, Map.of("age", 5),
                IncrementOptions.options().where(Map.of()).silent(true).returning(false), NOW);
        assertThat(down.assignments()).containsExactly(new Assignment.Increment("age", param(5, DataTypes.INTEGER), true));
        assertThat(down.where()).isEmpty();
        assertThat(down.returning()).isEmpty();
    }

    @Test
    void incrementRefusesWhatCannotBeAddedTo() {
        assertThatThrownBy(() -> WriteStatements.increment(USER, List.of("firstName"),
                IncrementOptions.options().where(Map.of()), NOW))
                .isInstanceOf(ValidationError.class)
                .hasMessage("by: user.firstName is STRING(255) and cannot take Integer 1; allowed: String");
        assertThatThrownBy(() -> WriteStatements.increment(USER, Map.of("age", 1.5),
                IncrementOptions.options().where(Map.of()), NOW))
                .isInstanceOf(ValidationError.class)
                .hasMessageStartingWith("user.age is INTEGER and cannot take Double 1.5");
        assertThatThrownBy(() -> WriteStatements.increment(USER, List.of(), IncrementOptions.options().where(Map.of()), NOW))
                .isInstanceOf(ValidationError.class)
                .hasMessage("increment: no attribute to increment; give a name, a list of names, or a map of attribute to amount");
        assertThatThrownBy(() -> WriteStatements.increment(USER, List.of("age"), IncrementOptions.options(), NOW))
                .isInstanceOf(ValidationError.class)
                .hasMessageStartingWith("increment: missing where attribute");
    }

    private static Expression.Param param(Object value, dev.sequelj.ast.model.DataType type) {
        return new Expression.Param(value, Option.some(type));
    }
}
