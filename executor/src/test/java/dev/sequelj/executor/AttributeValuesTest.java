package dev.sequelj.executor;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link AttributeValues} behaves as the {@code LinkedHashMap} it stands for, whatever is done to it. */
class AttributeValuesTest {
    private static final String[] NAMES = {"id", "firstName", "age", "createdAt"};

    /** One change to a map: put a name (known or not), remove one, or clear it. */
    record Change(String kind, String name, Object value) {}

    @Property
    void anySequenceOfChangesLeavesTheSameEntriesInTheSameOrderAsALinkedHashMap(@ForAll("changes") List<Change> changes) {
        Object[] start = {1, "Ann", null, "2026-11-25"};
        Map<String, Object> expected = new LinkedHashMap<>();
        for (int i = 0; i < NAMES.length; i++) {
            expected.put(NAMES[i], start[i]);
        }
        Map<String, Object> actual = AttributeValues.keys(NAMES).values(start.clone());
        Map<String, Object> view = Collections.unmodifiableMap(actual); // made before the changes, as dataValues() is
        for (Change change : changes) {
            switch (change.kind()) {
                case "put" -> assertThat(actual.put(change.name(), change.value())).isEqualTo(expected.put(change.name(), change.value()));
                case "remove" -> assertThat(actual.remove(change.name())).isEqualTo(expected.remove(change.name()));
                default -> {
                    actual.clear();
                    expected.clear();
                }
            }
            assertSame(view, expected);
        }
    }

    @Provide
    Arbitrary<List<Change>> changes() {
        Arbitrary<String> names = Arbitraries.of("id", "firstName", "age", "createdAt", "nickname", "team");
        Arbitrary<Object> values = Arbitraries.oneOf(Arbitraries.integers().between(0, 5).map(i -> (Object) i),
                Arbitraries.just(null));
        Arbitrary<Change> change = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, net.jqwik.api.Combinators.combine(names, values).as((n, v) -> new Change("put", n, v))),
                net.jqwik.api.Tuple.of(2, names.map(n -> new Change("remove", n, null))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Change("clear", null, null))));
        return change.list().ofMaxSize(12);
    }

    private static void assertSame(Map<String, Object> actual, Map<String, Object> expected) {
        assertThat(new ArrayList<>(actual.entrySet())).containsExactlyElementsOf(new ArrayList<>(expected.entrySet()));
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.hashCode()).isEqualTo(expected.hashCode());
        assertThat(actual.toString()).isEqualTo(expected.toString());
        assertThat(actual.size()).isEqualTo(expected.size());
        for (String name : List.of("id", "firstName", "age", "createdAt", "nickname", "team")) {
            assertThat(actual.containsKey(name)).as(name).isEqualTo(expected.containsKey(name));
            assertThat(actual.get(name)).as(name).isEqualTo(expected.get(name));
        }
    }

    @Test
    void aRowHoldsOneValuePerKeyAndKeysAreGivenOnce() {
        AttributeValues.Keys keys = AttributeValues.keys(new String[] {"id", "name"});
        assertThatThrownBy(() -> keys.values(new Object[] {1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AttributeValues.keys(new String[] {"id", "id"})).isInstanceOf(IllegalArgumentException.class);
        assertThat(keys.values(new Object[] {1, null})).containsExactly(Map.entry("id", 1), new java.util.AbstractMap.SimpleEntry<>("name", null));
    }
}
