package dev.sequelj.executor.jdbc;

/**
 * A snapshot of the JDBC executor's connection pool, read from HikariCP without JMX. Counts move
 * while you read them; compare them once the work you care about has finished.
 *
 * <pre>{@code
 * PoolStats stats = ((JdbcExecutor) sequelize.executor()).poolStats();
 * assert stats.active() == 0; // every connection handed out has come back
 * }</pre>
 *
 * @param active  connections handed out and not yet returned
 * @param idle    connections in the pool, ready to be handed out
 * @param total   open connections ({@code active + idle}, give or take one being opened or retired)
 * @param waiting callers waiting for a connection right now
 * @param max     {@code pool.max}
 */
public record PoolStats(int active, int idle, int total, int waiting, int max) {}
