package dev.sequelj.executor.live;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.finder.BulkCreateOptions;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.ast.statement.OrderItem.Direction;
import dev.sequelj.executor.Model;
import dev.sequelj.executor.ModelInstance;
import dev.sequelj.executor.SequelizeOptions;
import dev.sequelj.executor.Transaction;
import dev.sequelj.executor.result.CountAndRows;
import dev.sequelj.executor.result.GroupCount;
import dev.sequelj.executor.testing.LiveDatabase;
import dev.sequelj.executor.testing.LiveSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.sequelj.ast.finder.FindOptions.options;
import static dev.sequelj.ast.model.Attribute.attribute;
import static dev.sequelj.executor.testing.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Model finders beyond findAll/findOne, on every live database: findByPk, findAndCountAll, count
 * (plain, col, distinct, per group), max, min and sum, each answering what Sequelize answers, read from
 * rows seeded through the Model API; bad input refused before any SQL (the statement log stays empty).
 */
class ModelFindersLiveTest {

    /** Six players in three teams; one without a team, one without a score. */
    private static Model players(LiveSession live) {
        Model players = live.define("player", List.of(
                attribute("name", DataTypes.STRING).allowNull(false),
                attribute("team", DataTypes.STRING).field("team_name"),
                attribute("score", DataTypes.INTEGER),
                attribute("rating", DataTypes.DECIMAL(6, 2)),
                attribute("joined", DataTypes.DATE)), ModelOptions.options().timestamps(false));
        players.sync(true).join();
        players.bulkCreate(List.of(
                player("ann", "red", 10, "1.50", "2024-01-01T00:00:00Z"),
                player("bob", "red", 20, "2.25", "2024-02-01T00:00:00Z"),
                player("cid", "blue", 5, "0.75", "2024-03-01T00:00:00Z"),
                player("dee", "blue", null, null, null),
                player("eve", "green", 7, "9.99", "2023-12-31T23:59:59Z"),
                player("fay", null, 1, "1.00", "2024-01-15T10:30:45Z")), BulkCreateOptions.options().returning(false)).join();
        return players;
    }

    private static Map<String, Object> player(String name, String team, Integer score, String rating, String joined) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", name);
        values.put("team", team);
        values.put("score", score);
        values.put("rating", rating == null ? null : new BigDecimal(rating));
        values.put("joined", joined == null ? null : Instant.parse(joined));
        return values;
    }

    private static List<String> names(List<ModelInstance> rows) {
        return rows.stream().map(row -> row.get("name", String.class)).toList();
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void findByPkFindsTheRowOfThatKeyAndNothingForAnother(LiveDatabase database) {
        try (LiveSession live = database.session(SequelizeOptions.options().logging(false))) {
            Model players = players(live);
            Integer bobId = players.findOne(options().where(Map.of("name", "bob"))).join().orElseThrow().get("id", Integer.class);

            Optional<ModelInstance> bob = players.findByPk(bobId).join();
            assertThat(bob).isPresent();
            assertThat(bob.get().get("name")).isEqualTo("bob");
            assertThat(bob.get().get("team")).isEqualTo("red");
            assertThat(bob.get().get("rating")).isEqualTo(new BigDecimal("2.25"));
            assertThat(bob.get().get("joined")).isEqualTo(Instant.parse("2024-02-01T00:00:00Z"));

            assertThat(players.findByPk(bobId, options().attributes("id", "score")).join().orElseThrow().dataValues())
                    .containsOnlyKeys("id", "score").containsEntry("score", 20);
            assertThat(players.findByPk(999_999).join()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void findByPkOfNullSendsNothingAndBadKeysAreRefusedBeforeSql(LiveDatabase database) {
        List<String> log = new CopyOnWriteArrayList<>();
        try (LiveSession live = database.session(SequelizeOptions.options().logging(log::add))) {
            Model players = players(live);
            log.clear();

            assertThat(players.findByPk(null).join()).isEmpty();
            assertThat(failure(players.findByPk("not a number"), ValidationError.class).getMessage())
                    .startsWith("findByPk: ");
            assertThat(failure(players.findByPk(1, options().where(Map.of("name", "ann"))), ValidationError.class)
                    .getMessage()).contains("leave out where");
            assertThat(failure(players.findByPk(1, (dev.sequelj.ast.finder.FindOptions) null), ValidationError.class)
                    .getMessage()).isEqualTo("findByPk: options must not be null");
            assertThat(log).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void findAndCountAllCountsEveryMatchAndHandsBackThePage(LiveDatabase database) {
        try (LiveSession live = database.session(SequelizeOptions.options().logging(false))) {
            Model players = players(live);

            CountAndRows page = players.findAndCountAll(options().where(Map.of("score", Map.of("$gte", 5)))
                    .order("score", Direction.DESC).limit(2).offset(1)).join();
            assertThat(page.count()).isEqualTo(4);
            assertThat(names(page.rows())).containsExactly("ann", "eve");

            CountAndRows all = players.findAndCountAll().join();
            assertThat(all.count()).isEqualTo(6);
            assertThat(all.rows()).hasSize(6);

            CountAndRows none = players.findAndCountAll(options().where(Map.of("team", "purple"))).join();
            assertThat(none.count()).isZero();
            assertThat(none.rows()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void countCountsRowsValuesAndDistinctValues(LiveDatabase database) {
        try (LiveSession live = database.session(SequelizeOptions.options().logging(false))) {
            Model players = players(live);

            assertThat(players.count().join()).isEqualTo(6L);
            assertThat(players.count(options().where(Map.of("team", "red"))).join()).isEqualTo(2L);
            assertThat(players.count(options().col("score")).join()).isEqualTo(5L);
            assertThat(players.count(options().distinct(true).col("team")).join()).isEqualTo(3L);
            assertThat(players.count(options().where(Map.of("team", "purple"))).join()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void countByGroupCountsEachGroup(LiveDatabase database) {
        try (LiveSession live = database.session(SequelizeOptions.options().logging(false))) {
            Model players = players(live);

            List<GroupCount> teams = players.countByGroup(options().group("team")
                    .where(Map.of("team", java.util.Collections.singletonMap("$ne", null)))).join();
            Map<Object, Long> byTeam = new HashMap<>();
            for (GroupCount group : teams) {
                assertThat(group.group()).containsOnlyKeys("team");
                byTeam.put(group.group().get("team"), group.count());
            }
            assertThat(byTeam).containsOnly(Map.entry("red", 2L), Map.entry("blue", 2L), Map.entry("green", 1L));

            assertThat(failure(players.countByGroup(options()), ValidationError.class).getMessage()).contains("give group");
            assertThat(failure(players.count(options().group("team")), ValidationError.class).getMessage())
                    .contains("countByGroup");
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void maxMinAndSumAreTypedByTheAttribute(LiveDatabase database) {
        try (LiveSession live = database.session(SequelizeOptions.options().logging(false))) {
            Model players = players(live);

            assertThat(players.max("score").join()).isEqualTo(20);
            assertThat(players.min("score").join()).isEqualTo(1);
            assertThat(players.max("score", options().where(Map.of("team", "blue"))).join()).isEqualTo(5);
            assertThat(players.sum("score").join()).isEqualTo(43L);
            assertThat(players.max("rating").join()).isEqualTo(new BigDecimal("9.99"));
            assertThat((BigDecimal) players.sum("rating").join()).isEqualByComparingTo("15.49");
            assertThat(players.min("joined").join()).isEqualTo(Instant.parse("2023-12-31T23:59:59Z"));
            assertThat(players.max("name").join()).isEqualTo("fay");

            assertThat(players.max("score", options().where(Map.of("team", "purple"))).join()).isNull();
            assertThat(players.sum("score", options().where(Map.of("team", "purple"))).join()).isNull();
            assertThat(failure(players.max("nope"), ValidationError.class).getMessage()).contains("nope");
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void theFindersRunInsideATransactionAndSeeItsRows(LiveDatabase database) {
        try (LiveSession live = database.session(SequelizeOptions.options().logging(false))) {
            Model players = players(live);
            List<Object> seen = new ArrayList<>();
            live.sequelize().transaction(t -> players.create(Map.of("name", "gus", "team", "red", "score", 100), t)
                    .thenCompose(gus -> players.findByPk(gus.get("id"), t)).thenAccept(gus -> seen.add(gus.orElseThrow().get("name")))
                    .thenCompose(ignored -> players.count(options().where(Map.of("team", "red")), t)).thenAccept(seen::add)
                    .thenCompose(ignored -> players.max("score", t)).thenAccept(seen::add)
                    .thenCompose(ignored -> players.findAndCountAll(options().where(Map.of("team", "red")), t))
                    .thenAccept(page -> seen.add(page.count()))
                    .thenCompose(ignored -> rollBack(t))).exceptionally(e -> null).join();

            assertThat(seen).containsExactly("gus", 3L, 100, 3L);
            assertThat(players.count(options().where(Map.of("team", "red"))).join()).isEqualTo(2L);
        }
    }

    /** Fails the managed transaction on purpose, so that it rolls back. */
    private static java.util.concurrent.CompletableFuture<Void> rollBack(Transaction t) {
        return java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("roll back on purpose"));
    }
}
