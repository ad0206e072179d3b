package dev.sequelj.ast.finder;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.statement.Lock;
import dev.sequelj.ast.statement.OrderItem.Direction;
import dev.sequelj.ast.statement.OrderItem.Nulls;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.sequelj.ast.finder.FindOptions.options;
import static dev.sequelj.ast.finder.Where.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Finder options are values: each call returns new options, and the same options built any way are equal. */
class FindOptionsTest {

    @Test
    void optionsSetInAnyOrderAreEqualAndHashAlike() {
        FindOptions one = options().where(col("age").gt(30)).order("age", Direction.DESC).limit(10).offset(200)
                .raw(true).lock(Lock.UPDATE).excludeAttributes("password");
        FindOptions other = options().excludeAttributes("password").lock(Lock.UPDATE).raw(true).offset(200).limit(10)
                .order("age", "desc").where(col("age").gt(30));

        assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
        assertThat(one.limit()).isEqualTo(Option.some(10));
        assertThat(one.offset()).isEqualTo(Option.some(200));
        assertThat(one.order()).containsExactly(new Ordering(Either.left("age"), Option.some(Direction.DESC), Option.none()));
    }

    @Test
    void eachCallLeavesTheOptionsItWasCalledOnAsTheyWere() {
        FindOptions base = options().order("a", Direction.ASC);
        FindOptions more = base.order("b", Direction.DESC, Nulls.LAST).limit(5).paranoid(false);

        assertThat(base.order()).hasSize(1);
        assertThat(base.limit()).isEmpty();
        assertThat(base.paranoid()).isTrue();
        assertThat(more.order().map(o -> o.key().getLeft())).containsExactly("a", "b");
        assertThat(more.order().get(1).nulls()).contains(Nulls.LAST);
        assertThat(more.paranoid()).isFalse();
        assertThat(options()).isEqualTo(options().where(Map.of()));
    }

    @Test
    void theOptionsEqualTheSameOptionsHoldingOtherKindsOfLists() {
        Ordering key = new Ordering(Either.left("age"), Option.some(Direction.DESC), Option.none());
        FindOptions built = options().order("age", Direction.DESC);
        FindOptions withVectors = new FindOptions(Option.none(), Vector.of(key), Option.none(), Option.none(),
                new FindOptions.Extras(LinkedHashMap.empty(), Option.none(), Vector.empty(), Vector.empty(),
                        Vector.empty(), Option.none(), false, Option.none(), Option.none(), true, false));

        assertThat(built).isEqualTo(withVectors).hasSameHashCodeAs(withVectors);
    }

    @Test
    void aTypedWhereReplacesAnObjectWhereAndTheAttributesItSet() {
        Expression typed = col("id").eq(5);
        FindOptions object = options().where(Map.of("id", 5));

        assertThat(object.whereAttributes().get("id")).contains(Option.some(5));
        assertThat(object.where(typed)).isEqualTo(options().where(typed));
        assertThat(object.where(typed).whereAttributes()).isEmpty();
    }

    @Test
    void pagesAreCheckedWhateverTheirSize() {
        assertThat(options().limit(0).limit()).contains(0);
        assertThat(options().limit(127).limit()).contains(127);
        assertThat(options().limit(128).limit()).contains(128);
        assertThat(options().offset(1_000_000).offset()).contains(1_000_000);
        assertThatThrownBy(() -> options().limit(-1)).isInstanceOf(ValidationError.class)
                .hasMessage("limit must be 0 or more, got -1");
        assertThatThrownBy(() -> options().offset(-3)).isInstanceOf(ValidationError.class)
                .hasMessage("offset must be 0 or more, got -3");
    }

    @Test
    void aNullDirectionOrNullPlacementIsRefusedTyped() {
        assertThatThrownBy(() -> options().order("age", (Direction) null)).isInstanceOf(ValidationError.class)
                .hasMessage("order: a direction must be ASC or DESC, got null; leave it out for the database's default");
        assertThatThrownBy(() -> options().order("age", Direction.ASC, null)).isInstanceOf(ValidationError.class)
                .hasMessage("order: NULLS must be FIRST or LAST, got null; leave it out for the database's default");
        assertThatThrownBy(() -> options().order(col("age").gt(1), (Direction) null)).isInstanceOf(ValidationError.class);
    }
}
