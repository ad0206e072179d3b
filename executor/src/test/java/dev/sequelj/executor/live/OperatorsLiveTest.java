package dev.sequelj.executor.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sequelj.ast.error.UnsupportedFeatureError;
import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.finder.FindOptions;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.ast.statement.OrderItem.Direction;
import dev.sequelj.executor.Model;
import dev.sequelj.executor.ModelInstance;
import dev.sequelj.executor.SequelizeOptions;
import dev.sequelj.executor.testing.LiveDatabase;
import dev.sequelj.executor.testing.LiveSession;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;

import static dev.sequelj.ast.finder.FindOptions.options;
import static dev.sequelj.ast.finder.Where.any;
import static dev.sequelj.ast.finder.Where.col;
import static dev.sequelj.ast.finder.Where.not;
import static dev.sequelj.ast.model.Attribute.attribute;
import static dev.sequelj.executor.testing.LiveDatabase.MARIADB;
import static dev.sequelj.executor.testing.LiveDatabase.MYSQL;
import static dev.sequelj.executor.testing.LiveDatabase.POSTGRES;
import static dev.sequelj.executor.testing.LiveDatabase.SQLITE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operator a database has, run on it: five seeded rows, one findAll per condition, and the exact
 * ids that come back. This proves the rendered SQL is valid there and means what the operator means,
 * including where the databases themselves differ (LIKE is case-insensitive on MariaDB and SQLite; JSON
 * null compares as the text 'null' on MariaDB, as Sequelize writes it). An operator a database lacks
 * must be refused with an {@link UnsupportedFeatureError} before anything is sent. The mysql dialect runs
 * against the MariaDB server (there is no MySQL server here), which reads its quoted JSON paths too.
 *
 * <p>The array and range operators ($overlap on arrays, $adjacent, $strictLeft, ...) need ARRAY and RANGE
 * attributes, which the model types do not offer yet; their SQL is pinned by {@code WhereRenderingTest}.
 */
class OperatorsLiveTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<LiveDatabase> ALL = EnumSet.of(SQLITE, POSTGRES, MARIADB, MYSQL);

    /**
     * One condition and the ids it finds on each database; a database missing from {@code ids} must
     * refuse the condition.
     */
    /** @param refusal what the databases without ids must throw */
    private record Case(String name, Object where, Map<LiveDatabase, List<Integer>> ids, Class<? extends Throwable> refusal) {
        FindOptions find() {
            FindOptions find = options().attributes("id").order("id", Direction.ASC);
            return where instanceof Expression expression ? find.where(expression) : find.where((Map<?, ?>) where);
        }
    }

    private static final class Cases {
        private final List<Case> cases = new ArrayList<>();

        /** The same ids on every database. */
        Cases add(String name, Object where, Integer... ids) {
            return on(name, where, ALL, ids);
        }

        /** These ids on the given databases; the others must refuse. */
        Cases on(String name, Object where, Set<LiveDatabase> databases, Integer... ids) {
            return on(name, where, databases, UnsupportedFeatureError.class, ids);
        }

        /** These ids on the given databases; the others must refuse with {@code refusal}. */
        Cases on(String name, Object where, Set<LiveDatabase> databases, Class<? extends Throwable> refusal, Integer... ids) {
            Map<LiveDatabase, List<Integer>> byDatabase = new EnumMap<>(LiveDatabase.class);
            databases.forEach(database -> byDatabase.put(database, List.of(ids)));
            cases.add(new Case(name, where, byDatabase, refusal));
            return this;
        }

        /** Ids that differ by database, because the databases' own semantics do. */
        Cases differing(String name, Object where, Map<LiveDatabase, List<Integer>> ids) {
            cases.add(new Case(name, where, new EnumMap<>(ids), UnsupportedFeatureError.class));
            return this;
        }
    }

    private static Map<?, ?> json(String text) {
        try {
            return JSON.readValue(text, LinkedHashMap.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static final Set<LiveDatabase> POSTGRES_ONLY = EnumSet.of(POSTGRES);
    private static final Set<LiveDatabase> NOT_SQLITE = EnumSet.of(POSTGRES, MARIADB, MYSQL);
    private static final Set<LiveDatabase> JSON_PATHS = ALL;

    private static List<Case> cases() {
        Cases c = new Cases()
                // ---- equality, null, booleans
                .add("eq", json("{\"age\": 30}"), 1)
                .add("eq null", json("{\"age\": null}"), 3)
                .add("eq list", json("{\"age\": [18, 65]}"), 4, 5)
                .add("eq boolean", json("{\"active\": true}"), 1, 4)
                .add("ne", json("{\"age\": {\"$ne\": 30}}"), 2, 4, 5)
                .add("ne null", json("{\"age\": {\"$ne\": null}}"), 1, 2, 4, 5)
                .add("is null", json("{\"active\": {\"$is\": null}}"), 3)
                .add("is true", json("{\"active\": {\"$is\": true}}"), 1, 4)
                .add("is false", json("{\"active\": {\"$is\": false}}"), 2, 5)
                .add("not true", json("{\"active\": {\"$not\": true}}"), 2, 3, 5)
                .add("not value", json("{\"age\": {\"$not\": 30}}"), 2, 4, 5)
                .add("not list", json("{\"age\": {\"$not\": [30, 40]}}"), 4, 5)
                .add("not operators", json("{\"age\": {\"$not\": {\"$gt\": 20, \"$lt\": 50}}}"), 4, 5)
                // ---- ordering
                .add("gt", json("{\"age\": {\"$gt\": 30}}"), 2, 5)
                .add("gte", json("{\"age\": {\"$gte\": 30}}"), 1, 2, 5)
                .add("lt", json("{\"age\": {\"$lt\": 30}}"), 4)
                .add("lte", json("{\"age\": {\"$lte\": 30}}"), 1, 4)
                .add("gt bigint", json("{\"score\": {\"$gt\": 4000000000}}"), 1)
                .add("gt date", col("born").gt(Instant.parse("1995-01-01T00:00:00Z")), 4, 5)
                .add("between", json("{\"age\": {\"$between\": [18, 40]}}"), 1, 2, 4)
                .add("notBetween", json("{\"age\": {\"$notBetween\": [18, 40]}}"), 5)
                .add("between dates", col("born").between(Instant.parse("1980-01-01T00:00:00Z"),
                        Instant.parse("1995-01-01T00:00:00Z")), 1, 2)
                .add("in", json("{\"age\": {\"$in\": [30, 65, 99]}}"), 1, 5)
                .add("in empty", json("{\"age\": {\"$in\": []}}"))
                .add("notIn", json("{\"age\": {\"$notIn\": [30, 65]}}"), 2, 4)
                .add("notIn empty", json("{\"age\": {\"$notIn\": []}}"), 1, 2, 3, 4, 5)
                // ---- text
                .differing("like", json("{\"name\": {\"$like\": \"A%\"}}"),
                        Map.of(POSTGRES, List.of(1), MARIADB, List.of(1, 3), MYSQL, List.of(1, 3), SQLITE, List.of(1, 3)))
                .add("notLike", json("{\"name\": {\"$notLike\": \"%a\"}}"), 1, 2, 4)
                .on("iLike", json("{\"name\": {\"$iLike\": \"a%\"}}"), POSTGRES_ONLY, 1, 3)
                .on("notILike", json("{\"name\": {\"$notILike\": \"a%\"}}"), POSTGRES_ONLY, 2, 4, 5)
                .add("startsWith", json("{\"name\": {\"$startsWith\": \"Do\"}}"), 5)
                .add("startsWith keeps wildcards", json("{\"name\": {\"$startsWith\": \"B_b\"}}"), 2)
                .add("endsWith", json("{\"name\": {\"$endsWith\": \"na\"}}"), 3)
                .add("substring", json("{\"bio\": {\"$substring\": \"rat\"}}"), 1, 4, 5)
                .differing("regexp", json("{\"name\": {\"$regexp\": \"^[A-C]\"}}"),
                        Map.of(POSTGRES, List.of(1, 2, 4), MARIADB, List.of(1, 2, 3, 4), MYSQL, List.of(1, 2, 3, 4)))
                .on("notRegexp", json("{\"name\": {\"$notRegexp\": \"n\"}}"), NOT_SQLITE, 2, 4, 5)
                .on("iRegexp", json("{\"name\": {\"$iRegexp\": \"^a\"}}"), POSTGRES_ONLY, 1, 3)
                .on("notIRegexp", json("{\"name\": {\"$notIRegexp\": \"^a\"}}"), POSTGRES_ONLY, 2, 4, 5)
                .on("match", json("{\"bio\": {\"$match\": \"rat\"}}"), POSTGRES_ONLY, 1, 4, 5)
                // ---- quantified
                .on("any", json("{\"age\": {\"$any\": [30, 40]}}"), POSTGRES_ONLY, 1, 2)
                .on("any empty", json("{\"age\": {\"$any\": []}}"), POSTGRES_ONLY)
                .on("all", json("{\"age\": {\"$all\": [30]}}"), POSTGRES_ONLY, 1)
                .on("gt any", col("age").gt(any(35, 60)), POSTGRES_ONLY, 2, 5)
                .on("ne all", json("{\"age\": {\"$ne\": {\"$all\": [30, 40]}}}"), POSTGRES_ONLY, 4, 5)
                .on("like any", json("{\"name\": {\"$like\": {\"$any\": [\"A%\", \"D%\"]}}}"), POSTGRES_ONLY, 1, 5)
                .on("notLike all", json("{\"name\": {\"$notLike\": {\"$all\": [\"A%\", \"D%\"]}}}"), POSTGRES_ONLY, 2, 3, 4)
                .on("iLike any", json("{\"name\": {\"$iLike\": {\"$any\": [\"a%\", \"c%\"]}}}"), POSTGRES_ONLY, 1, 3, 4)
                // ---- another column
                .add("col", json("{\"name\": {\"$col\": \"other\"}}"), 1, 3, 5)
                .add("gt col", col("age").gt(col("score")), 2, 4, 5)
                // ---- and, or, not
                .add("or", json("{\"$or\": [{\"age\": 18}, {\"name\": \"Bob\"}]}"), 2, 4)
                .add("and", json("{\"$and\": [{\"active\": true}, {\"age\": {\"$gt\": 20}}]}"), 1)
                .add("not or", json("{\"$not\": {\"$or\": [{\"age\": 30}, {\"age\": null}]}}"), 2, 4, 5)
                .add("deep", json("{\"$or\": [{\"age\": {\"$gt\": 60}}, {\"$and\": [{\"active\": true},"
                        + " {\"$or\": [{\"name\": {\"$like\": \"C%\"}}, {\"$not\": {\"born\": null}}]}]}]}"), 1, 4, 5)
                .add("typed chain", col("age").lt(20).or(col("name").eq("Bob").and(not(col("active").eq(true)))), 2, 4)
                .add("attribute or", json("{\"age\": {\"$or\": [18, {\"$gt\": 60}]}}"), 4, 5)
                .add("or empty", json("{\"$or\": []}"))
                .add("and empty", json("{\"$and\": []}"), 1, 2, 3, 4, 5)
                // ---- JSON paths
                .on("json", json("{\"meta\": {\"city\": \"Oslo\"}}"), JSON_PATHS, 1, 3)
                .on("json nested", json("{\"meta\": {\"address\": {\"city\": \"Oslo\"}}}"), JSON_PATHS, 5)
                .on("json dotted", json("{\"meta.address.city\": \"Oslo\"}"), JSON_PATHS, 5)
                .on("json typed", col("meta.address.city").eq("Oslo"), JSON_PATHS, 5)
                .on("json number", json("{\"meta\": {\"age\": 25}}"), JSON_PATHS, 3)
                .on("json gt", json("{\"meta\": {\"age\": {\"$gt\": 26}}}"), JSON_PATHS, 1, 2)
                .on("json fraction", json("{\"meta.price\": {\"$gt\": 5}}"), JSON_PATHS, 1, 2)
                .on("json true", json("{\"meta\": {\"vip\": true}}"), JSON_PATHS, 1)
                .on("json false", json("{\"meta\": {\"vip\": false}}"), JSON_PATHS, 2)
                .differing("json null", json("{\"meta\": {\"deleted\": null}}"),
                        Map.of(POSTGRES, List.of(1, 2, 3, 4, 5), MARIADB, List.of(3), MYSQL, List.of(3), SQLITE, List.of(1, 2, 3, 4, 5)))
                .differing("json not true", json("{\"meta.vip\": {\"$not\": true}}"),
                        Map.of(POSTGRES, List.of(2, 3, 4, 5), MARIADB, List.of(2), MYSQL, List.of(2), SQLITE, List.of(2, 3, 4, 5)))
                .on("json in", json("{\"meta\": {\"city\": {\"$in\": [\"Bergen\", \"Trondheim\"]}}}"), JSON_PATHS, 2)
                .on("json between", json("{\"meta.age\": {\"$between\": [26, 35]}}"), JSON_PATHS, 1)
                .on("json like", json("{\"meta.city\": {\"$like\": \"B%\"}}"), JSON_PATHS, 2)
                .on("json cast", json("{\"meta.age::integer\": {\"$gte\": 30}}"), JSON_PATHS, 1, 2)
                .on("json array index", json("{\"meta.items[0].name\": \"x\"}"), JSON_PATHS, 5)
                .on("json array key", json("{\"meta\": {\"tags\": {\"1\": \"b\"}}}"), JSON_PATHS, 1)
                .on("json odd keys", json("{\"meta\": {\"odd key\": {\"q\\\"uote\": 1}}}"), JSON_PATHS, 2)
                .on("json or", json("{\"meta\": {\"$or\": [{\"city\": \"Bergen\"}, {\"age\": 25}]}}"), JSON_PATHS, 2, 3)
                .add("json column null", json("{\"meta\": null}"), 4)
                // Elsewhere "data" is JSON (no database but PostgreSQL has JSONB), which containment refuses.
                .on("jsonb contains", json("{\"data\": {\"$contains\": {\"city\": \"Oslo\"}}}"), POSTGRES_ONLY,
                        ValidationError.class, 1, 3)
                .on("jsonb contains array", json("{\"data\": {\"$contains\": {\"tags\": [\"b\"]}}}"), POSTGRES_ONLY,
                        ValidationError.class, 1)
                .on("jsonb contained", json("{\"data\": {\"$contained\": {\"city\": \"Oslo\", \"age\": 25,"
                        + " \"deleted\": null, \"x\": 1}}}"), POSTGRES_ONLY, ValidationError.class, 3);
        return c.cases;
    }

    private static Model seed(LiveSession live) {
        Model rows = live.define("rows", List.of(
                attribute("name", DataTypes.STRING),
                attribute("other", DataTypes.STRING),
                attribute("age", DataTypes.INTEGER),
                attribute("score", DataTypes.BIGINT),
                attribute("active", DataTypes.BOOLEAN),
                attribute("born", DataTypes.DATE),
                attribute("bio", DataTypes.TEXT),
                attribute("meta", DataTypes.JSON),
                // JSONB is PostgreSQL's; elsewhere the same document is a JSON column, and the JSONB operators refuse it.
                attribute("data", live.database() == POSTGRES ? DataTypes.JSONB : DataTypes.JSON)),
                ModelOptions.options().timestamps(false).tableName("op_" + live.name("rows")));
        rows.sync(true).join();
        row(rows, "Ann", "Ann", 30, 5_000_000_000L, true, "1990-05-01T10:00:00Z", "fat cats and rats",
                json("{\"city\": \"Oslo\", \"age\": 30, \"vip\": true, \"tags\": [\"a\", \"b\"], \"price\": 9.5}"));
        row(rows, "Bob", "Rob", 40, 10L, false, "1985-01-01T00:00:00Z", "dogs",
                json("{\"city\": \"Bergen\", \"age\": 40, \"vip\": false, \"price\": 5.4, \"odd key\": {\"q\\\"uote\": 1}}"));
        row(rows, "anna", "anna", null, null, null, null, null,
                json("{\"city\": \"Oslo\", \"age\": 25, \"deleted\": null}"));
        row(rows, "Cy_%", null, 18, 1L, true, "2000-02-29T12:00:00Z", "rat race", null);
        row(rows, "Dora", "Dora", 65, 7L, false, "2010-01-01T00:00:00Z", "a rat",
                json("{\"address\": {\"city\": \"Oslo\"}, \"items\": [{\"name\": \"x\"}]}"));
        return rows;
    }

    private static void row(Model rows, String name, String other, Integer age, Long score, Boolean active, String born,
                            String bio, Map<?, ?> meta) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", name);
        values.put("other", other);
        values.put("age", age);
        values.put("score", score);
        values.put("active", active);
        values.put("born", born == null ? null : Instant.parse(born));
        values.put("bio", bio);
        values.put("meta", meta);
        values.put("data", meta);
        rows.create(values).join();
    }

    @ParameterizedTest
    @EnumSource(value = LiveDatabase.class, names = {"SQLITE", "POSTGRES", "MARIADB", "MYSQL"})
    void everyOperatorFindsTheRowsItMeans(LiveDatabase database) {
        try (LiveSession live = database.session(SequelizeOptions.options().logging(false))) {
            Model rows = seed(live);
            assertThat(ids(rows, options().attributes("id"))).as("seeded ids").containsExactly(1, 2, 3, 4, 5);

            SoftAssertions soft = new SoftAssertions();
            for (Case c : cases()) {
                List<Integer> expected = c.ids().get(database);
                if (expected == null) {
                    Throwable thrown = catchCause(() -> rows.findAll(c.find()).join());
                    soft.assertThat(thrown).as("%s on %s", c.name(), database).isInstanceOf(c.refusal());
                } else {
                    try {
                        soft.assertThat(ids(rows, c.find())).as("%s on %s", c.name(), database)
                                .containsExactlyElementsOf(expected);
                    } catch (CompletionException e) {
                        soft.fail(c.name() + " on " + database + " failed: " + e.getCause());
                    }
                }
            }
            soft.assertAll();
        }
    }

    private static List<Integer> ids(Model rows, FindOptions options) {
        return rows.findAll(options).join().stream().map(row -> row.get("id", Integer.class)).toList();
    }

    private static Throwable catchCause(Runnable call) {
        try {
            call.run();
            return null;
        } catch (CompletionException e) {
            return e.getCause();
        }
    }
}
