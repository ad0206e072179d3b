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
 * Turns a model method call into the statement Sequelize would send for it. Every check on the
 * caller's input happens here, before any SQL exists.
 *
 * <pre>{@code
 * Statement select = ModelStatements.findAll(user, options().where(Map.of("firstName", "John")));
 * Statement insert = ModelStatements.create(user, Map.of("firstName", "John"), Instant.now());
 * }</pre>
 */
public final class ModelStatements {
    private ModelStatements() {}

    /** {@code Model.sync()}: the table with every attribute as a column. */
    public static Statement.CreateTable createTable(ModelDefinition model) {
        Seq<ColumnDefinition> columns = model.attributeList()
                .map(a -> new ColumnDefinition(a.field(), a.type(), a.allowNull(), a.autoIncrement()));
        return new Statement.CreateTable(model.tableName(), columns, model.primaryKey().map(Attribute::field));
    }

    /**
     * {@code Model.drop()}. {@code sync({force: true})} drops with {@code cascade}, as Sequelize does,
     * so that a table other tables point at can be recreated.
     */
    public static Statement.DropTable dropTable(ModelDefinition model, boolean cascade) {
        return new Statement.DropTable(model.tableName(), cascade);
    }

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
        return new Statement.Select(columns, model.tableName(), model.name(), where, order,
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

    /**
     * {@code Model.create(values)}: one INSERT of the given attributes in definition order, the generated
     * key left to the database, {@code createdAt}/{@code updatedAt} set to {@code now} (a given
     * {@code createdAt} is kept, as in Sequelize), and the whole stored row asked back.
     *
     * @throws ValidationError for an unknown attribute, a value of the wrong type, or null (or nothing)
     *                         given for an attribute that does not allow null
     */
    public static Statement.Insert create(ModelDefinition model, Map<String, ?> values, Instant now) {
        for (String name : values.keySet()) {
            model.attribute(name);
        }
        Instant stamp = now.truncatedTo(ChronoUnit.MILLIS);
        Option<String> autoIncrement = Option.none();
        Vector<String> columns = Vector.empty();
        Vector<Expression> params = Vector.empty();
        for (Attribute attribute : model.attributeList()) {
            Object value = values.get(attribute.name());
            boolean given = values.containsKey(attribute.name());
            if (model.timestamps() && (attribute.name().equals(ModelDefinition.UPDATED_AT)
                    || (attribute.name().equals(ModelDefinition.CREATED_AT) && value == null))) {
                value = stamp;
                given = true;
            }
            if (attribute.autoIncrement()) {
                autoIncrement = Option.some(attribute.field());
                if (value == null) {
                    continue;
                }
            }
            if (value == null && !attribute.allowNull()) {
                throw new ValidationError("notNull Violation: " + model.name() + "." + attribute.name()
                        + " cannot be null" + (given ? "" : " (no value was given)"));
            }
            if (given) {
                columns = columns.append(attribute.field());
                params = params.append(new Param(ValueChecker.check(model.name(), attribute, value), Option.some(attribute.type())));
            }
        }
        return new Statement.Insert(model.tableName(), autoIncrement, columns, params,
                model.attributeList().map(Attribute::field));
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
