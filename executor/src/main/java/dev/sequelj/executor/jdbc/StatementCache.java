package dev.sequelj.executor.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prepared statements kept open per physical connection, keyed by their SQL text, so that running the
 * same statement again (a lookup by key, a create, each chunk of a bulk insert) binds and executes
 * without preparing it anew. Neither HikariCP nor sqlite-jdbc caches statements, and on SQLite
 * preparing costs about as much as running a point lookup (PERFORMANCE.md: reuse is worth 1.8×).
 *
 * <p>Statements are cached against the driver's own connection, not HikariCP's proxy: the proxy is new
 * on every {@code getConnection()} and closes the statements made through it when it is handed back.
 * A connection is used by one thread at a time (the pool hands it out alone), so each connection's
 * statements need no lock; HikariCP's hand-off orders one user's writes before the next one's reads.
 * At most {@code capacity} statements stay open per connection, the least recently used closed first.
 *
 * <pre>{@code
 * StatementCache cache = StatementCache.perConnection(64);
 * StatementCache.Lease lease = cache.prepare(connection, "SELECT ... WHERE `id` = ?", Statement.NO_GENERATED_KEYS);
 * boolean reusable = false;
 * try { ...bind and run lease.statement()...; reusable = true; } finally { lease.release(reusable); }
 * }</pre>
 */
final class StatementCache {
    private static final StatementCache NONE = new StatementCache(0);

    private final int capacity;
    private final Map<Connection, Statements> byConnection = new ConcurrentHashMap<>();

    private StatementCache(int capacity) {
        this.capacity = capacity;
    }

    /** No caching: every statement is prepared and closed, as plain JDBC does. */
    static StatementCache none() {
        return NONE;
    }

    /** Up to {@code capacity} open statements per connection. */
    static StatementCache perConnection(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("a statement cache holds at least one statement per connection, not " + capacity);
        }
        return new StatementCache(capacity);
    }

    /**
     * A statement for {@code sql} on {@code connection}: the cached one, or a new one (cached when there
     * is a cache). Its parameters are whatever the last user bound: bind every one.
     *
     * @param generatedKeys {@link Statement#RETURN_GENERATED_KEYS} or {@link Statement#NO_GENERATED_KEYS}
     */
    Lease prepare(Connection connection, String sql, int generatedKeys) throws SQLException {
        if (capacity == 0) {
            return new Lease(new Cached(connection.prepareStatement(sql, generatedKeys)), null, sql);
        }
        Connection physical = connection.unwrap(Connection.class);
        Statements statements = byConnection.get(physical);
        if (statements == null) {
            forgetClosedConnections();
            statements = new Statements(capacity);
            byConnection.put(physical, statements);
        }
        return statements.lease(physical, sql, generatedKeys);
    }

    /**
     * Drops the statements of connections the pool has closed (retired, evicted as broken): their
     * statements died with them. Done when a new connection is first seen, so the map never holds more
     * dead connections than the pool ever replaced between two new ones.
     */
    private void forgetClosedConnections() throws SQLException {
        for (Connection known : byConnection.keySet()) {
            if (known.isClosed()) {
                byConnection.remove(known);
            }
        }
    }

    /** How many statements are open for the connection behind {@code connection}; for tests. */
    int size(Connection connection) throws SQLException {
        Statements statements = byConnection.get(connection.unwrap(Connection.class));
        return statements == null ? 0 : statements.size();
    }

    /** One use of a statement; {@link #release(boolean)} hands it back to the cache or closes it. */
    static final class Lease {
        private final Cached cached;
        private final PreparedStatement statement;
        /** Null when the statement is not cached and so is closed after this use. */
        private final Statements owner;
        private final String sql;

        Lease(Cached cached, Statements owner, String sql) {
            this.cached = cached;
            this.statement = cached.statement;
            this.owner = owner;
            this.sql = sql;
        }

        PreparedStatement statement() {
            return statement;
        }

        String sql() {
            return sql;
        }

        /**
         * What was learnt of this statement's result columns the last time it ran (labels, readers), kept as
         * long as the statement is; null the first time, and always for a statement that is not kept.
         */
        Object resultColumns() {
            return cached.resultColumns;
        }

        /** Keeps what was learnt of the result columns for the next run of this statement. */
        void resultColumns(Object columns) {
            if (owner != null) {
                cached.resultColumns = columns;
            }
        }

        /**
         * Ends this use. A cached statement stays open when the use went well; after a failure it is
         * closed and forgotten, since a driver may leave a failed statement in a state not worth trusting.
         */
        void release(boolean reusable) throws SQLException {
            if (owner != null && reusable) {
                return;
            }
            if (owner != null) {
                owner.forget(sql, statement);
            }
            statement.close();
        }
    }

    /** The open statements of one connection, least recently used first; one map per generated-keys mode. */
    private static final class Statements {
        private final Lru plain;
        private final Lru withKeys;

        Statements(int capacity) {
            plain = new Lru(capacity);
            withKeys = new Lru(capacity);
        }

        Lease lease(Connection physical, String sql, int generatedKeys) throws SQLException {
            Lru cache = generatedKeys == Statement.RETURN_GENERATED_KEYS ? withKeys : plain;
            Cached cached = cache.get(sql);
            if (cached == null || cached.statement.isClosed()) {
                cached = new Cached(physical.prepareStatement(sql, generatedKeys));
                cache.put(sql, cached);
            }
            return new Lease(cached, this, sql);
        }

        void forget(String sql, PreparedStatement statement) {
            plain.forget(sql, statement);
            withKeys.forget(sql, statement);
        }

        int size() {
            return plain.size() + withKeys.size();
        }
    }

    /** A kept statement, and what its executor learnt of its result columns (see {@link Lease#resultColumns()}). */
    private static final class Cached {
        final PreparedStatement statement;
        Object resultColumns;

        Cached(PreparedStatement statement) {
            this.statement = statement;
        }
    }

    /** A map in access order that closes the statement it pushes out. */
    private static final class Lru extends LinkedHashMap<String, Cached> {
        private final int capacity;

        Lru(int capacity) {
            super(16, 0.75f, true);
            this.capacity = capacity;
        }

        void forget(String sql, PreparedStatement statement) {
            Cached cached = get(sql);
            if (cached != null && cached.statement == statement) {
                remove(sql);
            }
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            if (size() <= capacity) {
                return false;
            }
            try {
                eldest.getValue().statement.close();
            } catch (SQLException e) {
                // Closing only frees the driver's resources; a statement that cannot close is already gone.
            }
            return true;
        }
    }
}
