package dev.sequelj.executor.error;

/** Nothing listens at the host and port (Sequelize's {@code ConnectionRefusedError}). */
public class ConnectionRefusedError extends ConnectionError {
    public ConnectionRefusedError(String message, Throwable cause) {
        super(message, cause);
    }
}
