package dev.sequelj.executor;

import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.executor.error.DatabaseError;
import dev.sequelj.executor.error.TimeoutError;
import dev.sequelj.executor.query.RawResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static dev.sequelj.ast.model.Attribute.attribute;
import static dev.sequelj.executor.testing.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sqlite::memory:} has one connection, and a transaction holds it: statements outside the
 * transaction wait for it to end (they never join it), and one that the transaction itself waits for
 * fails after {@code pool.acquire} with a {@link TimeoutError} that says why, instead of hanging.
 */
class SqliteMemoryTransactionTest {

    private static Model account(Sequelize sequelize) {
        Model account = sequelize.define("account", List.of(attribute("name", DataTypes.STRING)),
                ModelOptions.options().tableName("tx_memory_accounts").timestamps(false));
        account.sync(true).join();
        return account;
    }

    @Test
    void aStatementOutsideTheTransactionWaitsForItAndSeesWhatItCommitted() {
        try (Sequelize sequelize = new Sequelize("sqlite::memory:", SequelizeOptions.options().logging(false))) {
            Model account = account(sequelize);
            Transaction t = sequelize.transaction().join();
            account.create(Map.of("name", "Ann"), t).join();

            CompletableFuture<List<ModelInstance>> outside = account.findAll();
            // It cannot have run: the only connection belongs to t until t ends.
            assertThat(outside).isNotDone();
            t.commit().join();

            assertThat(outside.join()).extracting(row -> row.get("name")).containsExactly("Ann");
        }
    }

    /**
     * SQLite keeps the transaction open when COMMIT is refused by a deferred constraint. The one
     * {@code :memory:} connection cannot be closed (that would drop the database), so it is rolled back
     * before anyone else gets it: nothing of the transaction stays, and the next one can begin.
     */
    @Test
    void aRefusedCommitLeavesNothingOpenOnTheOneConnection() {
        try (Sequelize sequelize = new Sequelize("sqlite::memory:", SequelizeOptions.options().logging(false))) {
            sequelize.query("PRAGMA foreign_keys = ON").join();
            sequelize.query("CREATE TABLE tx_memory_parents (id INTEGER PRIMARY KEY)").join();
            sequelize.query("CREATE TABLE tx_memory_children (parent INTEGER REFERENCES tx_memory_parents (id)"
                    + " DEFERRABLE INITIALLY DEFERRED)").join();
            QueryOptions<RawResult> orphan = QueryOptions.options();

            DatabaseError refused = failure(sequelize.transaction(t -> sequelize.query(
                    "INSERT INTO tx_memory_children (parent) VALUES (99)", orphan.transaction(t))), DatabaseError.class);

            assertThat(refused.sql()).isEqualTo("COMMIT;");
            assertThat(sequelize.query("SELECT COUNT(*) AS n FROM tx_memory_children", QueryOptions.options().plain())
                    .join()).contains(Map.of("n", 0));
            assertThat(sequelize.transaction(t -> sequelize.query("SELECT 1", orphan.transaction(t))).join().rows())
                    .containsExactly(Map.of("1", 1));
        }
    }

    @Test
    void aTransactionThatWaitsForAStatementOutsideItFailsInsteadOfHanging() {
        SequelizeOptions options = SequelizeOptions.options().logging(false).pool(PoolOptions.defaults().acquire(3_000));
        try (Sequelize sequelize = new Sequelize("sqlite::memory:", options)) {
            Model account = account(sequelize);

            CompletableFuture<List<ModelInstance>> work = sequelize.transaction(t -> account.create(Map.of("name", "Ann"), t)
                    .thenCompose(ann -> account.findAll())); // forgot to pass t

            TimeoutError error = failure(work, TimeoutError.class);
            assertThat(error.getMessage()).startsWith("no pooled connection became free in time (pool.acquire): ")
                    .endsWith(". sqlite::memory: has one connection and an open transaction holds it: statements outside"
                            + " the transaction wait until it commits or rolls back. Inside a transaction, pass it to every call");
            // The transaction was rolled back and the connection is free again.
            assertThat(account.findAll().join()).isEmpty();
        }
    }
}
