package dev.sequelj.ast.statement;

import io.vavr.collection.Seq;

/**
 * What an INSERT does with a row that collides with an existing one on a unique key: Sequelize's
 * {@code ignoreDuplicates} and {@code updateOnDuplicate}. How each is spelled (ON CONFLICT, INSERT
 * IGNORE, ON DUPLICATE KEY UPDATE) is the dialect's affair.
 *
 * <pre>{@code
 * OnDuplicate.REFUSE                                                   // the database raises an error
 * OnDuplicate.IGNORE                                                   // the row is skipped
 * new OnDuplicate.Update(Vector.of("id"), Vector.of("firstName"))      // the existing row is updated
 * }</pre>
 */
public sealed interface OnDuplicate {
    /** The default: the database refuses the row with a unique-constraint error. */
    OnDuplicate REFUSE = new Refuse();
    /** Skip the row. */
    OnDuplicate IGNORE = new Ignore();

    /** The database refuses the row. */
    record Refuse() implements OnDuplicate {}

    /** The row is skipped. */
    record Ignore() implements OnDuplicate {}

    /**
     * The existing row gets the new row's values for {@code columns}.
     *
     * @param conflictColumns the unique key whose collision counts (ON CONFLICT's target); MySQL takes any key
     * @param columns         the columns to overwrite with the inserted row's values
     */
    record Update(Seq<String> conflictColumns, Seq<String> columns) implements OnDuplicate {}
}
