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

class TableStatementsTest {
    private static final Instant NOW = Instant.parse("2024-01-15T10:30:45.123456Z");
    private static final ModelDefinition USER = ModelDefinition.define("user", List.of(
            attribute("firstName", DataTypes.STRING).allowNull(false),
            attribute("lastName", DataTypes.STRING).field("last_name"),
            attribute("age", DataTypes.INTEGER)), ModelOptions.options(), word -> word + "s");

    @Test
    void syncStatementsCarryEveryColumnAndTheKey() {
        Statement.CreateTable create = TableStatements.createTable(USER);
        assertThat(create.columns().map(c -> c.name()).toJavaList())
                .containsExactly("id", "firstName", "last_name", "age", "createdAt", "updatedAt");
        assertThat(create.primaryKey()).isEqualTo(Vector.of("id"));
        assertThat(TableStatements.dropTable(USER, true)).isEqualTo(new Statement.DropTable(dev.sequelj.ast.statement.TableName.of("users"), true));
    }
}
