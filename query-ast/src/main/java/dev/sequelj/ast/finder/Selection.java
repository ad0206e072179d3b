package dev.sequelj.ast.finder;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.Expression;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * One entry of a finder's {@code attributes}: an attribute by name, or an expression ({@code fn},
 * {@code col}, {@code literal}, {@code cast}), optionally under an alias. Sequelize writes these as
 * {@code 'age'}, {@code ['age', 'years']}, {@code [fn('COUNT', col('id')), 'n']}.
 *
 * <pre>{@code
 * Selection.of("age")                                  // "age"
 * Selection.of("age").as("years")                      // "age" AS "years"
 * Selection.of(fn("COUNT", col("id"))).as("n")         // COUNT("id") AS "n"
 * }</pre>
 *
 * @param source an attribute name (left) or an expression (right)
 * @param alias  the name the value is handed back under
 */
public record Selection(Either<String, Expression> source, Option<String> alias) {

    /** An attribute of the model, by name. */
    public static Selection of(String attribute) {
        if (attribute == null || attribute.isEmpty()) {
            throw new ValidationError("attributes: an attribute name must be a non-empty string");
        }
        return new Selection(Either.left(attribute), Option.none());
    }

    /** An expression: {@code fn(...)}, {@code col(...)}, {@code literal(...)}, {@code cast(...)}. */
    public static Selection of(Expression expression) {
        if (expression == null) {
            throw new ValidationError("attributes: an expression must not be null");
        }
        return new Selection(Either.right(expression), Option.none());
    }

    /** The same selection handed back under {@code alias}. */
    public Selection as(String alias) {
        if (alias == null || alias.isEmpty()) {
            throw new ValidationError("attributes: an alias must be a non-empty string");
        }
        return new Selection(source, Option.some(alias));
    }
}
