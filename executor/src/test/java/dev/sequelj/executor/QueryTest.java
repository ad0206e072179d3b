package dev.sequelj.executor;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.executor.query.InsertResult;
import dev.sequelj.executor.query.QueryTypes;
import dev.sequelj.executor.query.RawResult;
import dev.sequelj.executor.spi.QueryResult;
import dev.sequelj.executor.testing.RecordingExecutor;
import dev.sequelj.render.Sql;
import dev.sequelj.render.Sql.Returns;
import io.vavr.collection.Array;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.sequelj.executor.testing.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@code sequelize.query} against the recording executor: the statement it sends (placeholders bound,
 * what to collect) and what each query type answers with.
 */
class QueryTest {
    private static final QueryResult TWO_ROWS = new QueryResult(Array.of("id", "name"),
            List.of(new Object[] {1, "Ann"}, new Object[] {2, "Bob"}), -1, Option.none());

    private final RecordingExecutor executor = new RecordingExecutor();
    private final List<String> log = new CopyOnWriteArrayList<>();

    private Sequelize sequelize(String dialect) {
        return new Sequelize(dialect, executor, SequelizeOptions.options().logging(log::add));
    }

    private static Sql sql(String text, Returns returns, Object... params) {
        return new Sql(text, Array.of(params), returns);
    }

    private static Map<String, Object> row(Object id, Object name) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("name", name);
        return row;
    }

    @Test
    void selectAnswersWithEachRowAsAMapInColumnOrder() {
        executor.answer(TWO_ROWS);
        try (Sequelize sequelize = sequelize("postgres")) {
            List<Map<String, Object>> rows = sequelize.query("  SELECT id, name FROM projects WHERE status = :status\n",
                    QueryOptions.options(QueryTypes.SELECT).replacements(Map.of("status", "active"))).join();

            assertThat(rows).containsExactly(row(1, "Ann"), row(2, "Bob"));
            assertThat(rows.get(0).keySet()).containsExactly("id", "name");
            assertThat(executor.statements()).containsExactly(
                    sql("SELECT id, name FROM projects WHERE status = ?", Returns.ROWS, "active"));
            assertThat(log).containsExactly("Executing (default): SELECT id, name FROM projects WHERE status = ?");
        }
    }

    @Test
    void plainAnswersWithTheFirstRowOnly() {
        executor.answer(TWO_ROWS).answer(QueryResult.empty());
        try (Sequelize sequelize = sequelize("mysql")) {
            Optional<Map<String, Object>> first = sequelize.query("SELECT id, name FROM t WHERE id > ?",
                    QueryOptions.options().replacements(List.of(0)).plain()).join();
            Optional<Map<String, Object>> none = sequelize.query("SELECT id, name FROM t", QueryOptions.options().plain()).join();

            assertThat(first).contains(row(1, "Ann"));
            assertThat(none).isEmpty();
            assertThat(executor.statements()).containsExactly(
                    sql("SELECT id, name FROM t WHERE id > ?", Returns.ROWS, 0),
                    sql("SELECT id, name FROM t", Returns.ROWS));
        }
    }

    @Test
    void insertAsksForTheGeneratedKeyAndAnswersWithItAndTheCount() {
        executor.answer(new QueryResult(Array.empty(), List.of(), 2, Option.some(BigInteger.valueOf(41))));
        try (Sequelize sequelize = sequelize("mariadb")) {
            InsertResult inserted = sequelize.query("INSERT INTO t (name) VALUES ($1), ($2)",
                    QueryOptions.options(QueryTypes.INSERT).bind(List.of("Ann", "Bob"))).join();

            assertThat(inserted).isEqualTo(new InsertResult(Optional.of(BigInteger.valueOf(41)), 2));
            assertThat(executor.statements()).containsExactly(
                    sql("INSERT INTO t (name) VALUES (?), (?)", Returns.GENERATED_KEYS, "Ann", "Bob"));
        }
    }

    @Test
    void updateAndDeleteAnswerWithTheRowsAffected() {
        executor.answer(new QueryResult(Array.empty(), List.of(), 3, Option.none())).answer(TWO_ROWS);
        try (Sequelize sequelize = sequelize("postgres")) {
            long updated = sequelize.query("UPDATE t SET active = $active WHERE id IN (1, 2, 3)",
                    QueryOptions.options(QueryTypes.UPDATE).bind(Map.of("active", false))).join();
            // With RETURNING the database hands back the rows instead of a count: one per row deleted.
            long deleted = sequelize.query("DELETE FROM t WHERE id < 3 RETURNING id, name",
                    QueryOptions.options(QueryTypes.DELETE)).join();

            assertThat(updated).isEqualTo(3);
            assertThat(deleted).isEqualTo(2);
            assertThat(executor.statements()).containsExactly(
                    sql("UPDATE t SET active = ? WHERE id IN (1, 2, 3)", Returns.ROWS, false),
                    sql("DELETE FROM t WHERE id < 3 RETURNING id, name", Returns.ROWS));
        }
    }

    @Test
    void rawIsTheDefaultAndAnswersWithRowsAndTheUpdateCount() {
        executor.answer(new QueryResult(Array.empty(), List.of(), 0, Option.none())).answer(TWO_ROWS);
        try (Sequelize sequelize = sequelize("sqlite")) {
            RawResult ddl = sequelize.query("CREATE TABLE t (id INTEGER)").join();
            RawResult select = sequelize.query("SELECT id, name FROM t").join();

            assertThat(ddl).isEqualTo(new RawResult(List.of(), 0));
            assertThat(select).isEqualTo(new RawResult(List.of(row(1, "Ann"), row(2, "Bob")), -1));
            assertThat(executor.statements()).containsExactly(
                    sql("CREATE TABLE t (id INTEGER)", Returns.ROWS), sql("SELECT id, name FROM t", Returns.ROWS));
        }
    }

    @Test
    void theTransactionOptionRunsTheQueryOnTheTransactionsConnection() {
        try (Sequelize sequelize = sequelize("postgres")) {
            Transaction t = sequelize.transaction().join();
            sequelize.query("UPDATE t SET a = ?", QueryOptions.options(QueryTypes.UPDATE)
                    .replacements(List.of(1)).transaction(t)).join();
            t.commit().join();

            assertThat(executor.events()).containsExactly("reserve #1", "#1: START TRANSACTION;",
                    "#1: UPDATE t SET a = ?", "#1: COMMIT;", "release #1");
            assertThat(log).contains("Executing (" + t.id() + "): UPDATE t SET a = ?");
        }
    }

    @Test
    void replacementsAndBindTogetherAreRefusedWhereTheyAreWritten() {
        ValidationError error = catchThrowableOfType(ValidationError.class,
                () -> QueryOptions.options().replacements(List.of(1)).bind(List.of(2)));
        assertThat(error).hasMessage("Both `replacements` and `bind` cannot be set at the same time");
        catchThrowableOfType(ValidationError.class, () -> QueryOptions.options().bind(Map.of("a", 1)).replacements(Map.of("a", 1)));
        // One kind given twice: the second replaces the first.
        assertThat(QueryOptions.options().replacements(List.of(1)).replacements(Map.of("a", 2)).parameters())
                .isEqualTo(new dev.sequelj.executor.query.RawSqlBinder.NamedReplacements(Map.of("a", 2)));
    }

    @Test
    void badSqlOrValuesFailBeforeAnySqlIsSent() {
        try (Sequelize sequelize = sequelize("postgres")) {
            assertThat(failure(sequelize.query("   "), ValidationError.class))
                    .hasMessage("sequelize.query needs SQL to run; got blank text");
            assertThat(failure(sequelize.query("SELECT * FROM t WHERE a = :a",
                    QueryOptions.options(QueryTypes.SELECT).replacements(Map.of("other", 1))), ValidationError.class))
                    .hasMessage("named replacement :a at offset 26 has no entry in the replacements; given: other");
            failure(sequelize.query("SELECT ?", QueryOptions.options().replacements(List.of(1, 2))), ValidationError.class);
            failure(sequelize.query("SELECT 'unterminated"), ValidationError.class);
            failure(sequelize.query("SELECT $2", QueryOptions.options().bind(List.of(1))), ValidationError.class);

            assertThat(executor.statements()).isEmpty();
            assertThat(log).isEmpty();
        }
    }

    @Test
    void nullNamesAreRefusedWhereTheyAreWritten() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(null, 1);
        assertThat(catchThrowableOfType(ValidationError.class, () -> QueryOptions.options().replacements(values)))
                .hasMessage("replacements names must be non-empty; got null");
    }
}
