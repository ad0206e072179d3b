package dev.sequelj.executor.spi;

import io.vavr.collection.Array;
import io.vavr.control.Option;

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

    public static QueryResult empty() {
        return new QueryResult(Array.empty(), List.of(), -1, Option.none());
    }
}
