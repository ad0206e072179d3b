package dev.sequelj.render;

import dev.sequelj.ast.error.UnsupportedFeatureError;
import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.finder.FindOptions;
import dev.sequelj.ast.finder.FindStatements;
import dev.sequelj.ast.finder.TableStatements;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.ast.statement.OrderItem.Direction;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.render.dialect.Dialects;
import io.vavr.collection.Array;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.sequelj.ast.finder.FindOptions.options;
import static dev.sequelj.ast.finder.Where.and;
import static dev.sequelj.ast.finder.Where.col;
import static dev.sequelj.ast.finder.Where.or;
import static dev.sequelj.ast.finder.Where.param;
import static dev.sequelj.ast.model.Attribute.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A statement prepared once with parameters and bound many times gives what rendering it with the values gives. */
class PreparedSqlTest {
    private static final ModelDefinition USER = ModelDefinition.define("user", List.of(
            attribute("lastName", DataTypes.STRING),
            attribute("age", DataTypes.INTEGER),
            attribute("mood", DataTypes.ENUM("happy", "sad")),
            attribute("bornAt", DataTypes.DATE),
            attribute("meta", DataTypes.JSON)), ModelOptions.options().timestamps(false));

    private static FindOptions typical(Object age, Object a, Object b, Object pattern) {
        return options().where(or(and(col("age").gt(age), col("lastName").in(a, b)), col("lastName").like(pattern)))
                .order("id", Direction.ASC).limit(10).offset(20);
    }

    @Test
    void bindingGivesTheSqlOfTheStatementWithThoseValues() {
        PreparedSql prepared = SqlRenderer.prepare(FindStatements.findAll(USER,
                typical(param("age"), param("a"), param("b"), param("pattern"))), Dialects.POSTGRES);

        assertThat(prepared.parameters()).containsExactly("age", "a", "b", "pattern");
        assertThat(prepared.text()).isEqualTo("SELECT \"id\", \"lastName\", \"age\", \"mood\", \"bornAt\", \"meta\" FROM \"users\""
                + " AS \"user\" WHERE (\"user\".\"age\" > ? AND \"user\".\"lastName\" IN (?, ?)) OR \"user\".\"lastName\" LIKE ?"
                + " ORDER BY \"user\".\"id\" ASC LIMIT ? OFFSET ?;");
        for (var dialect : Dialects.all()) {
            PreparedSql onDialect = SqlRenderer.prepare(FindStatements.findAll(USER,
                    typical(param("age"), param("a"), param("b"), param("pattern"))), dialect);
            Sql expected = SqlRenderer.renderUncached(FindStatements.findAll(USER, typical(30, "Hancock", "Smith", "J%")), dialect);
            assertThat(onDialect.bind(30, "Hancock", "Smith", "J%")).as("%s", dialect).isEqualTo(expected);
            assertThat(onDialect.bind(Map.of("pattern", "J%", "b", "Smith", "a", "Hancock", "age", 30))).isEqualTo(expected);
        }
    }

    @Test
    void valuesAreCheckedAndStoredAsTheAttributesTypeSays() {
        PreparedSql prepared = SqlRenderer.prepare(FindStatements.findAll(USER,
                options().where(col("bornAt").lt(param("before")).and(col("age").eq(param("age"))))), Dialects.SQLITE);
        Instant at = Instant.parse("2024-03-01T10:00:00.123456Z");

        assertThat(prepared.bind(at, 7L)).isEqualTo(SqlRenderer.renderUncached(FindStatements.findAll(USER,
                options().where(col("bornAt").lt(at).and(col("age").eq(7L)))), Dialects.SQLITE));
        assertThatThrownBy(() -> prepared.bind(at, "seven")).isInstanceOf(ValidationError.class)
                .hasMessageContaining("parameter 'age' is INTEGER and cannot take String \"seven\"");
        assertThatThrownBy(() -> prepared.bind(at, null)).isInstanceOf(ValidationError.class)
                .hasMessageContaining("parameter 'age' is null");
        assertThatThrownBy(() -> prepared.bind(at)).isInstanceOf(ValidationError.class)
                .hasMessage("the statement takes 2 values (before, age), got 1");
        assertThatThrownBy(() -> prepared.bind(Map.of("before", at, "age", 1, "other", 2))).isInstanceOf(ValidationError.class)
                .hasMessage("no parameter named other; the parameters are before, age");
    }

    @Test
    void aNameUsedTwiceIsOneValueBoundTwice() {
        PreparedSql prepared = SqlRenderer.prepare(FindStatements.findAll(USER,
                options().where(or(col("age").eq(param("n")), col("age").gt(param("n")))).attributes("id")), Dialects.MYSQL);

        assertThat(prepared.parameters()).containsExactly("n");
        assertThat(prepared.bind(4).params()).isEqualTo(Array.of(4, 4));
    }

    @Test
    void aLikePatternOnAnEnumIsTextNotOneOfTheEnumsValues() {
        PreparedSql prepared = SqlRenderer.prepare(FindStatements.findAll(USER,
                options().where(col("mood").like(param("p"))).attributes("id")), Dialects.POSTGRES);

        assertThat(prepared.bind("ha%").params()).isEqualTo(Array.of("ha%"));
    }

    @Test
    void anotherPageBindsItsOwnLimitAndOffset() {
        PreparedSql prepared = SqlRenderer.prepare(FindStatements.findAll(USER,
                typical(param("age"), param("a"), param("b"), param("pattern"))), Dialects.MSSQL);

        assertThat(prepared.bindPage(5, 40, 30, "Hancock", "Smith", "J%")).isEqualTo(SqlRenderer.renderUncached(
                FindStatements.findAll(USER, typical(30, "Hancock", "Smith", "J%").limit(5).offset(40)), Dialects.MSSQL));
        assertThatThrownBy(() -> prepared.bindPage(0, 40, 30, "Hancock", "Smith", "J%"))
                .isInstanceOf(UnsupportedFeatureError.class).hasMessageContaining("limit 0 is not supported on mssql");
        assertThatThrownBy(() -> SqlRenderer.prepare(FindStatements.findAll(USER, options().limit(3)), Dialects.MSSQL)
                .bindPage(1, 2)).isInstanceOf(ValidationError.class).hasMessageContaining("prepared without an offset");
    }

    @Test
    void aStatementWithParametersIsNotRenderedWithoutValuesNorInlined() {
        Statement withParameter = FindStatements.findAll(USER, options().where(col("age").gt(param("age"))));

        assertThatThrownBy(() -> SqlRenderer.render(withParameter, Dialects.POSTGRES)).isInstanceOf(ValidationError.class)
                .hasMessageContaining("parameter 'age', which has no value here");
        assertThatThrownBy(() -> SqlRenderer.renderUncached(withParameter, Dialects.POSTGRES)).isInstanceOf(ValidationError.class);
        assertThatThrownBy(() -> SqlRenderer.inline(withParameter, Dialects.POSTGRES)).isInstanceOf(ValidationError.class);
    }

    @Test
    void whatCannotBePreparedIsRefusedByName() {
        assertThatThrownBy(() -> SqlRenderer.prepare(TableStatements.createTable(USER), Dialects.POSTGRES))
                .isInstanceOf(ValidationError.class).hasMessageContaining("CreateTable cannot be prepared");
        assertThatThrownBy(() -> FindStatements.findAll(USER, options().where(col("meta.a").eq(param("a")))))
                .isInstanceOf(ValidationError.class).hasMessageContaining("parameter 'a' cannot stand for a value inside JSON");
    }
}
