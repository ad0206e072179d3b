package dev.sequelj.ast.finder;

import dev.sequelj.ast.error.UnsupportedFeatureError;
import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.ComparisonOperator;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.DefaultValue;
import dev.sequelj.ast.model.IndexDefinition;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.ast.model.Reference;
import dev.sequelj.ast.model.ReferentialAction;
import dev.sequelj.ast.statement.OrderItem;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.ast.statement.TableName;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.sequelj.ast.model.Attribute.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableStatementsTest {
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
        assertThat(TableStatements.dropTable(USER, true)).isEqualTo(new Statement.DropTable(TableName.of("users"), true));
    }

    @Test
    void columnsCarryTheirConstraintsAndCompositeUniqueKeysTheirColumns() {
        ModelDefinition player = ModelDefinition.define("player", List.of(
                attribute("email", DataTypes.STRING).unique(true).comment("login"),
                attribute("firstName", DataTypes.STRING).unique("full_name").field("first"),
                attribute("lastName", DataTypes.STRING).unique("full_name"),
                attribute("teamId", DataTypes.INTEGER).references(Reference.to(TableName.of("teams")).onDelete(ReferentialAction.CASCADE)),
                attribute("score", DataTypes.INTEGER).defaultValue(0),
                attribute("full", DataTypes.VIRTUAL)), ModelOptions.options().timestamps(false));
        Statement.CreateTable create = TableStatements.createTable(player);
        assertThat(create.columns().map(c -> c.name()).toJavaList()).containsExactly("id", "email", "first", "lastName", "teamId", "score");
        assertThat(create.columns().get(1).unique()).isTrue();
        assertThat(create.columns().get(1).comment()).isEqualTo(Option.some("login"));
        assertThat(create.columns().get(4).references().get().onDelete()).isEqualTo(Option.some(ReferentialAction.CASCADE));
        assertThat(create.columns().get(5).defaultValue()).isEqualTo(Option.some(new DefaultValue.Value(0)));
        assertThat(create.uniqueKeys()).containsExactly(new Statement.UniqueKey("full_name", Vector.of("first", "lastName")));
    }

    @Test
    void syncIsDropThenCreateThenIndexesAndRefusesAlter() {
        ModelDefinition model = ModelDefinition.define("user", List.of(attribute("mood", DataTypes.ENUM("a", "b")),
                        attribute("tags", DataTypes.ARRAY(DataTypes.ENUM("x"))), attribute("age", DataTypes.INTEGER)),
                ModelOptions.options().timestamps(false).indexes(IndexDefinition.on("age")));
        var statements = TableStatements.sync(model, true, false);
        assertThat(statements.map(Object::getClass).toJavaList()).containsExactly(
                (Class) Statement.DropTable.class, Statement.CreateTable.class, Statement.CreateIndex.class);
        assertThat(((Statement.DropTable) statements.head()).enumColumns()).containsExactly("mood", "tags");
        assertThat(TableStatements.sync(model, false, false).map(Object::getClass).toJavaList())
                .containsExactly((Class) Statement.CreateTable.class, Statement.CreateIndex.class);
        assertThatThrownBy(() -> TableStatements.sync(model, false, true)).isInstanceOf(UnsupportedFeatureError.class)
                .hasMessageStartingWith("sync({alter: true}) compares the model with the table the database describes");
    }

    @Test
    void modelIndexesNameTheirColumnsAndAnUnqualifiedCondition() {
        ModelDefinition model = ModelDefinition.define("user", List.of(attribute("firstName", DataTypes.STRING), attribute("age", DataTypes.INTEGER)),
                ModelOptions.options().underscored(true).timestamps(false).indexes(
                        IndexDefinition.on(IndexDefinition.field("firstName", OrderItem.Direction.DESC)).unique(true)
                                .where(Map.of("age", Map.of(Op.gt, 18)))));
        Statement.CreateIndex index = TableStatements.createIndexes(model).head();
        assertThat(index.name()).isEqualTo("users_first_name");
        assertThat(index.columns()).containsExactly(new Statement.IndexColumn("first_name", Option.some(OrderItem.Direction.DESC)));
        assertThat(index.unique()).isTrue();
        assertThat(index.where()).isEqualTo(Option.some(new Expression.Comparison(new Expression.Column(Option.none(), "age"),
                ComparisonOperator.GT, new Expression.Param(18, Option.some(DataTypes.INTEGER)))));
    }

    @Test
    void aBadIndexConditionIsRefusedWhenTheStatementIsBuilt() {
        ModelDefinition model = ModelDefinition.define("user", List.of(attribute("age", DataTypes.INTEGER)),
                ModelOptions.options().indexes(IndexDefinition.on("age").where(Map.of("age", "old"))));
        assertThatThrownBy(() -> TableStatements.createIndexes(model)).isInstanceOf(ValidationError.class)
                .hasMessage("where.age (EQ): user.age is INTEGER and cannot take String \"old\"; allowed: Integer, Short, Byte, or a Long/BigInteger within 32 bits");
    }

    @Test
    void queryInterfaceStatementsNameTheColumnAsGiven() {
        TableName users = TableName.of("users");
        Statement.AddColumn add = TableStatements.addColumn(users, "nick", attribute("ignored", DataTypes.STRING(20)).allowNull(false).defaultValue("x"));
        assertThat(add.column().name()).isEqualTo("nick");
        assertThat(add.column().allowNull()).isFalse();
        assertThat(TableStatements.removeIndex(users, Vector.of("firstName", "lastName")))
                .isEqualTo(new Statement.DropIndex(users, "users_first_name_last_name"));
        assertThat(TableStatements.addIndex(users, IndexDefinition.on("email")).name()).isEqualTo("users_email");
        assertThat(TableStatements.renameColumn(users, "age", "years")).isEqualTo(new Statement.RenameColumn(users, "age", "years"));
    }

    @Test
    void queryInterfaceSpecsAreCheckedLikeAttributes() {
        TableName users = TableName.of("users");
        assertThatThrownBy(() -> TableStatements.addColumn(users, "age", attribute("age", DataTypes.INTEGER).defaultValue("x")))
                .isInstanceOf(ValidationError.class)
                .hasMessage("users.age (defaultValue) is INTEGER and cannot take String \"x\"; allowed: Integer, Short, Byte, or a Long/BigInteger within 32 bits");
        assertThatThrownBy(() -> TableStatements.addColumn(users, "full", attribute("full", DataTypes.VIRTUAL)))
                .isInstanceOf(ValidationError.class).hasMessage("users.full: a VIRTUAL attribute has no column to add or change");
        assertThatThrownBy(() -> TableStatements.changeColumn(users, "id", attribute("id", DataTypes.INTEGER).primaryKey(true)))
                .isInstanceOf(UnsupportedFeatureError.class)
                .hasMessage("changeColumn cannot make 'id' a primary key or auto-increment column; only its type, allowNull, defaultValue, unique, references and comment");
        assertThatThrownBy(() -> TableStatements.removeColumn(users, "")).isInstanceOf(ValidationError.class)
                .hasMessage("the column must be a non-empty string");
    }
}
