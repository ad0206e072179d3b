package dev.sequelj.executor.spi;

import io.vavr.collection.Array;
import io.vavr.control.Option;

import java.util.Arrays;
import java.util.List;

/**
 * What running a statement produced.
 *
 * @param columns      the result's column labels, in order (empty when no rows were asked for)
 * @param rows         one array of values per row, in column order; values are plain Java objects
 *                     (numbers, strings, {@code Boolean}, {@code byte[]}, {@code OffsetDateTime},
 *                     {@code LocalDateTime}, ...), never JDBC classes
 * @param updateCount  rows changed, or -1 when not known
 * @param generatedKey the key the database generated for an INSERT, when asked for
 */
public record QueryResult(Array<String> columns, List<Object[]> rows, long updateCount, Option<Object> generatedKey) {

    /** No columns, no rows, no count known: what a statement that hands back nothing answers. */
    public static QueryResult empty() {
        return new QueryResult(Array.empty(), List.of(), -1, Option.none());
    }

    /**
     * A result set: the column labels and one array of values per row.
     *
     * <pre>{@code
     * QueryResult.rows(List.of("id", "firstName"), new Object[] {1, "John"}, new Object[] {2, "Jane"})
     * }</pre>
     */
    public static QueryResult rows(List<String> columns, Object[]... rows) {
        for (Object[] row : rows) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException("a row of " + row.length + " values for " + columns.size()
                        + " columns " + columns + ": " + Arrays.toString(row));
            }
        }
        return new QueryResult(Array.ofAll(columns), List.copyOf(Arrays.asList(rows)), -1, Option.none());
    }

    /** The answer to an UPDATE or DELETE: {@code count} rows changed. */
    public static QueryResult updated(long count) {
        return new QueryResult(Array.empty(), List.of(), count, Option.none());
    }

    /** The answer to an INSERT whose key the database generated (MySQL): one row, that key. */
    public static QueryResult generatedKey(Object key) {
        return new QueryResult(Array.empty(), List.of(), 1, Option.of(key));
    }
}
