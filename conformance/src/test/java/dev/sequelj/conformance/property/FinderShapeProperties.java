package dev.sequelj.conformance.property;

import dev.sequelj.ast.finder.FindOptions;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.render.dialect.Dialect;
import dev.sequelj.render.dialect.Dialects;
import dev.sequelj.render.shape.FinderShape;
import dev.sequelj.render.shape.FinderShape.Finder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple3;
import net.jqwik.api.statistics.Statistics;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading a finder call against a kept shape ({@link FinderShape#readMatching}, the one-walk path
 * {@code FinderSql} tries first) answers exactly what reading it afresh and comparing answers: true only when
 * the call has a shape and it equals the kept one, with the same values, limit and offset read.
 */
class FinderShapeProperties {

    @Property(tries = 1000)
    void readingAgainstAKeptShapeIsReadingThenComparing(@ForAll("pairs") Tuple3<ModelDefinition, FindSpec, FindSpec> pair) {
        ModelDefinition model = pair.get1();
        FindOptions first;
        FindOptions second;
        try {
            first = pair.get2().options();
            second = pair.get3().options();
        } catch (RuntimeException refusedByTheOptions) {
            return;
        }
        FinderShape reader = FinderShape.reader();
        for (Finder finder : new Finder[] {Finder.FIND_ALL, Finder.FIND_ONE}) {
            for (Dialect keptDialect : new Dialect[] {Dialects.POSTGRES, Dialects.SQLITE}) {
                if (!reader.readAgain(finder, model, null, first, keptDialect)) {
                    continue;
                }
                FinderShape kept = reader.withoutValues();
                for (Dialect dialect : new Dialect[] {Dialects.POSTGRES, Dialects.SQLITE}) {
                    for (Finder other : new Finder[] {Finder.FIND_ALL, Finder.FIND_ONE}) {
                        boolean shaped = reader.readAgain(other, model, null, second, dialect);
                        boolean same = shaped && reader.equals(kept);
                        Object[] values = Arrays.copyOf(reader.values(), reader.valueCount());
                        int limit = reader.limit();
                        int offset = reader.offset();
                        reader.forget();

                        boolean matched = reader.readMatching(kept, other, model, null, second, dialect);
                        assertThat(matched).as("%s %s against %s", other, dialect, kept).isEqualTo(same);
                        if (matched) {
                            assertThat(Arrays.copyOf(reader.values(), reader.valueCount())).isEqualTo(values);
                            assertThat(reader.limit()).isEqualTo(limit);
                            assertThat(reader.offset()).isEqualTo(offset);
                        }
                        reader.forget();
                        Statistics.label("matched").collect(matched);
                    }
                }
            }
        }
    }

    /** Two finds on one model: the same find (its shape kept, so matching), another, or one with other values. */
    @Provide
    Arbitrary<Tuple3<ModelDefinition, FindSpec, FindSpec>> pairs() {
        return ModelArbitraries.models().flatMap(model -> {
            Arbitrary<FindSpec> finds = FindArbitraries.finds(model);
            return Combinators.combine(finds, finds, Arbitraries.integers().between(0, 2)).as((a, b, which) ->
                    Tuple.of(model, a, which == 0 ? a : b));
        });
    }
}
