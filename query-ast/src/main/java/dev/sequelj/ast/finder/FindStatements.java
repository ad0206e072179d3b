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
 * The SELECTs of the finders ({@code findAll}, {@code findOne}, ...). Every check on the caller's
 * options happens here, before any SQL exists.
 *
 * <pre>{@code
 * Statement select = FindStatements.findAll(user, options().where(Map.of("firstName", "John")));
 * }</pre>
 */
public final class FindStatements {
    private FindStatements() {}

    /** {@code Model.findAll(options)}. */
    public static Statement.Select findAll(ModelDefinition model, FindOptions options) {
        Seq<Attribute> selected = options.attributes().isEmpty()
                ? model.attributeList()
                : options.attributes().map(model::attribute);
        Seq<SelectColumn> columns = selected.map(a -> new SelectColumn(
                a.field(), a.field().equals(a.name()) ? Option.none() : Option.some(a.name())));
        Option<Expression> where = options.where().map(w -> WhereResolver.resolve(model, w));
        Seq<OrderItem> order = options.order().map(o -> new OrderItem(column(model, model.attribute(o._1)), o._2));
        Seq<OrderItem> keyOrder = model.primaryKey().map(a -> new OrderItem(column(model, a), OrderItem.Direction.ASC));
        return new Statement.Select(columns, model.table(), model.name(), where, order,
                options.limit(), options.offset(), keyOrder);
    }

    /**
     * {@code Model.findOne(options)}: {@code findAll} with {@code LIMIT 1}, except when the where clause
     * already pins the primary key to one value (Sequelize leaves the limit off then).
     */
    public static Statement.Select findOne(ModelDefinition model, FindOptions options) {
        Statement.Select select = findAll(model, options);
        if (select.limit().isDefined() || pinsPrimaryKey(model, select.where())) {
            return select;
        }
        return new Statement.Select(select.columns(), select.table(), select.alias(), select.where(), select.order(),
                Option.some(1), select.offset(), select.keyOrder());
    }

    private static Column column(ModelDefinition model, Attribute attribute) {
        return new Column(Option.some(model.name()), attribute.field());
    }


    private static boolean pinsPrimaryKey(ModelDefinition model, Option<Expression> where) {
        Seq<Attribute> key = model.primaryKey();
        if (key.size() != 1 || where.isEmpty()) {
            return false;
        }
        Column keyColumn = column(model, key.head());
        Seq<Expression> conjuncts = where.get() instanceof Expression.And and ? and.operands() : Vector.of(where.get());
        return conjuncts.exists(e -> e instanceof Expression.Comparison c
                && c.operator() == ComparisonOperator.EQ && c.left().equals(keyColumn));
    }
}
