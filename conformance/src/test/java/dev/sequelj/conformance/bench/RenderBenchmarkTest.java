package dev.sequelj.conformance.bench;

import dev.sequelj.render.FinderSql;
import dev.sequelj.render.Sql;
import dev.sequelj.render.dialect.Dialects;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The contestants of {@link RenderBenchmark} must do the same work, or the comparison means nothing. */
class RenderBenchmarkTest {
    private final RenderBenchmark benchmark = new RenderBenchmark();

    @Test
    void theHandWrittenFloorEmitsExactlySequeljsTextAndParameters() {
        Sql sql = benchmark.sequelj();
        List<Object> params = new ArrayList<>();

        assertThat(benchmark.handWritten(params)).isEqualTo(sql.text());
        assertThat(params).isEqualTo(sql.params().toJavaList());
    }

    @Test
    void everySequeljContestantRendersTheSameSqlAndParameters() {
        Sql uncached = benchmark.sequeljUncached();

        assertThat(benchmark.sequelj()).isEqualTo(uncached);
        assertThat(benchmark.sequelj()).isEqualTo(uncached);
        assertThat(benchmark.finderOnly()).isEqualTo(uncached);
        assertThat(benchmark.sequeljStatementThenRender()).isEqualTo(uncached);
        assertThat(benchmark.sequeljStatementThenRender()).isEqualTo(uncached);
        assertThat(benchmark.renderOnly()).isEqualTo(uncached);
        assertThat(benchmark.renderOnlyUncached()).isEqualTo(uncached);
        assertThat(benchmark.sequeljPrepared()).isEqualTo(uncached);
    }

    /** Else {@code sequelj} would measure the ordinary path under another name. */
    @Test
    void theBenchmarkedFinderIsAnsweredFromItsPreparedShape() {
        benchmark.sequelj();

        assertThat(FinderSql.prepared(RenderBenchmark.USER, benchmark.options(), Dialects.POSTGRES)).isTrue();
    }

    @Test
    void jooqBuildsTheSameQueryWithTheSameBindValues() {
        String jooq = benchmark.jooqQuery().getSQL();

        assertThat(jooq).isEqualTo("select \"user\".\"id\", \"user\".\"firstName\", \"user\".\"lastName\", "
                + "\"user\".\"email\", \"user\".\"age\", \"user\".\"createdAt\", \"user\".\"updatedAt\" "
                + "from \"users\" as \"user\" where ((\"user\".\"age\" > ? and \"user\".\"lastName\" in (?, ?, ?)) "
                + "or \"user\".\"email\" like ?) order by \"user\".\"createdAt\" desc, \"user\".\"id\" asc "
                + "offset ? rows fetch next ? rows only");
        assertThat(benchmark.jooqQuery().getBindValues())
                .containsExactlyElementsOf(new ArrayList<>(List.of(30, "Hancock", "Smith", "Jones", "%@example.com", 20L, 10L)));
    }
}
