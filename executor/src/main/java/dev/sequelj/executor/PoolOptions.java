package dev.sequelj.executor;

/**
 * Sequelize's {@code pool} option, mapped onto HikariCP: {@code max} → maximumPoolSize, {@code min} →
 * minimumIdle, {@code idle} → idleTimeout (ms), {@code acquire} → connectionTimeout (ms).
 *
 * <pre>{@code
 * PoolOptions.defaults().max(10).acquire(30_000)
 * }</pre>
 */
public record PoolOptions(int max, int min, long idle, long acquire) {

    /** Sequelize's defaults: max 5, min 0, idle 10 s, acquire 60 s. */
    public static PoolOptions defaults() {
        return new PoolOptions(5, 0, 10_000, 60_000);
    }

    public PoolOptions {
        if (max < 1) {
            throw new dev.sequelj.ast.error.ConfigurationError("pool.max must be at least 1, got " + max);
        }
        if (min < 0 || min > max) {
            throw new dev.sequelj.ast.error.ConfigurationError("pool.min must be between 0 and pool.max (" + max + "), got " + min);
        }
        // HikariCP's own floors: idleTimeout 10 s (or 0 for never), connectionTimeout 250 ms.
        if (idle != 0 && idle < 10_000) {
            throw new dev.sequelj.ast.error.ConfigurationError("pool.idle must be 0 (never) or at least 10000 ms, got " + idle);
        }
        if (acquire < 250) {
            throw new dev.sequelj.ast.error.ConfigurationError("pool.acquire must be at least 250 ms, got " + acquire);
        }
    }

    public PoolOptions max(int max) {
        return new PoolOptions(max, Math.min(min, max), idle, acquire);
    }

    public PoolOptions min(int min) {
        return new PoolOptions(max, min, idle, acquire);
    }

    public PoolOptions idle(long idleMillis) {
        return new PoolOptions(max, min, idleMillis, acquire);
    }

    public PoolOptions acquire(long acquireMillis) {
        return new PoolOptions(max, min, idle, acquireMillis);
    }
}
