package dev.sequelj.ast.finder;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.ComparisonOperator;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.ast.statement.Statement;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.sequelj.ast.finder.FindOptions.options;
import static dev.sequelj.ast.finder.Where.col;
import static dev.sequelj.ast.model.Attribute.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WriteStatementsTest {
    private static final Instant NOW = Instant.parse("2024-01-15T10:30:45.123456Z");
    private static final ModelDefinition USER = ModelDefinition.define("user", List.of(
            attribute("firstName", DataTypes.STRING).allowNull(false),
            attribute("lastName", DataTypes.STRING).field("last_name"),
            attribute("age", DataTypes.INTEGER)), ModelOptions.options(), word -> word + "s");

    @Test
    void createListsGivenAttributesInDefinitionOrderWithTimestamps() {
        Statement.Insert insert = WriteStatements.create(USER, Map.of("age", 41, "firstName", "John"), NOW);

        Instant millis = Instant.parse("2024-01-15T10:30:45.123Z");
        assertThat(insert.table()).isEqualTo(dev.sequelj.ast.statement.TableName.of("users"));
        assertThat(insert.autoIncrementColumn()).isEqualTo(Option.some("id"));
        assertThat(insert.columns().toJavaList()).containsExactly("firstName", "age", "createdAt", "updatedAt");
        assertThat(insert.values().toJavaList()).containsExactly(
                param("John", DataTypes.STRING), param(41, DataTypes.INTEGER),
                param(millis, DataTypes.DATE), param(millis, DataTypes.DATE));
        assertThat(insert.returning().toJavaList())
                .containsExactly("id", "firstName", "last_name", "age", "createdAt", "updatedAt");
    }

    @Test
    void aGivenCreatedAtIsKeptButUpdatedAtIsAlwaysNow() {
        Instant earlier = Instant.parse("2020-01-01T00:00:00Z");
        Statement.Insert insert = WriteStatements.create(USER, Map.of("firstName", "J", "createdAt", earlier), NOW);
        assertThat(insert.values().get(1)).isEqualTo(param(earlier, DataTypes.DATE));
    }

    @Test
    void aGivenKeyIsInsertedAndNotLeftToTheDatabase() {
        Statement.Insert insert = WriteStatements.create(USER, Map.of("id", 7, "firstName", "J"), NOW);
        assertThat(insert.autoIncrementColumn()).isEqualTo(Option.some("id"));
        assertThat(insert.columns().head()).isEqualTo("id");
    }

    @Test
    void createRefusesUnknownAttributesWrongTypesAndMissingRequiredValues() {
        assertThatThrownBy(() -> WriteStatements.create(USER, Map.of("firstName", "J", "nickname", "x"), NOW))
                .isInstanceOf(ValidationError.class)
                .hasMessage("model 'user' has no attribute 'nickname'; its attributes are id, firstName, lastName, age, createdAt, updatedAt");
        assertThatThrownBy(() -> WriteStatements.create(USER, Map.of("firstName", "J", "age", "forty"), NOW))
                .isInstanceOf(ValidationError.class)
                .hasMessage("user.age is INTEGER and cannot take String \"forty\"; allowed: Integer, Short, Byte, or a Long/BigInteger within 32 bits");
        assertThatThrownBy(() -> WriteStatements.create(USER, Map.of("age", 3), NOW))
                .isInstanceOf(ValidationError.class)
                .hasMessage("notNull Violation: user.firstName cannot be null (no value was given)");
        Map<String, Object> explicitNull = new HashMap<>();
        explicitNull.put("firstName", null);
        assertThatThrownBy(() -> WriteStatements.create(USER, explicitNull, NOW))
                .isInstanceOf(ValidationError.class)
                .hasMessage("notNull Violation: user.firstName cannot be null");
    }

    @Test
    void anIntegerOutsideThirtyTwoBitsIsRefused() {
        assertThatThrownBy(() -> WriteStatements.create(USER, Map.of("firstName", "J", "age", 1L << 40), NOW))
                .isInstanceOf(ValidationError.class)
                .hasMessageStartingWith("user.age is INTEGER and cannot take Long 1099511627776");
        assertThat(WriteStatements.create(USER, Map.of("firstName", "J", "age", 12L), NOW).values().get(1))
                .isEqualTo(param(12, DataTypes.INTEGER));
    }

    private static Expression.Param param(Object value, dev.sequelj.ast.model.DataType type) {
        return new Expression.Param(value, Option.some(type));
    }
}
