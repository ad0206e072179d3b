package dev.sequelj.ast.finder;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.ComparisonOperator;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.expression.Expression.Column;
import dev.sequelj.ast.expression.Expression.Param;
import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.DefaultValue;
import dev.sequelj.ast.model.DefaultValues;
import dev.sequelj.ast.model.UuidGenerator;
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
 * The statements of the writes ({@code create}, ...). Every check on the caller's values happens
 * here, before any SQL exists.
 *
 * <pre>{@code
 * Statement insert = WriteStatements.create(user, Map.of("firstName", "John"), Instant.now());
 * }</pre>
 */
public final class WriteStatements {
    private WriteStatements() {}

    /**
     * {@code Model.create(values)}: one INSERT of the given attributes in definition order, the generated
     * key left to the database, {@code createdAt}/{@code updatedAt} set to {@code now} (a given
     * {@code createdAt} is kept, as in Sequelize), and the whole stored row asked back.
     *
     * @throws ValidationError for an unknown attribute, a value of the wrong type, or null (or nothing)
     *                         given for an attribute that does not allow null
     */
    public static Statement.Insert create(ModelDefinition model, Map<String, ?> values, Instant now) {
        return create(model, values, now, UuidGenerator.RANDOM);
    }

    /**
     * {@code Model.create(values)} with the attributes' defaults filled in first, as Sequelize's
     * {@code build} does ({@link DefaultValues}); {@code uuids} makes the UUIDV1/UUIDV4 defaults.
     */
    public static Statement.Insert create(ModelDefinition model, Map<String, ?> givenValues, Instant now, UuidGenerator uuids) {
        for (String name : givenValues.keySet()) {
            model.attribute(name);
        }
        Map<String, ?> values = DefaultValues.apply(model, givenValues, now, uuids);
        Instant stamp = now.truncatedTo(ChronoUnit.MILLIS);
        Option<String> autoIncrement = Option.none();
        Vector<String> columns = Vector.empty();
        Vector<Expression> params = Vector.empty();
        for (Attribute attribute : model.attributeList()) {
            Object value = values.get(attribute.name());
            boolean given = values.containsKey(attribute.name());
            if (model.updatedAt().contains(attribute.name())
                    || (model.createdAt().contains(attribute.name()) && value == null)) {
                value = stamp;
                given = true;
            }
            if (attribute.autoIncrement()) {
                autoIncrement = Option.some(attribute.field());
                if (value == null) {
                    continue;
                }
            }
            // A literal default is left to the column's DEFAULT clause, so the database supplies the value.
            boolean databaseDefault = attribute.defaultValue().exists(d -> d instanceof DefaultValue.Literal);
            if (value == null && !attribute.allowNull() && !databaseDefault) {
                throw new ValidationError("notNull Violation: " + model.name() + "." + attribute.name()
                        + " cannot be null" + (given ? "" : " (no value was given)"));
            }
            if (given) {
                columns = columns.append(attribute.field());
                params = params.append(new Param(ValueChecker.check(model.name(), attribute, value), Option.some(attribute.type())));
            }
        }
        return new Statement.Insert(model.table(), autoIncrement, columns, params,
                model.attributeList().map(Attribute::field));
    }
}
