package dev.sequelj.executor.error;

import dev.sequelj.ast.error.SequeljError;

/** No pooled connection became free within {@code pool.acquire} milliseconds. */
public class TimeoutError extends SequeljError {
    public TimeoutError(String message, Throwable cause) {
        super(message, cause);
    }
}
