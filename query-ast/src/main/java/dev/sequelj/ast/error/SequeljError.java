package dev.sequelj.ast.error;

/**
 * Root of every error Sequelj raises, as Sequelize's {@code BaseError} is. Catch this to catch them all;
 * catch a subclass ({@link ValidationError}, the executor's {@code DatabaseError}, ...) to handle one kind.
 */
public class SequeljError extends RuntimeException {
    public SequeljError(String message) {
        super(message);
    }

    public SequeljError(String message, Throwable cause) {
        super(message, cause);
    }
}
