package dev.sequelj.executor.jdbc;

import dev.sequelj.ast.error.SequeljError;

import java.sql.SQLException;
import java.util.Optional;

/**
 * What one driver family's SQL states, vendor codes and messages mean. {@link JdbcErrors} asks it first
 * and falls back on what every driver shares (SQL state class {@code 08} = connection,
 * {@link java.sql.SQLTimeoutException} = statement timeout, anything else = {@code DatabaseError}).
 * One implementation per family, chosen by {@link JdbcProfile#errors()}.
 */
interface DriverErrors {

    /**
     * The typed error for a statement that failed with {@code e}, when this driver's codes say more than
     * the shared rules; empty otherwise.
     */
    Optional<SequeljError> statementError(SQLException e, String sql);

    /** Whether {@code e}, raised while connecting, means the login was refused (Sequelize's {@code AccessDeniedError}). */
    default boolean accessDenied(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("28");
    }
}
