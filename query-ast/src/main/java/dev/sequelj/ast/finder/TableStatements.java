package dev.sequelj.ast.finder;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.ComparisonOperator;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.expression.Expression.Column;
import dev.sequelj.ast.expression.Expression.Param;
import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.statement.ColumnDefinition;
import dev.sequelj.ast.statement.OrderItem;
import dev.sequelj.ast.statement.SelectColumn;
import dev.sequelj.ast.statement.Statement;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The statements of {@code Model.sync()}, {@code Model.drop()} and the QueryInterface: tables, columns
 * and indexes.
 *
 * <pre>{@code
 * Statement create = TableStatements.createTable(user);
 * }</pre>
 */
public final class TableStatements {
    private TableStatements() {}

    /** {@code Model.sync()}: the table with every attribute as a column. */
    public static Statement.CreateTable createTable(ModelDefinition model) {
        Seq<ColumnDefinition> columns = model.attributeList()
                .map(a -> new ColumnDefinition(a.field(), a.type(), a.allowNull(), a.autoIncrement()));
        return new Statement.CreateTable(model.table(), columns, model.primaryKey().map(Attribute::field));
    }

    /**
     * {@code Model.drop()}. {@code sync({force: true})} drops with {@code cascade}, as Sequelize does,
     * so that a table other tables point at can be recreated.
     */
    public static Statement.DropTable dropTable(ModelDefinition model, boolean cascade) {
        return new Statement.DropTable(model.table(), cascade);
    }
}
