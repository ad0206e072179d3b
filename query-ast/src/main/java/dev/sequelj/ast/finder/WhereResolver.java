package dev.sequelj.ast.finder;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.ComparisonOperator;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.expression.Expression.Column;
import dev.sequelj.ast.expression.Expression.Param;
import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.model.ModelDefinition;
import io.vavr.control.Option;

/**
 * Binds a where clause to a model: attribute names become qualified columns ({@code "user"."first_name"}),
 * and every value is checked against its attribute's type and given that type. Unknown attributes and
 * ill-typed values are {@link ValidationError}s, raised before any SQL exists.
 */
final class WhereResolver {
    private WhereResolver() {}

    static Expression resolve(ModelDefinition model, Expression where) {
        return resolve(model, where, Option.some(model.name()));
    }

    /**
     * Resolves with columns qualified by {@code qualifier}, or not qualified at all when it is empty:
     * an UPDATE or DELETE names its one table without an alias ({@code WHERE "id" = ?}), as Sequelize's do.
     */
    static Expression resolve(ModelDefinition model, Expression where, Option<String> qualifier) {
        return switch (where) {
            case Column c -> column(model, qualifier, c);
            case Param p -> throw new ValidationError("a where clause compares attributes; a bare value "
                    + WhereObject.describe(p.value()) + " cannot stand on its own");
            case Expression.Comparison c -> comparison(model, qualifier, c);
            case Expression.IsNull n -> new Expression.IsNull(column(model, qualifier, asColumn(n.operand())), n.negated());
            case Expression.In in -> {
                Attribute attribute = attributeOf(model, in.operand());
                yield new Expression.In(column(model, qualifier, asColumn(in.operand())),
                        in.values().map(v -> param(model, attribute, asParam(v), "IN")), in.negated());
            }
            case Expression.And and -> new Expression.And(and.operands().map(e -> resolve(model, e, qualifier)));
            case Expression.Or or -> new Expression.Or(or.operands().map(e -> resolve(model, e, qualifier)));
            case Expression.Not not -> new Expression.Not(resolve(model, not.operand(), qualifier));
        };
    }

    private static Expression comparison(ModelDefinition model, Option<String> qualifier, Expression.Comparison comparison) {
        Attribute attribute = attributeOf(model, comparison.left());
        Param value = asParam(comparison.right());
        if (value.value() == null) {
            throw new ValidationError("where." + attribute.name() + ": " + comparison.operator()
                    + " needs a value to compare with, not null (use IS NULL: {\"" + attribute.name() + "\": null})");
        }
        boolean isPattern = comparison.operator() == ComparisonOperator.LIKE || comparison.operator() == ComparisonOperator.NOT_LIKE;
        Param typed = isPattern
                ? new Param(value.value(), Option.some(patternType(attribute)))
                : param(model, attribute, value, comparison.operator().name());
        return new Expression.Comparison(column(model, qualifier, asColumn(comparison.left())), comparison.operator(), typed);
    }

    /** LIKE compares text: the pattern is written as the attribute's own string type, or as TEXT. */
    private static DataType patternType(Attribute attribute) {
        return attribute.type() instanceof DataType.StringType ? attribute.type() : new DataType.TextType();
    }

    private static Param param(ModelDefinition model, Attribute attribute, Param param, String context) {
        try {
            return new Param(ValueChecker.check(model.name(), attribute, param.value()), Option.some(attribute.type()));
        } catch (ValidationError e) {
            throw new ValidationError("where." + attribute.name() + " (" + context + "): " + e.getMessage());
        }
    }

    private static Column column(ModelDefinition model, Option<String> qualifier, Column column) {
        Attribute attribute = model.attribute(column.name());
        return new Column(qualifier, attribute.field());
    }

    private static Attribute attributeOf(ModelDefinition model, Expression operand) {
        return model.attribute(asColumn(operand).name());
    }

    private static Column asColumn(Expression expression) {
        if (expression instanceof Column column && column.qualifier().isEmpty()) {
            return column;
        }
        throw new ValidationError("a condition must start from an attribute, got " + expression);
    }

    private static Param asParam(Expression expression) {
        if (expression instanceof Param param) {
            return param;
        }
        throw new ValidationError("a condition compares an attribute with a value, got " + expression);
    }
}
