package dev.sequelj.executor.error;

import dev.sequelj.ast.error.SequeljError;

/** The database could not be reached or the connection broke; the driver's exception is the cause. */
public class ConnectionError extends SequeljError {
    public ConnectionError(String message, Throwable cause) {
        super(message, cause);
    }
}
