package dev.sequelj.executor;

import dev.sequelj.ast.error.SequeljError;
import dev.sequelj.ast.finder.UpsertOptions;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.executor.result.UpsertResult;
import dev.sequelj.executor.spi.QueryResult;
import dev.sequelj.executor.spi.RecordingExecutor;
import dev.sequelj.render.Sql;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.sequelj.ast.model.Attribute.attribute;
import static dev.sequelj.executor.testing.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * {@code upsert} on SQL Server, offline: the MERGE hands back {@code OUTPUT $action, INSERTED.<columns>}, and
 * {@code created} is {@code $action = 'INSERT'}, as Sequelize's mssql upsert reads it. The action column
 * never becomes an attribute; the instance is the row handed back, or the values sent when there is none.
 */
class MergeUpsertTest {
    private static final Instant NOW = Instant.parse("2024-01-15T10:30:45.123Z");
    private static final OffsetDateTime EARLIER = OffsetDateTime.parse("2024-01-01T08:00:00Z");
    private static final OffsetDateTime STAMPED = OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC);
    private static final List<String> OUTPUT = List.of("$action", "id", "firstName", "lastName", "createdAt", "updatedAt");
    private static final String MERGE = "SET IDENTITY_INSERT [users] ON; MERGE INTO [users] WITH(HOLDLOCK) AS [users_target]"
            + " USING (VALUES(?, ?, ?, ?)) AS [users_source]([id], [firstName], [createdAt], [updatedAt])"
            + " ON [users_target].[id] = [users_source].[id]"
            + " WHEN MATCHED THEN UPDATE SET [users_target].[firstName] = [users_source].[firstName],"
            + " [users_target].[updatedAt] = [users_source].[updatedAt]"
            + " WHEN NOT MATCHED THEN INSERT ([id], [firstName], [createdAt], [updatedAt])"
            + " VALUES([users_source].[id], [users_source].[firstName], [users_source].[createdAt], [users_source].[updatedAt])";

    private final RecordingExecutor executor = new RecordingExecutor();
    private final Sequelize sequelize = new Sequelize("mssql", executor, SequelizeOptions.options().logging(false)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC)));
    private final Model users = sequelize.define("user",
            List.of(attribute("firstName", DataTypes.STRING), attribute("lastName", DataTypes.STRING)));

    @Test
    void anInsertActionIsCreatedAndTheRowHandedBackIsTheInstance() {
        executor.answer(QueryResult.rows(OUTPUT, new Object[] {"INSERT", 5, "Ann", null, STAMPED, STAMPED}));

        UpsertResult result = users.upsert(Map.of("id", 5, "firstName", "Ann")).join();

        assertThat(executor.statements()).extracting(Sql::text).containsExactly(MERGE + " OUTPUT $action,"
                + " INSERTED.[id],INSERTED.[firstName],INSERTED.[lastName],INSERTED.[createdAt],INSERTED.[updatedAt];"
                + " SET IDENTITY_INSERT [users] OFF;");
        assertThat(executor.statements().get(0).returns()).isEqualTo(Sql.Returns.ROWS);
        assertThat(result.created()).contains(true);
        assertThat(result.instance().dataValues()).containsExactly(entry("id", 5), entry("firstName", "Ann"),
                entry("lastName", null), entry("createdAt", NOW), entry("updatedAt", NOW));
    }

    @Test
    void anUpdateActionIsNotCreatedAndTheInstanceHoldsTheStoredRow() {
        // The stored row keeps its lastName and createdAt, which the upsert did not send.
        executor.answer(QueryResult.rows(OUTPUT, new Object[] {"UPDATE", 5, "Ann", "Lee", EARLIER, STAMPED}));

        UpsertResult result = users.upsert(Map.of("id", 5, "firstName", "Ann")).join();

        assertThat(result.created()).contains(false);
        assertThat(result.instance().dataValues()).containsExactly(entry("id", 5), entry("firstName", "Ann"),
                entry("lastName", "Lee"), entry("createdAt", EARLIER.toInstant()), entry("updatedAt", NOW));
        assertThat(result.instance().isNewRecord()).isFalse();
    }

    @Test
    void withoutReturningTheActionAloneComesBackAndTheInstanceIsWhatWasSent() {
        executor.answer(QueryResult.rows(List.of("$action"), new Object[] {"UPDATE"}))
                .answer(QueryResult.rows(List.of("$action"), new Object[] {"INSERT"}));

        UpsertResult updated = users.upsert(Map.of("id", 5, "firstName", "Ann"), UpsertOptions.options().returning(false)).join();
        UpsertResult inserted = users.upsert(Map.of("id", 6, "firstName", "Bo"), UpsertOptions.options().returning(false)).join();

        assertThat(executor.statements().get(0).text()).isEqualTo(MERGE + " OUTPUT $action; SET IDENTITY_INSERT [users] OFF;");
        assertThat(executor.statements().get(0).returns()).isEqualTo(Sql.Returns.ROWS);
        assertThat(updated.created()).contains(false);
        assertThat(inserted.created()).contains(true);
        assertThat(inserted.instance().dataValues()).containsEntry("id", 6).containsEntry("firstName", "Bo")
                .containsEntry("createdAt", NOW).doesNotContainKey("$action");
    }

    @Test
    void noRowBackMeansTheRowWasThereAndNothingWasUpdated() {
        // Only the key given and no timestamps: the MERGE has no WHEN MATCHED, so an existing row outputs
        // nothing (Sequelize: created false).
        Model tags = sequelize.define("tag", List.of(attribute("label", DataTypes.STRING)),
                ModelOptions.options().timestamps(false));
        executor.answer(QueryResult.rows(List.of("$action", "id", "label")));

        UpsertResult result = tags.upsert(Map.of("id", 5)).join();

        assertThat(executor.statements().get(0).text()).isEqualTo("SET IDENTITY_INSERT [tags] ON; MERGE INTO [tags]"
                + " WITH(HOLDLOCK) AS [tags_target] USING (VALUES(?)) AS [tags_source]([id])"
                + " ON [tags_target].[id] = [tags_source].[id] WHEN NOT MATCHED THEN INSERT ([id]) VALUES([tags_source].[id])"
                + " OUTPUT $action, INSERTED.[id],INSERTED.[label]; SET IDENTITY_INSERT [tags] OFF;");
        assertThat(result.created()).contains(false);
        assertThat(result.instance().dataValues()).containsExactly(entry("id", 5), entry("label", null));
    }

    @Test
    void anAnswerWithoutTheActionLeavesCreatedUnknown() {
        executor.answer(QueryResult.rows(List.of("id", "firstName", "lastName", "createdAt", "updatedAt"),
                new Object[] {5, "Ann", "Lee", EARLIER, STAMPED}));

        UpsertResult result = users.upsert(Map.of("id", 5, "firstName", "Ann")).join();

        assertThat(result.created()).isEmpty();
        assertThat(result.instance().get("lastName")).isEqualTo("Lee");
    }

    @Test
    void anActionThatIsNeitherInsertNorUpdateIsAnError() {
        executor.answer(QueryResult.rows(OUTPUT, new Object[] {"DELETE", 5, "Ann", null, STAMPED, STAMPED}));

        assertThat(failure(users.upsert(Map.of("id", 5, "firstName", "Ann")), SequeljError.class).getMessage())
                .isEqualTo("upsert on model 'user': the MERGE's $action was DELETE, not INSERT or UPDATE");
    }
}
