package dev.sequelj.executor.error;

/**
 * The server answered but refused the login: wrong user or password, no access to the database
 * (Sequelize's {@code AccessDeniedError}). PostgreSQL and MySQL SQL state class {@code 28}, MySQL 1044,
 * SQL Server 18456 and 4060.
 */
public class AccessDeniedError extends ConnectionError {
    public AccessDeniedError(String message, Throwable cause) {
        super(message, cause);
    }
}
