package dev.sequelj.conformance.property;

import dev.sequelj.render.Sql;
import dev.sequelj.render.SqlRenderer;
import dev.sequelj.render.dialect.Dialect;
import dev.sequelj.render.dialect.Dialects;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Placeholders equal params: in every dialect, the {@code ?}s outside quoted identifiers and string
 * literals are exactly as many as the params bound to them, for random calls on models whose names are
 * full of {@code ?}, quotes, comment starts and unicode. And nothing a user wrote leaks out of its
 * quotes: every quote closes, and what lies outside quotes is SQL's own keywords and punctuation only.
 */
class PlaceholderProperties {
    /** What the renderer itself writes outside quotes: keywords, numbers, operators, punctuation. */
    private static final Pattern SQL_OWN_TEXT = Pattern.compile("[A-Za-z0-9_ (),.;=<>!?*+-]*");

    @Property(tries = 1000)
    void placeholdersOutsideQuotesEqualParams(@ForAll("calls") ModelCallSpec call) {
        for (Dialect dialect : Dialects.all()) {
            Sql sql = SqlRenderer.render(call.build(), dialect);
            String outside = SqlScanner.outsideQuotes(sql.text(), QuoteRule.of(dialect));
            assertThat(outside.chars().filter(c -> c == '?').count())
                    .as("%s: placeholders in %s, params %s", dialect, sql.text(), sql.params())
                    .isEqualTo(sql.params().size());
            assertThat(outside).as("%s: text outside quotes in %s", dialect, sql.text())
                    .matches(SQL_OWN_TEXT)
                    .doesNotContain("--");
        }
    }

    @Provide
    Arbitrary<ModelCallSpec> calls() {
        return CallArbitraries.calls();
    }
}
