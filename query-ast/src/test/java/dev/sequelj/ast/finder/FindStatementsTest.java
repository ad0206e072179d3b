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

class FindStatementsTest {
    private static final Instant NOW = Instant.parse("2024-01-15T10:30:45.123456Z");
    private static final ModelDefinition USER = ModelDefinition.define("user", List.of(
            attribute("firstName", DataTypes.STRING).allowNull(false),
            attribute("lastName", DataTypes.STRING).field("last_name"),
            attribute("age", DataTypes.INTEGER)), ModelOptions.options(), word -> word + "s");

    @Test
    void findAllSelectsEveryAttributeAliasingRenamedFieldsAndResolvesTheWhere() {
        Statement.Select select = FindStatements.findAll(USER, options().where(Map.of("lastName", "Hancock")));

        assertThat(select.columns().map(c -> c.column() + c.alias().map(a -> " AS " + a).getOrElse("")).toJavaList())
                .containsExactly("id", "firstName", "last_name AS lastName", "age", "createdAt", "updatedAt");
        assertThat(select.where()).isEqualTo(Option.some(new Expression.Comparison(
                new Expression.Column(Option.some("user"), "last_name"), ComparisonOperator.EQ,
                param("Hancock", DataTypes.STRING))));
        assertThat(select.limit()).isEqualTo(Option.none());
    }

    @Test
    void whereValuesAreCheckedAgainstTheAttributeType() {
        assertThatThrownBy(() -> FindStatements.findAll(USER, options().where(col("age").gt("ten"))))
                .isInstanceOf(ValidationError.class)
                .hasMessageStartingWith("where.age (GT): user.age is INTEGER and cannot take String \"ten\"");
        assertThatThrownBy(() -> FindStatements.findAll(USER, options().where(Map.of("nickname", "x"))))
                .isInstanceOf(ValidationError.class)
                .hasMessageStartingWith("model 'user' has no attribute 'nickname'");
    }

    @Test
    void findOneLimitsToOneRowUnlessThePrimaryKeyIsPinned() {
        assertThat(FindStatements.findOne(USER, options().where(Map.of("firstName", "John"))).limit())
                .isEqualTo(Option.some(1));
        assertThat(FindStatements.findOne(USER, options().where(Map.of("id", 5))).limit()).isEqualTo(Option.none());
        assertThat(FindStatements.findOne(USER, options().where(Map.of("id", 5, "age", 3))).limit())
                .isEqualTo(Option.none());
        assertThat(FindStatements.findOne(USER, options().where(Map.of("id", Map.of("$gt", 5)))).limit())
                .isEqualTo(Option.some(1));
    }

    @Test
    void negativeLimitsAndOffsetsAreRefused() {
        assertThatThrownBy(() -> options().limit(-1)).isInstanceOf(ValidationError.class)
                .hasMessage("limit must be 0 or more, got -1");
        assertThatThrownBy(() -> options().offset(-5)).isInstanceOf(ValidationError.class)
                .hasMessage("offset must be 0 or more, got -5");
    }

    private static Expression.Param param(Object value, dev.sequelj.ast.model.DataType type) {
        return new Expression.Param(value, Option.some(type));
    }
}
