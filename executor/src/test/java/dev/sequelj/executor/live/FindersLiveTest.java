package dev.sequelj.executor.live;

import dev.sequelj.ast.error.UnsupportedFeatureError;
import dev.sequelj.ast.finder.FindOptions;
import dev.sequelj.ast.finder.FindOrCreate;
import dev.sequelj.ast.finder.FindStatements;
import dev.sequelj.ast.finder.Op;
import dev.sequelj.ast.finder.Selection;
import dev.sequelj.ast.finder.TableStatements;
import dev.sequelj.ast.finder.WriteStatements;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.ast.statement.Lock;
import dev.sequelj.ast.statement.OrderItem.Direction;
import dev.sequelj.ast.statement.OrderItem.Nulls;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.executor.PoolOptions;
import dev.sequelj.executor.Sequelize;
import dev.sequelj.executor.SequelizeOptions;
import dev.sequelj.executor.jdbc.JdbcExecutor;
import dev.sequelj.executor.spi.QueryResult;
import dev.sequelj.executor.testing.LiveDatabase;
import dev.sequelj.render.SqlRenderer;
import dev.sequelj.render.dialect.Dialect;
import io.vavr.control.Option;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static dev.sequelj.ast.finder.FindOptions.options;
import static dev.sequelj.ast.finder.SqlExpressions.cast;
import static dev.sequelj.ast.finder.SqlExpressions.col;
import static dev.sequelj.ast.finder.SqlExpressions.fn;
import static dev.sequelj.ast.finder.SqlExpressions.literal;
import static dev.sequelj.ast.finder.SqlExpressions.random;
import static dev.sequelj.ast.finder.SqlExpressions.where;
import static dev.sequelj.ast.model.Attribute.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The finders' SELECTs, rendered for each live database and run there against seeded rows, with the
 * exact rows asserted: grouping, having on aliases and functions, aggregates, null placement (native or
 * emulated), random order, paranoid filtering, findOrCreate's pair of statements, and locks. The SQL
 * runs through the JDBC executor directly, as the Model API does not offer these finders yet.
 *
 * <p>The table is {@code find_<tag>_people}, unique to this class and run, and dropped afterwards.
 */
class FindersLiveTest {
    private static final Instant DELETED = Instant.parse("2024-02-01T00:00:00Z");

    /** One table of people, seeded, on one database; dropped on close. */
    private static final class Fixture implements AutoCloseable {
        final LiveDatabase database;
        final Dialect dialect;
        final ModelDefinition people;
        private final JdbcExecutor executor;

        Fixture(LiveDatabase database) {
            this.database = database;
            Sequelize sequelize = database.open(SequelizeOptions.options().logging(false));
            this.dialect = sequelize.dialect();
            this.executor = new JdbcExecutor(sequelize.settings(), PoolOptions.defaults().max(2));
            sequelize.close();
            String table = "find_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + "_people";
            ModelDefinition defined = ModelDefinition.define("person", List.of(
                    attribute("name", DataTypes.STRING).allowNull(false),
                    attribute("team", DataTypes.STRING).field("team_name"),
                    attribute("age", DataTypes.INTEGER),
                    attribute("score", DataTypes.INTEGER),
                    attribute("deletedAt", DataTypes.DATE)),
                    ModelOptions.options().timestamps(false).tableName(table));
            // Paranoid, built directly: deletedAt names the soft-delete stamp.
            this.people = new ModelDefinition(defined.name(), defined.table(), defined.attributes(),
                    defined.createdAt(), defined.updatedAt(), Option.some("deletedAt"), io.vavr.collection.Vector.empty());
            run(TableStatements.createTable(people));
            insert("Ann", "red", 30, 10, null);
            insert("Bob", "red", null, 20, null);
            insert("Cid", "blue", 25, 30, null);
            insert("Dee", "blue", 40, 40, DELETED);
            insert("Eve", "green", null, 50, null);
        }

        private void insert(String name, String team, Integer age, Integer score, Instant deletedAt) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("name", name);
            values.put("team", team);
            values.put("age", age);
            values.put("score", score);
            values.put("deletedAt", deletedAt);
            run(WriteStatements.create(people, values, Instant.now()));
        }

        QueryResult run(Statement statement) {
            return executor.execute(SqlRenderer.render(statement, dialect)).join();
        }

        /** The rows, each value plain: whole numbers as Long (drivers hand back Integer, Long or BigDecimal). */
        List<List<Object>> rows(Statement statement) {
            return run(statement).rows().stream().map(row -> Arrays.stream(row).map(FindersLiveTest::plain).toList()).toList();
        }

        List<Object> column(Statement statement) {
            return rows(statement).stream().map(row -> row.get(0)).toList();
        }

        Object single(Statement statement) {
            List<List<Object>> rows = rows(statement);
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0)).hasSize(1);
            return rows.get(0).get(0);
        }

        @Override
        public void close() {
            try {
                run(TableStatements.dropTable(people, false));
            } finally {
                executor.close();
            }
        }
    }

    private static Object plain(Object value) {
        return switch (value) {
            case Integer i -> (long) i;
            case Short s -> (long) s;
            case BigInteger b -> b.longValueExact();
            case BigDecimal d when d.stripTrailingZeros().scale() <= 0 -> d.longValueExact();
            case null, default -> value;
        };
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    // ---- the tests --------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void paranoidFindersSkipSoftDeletedRowsUnlessParanoidIsOff(LiveDatabase database) {
        try (Fixture f = new Fixture(database)) {
            assertThat(f.column(FindStatements.findAll(f.people, options().attributes("name").order("id", Direction.ASC))))
                    .containsExactly("Ann", "Bob", "Cid", "Eve");
            assertThat(f.column(FindStatements.findAll(f.people, options().attributes("name").order("id", Direction.ASC).paranoid(false))))
                    .containsExactly("Ann", "Bob", "Cid", "Dee", "Eve");
            assertThat(f.rows(FindStatements.findByPk(f.people, 4, options().attributes("name")).get())).isEmpty();
            assertThat(f.column(FindStatements.findByPk(f.people, 4, options().attributes("name").paranoid(false)).get()))
                    .containsExactly("Dee");
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void nullsGoFirstOrLastAsAskedWhetherNativeOrEmulated(LiveDatabase database) {
        try (Fixture f = new Fixture(database)) {
            FindOptions names = options().attributes("name");
            assertThat(f.column(FindStatements.findAll(f.people, names.order("age", Direction.ASC, Nulls.LAST).order("id", Direction.ASC))))
                    .containsExactly("Cid", "Ann", "Bob", "Eve");
            assertThat(f.column(FindStatements.findAll(f.people, names.order("age", "DESC NULLS FIRST").order("id", Direction.DESC))))
                    .containsExactly("Eve", "Bob", "Ann", "Cid");
            assertThat(f.column(FindStatements.findAll(f.people, names.order("age", "NULLS FIRST").order("name", "DESC"))))
                    .containsExactly("Eve", "Bob", "Cid", "Ann");
            // A renamed attribute selected under its name is ordered by its alias; with nulls, by its column.
            assertThat(f.rows(FindStatements.findAll(f.people, options().attributes("team", "name")
                    .order("team", Direction.DESC).order("name", Direction.ASC))))
                    .containsExactly(row("red", "Ann"), row("red", "Bob"), row("green", "Eve"), row("blue", "Cid"));
            assertThat(f.column(FindStatements.findAll(f.people, options().attributes("name", "team")
                    .order("team", "ASC NULLS LAST").order("name", Direction.ASC))))
                    .containsExactly("Cid", "Eve", "Ann", "Bob");
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void groupsWithHavingOnAliasesAttributesAndFunctions(LiveDatabase database) {
        try (Fixture f = new Fixture(database)) {
            FindOptions perTeam = options()
                    .attributes(Selection.of("team"), Selection.of(fn("COUNT", col("id"))).as("n"),
                            Selection.of(fn("SUM", col("score"))).as("total"))
                    .group("team")
                    .order("team", Direction.ASC);

            assertThat(f.rows(FindStatements.findAll(f.people, perTeam)))
                    .containsExactly(row("blue", 1L, 30L), row("green", 1L, 50L), row("red", 2L, 30L));
            assertThat(f.rows(FindStatements.findAll(f.people, perTeam.having(Map.of("n", Map.of(Op.gte, 2))))))
                    .containsExactly(row("red", 2L, 30L));
            assertThat(f.rows(FindStatements.findAll(f.people, perTeam.paranoid(false).having(Map.of("n", Map.of(Op.gte, 2))))))
                    .containsExactly(row("blue", 2L, 70L), row("red", 2L, 30L));
            assertThat(f.rows(FindStatements.findAll(f.people, perTeam.having(Map.of("team", Map.of(Op.ne, "red"))))))
                    .containsExactly(row("blue", 1L, 30L), row("green", 1L, 50L));
            assertThat(f.rows(FindStatements.findAll(f.people, perTeam.having(where(fn("MAX", col("score")), Op.gt, 35)))))
                    .containsExactly(row("green", 1L, 50L));
            assertThat(f.rows(FindStatements.findAll(f.people, perTeam.having(Map.of(Op.or, List.of(
                    Map.of("total", Map.of(Op.gt, 40)), Map.of("n", List.of(2))))))))
                    .containsExactly(row("green", 1L, 50L), row("red", 2L, 30L));
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void countAndTheOtherAggregates(LiveDatabase database) {
        try (Fixture f = new Fixture(database)) {
            assertThat(f.single(FindStatements.count(f.people, options()))).isEqualTo(4L);
            assertThat(f.single(FindStatements.count(f.people, options().paranoid(false)))).isEqualTo(5L);
            assertThat(f.single(FindStatements.count(f.people, options().col("age")))).isEqualTo(2L);
            assertThat(f.single(FindStatements.count(f.people, options().distinct(true).col("team")))).isEqualTo(3L);
            assertThat(f.single(FindStatements.count(f.people, options().distinct(true)))).isEqualTo(4L);
            assertThat(f.single(FindStatements.count(f.people, options().where(Map.of("team", "red"))))).isEqualTo(2L);
            assertThat(f.rows(FindStatements.count(f.people, options().group("team").order("team", Direction.ASC))))
                    .containsExactlyInAnyOrder(row("blue", 1L), row("green", 1L), row("red", 2L));
            assertThat(f.single(FindStatements.max(f.people, "age", options()))).isEqualTo(30L);
            assertThat(f.single(FindStatements.max(f.people, "age", options().paranoid(false)))).isEqualTo(40L);
            assertThat(f.single(FindStatements.min(f.people, "score", options()))).isEqualTo(10L);
            assertThat(f.single(FindStatements.min(f.people, "name", options()))).isEqualTo("Ann");
            assertThat(f.single(FindStatements.sum(f.people, "score", options()))).isEqualTo(110L);
            assertThat(f.single(FindStatements.sum(f.people, "score", options().where(Map.of("team", "red"))))).isEqualTo(30L);
            assertThat(f.rows(FindStatements.max(f.people, "score", options().group("team").order("team", Direction.ASC))))
                    .containsExactly(row("blue", 30L), row("green", 50L), row("red", 20L));
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void findAndCountAllCountsEveryMatchAndPages(LiveDatabase database) {
        try (Fixture f = new Fixture(database)) {
            var call = FindStatements.findAndCountAll(f.people,
                    options().attributes("name").where(Map.of("score", Map.of(Op.gte, 20))).order("score", Direction.DESC).limit(2).offset(1));
            assertThat(f.single(call.count())).isEqualTo(3L);
            assertThat(f.column(call.rows())).containsExactly("Cid", "Bob");
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void functionsCastsLiteralsAndRandomOrder(LiveDatabase database) {
        try (Fixture f = new Fixture(database)) {
            List<List<Object>> rows = f.rows(FindStatements.findByPk(f.people, 1, options().attributes(
                    Selection.of(fn("upper", col("name"))).as("shout"),
                    Selection.of(cast(col("score"), "CHAR(8)")).as("text"),
                    Selection.of(fn("coalesce", col("age"), 0)).as("age"),
                    Selection.of(literal("1 + 1")).as("two"))).get());
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).get(0)).isEqualTo("ANN");
            assertThat(rows.get(0).get(1).toString().trim()).isEqualTo("10");
            assertThat(rows.get(0).subList(2, 4)).containsExactly(30L, 2L);

            assertThat(f.column(FindStatements.findAll(f.people, options().attributes("name").order(random()))))
                    .containsExactlyInAnyOrder("Ann", "Bob", "Cid", "Eve");
            assertThat(f.column(FindStatements.findAll(f.people, options().attributes("name")
                    .order(fn("coalesce", col("age"), 99), Direction.ASC).order("name", Direction.DESC))))
                    .containsExactly("Cid", "Ann", "Eve", "Bob");
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void findOrCreateFindsNothingCreatesThenFindsTheCreatedRow(LiveDatabase database) {
        try (Fixture f = new Fixture(database)) {
            FindOrCreate call = FindStatements.findOrCreate(f.people, options().where(Map.of("name", "Fay", "team", "red")),
                    new HashMap<>(Map.of("score", 60)), Instant.now());
            assertThat(f.rows(call.find())).isEmpty();
            f.run(call.create());
            List<List<Object>> found = f.rows(call.find());
            assertThat(found).hasSize(1);
            assertThat(found.get(0).subList(0, 5)).containsExactly(6L, "Fay", "red", null, 60L);
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void aLockIsTakenWhereTheDatabaseHasOneAndRefusedOnSqlite(LiveDatabase database) {
        try (Fixture f = new Fixture(database)) {
            Statement.Select forUpdate = FindStatements.findOne(f.people, options().attributes("name").where(Map.of("name", "Bob")).lock(Lock.UPDATE));
            Statement.Select forShare = FindStatements.findAll(f.people, options().attributes("name").where(Map.of("team", "blue")).lock(Lock.SHARE));
            if (database == LiveDatabase.SQLITE) {
                assertThatThrownBy(() -> f.run(forUpdate)).isInstanceOf(UnsupportedFeatureError.class);
                return;
            }
            assertThat(f.column(forUpdate)).containsExactly("Bob");
            assertThat(f.column(forShare)).containsExactly("Cid");
            if (database == LiveDatabase.POSTGRES) {
                assertThat(f.column(FindStatements.findAll(f.people, options().attributes("name")
                        .where(Map.of("name", "Eve")).lock(Lock.NO_KEY_UPDATE)))).containsExactly("Eve");
            }
        }
    }
}
