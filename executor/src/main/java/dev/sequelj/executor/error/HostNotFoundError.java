package dev.sequelj.executor.error;

/** The host name of the connection settings does not resolve (Sequelize's {@code HostNotFoundError}). */
public class HostNotFoundError extends ConnectionError {
    public HostNotFoundError(String message, Throwable cause) {
        super(message, cause);
    }
}
