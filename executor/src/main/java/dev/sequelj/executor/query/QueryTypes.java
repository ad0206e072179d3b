package dev.sequelj.executor.query;

import dev.sequelj.executor.spi.QueryResult;
import dev.sequelj.render.Sql;
import io.vavr.collection.Array;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sequelize's {@code QueryTypes} for {@code sequelize.query}: each says what the statement is and what
 * the query answers with.
 *
 * <table>
 *   <caption>What each type answers with</caption>
 *   <tr><th>type</th><th>answer</th></tr>
 *   <tr><td>{@link #SELECT}</td><td>the rows, each a map of column label to value, in column order</td></tr>
 *   <tr><td>{@link #INSERT}</td><td>{@link InsertResult}: the generated key the driver reports and the rows inserted</td></tr>
 *   <tr><td>{@link #UPDATE}, {@link #DELETE}</td><td>the number of rows affected</td></tr>
 *   <tr><td>{@link #RAW} (the default)</td><td>{@link RawResult}: the rows, if any, and the update count</td></tr>
 * </table>
 *
 * <p>An {@code INSERT ... RETURNING} (or {@code UPDATE ... RETURNING}) whose rows you want is run as
 * {@link #SELECT}.
 */
public final class QueryTypes {
    public static final QueryType<List<Map<String, Object>>> SELECT =
            new QueryType<>("SELECT", Sql.Returns.ROWS, QueryTypes::rows);
    public static final QueryType<InsertResult> INSERT = new QueryType<>("INSERT", Sql.Returns.GENERATED_KEYS,
            result -> new InsertResult(result.generatedKey().toJavaOptional(), result.updateCount()));
    public static final QueryType<Long> UPDATE = new QueryType<>("UPDATE", Sql.Returns.ROWS, QueryTypes::affected);
    public static final QueryType<Long> DELETE = new QueryType<>("DELETE", Sql.Returns.ROWS, QueryTypes::affected);
    public static final QueryType<RawResult> RAW = new QueryType<>("RAW", Sql.Returns.ROWS,
            result -> new RawResult(rows(result), result.updateCount()));

    private QueryTypes() {}

    /** Each row as a read-only map of column label to value; a label that appears twice keeps its last value. */
    static List<Map<String, Object>> rows(QueryResult result) {
        Array<String> labels = result.columns();
        List<Map<String, Object>> rows = new ArrayList<>(result.rows().size());
        for (Object[] values : result.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < labels.size(); i++) {
                row.put(labels.get(i), values[i]);
            }
            rows.add(Collections.unmodifiableMap(row));
        }
        return Collections.unmodifiableList(rows);
    }

    /** The update count; with a RETURNING clause the database hands back rows instead, one per row affected. */
    private static Long affected(QueryResult result) {
        return result.updateCount() >= 0 ? result.updateCount() : result.rows().size();
    }
}
