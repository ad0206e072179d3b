package dev.sequelj.ast.expression;

import dev.sequelj.ast.error.ValidationError;

/**
 * A named value given later: the value of a {@link Expression.Param} in a statement that is prepared once
 * and bound many times ({@code SqlRenderer.prepare}). Written where a value goes in a where clause,
 * through {@code Where.param}:
 *
 * <pre>{@code
 * Statement.Select byAge = FindStatements.findAll(user, options().where(col("age").gt(param("age"))));
 * PreparedSql prepared = SqlRenderer.prepare(byAge, Dialects.POSTGRES);
 * prepared.bind(30);   // SELECT ... WHERE "user"."age" > ?;  params [30]
 * }</pre>
 *
 * A statement holding a parameter cannot be rendered with values of its own ({@code SqlRenderer.render}
 * refuses it): it must be prepared and bound.
 *
 * @param name what {@code PreparedSql.parameters()} calls it; the same name twice is one value bound twice
 */
public record Parameter(String name) {
    public Parameter {
        if (name == null || name.isEmpty()) {
            throw new ValidationError("a parameter needs a name, e.g. param(\"age\")");
        }
    }
}
