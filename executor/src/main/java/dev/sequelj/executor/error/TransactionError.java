package dev.sequelj.executor.error;

import dev.sequelj.ast.error.SequeljError;

/**
 * A transaction was used in a way it cannot be: a statement or a {@code commit()} after it had
 * already been committed or rolled back, or a {@code commit()} of a transaction in which a statement
 * had failed (it is rolled back instead, and this error's cause is that statement's error). Raised
 * before any SQL is sent for the refused call.
 */
public class TransactionError extends SequeljError {
    public TransactionError(String message) {
        super(message);
    }

    public TransactionError(String message, Throwable cause) {
        super(message, cause);
    }
}
