package dev.sequelj.ast.finder;

import dev.sequelj.ast.statement.Statement;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/**
 * The statements of {@code findAndCountAll}: the {@link #count} of every matching row, and the page of
 * {@link #rows}. Sequelize sends them together; the result is {@code {count, rows}}.
 *
 * @param count the {@code count} SELECT, without order, limit or offset
 * @param rows  the {@code findAll} SELECT
 */
public record FindAndCountAll(Statement.Select count, Statement.Select rows) {

    /** Both statements in the order Sequelize sends them: the count, then the rows. */
    public Seq<Statement> statements() {
        return Vector.of(count, rows);
    }
}
