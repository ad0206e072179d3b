package dev.sequelj.executor;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.executor.Transaction.IsolationLevel;
import io.vavr.control.Option;

/**
 * The options of {@code sequelize.transaction(options, ...)}, named as in Sequelize. Immutable; each
 * method returns new options.
 *
 * <pre>{@code
 * // Sequelize: sequelize.transaction({ isolationLevel: Transaction.ISOLATION_LEVELS.SERIALIZABLE }, async t => ...)
 * sequelize.transaction(TransactionOptions.options().isolationLevel(IsolationLevel.SERIALIZABLE), t -> ...);
 * // Sequelize: sequelize.transaction({ transaction: t }, async sp => ...)   — a savepoint in t
 * sequelize.transaction(TransactionOptions.options().transaction(t), sp -> ...);
 * }</pre>
 *
 * @param isolationLevel the level for this transaction; none: the database's default
 * @param transaction    the parent: the new transaction is a savepoint in it
 */
public record TransactionOptions(Option<IsolationLevel> isolationLevel, Option<Transaction> transaction) {

    private static final TransactionOptions DEFAULTS = new TransactionOptions(Option.none(), Option.none());

    public TransactionOptions {
        if (isolationLevel.isDefined() && transaction.isDefined()) {
            throw new ValidationError("a nested transaction is a savepoint in its parent and runs at the parent's"
                    + " isolation level; set isolationLevel on the outermost transaction only (it was "
                    + isolationLevel.get() + ", parent " + transaction.get().name() + ")");
        }
    }

    /** A top-level transaction at the database's default isolation level. */
    public static TransactionOptions options() {
        return DEFAULTS;
    }

    /** Sequelize's {@code isolationLevel}; a nested transaction cannot have one ({@code ValidationError}). */
    public TransactionOptions isolationLevel(IsolationLevel level) {
        return new TransactionOptions(Option.of(level), transaction);
    }

    /** Sequelize's {@code transaction}: the new transaction is a savepoint in {@code parent}. */
    public TransactionOptions transaction(Transaction parent) {
        return new TransactionOptions(isolationLevel, Option.of(parent));
    }
}
