package dev.sequelj.executor.live;

import dev.sequelj.executor.PoolOptions;
import dev.sequelj.executor.Sequelize;
import dev.sequelj.executor.SequelizeOptions;
import dev.sequelj.executor.error.TimeoutError;
import dev.sequelj.executor.error.TimeoutError.Reason;
import dev.sequelj.executor.testing.LiveDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import static dev.sequelj.executor.testing.Futures.failure;
import static dev.sequelj.executor.testing.RawSql.query;
import static dev.sequelj.executor.testing.RawSql.quote;
import static dev.sequelj.executor.testing.RawSql.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's statement and lock timeouts are {@link TimeoutError}s saying which ({@link Reason}),
 * with the statement that waited. Session settings ({@code SET statement_timeout}) stick to a
 * connection, so each Sequelize here has a pool of one: every statement runs on the same connection.
 * (The pool's own acquire timeout is checked in {@code PostgresFaultsLiveTest}.)
 */
class TimeoutErrorsLiveTest {
    private static SequelizeOptions oneConnection() {
        return SequelizeOptions.options().logging(false).pool(PoolOptions.defaults().max(1));
    }

    @ParameterizedTest
    @EnumSource(names = {"POSTGRES", "MARIADB"})
    void aStatementOverTheServersTimeLimit(LiveDatabase database) {
        try (Sequelize sequelize = database.open(oneConnection())) {
            String sleep = switch (database) {
                case POSTGRES -> {
                    run(sequelize, "SET statement_timeout = 200").join();
                    yield "SELECT pg_sleep(30)";
                }
                case MARIADB -> {
                    run(sequelize, "SET max_statement_time = 0.2").join();
                    yield "SELECT SLEEP(30)";
                }
                default -> throw new IllegalArgumentException(database.name());
            };

            TimeoutError error = failure(query(sequelize, sleep), TimeoutError.class);

            assertThat(error.reason()).isEqualTo(Reason.STATEMENT);
            assertThat(error.sql()).contains(sleep);
            // The connection outlives its statement's timeout.
            assertThat(query(sequelize, "SELECT 1 AS one").join().rows()).singleElement()
                    .satisfies(row -> assertThat(((Number) row[0]).intValue()).isEqualTo(1));
        }
    }

    /**
     * One session holds a row lock inside an open transaction; another waits for it past its lock
     * timeout. The holder's pool has one connection, so its {@code BEGIN}, its {@code SELECT ... FOR
     * UPDATE} and its {@code ROLLBACK} all run in the same session.
     */
    @ParameterizedTest
    @EnumSource(names = {"POSTGRES", "MARIADB"})
    void aLockHeldByAnotherSessionPastTheLockTimeout(LiveDatabase database) {
        String table = "err_to_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (Sequelize holder = database.open(oneConnection()); Sequelize waiter = database.open(oneConnection())) {
            String t = quote(holder, table);
            run(holder, "CREATE TABLE " + t + " (id INTEGER PRIMARY KEY, v INTEGER)").join();
            try {
                run(holder, "INSERT INTO " + t + " (id, v) VALUES (1, 1)").join();
                run(holder, database == LiveDatabase.POSTGRES ? "BEGIN" : "START TRANSACTION").join();
                run(holder, "SELECT v FROM " + t + " WHERE id = 1 FOR UPDATE").join();
                run(waiter, database == LiveDatabase.POSTGRES ? "SET lock_timeout = 200" : "SET innodb_lock_wait_timeout = 1").join();
                String update = "UPDATE " + t + " SET v = 2 WHERE id = 1";

                TimeoutError error = failure(run(waiter, update), TimeoutError.class);

                assertThat(error.reason()).isEqualTo(Reason.LOCK);
                assertThat(error.sql()).contains(update);
                run(holder, "ROLLBACK").join();
                assertThat(run(waiter, update).join().updateCount()).isIn(-1L, 1L);
            } finally {
                run(holder, "ROLLBACK").exceptionally(e -> null).join();
                run(holder, "DROP TABLE " + t).join();
            }
        }
    }

    /**
     * A SQLite file that another connection's write transaction keeps locked for longer than
     * busy_timeout (= pool.acquire). {@code BEGIN IMMEDIATE} takes the write lock and still lets others
     * read, so the waiter's pool can open (and validate) its connection and then waits on the lock.
     */
    @Test
    void aSqliteFileLockedByAnotherConnection(@TempDir Path directory) {
        String uri = "sqlite:" + directory.resolve("locked.db");
        SequelizeOptions shortWait = oneConnection().pool(PoolOptions.defaults().max(1).acquire(250));
        try (Sequelize holder = new Sequelize(uri, oneConnection()); Sequelize waiter = new Sequelize(uri, shortWait)) {
            run(holder, "CREATE TABLE err_to_items (id INTEGER PRIMARY KEY)").join();
            run(holder, "BEGIN IMMEDIATE").join();
            String insert = "INSERT INTO err_to_items (id) VALUES (1)";

            TimeoutError error = failure(run(waiter, insert), TimeoutError.class);

            assertThat(error.reason()).isEqualTo(Reason.LOCK);
            assertThat(error.sql()).contains(insert);
            run(holder, "ROLLBACK").join();
            run(waiter, insert).join();
        }
    }
}
