package dev.sequelj.ast.error;

/**
 * A setting that cannot work: an unknown dialect, a malformed connection URI, a SQLite storage path
 * whose directory does not exist. Raised when the setting is read, before any connection is tried.
 */
public class ConfigurationError extends SequeljError {
    public ConfigurationError(String message) {
        super(message);
    }

    public ConfigurationError(String message, Throwable cause) {
        super(message, cause);
    }
}
