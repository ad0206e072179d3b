package dev.sequelj.executor.live;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.executor.Model;
import dev.sequelj.executor.QueryOptions;
import dev.sequelj.executor.Sequelize;
import dev.sequelj.executor.SequelizeOptions;
import dev.sequelj.executor.Transaction;
import dev.sequelj.executor.query.InsertResult;
import dev.sequelj.executor.query.QueryTypes;
import dev.sequelj.executor.query.RawResult;
import dev.sequelj.executor.testing.LiveDatabase;
import dev.sequelj.executor.testing.LiveSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.sequelj.ast.model.Attribute.attribute;
import static dev.sequelj.executor.testing.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sequelize.query} on every live database: replacements and bind parameters are bound (values
 * that look like SQL stay values), placeholders inside literals stay text, and each query type answers
 * as documented. Table {@code tx_raw_items}, dropped when each test's session closes.
 */
class RawQueryLiveTest {
    /** Values that would change the statement if they were spliced into it. */
    private static final List<String> HOSTILE = List.of(
            "'); DROP TABLE tx_raw_items; --",
            "it's",
            "back\\slash' OR '1'='1",
            "\\'; DELETE FROM tx_raw_items; #",
            "? :name $1 $$",
            "/* not a comment */ -- nor this",
            "\"double\" `back` [bracket]",
            "snow ☃ and NUL-free unicode é");

    private static Model items(LiveSession live) {
        Model items = live.define("item", List.of(
                attribute("name", DataTypes.TEXT), attribute("qty", DataTypes.INTEGER)),
                ModelOptions.options().tableName("tx_raw_items").timestamps(false));
        items.sync(true).join();
        return items;
    }

    private static LiveSession session(LiveDatabase database) {
        return database.session(SequelizeOptions.options().logging(false));
    }

    private static List<Object> column(List<Map<String, Object>> rows, String label) {
        return rows.stream().map(row -> row.get(label)).toList();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void replacementsAndBindValuesAreStoredExactlyAsGiven(LiveDatabase database) {
        try (LiveSession live = session(database)) {
            Model items = items(live);
            Sequelize sequelize = live.sequelize();
            List<Long> insertIds = new ArrayList<>();
            for (int i = 0; i < HOSTILE.size(); i++) {
                String name = HOSTILE.get(i);
                InsertResult inserted = switch (i % 3) {
                    case 0 -> sequelize.query("INSERT INTO tx_raw_items (name, qty) VALUES (?, ?)",
                            QueryOptions.options(QueryTypes.INSERT).replacements(List.of(name, i))).join();
                    case 1 -> sequelize.query("INSERT INTO tx_raw_items (name, qty) VALUES (:name, :qty)",
                            QueryOptions.options(QueryTypes.INSERT).replacements(Map.of("name", name, "qty", i))).join();
                    default -> sequelize.query("INSERT INTO tx_raw_items (name, qty) VALUES ($1, $2)",
                            QueryOptions.options(QueryTypes.INSERT).bind(List.of(name, i))).join();
                };
                assertThat(inserted.affectedRows()).isEqualTo(1);
                insertIds.add(number(inserted.insertId().orElseThrow()));
            }

            List<Map<String, Object>> rows = sequelize.query("SELECT id, name, qty FROM tx_raw_items ORDER BY id",
                    QueryOptions.options(QueryTypes.SELECT)).join();
            assertThat(column(rows, "name")).containsExactlyElementsOf(HOSTILE);
            assertThat(rows).extracting(row -> number(row.get("id"))).containsExactlyElementsOf(insertIds);
            assertThat(rows).extracting(row -> number(row.get("qty"))).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
            assertThat(rows.get(0).keySet()).containsExactly("id", "name", "qty");
            assertThat(items.findAll().join()).hasSize(HOSTILE.size());
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void placeholdersInsideLiteralsAndCommentsAreText(LiveDatabase database) {
        try (LiveSession live = session(database)) {
            Sequelize sequelize = live.sequelize();
            Optional<Map<String, Object>> row = sequelize.query(
                    "SELECT '?' AS q, ':name' AS n, '$1' AS d, 'it''s ?' AS s, /* ? :name */ ? AS v -- ? :name\n",
                    QueryOptions.options().replacements(List.of("value")).plain()).join();

            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("q", "?");
            expected.put("n", ":name");
            expected.put("d", "$1");
            expected.put("s", "it's ?");
            expected.put("v", "value");
            assertThat(row).contains(expected);
        }
    }

    /** The database's own lexical rules: PostgreSQL casts and dollar quotes, MySQL backslash escapes. */
    @ParameterizedTest
    @EnumSource(value = LiveDatabase.class, names = {"POSTGRES", "MARIADB", "MYSQL"})
    void eachDatabasesOwnLiteralsAreRespected(LiveDatabase database) {
        try (LiveSession live = session(database)) {
            Sequelize sequelize = live.sequelize();
            String sql = database == LiveDatabase.POSTGRES
                    ? "SELECT :n::int + 1 AS r, $$it's ? :n$$ AS s, E'\\' :n' AS e"
                    : "SELECT CAST(:n AS SIGNED) + 1 AS r, 'it\\'s ? :n' AS s, \"\\\" :n\" AS e";
            Map<String, Object> row = sequelize.query(sql, QueryOptions.options().replacements(Map.of("n", "41")).plain())
                    .join().orElseThrow();

            assertThat(number(row.get("r"))).isEqualTo(42);
            assertThat(row.get("s")).isEqualTo("it's ? :n");
            assertThat(row.get("e")).isEqualTo(database == LiveDatabase.POSTGRES ? "' :n" : "\" :n");
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void namedListsFillInAndBindNamesRepeat(LiveDatabase database) {
        try (LiveSession live = session(database)) {
            items(live);
            Sequelize sequelize = live.sequelize();
            for (String name : List.of("a", "b", "c", "d")) {
                sequelize.query("INSERT INTO tx_raw_items (name, qty) VALUES (?, 1)",
                        QueryOptions.options(QueryTypes.INSERT).replacements(List.of(name))).join();
            }
            List<Map<String, Object>> picked = sequelize.query(
                    "SELECT name FROM tx_raw_items WHERE name IN (:names) AND qty = :qty ORDER BY name",
                    QueryOptions.options(QueryTypes.SELECT).replacements(Map.of("names", List.of("b", "d", "z"), "qty", 1))).join();
            List<Map<String, Object>> same = sequelize.query(
                    "SELECT name FROM tx_raw_items WHERE name = $n OR (name > $n AND name < $upTo) ORDER BY name",
                    QueryOptions.options(QueryTypes.SELECT).bind(Map.of("n", "b", "upTo", "d"))).join();

            assertThat(column(picked, "name")).containsExactly("b", "d");
            assertThat(column(same, "name")).containsExactly("b", "c");
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void updateDeleteAndRawAnswerWithWhatHappened(LiveDatabase database) {
        try (LiveSession live = session(database)) {
            items(live);
            Sequelize sequelize = live.sequelize();
            for (int qty = 1; qty <= 5; qty++) {
                sequelize.query("INSERT INTO tx_raw_items (name, qty) VALUES ('x', ?)",
                        QueryOptions.options(QueryTypes.INSERT).replacements(List.of(qty))).join();
            }
            long updated = sequelize.query("UPDATE tx_raw_items SET qty = qty + :step WHERE qty >= :min",
                    QueryOptions.options(QueryTypes.UPDATE).replacements(Map.of("step", 10, "min", 3))).join();
            long deleted = sequelize.query("DELETE FROM tx_raw_items WHERE qty < $1",
                    QueryOptions.options(QueryTypes.DELETE).bind(List.of(10))).join();
            RawResult remaining = sequelize.query("SELECT qty FROM tx_raw_items ORDER BY qty").join();
            RawResult created = sequelize.query("CREATE TABLE tx_raw_extra (id INTEGER)").join();
            sequelize.query("DROP TABLE tx_raw_extra").join();

            assertThat(updated).isEqualTo(3);
            assertThat(deleted).isEqualTo(2);
            assertThat(remaining.rows()).extracting(row -> number(row.get("qty"))).containsExactly(13L, 14L, 15L);
            assertThat(remaining.affectedRows()).isEqualTo(-1);
            assertThat(created.rows()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void aQueryInATransactionIsUndoneWithIt(LiveDatabase database) {
        try (LiveSession live = session(database)) {
            Model items = items(live);
            Sequelize sequelize = live.sequelize();
            Transaction t = sequelize.transaction().join();
            sequelize.query("INSERT INTO tx_raw_items (name, qty) VALUES (:name, 1)",
                    QueryOptions.options(QueryTypes.INSERT).replacements(Map.of("name", "gone")).transaction(t)).join();
            long inside = sequelize.query("SELECT COUNT(*) AS n FROM tx_raw_items", QueryOptions.options().plain().transaction(t))
                    .join().map(row -> number(row.get("n"))).orElseThrow();
            t.rollback().join();

            assertThat(inside).isEqualTo(1);
            assertThat(items.findAll().join()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void aMissingValueFailsBeforeAnySqlAndChangesNothing(LiveDatabase database) {
        try (LiveSession live = session(database)) {
            Model items = items(live);
            Sequelize sequelize = live.sequelize();

            failure(sequelize.query("DELETE FROM tx_raw_items WHERE name = :name",
                    QueryOptions.options(QueryTypes.DELETE).replacements(Map.of("nmae", "x"))), ValidationError.class);
            failure(sequelize.query("INSERT INTO tx_raw_items (name, qty) VALUES (?, ?)",
                    QueryOptions.options(QueryTypes.INSERT).replacements(List.of("only one"))), ValidationError.class);
            failure(sequelize.query("INSERT INTO tx_raw_items (name) VALUES ('unterminated)"), ValidationError.class);

            assertThat(items.findAll().join()).isEmpty();
        }
    }
}
