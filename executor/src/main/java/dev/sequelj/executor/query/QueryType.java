package dev.sequelj.executor.query;

import dev.sequelj.executor.spi.QueryResult;
import dev.sequelj.render.Sql;

import java.util.function.Function;

/**
 * What kind of statement a raw query is, and so what {@code sequelize.query} answers with: one of
 * {@link QueryTypes}, as Sequelize's {@code QueryTypes}. The type parameter is the answer's Java type.
 *
 * <pre>{@code
 * List<Map<String, Object>> rows = sequelize.query("SELECT 1 AS one", QueryOptions.options(QueryTypes.SELECT)).join();
 * }</pre>
 *
 * @param <R> what a query of this type answers with
 */
public final class QueryType<R> {
    private final String name;
    private final Sql.Returns returns;
    private final Function<QueryResult, R> answer;

    QueryType(String name, Sql.Returns returns, Function<QueryResult, R> answer) {
        this.name = name;
        this.returns = returns;
        this.answer = answer;
    }

    /** Sequelize's name: {@code SELECT}, {@code INSERT}, ... */
    public String name() {
        return name;
    }

    /** What the executor is asked to collect for a query of this type. */
    public Sql.Returns returns() {
        return returns;
    }

    /** The answer built from what the executor collected. */
    public R answer(QueryResult result) {
        return answer.apply(result);
    }

    @Override
    public String toString() {
        return name;
    }
}
