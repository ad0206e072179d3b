package dev.sequelj.ast.statement;

import dev.sequelj.ast.expression.Expression;
import io.vavr.control.Option;

/**
 * One entry of a SELECT list: {@code "first_name" AS "firstName"}, {@code COUNT("id") AS "n"}.
 *
 * @param expression what is selected: a column, a function call, a literal, a cast
 * @param alias      the name it is handed back under, when it is not the column's own
 */
public record SelectColumn(Expression expression, Option<String> alias) {

    /** A column of the selected table, by its name: {@code "first_name"}. */
    public SelectColumn(String column, Option<String> alias) {
        this(new Expression.Column(Option.none(), column), alias);
    }
}
