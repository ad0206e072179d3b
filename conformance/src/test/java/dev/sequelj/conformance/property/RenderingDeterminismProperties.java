package dev.sequelj.conformance.property;

import dev.sequelj.ast.statement.Statement;
import dev.sequelj.render.Sql;
import dev.sequelj.render.SqlRenderer;
import dev.sequelj.render.dialect.Dialect;
import dev.sequelj.render.dialect.Dialects;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rendering is a function of the statement: the same statement rendered again, the same call built a
 * second time (a separately built, equal statement), or rendered after another statement has been
 * rendered, gives the same text and the same params, in every dialect. This is what makes it safe to
 * cache SQL by statement.
 */
class RenderingDeterminismProperties {

    @Property(tries = 1000)
    void theSameStatementRendersTheSameEveryTime(@ForAll("calls") ModelCallSpec call, @ForAll("calls") ModelCallSpec other) {
        Statement statement = call.build();
        Statement rebuilt = call.build();
        assertThat(rebuilt).as("a second build of %s", call).isEqualTo(statement).isNotSameAs(statement);
        for (Dialect dialect : Dialects.all()) {
            Sql first = SqlRenderer.render(statement, dialect);
            assertThat(SqlRenderer.render(statement, dialect)).as("%s, rendered again", dialect).isEqualTo(first);
            assertThat(SqlRenderer.render(rebuilt, dialect)).as("%s, built again", dialect).isEqualTo(first);
            SqlRenderer.render(other.build(), dialect);
            assertThat(SqlRenderer.render(statement, dialect)).as("%s, after rendering another statement", dialect)
                    .isEqualTo(first);
        }
    }

    @Provide
    Arbitrary<ModelCallSpec> calls() {
        return CallArbitraries.calls();
    }
}
