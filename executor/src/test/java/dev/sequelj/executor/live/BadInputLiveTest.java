package dev.sequelj.executor.live;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.finder.Op;
import dev.sequelj.ast.finder.Where;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.statement.OrderItem.Direction;
import dev.sequelj.executor.Model;
import dev.sequelj.executor.ModelInstance;
import dev.sequelj.executor.SequelizeOptions;
import dev.sequelj.executor.testing.LiveDatabase;
import dev.sequelj.executor.testing.LiveSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.sequelj.ast.finder.FindOptions.options;
import static dev.sequelj.ast.model.Attribute.attribute;
import static dev.sequelj.executor.testing.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad input on a live table: each a {@link ValidationError} failing the future, naming the offender and
 * what is allowed, and the table exactly as it was before.
 */
class BadInputLiveTest {

    private record Fixture(LiveSession live, Model person, List<ModelInstance> before) {
        String model() {
            return live.name("person");
        }

        void assertUnchanged() {
            assertThat(person.findAll(options().order("id", Direction.ASC)).join()).isEqualTo(before);
        }
    }

    private static Fixture fixture(LiveSession live) {
        Model person = live.define("person", List.of(
                attribute("name", DataTypes.STRING).allowNull(false),
                attribute("age", DataTypes.INTEGER),
                attribute("born", DataTypes.DATE)));
        person.sync(true).join();
        List<ModelInstance> before = List.of(
                person.create(Map.of("name", "Ann", "age", 30)).join(),
                person.create(Map.of("name", "Bob", "age", 40)).join());
        return new Fixture(live, person, before);
    }

    private static LiveSession session(LiveDatabase database) {
        return database.session(SequelizeOptions.options().logging(false));
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void createWithAnUnknownAttribute(LiveDatabase database) {
        try (LiveSession live = session(database)) {
            Fixture f = fixture(live);
            ValidationError error = failure(f.person().create(Map.of("name", "Cy", "nickname", "C")), ValidationError.class);
            assertThat(error).hasMessage("model '" + f.model() + "' has no attribute 'nickname'; its attributes are"
                    + " id, name, age, born, createdAt, updatedAt");
            f.assertUnchanged();
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void createWithAValueOfTheWrongType(LiveDatabase database) {
        try (LiveSession live = session(database)) {
            Fixture f = fixture(live);
            ValidationError error = failure(f.person().create(Map.of("name", "Cy", "age", "ten")), ValidationError.class);
            assertThat(error).hasMessage(f.model() + ".age is INTEGER and cannot take String \"ten\"; allowed:"
                    + " Integer, Short, Byte, or a Long/BigInteger within 32 bits");

            error = failure(f.person().create(Map.of("name", "Cy", "age", 1L << 40)), ValidationError.class);
            assertThat(error).hasMessage(f.model() + ".age is INTEGER and cannot take Long 1099511627776; allowed:"
                    + " Integer, Short, Byte, or a Long/BigInteger within 32 bits");

            error = failure(f.person().create(Map.of("name", "Cy", "born", "2024-01-15")), ValidationError.class);
            assertThat(error).hasMessage(f.model() + ".born is DATE and cannot take String \"2024-01-15\"; allowed:"
                    + " Instant, OffsetDateTime, ZonedDateTime, java.util.Date");

            error = failure(f.person().create(Map.of("name", 42)), ValidationError.class);
            assertThat(error).hasMessage(f.model() + ".name is STRING(255) and cannot take Integer 42; allowed: String");
            f.assertUnchanged();
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void createWithNullForAnAttributeThatDoesNotAllowIt(LiveDatabase database) {
        try (LiveSession live = session(database)) {
            Fixture f = fixture(live);
            Map<String, Object> explicitNull = new HashMap<>();
            explicitNull.put("name", null);
            explicitNull.put("age", 5);

            assertThat(failure(f.person().create(explicitNull), ValidationError.class))
                    .hasMessage("notNull Violation: " + f.model() + ".name cannot be null");
            assertThat(failure(f.person().create(Map.of("age", 5)), ValidationError.class))
                    .hasMessage("notNull Violation: " + f.model() + ".name cannot be null (no value was given)");
            f.assertUnchanged();
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void whereWithAnUnknownAttributeOrAWrongType(LiveDatabase database) {
        try (LiveSession live = session(database)) {
            Fixture f = fixture(live);
            String noSuchAttribute = "model '" + f.model() + "' has no attribute 'nickname'; its attributes are"
                    + " id, name, age, born, createdAt, updatedAt";

            assertThat(failure(f.person().findAll(options().where(Map.of("nickname", "A"))), ValidationError.class))
                    .hasMessage(noSuchAttribute);
            assertThat(failure(f.person().findOne(options().where(Where.col("nickname").eq("A"))), ValidationError.class))
                    .hasMessage(noSuchAttribute);
            assertThat(failure(f.person().findAll(options().where(Map.of("age", "ten"))), ValidationError.class))
                    .hasMessage("where.age (EQ): " + f.model() + ".age is INTEGER and cannot take String \"ten\";"
                            + " allowed: Integer, Short, Byte, or a Long/BigInteger within 32 bits");
            assertThat(failure(f.person().findAll(options().where(Map.of("age", List.of(1, BigInteger.TEN.pow(30))))),
                    ValidationError.class)).hasMessage("where.age (IN): " + f.model() + ".age is INTEGER and cannot take"
                    + " BigInteger 1000000000000000000000000000000; allowed: Integer, Short, Byte, or a Long/BigInteger within 32 bits");
            f.assertUnchanged();
        }
    }

    /**
     * Operator mistakes are structural, so the where map is refused as soon as it is given to
     * {@code options().where(...)}: the error is thrown there, and no finder (and no future) exists yet.
     */
    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void whereWithAnUnknownOperatorOrInWithASingleValue(LiveDatabase database) {
        try (LiveSession live = session(database)) {
            Fixture f = fixture(live);

            assertThatThrownBy(() -> options().where(Map.of("age", Map.of("$gtt", 18))))
                    .isExactlyInstanceOf(ValidationError.class)
                    .hasMessage("where.age.$gtt: unknown operator; did you mean $gt?");
            assertThatThrownBy(() -> options().where(Map.of("name", Map.of("$lik", "A%"))))
                    .isExactlyInstanceOf(ValidationError.class)
                    .hasMessage("where.name.$lik: unknown operator; did you mean $like?");
            assertThatThrownBy(() -> options().where(Map.of("age", Map.of("$in", 30))))
                    .isExactlyInstanceOf(ValidationError.class)
                    .hasMessage("where.age.$in: $in needs a list of values, e.g. [1, 2, 3]; got Integer 30");
            assertThatThrownBy(() -> options().where(Map.of("age", Map.of(Op.notIn, "30"))))
                    .isExactlyInstanceOf(ValidationError.class)
                    .hasMessage("where.age.$notIn: $notIn needs a list of values, e.g. [1, 2, 3]; got String \"30\"");
            f.assertUnchanged();
            assertThat(f.person().findAll(options().where(Map.of("age", Map.of("$in", List.of(30, 31))))).join())
                    .containsExactly(f.before().get(0));
        }
    }
}
