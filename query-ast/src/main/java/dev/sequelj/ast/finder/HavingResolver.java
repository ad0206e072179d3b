package dev.sequelj.ast.finder;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.model.ModelDefinition;
import io.vavr.collection.Map;
import io.vavr.control.Option;

/**
 * Binds a having condition to a model and its selection. A name that is an attribute is resolved as a
 * where clause resolves it (qualified column, checked and typed value); a name that is the alias of a
 * selected expression stands for that expression, so {@code having: {n: {$gt: 1}}} over
 * {@code [fn('COUNT', col('id')), 'n']} is {@code HAVING COUNT("id") > ?}, which every database accepts
 * (PostgreSQL and SQL Server refuse an alias in HAVING). A condition on a function, cast, column or
 * literal ({@link SqlExpressions#where}) is kept as built.
 *
 * <p>On an alias, having takes the comparisons of {@link ExpressionConditions}: {@code =}, {@code !=},
 * {@code <}, ..., LIKE, IN and IS NULL.
 */
final class HavingResolver {
    private HavingResolver() {}

    /**
     * @param aliases each alias of the selection with what it stands for
     */
    static Expression resolve(ModelDefinition model, Expression having, Map<String, Expression> aliases) {
        if (having instanceof Expression.And and) {
            return new Expression.And(and.operands().map(e -> resolve(model, e, aliases)));
        }
        if (having instanceof Expression.Or or) {
            return new Expression.Or(or.operands().map(e -> resolve(model, e, aliases)));
        }
        if (having instanceof Expression.Not not) {
            return new Expression.Not(resolve(model, not.operand(), aliases));
        }
        if (having instanceof Expression.Comparison c) {
            Option<Expression> alias = alias(model, c.left(), aliases);
            if (alias.isDefined()) {
                return new Expression.Comparison(alias.get(), c.operator(), value(c.right(), c.left()));
            }
            if (isBuilt(c.left())) {
                return c;
            }
        }
        if (having instanceof Expression.In in) {
            Option<Expression> alias = alias(model, in.operand(), aliases);
            if (alias.isDefined()) {
                return new Expression.In(alias.get(), in.values().map(v -> value(v, in.operand())), in.negated());
            }
            if (isBuilt(in.operand())) {
                return in;
            }
        }
        if (having instanceof Expression.IsNull isNull) {
            Option<Expression> alias = alias(model, isNull.operand(), aliases);
            if (alias.isDefined()) {
                return new Expression.IsNull(alias.get(), isNull.negated());
            }
            if (isBuilt(isNull.operand())) {
                return isNull;
            }
        }
        if (isBuilt(having)) {
            return having;
        }
        return WhereResolver.resolve(model, having);
    }

    /**
     * What an unqualified name that is not an attribute stands for: an alias of the selection. A name
     * that is neither is refused here, naming both lists.
     */
    private static Option<Expression> alias(ModelDefinition model, Expression operand, Map<String, Expression> aliases) {
        if (operand instanceof Expression.Column column && column.qualifier().isEmpty()
                && !model.attributes().containsKey(column.name())) {
            Option<Expression> aliased = aliases.get(column.name());
            if (aliased.isEmpty()) {
                throw new ValidationError("having." + column.name() + ": neither an attribute of model '" + model.name()
                        + "' nor an alias in attributes; attributes are " + model.attributes().keySet().mkString(", ")
                        + (aliases.isEmpty() ? "" : "; aliases are " + aliases.keySet().mkString(", ")));
            }
            return aliased;
        }
        return Option.none();
    }

    /** A value compared with an alias, bound untyped after checking it can be bound at all. */
    private static Expression value(Expression value, Expression name) {
        if (value instanceof Expression.Param param) {
            return ExpressionConditions.param(param.value(), "having." + ((Expression.Column) name).name());
        }
        return value;
    }

    /** An expression built by {@link SqlExpressions}: resolved already, written as it is. */
    private static boolean isBuilt(Expression expression) {
        return expression instanceof Expression.FunctionCall || expression instanceof Expression.ColumnName
                || expression instanceof Expression.Literal || expression instanceof Expression.Cast
                || expression instanceof Expression.Random;
    }
}
