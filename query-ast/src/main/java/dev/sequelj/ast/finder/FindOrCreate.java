package dev.sequelj.ast.finder;

import dev.sequelj.ast.statement.Statement;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/**
 * The statements of {@code findOrCreate}: {@link #find}, then, only when it finds no row,
 * {@link #create}. An executor runs both in one transaction, as Sequelize does, and when the INSERT
 * fails on a unique constraint (another session created the row in between) runs {@link #find} again.
 *
 * @param find   the {@code findOne} SELECT
 * @param create the INSERT of {@code defaults} and the where's values
 */
public record FindOrCreate(Statement.Select find, Statement.Insert create) {

    /** Both statements in the order they are sent: the SELECT, then the INSERT. */
    public Seq<Statement> statements() {
        return Vector.of(find, create);
    }
}
