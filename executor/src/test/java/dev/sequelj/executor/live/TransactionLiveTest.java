package dev.sequelj.executor.live;

import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.ast.statement.OrderItem.Direction;
import dev.sequelj.executor.Model;
import dev.sequelj.executor.ModelInstance;
import dev.sequelj.executor.PoolOptions;
import dev.sequelj.executor.QueryOptions;
import dev.sequelj.executor.Sequelize;
import dev.sequelj.executor.SequelizeOptions;
import dev.sequelj.executor.Transaction;
import dev.sequelj.executor.Transaction.IsolationLevel;
import dev.sequelj.executor.TransactionOptions;
import dev.sequelj.executor.error.DatabaseError;
import dev.sequelj.executor.error.TransactionError;
import dev.sequelj.executor.query.QueryTypes;
import dev.sequelj.executor.query.RawResult;
import dev.sequelj.executor.testing.LiveDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import static dev.sequelj.ast.finder.FindOptions.options;
import static dev.sequelj.ast.model.Attribute.attribute;
import static dev.sequelj.executor.testing.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transactions on every live database, each checked from outside: a second {@link Sequelize} with a
 * pool of its own (for SQLite, a second connection to the same file, since every connection to
 * {@code :memory:} is a database of its own) looks at what was committed. Tables are named
 * {@code tx_*}.
 */
class TransactionLiveTest {
    @TempDir
    Path directory;

    /** A Sequelize that works in transactions and one that looks from outside, on the same database. */
    private final class Pair implements AutoCloseable {
        final LiveDatabase database;
        final List<String> log = new CopyOnWriteArrayList<>();
        final Sequelize work;
        final Sequelize outside;
        final List<Model> models = new ArrayList<>();

        Pair(LiveDatabase database) {
            this(database, options -> options);
        }

        Pair(LiveDatabase database, UnaryOperator<SequelizeOptions> workOptions) {
            this.database = database;
            SequelizeOptions logged = workOptions.apply(SequelizeOptions.options().logging(log::add));
            SequelizeOptions quiet = SequelizeOptions.options().logging(false);
            if (database == LiveDatabase.SQLITE) {
                String uri = "sqlite:" + directory.resolve("tx.db");
                this.work = new Sequelize(uri, logged);
                this.outside = new Sequelize(uri, quiet);
            } else {
                this.work = database.open(logged);
                this.outside = database.open(quiet);
            }
        }

        /** An {@code account} model on table {@code tx_<table>}, in both Sequelizes; created empty. */
        Model[] accounts(String table) {
            ModelOptions options = ModelOptions.options().tableName("tx_" + table).timestamps(false);
            Model mine = work.define("account", List.of(attribute("name", DataTypes.STRING)), options);
            Model theirs = outside.define("account", List.of(attribute("name", DataTypes.STRING)), options);
            theirs.sync(true).join();
            models.add(theirs);
            return new Model[] {mine, theirs};
        }

        /** Closes the working pool first: a transaction a failed test left open would block the drops. */
        @Override
        public void close() {
            work.close();
            try {
                for (Model model : models) {
                    model.drop().join();
                }
            } finally {
                outside.close();
            }
        }
    }

    private static List<String> names(Model model) {
        return model.findAll(options().order("id", Direction.ASC)).join().stream()
                .map(row -> row.get("name", String.class)).toList();
    }

    private static CompletableFuture<ModelInstance> add(Model model, String name, Transaction t) {
        return model.create(Map.of("name", name), t);
    }

    /** A statement every database refuses: its table does not exist. */
    private static final String BROKEN = "INSERT INTO tx_no_such_table (name) VALUES ('x')";

    private static CompletableFuture<RawResult> broken(Sequelize sequelize, Transaction t) {
        return sequelize.query(BROKEN, QueryOptions.options().transaction(t));
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void aCommitMakesTheRowsVisibleToOtherConnectionsAndNotBefore(LiveDatabase database) {
        try (Pair db = new Pair(database)) {
            Model[] accounts = db.accounts("commit");
            List<List<String>> seenFromOutsideDuring = new ArrayList<>();

            String id = db.work.transaction(t -> add(accounts[0], "Ann", t)
                    .thenCompose(ignored -> add(accounts[0], "Bob", t))
                    .thenApply(ignored -> {
                        seenFromOutsideDuring.add(names(accounts[1]));
                        return t.id();
                    })).join();

            assertThat(seenFromOutsideDuring).containsExactly(List.of());
            assertThat(names(accounts[1])).containsExactly("Ann", "Bob");
            String start = database == LiveDatabase.SQLITE ? "BEGIN DEFERRED TRANSACTION;" : "START TRANSACTION;";
            assertThat(db.log).hasSize(4);
            assertThat(db.log.get(0)).isEqualTo("Executing (" + id + "): " + start);
            assertThat(db.log.get(1)).startsWith("Executing (" + id + "): INSERT INTO ");
            assertThat(db.log.get(2)).startsWith("Executing (" + id + "): INSERT INTO ");
            assertThat(db.log.get(3)).isEqualTo("Executing (" + id + "): COMMIT;");
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void aFailedStatementRollsTheWholeManagedTransactionBack(LiveDatabase database) {
        try (Pair db = new Pair(database)) {
            Model[] accounts = db.accounts("failed");

            CompletableFuture<RawResult> work = db.work.transaction(t -> add(accounts[0], "Ann", t)
                    .thenCompose(ann -> add(accounts[0], "Bob", t))
                    .thenCompose(bob -> broken(db.work, t)));

            DatabaseError error = failure(work, DatabaseError.class);
            assertThat(error.sql()).isEqualTo(BROKEN);
            assertThat(names(accounts[1])).isEmpty();
            // The connection went back to the pool clean: the next transaction commits.
            db.work.transaction(t -> add(accounts[0], "Cid", t)).join();
            assertThat(names(accounts[1])).containsExactly("Cid");
        }
    }

    /**
     * Unmanaged: after a failed statement nothing more runs in the transaction, and commit rolls back.
     * On MySQL and SQLite the database alone would have committed Ann.
     */
    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void anUnmanagedTransactionWithAFailedStatementCannotCommit(LiveDatabase database) {
        try (Pair db = new Pair(database)) {
            Model[] accounts = db.accounts("unmanaged");
            Transaction t = db.work.transaction().join();
            add(accounts[0], "Ann", t).join();
            DatabaseError refused = failure(broken(db.work, t), DatabaseError.class);

            failure(add(accounts[0], "Bob", t), TransactionError.class);
            TransactionError notCommitted = failure(t.commit(), TransactionError.class);

            assertThat(notCommitted.getCause()).isSameAs(refused);
            assertThat(t.finished()).contains(Transaction.Outcome.ROLLBACK);
            assertThat(names(accounts[1])).isEmpty();
            assertThat(db.log.get(db.log.size() - 1)).isEqualTo("Executing (" + t.id() + "): ROLLBACK;");
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void anUnmanagedRollbackLeavesNothing(LiveDatabase database) {
        try (Pair db = new Pair(database)) {
            Model[] accounts = db.accounts("rollback");
            Transaction t = db.work.transaction().join();
            add(accounts[0], "Ann", t).join();
            assertThat(accounts[0].findAll(t).join()).hasSize(1);
            t.rollback().join();

            assertThat(names(accounts[1])).isEmpty();
            failure(add(accounts[0], "Bob", t), TransactionError.class);
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void aFailedSavepointIsRolledBackAloneAndTheOuterWorkCommits(LiveDatabase database) {
        try (Pair db = new Pair(database)) {
            Model[] accounts = db.accounts("savepoint");
            Model account = accounts[0];

            db.work.transaction(t -> add(account, "Ann", t)
                    .thenCompose(ann -> db.work.transaction(TransactionOptions.options().transaction(t), sp ->
                            add(account, "Bob", sp).thenCompose(bob -> broken(db.work, sp))))
                    .handle((ignored, error) -> {
                        Throwable cause = error instanceof CompletionException wrapped ? wrapped.getCause() : error;
                        assertThat(cause).isInstanceOf(DatabaseError.class);
                        return null;
                    })
                    .thenCompose(ignored -> add(account, "Cid", t))
                    .thenCompose(ignored -> account.findAll(options().order("id", Direction.ASC), t))
                    .thenApply(inside -> {
                        assertThat(inside).extracting(row -> row.get("name")).containsExactly("Ann", "Cid");
                        return null;
                    })).join();

            assertThat(names(accounts[1])).containsExactly("Ann", "Cid");
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void aCommittedSavepointIsUndoneWithItsParent(LiveDatabase database) {
        try (Pair db = new Pair(database)) {
            Model[] accounts = db.accounts("nested");
            Transaction t = db.work.transaction().join();
            add(accounts[0], "Ann", t).join();
            db.work.transaction(TransactionOptions.options().transaction(t), sp -> add(accounts[0], "Bob", sp)).join();
            assertThat(accounts[0].findAll(t).join()).hasSize(2);
            t.rollback().join();

            assertThat(names(accounts[1])).isEmpty();
        }
    }

    /**
     * What the database itself says the running transaction's isolation level is. MariaDB has no such
     * probe here (INNODB_TRX is a cache refreshed every 100 ms, performance_schema is off), so its levels
     * are shown by what they do, in the tests below.
     */
    private static String isolationInside(LiveDatabase database, Sequelize sequelize, Transaction t) {
        String sql = switch (database) {
            case POSTGRES -> "SHOW transaction_isolation";
            case SQLITE -> "PRAGMA read_uncommitted";
            case MSSQL -> "SELECT CASE transaction_isolation_level WHEN 1 THEN 'READ UNCOMMITTED' WHEN 2 THEN"
                    + " 'READ COMMITTED' WHEN 3 THEN 'REPEATABLE READ' WHEN 4 THEN 'SERIALIZABLE' END AS level"
                    + " FROM sys.dm_exec_sessions WHERE session_id = @@SPID";
            case MARIADB, MYSQL -> throw new IllegalArgumentException("no isolation probe on " + database);
        };
        Map<String, Object> row = sequelize.query(sql, QueryOptions.options().plain().transaction(t)).join().orElseThrow();
        return String.valueOf(row.values().iterator().next());
    }

    /** One connection for the working side, so that a setting left behind would reach the next transaction. */
    private static SequelizeOptions oneConnection(SequelizeOptions options) {
        return options.pool(PoolOptions.defaults().max(1));
    }

    @ParameterizedTest
    @EnumSource(value = LiveDatabase.class, names = {"SQLITE", "POSTGRES", "MSSQL"})
    void theDatabaseRunsTheIsolationLevelAskedFor(LiveDatabase database) {
        try (Pair db = new Pair(database, TransactionLiveTest::oneConnection)) {
            List<String> seen = new ArrayList<>();
            for (IsolationLevel level : List.of(IsolationLevel.SERIALIZABLE, IsolationLevel.READ_UNCOMMITTED)) {
                Transaction t = db.work.transaction(TransactionOptions.options().isolationLevel(level)).join();
                seen.add(isolationInside(database, db.work, t));
                t.commit().join();
            }
            // And the level does not stay behind on the connection for the next transaction.
            Transaction plain = db.work.transaction().join();
            seen.add(isolationInside(database, db.work, plain));
            plain.commit().join();

            assertThat(seen).containsExactlyElementsOf(switch (database) {
                case POSTGRES -> List.of("serializable", "read uncommitted", "read committed");
                case MSSQL -> List.of("SERIALIZABLE", "READ UNCOMMITTED", "READ COMMITTED");
                // SQLite is always serializable; READ UNCOMMITTED is its read_uncommitted pragma.
                case SQLITE -> List.of("0", "1", "0");
                case MARIADB, MYSQL -> throw new IllegalArgumentException(database.name());
            });
        }
    }

    /**
     * READ UNCOMMITTED reads a row another transaction has not committed; the default level, next on the
     * same connection, does not. PostgreSQL runs READ UNCOMMITTED as READ COMMITTED, so never reads it.
     */
    @ParameterizedTest
    @EnumSource(value = LiveDatabase.class, names = {"POSTGRES", "MARIADB", "MYSQL"})
    void readUncommittedReadsAnotherTransactionsUncommittedRow(LiveDatabase database) {
        try (Pair db = new Pair(database, TransactionLiveTest::oneConnection)) {
            Model[] accounts = db.accounts("dirty");
            Transaction writer = db.outside.transaction().join();
            add(accounts[1], "not committed", writer).join();

            List<Integer> seen = new ArrayList<>();
            Transaction dirty = db.work.transaction(TransactionOptions.options()
                    .isolationLevel(IsolationLevel.READ_UNCOMMITTED)).join();
            seen.add(accounts[0].findAll(dirty).join().size());
            dirty.commit().join();
            Transaction plain = db.work.transaction().join();
            seen.add(accounts[0].findAll(plain).join().size());
            plain.commit().join();
            writer.rollback().join();

            assertThat(seen).containsExactly(database == LiveDatabase.POSTGRES ? 0 : 1, 0);
        }
    }

    /**
     * InnoDB's SERIALIZABLE reads take shared locks, so another transaction cannot change what was read
     * until the reader ends; at the default REPEATABLE READ, next on the same connection, it can.
     */
    @ParameterizedTest
    @EnumSource(value = LiveDatabase.class, names = {"MARIADB", "MYSQL"})
    void serializableReadsLockWhatTheyRead(LiveDatabase database) {
        try (Pair db = new Pair(database, TransactionLiveTest::oneConnection)) {
            Model[] accounts = db.accounts("locks");
            add(accounts[1], "Ann", null).join();
            List<String> outcomes = new ArrayList<>();
            for (Transaction.IsolationLevel level : new IsolationLevel[] {IsolationLevel.SERIALIZABLE, null}) {
                Transaction reader = db.work.transaction(level == null
                        ? TransactionOptions.options() : TransactionOptions.options().isolationLevel(level)).join();
                accounts[0].findAll(reader).join();
                outcomes.add(updateFromOutside(db));
                reader.commit().join();
            }
            assertThat(outcomes).containsExactly("lock wait timeout (1205)", "updated 1");
        }
    }

    /** Another transaction renames every account, waiting at most a second for locks. */
    private static String updateFromOutside(Pair db) {
        Transaction writer = db.outside.transaction().join();
        db.outside.query("SET SESSION innodb_lock_wait_timeout = 1", QueryOptions.options().transaction(writer)).join();
        try {
            long updated = db.outside.query("UPDATE tx_locks SET name = 'renamed'",
                    QueryOptions.options(QueryTypes.UPDATE).transaction(writer)).join();
            writer.commit().join();
            return "updated " + updated;
        } catch (CompletionException e) {
            writer.rollback().join();
            SQLException cause = (SQLException) e.getCause().getCause();
            return cause.getErrorCode() == 1205 ? "lock wait timeout (1205)" : "failed: " + cause;
        }
    }

    /**
     * The level changes what the transaction sees: a row another connection commits meanwhile shows up
     * under READ COMMITTED, and not under REPEATABLE READ, whose snapshot was taken at the first read.
     */
    @ParameterizedTest
    @EnumSource(value = LiveDatabase.class, names = {"POSTGRES", "MARIADB", "MYSQL", "MSSQL"})
    void theIsolationLevelDecidesWhetherAConcurrentCommitIsSeen(LiveDatabase database) {
        try (Pair db = new Pair(database)) {
            Model[] accounts = db.accounts("snapshot");
            List<Integer> counts = new ArrayList<>();
            for (IsolationLevel level : List.of(IsolationLevel.READ_COMMITTED, IsolationLevel.REPEATABLE_READ)) {
                Transaction t = db.work.transaction(TransactionOptions.options().isolationLevel(level)).join();
                int before = accounts[0].findAll(t).join().size();
                add(accounts[1], "committed meanwhile", null).join();
                counts.add(accounts[0].findAll(t).join().size() - before);
                t.commit().join();
            }
            assertThat(counts).containsExactly(1, 0);
        }
    }

    /**
     * Many transactions at once on a small pool: each commits or rolls back on its own, and every
     * connection comes back (afterwards the pool can still hand out all of them at the same time).
     * Not on SQLite, where concurrent writers are refused by the database itself.
     */
    @ParameterizedTest
    @EnumSource(value = LiveDatabase.class, names = {"POSTGRES", "MARIADB", "MYSQL", "MSSQL"})
    void concurrentTransactionsEachCommitOrRollBackAndReturnTheirConnection(LiveDatabase database) {
        int poolSize = 4;
        try (Pair db = new Pair(database, options -> options.logging(false)
                .pool(PoolOptions.defaults().max(poolSize).acquire(20_000)))) {
            Model[] accounts = db.accounts("concurrent");
            List<CompletableFuture<?>> work = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String name = "n" + i;
                boolean fails = i % 3 == 0;
                work.add(db.work.transaction(t -> add(accounts[0], name + "a", t)
                        .thenCompose(ignored -> add(accounts[0], name + "b", t))
                        .thenCompose(ignored -> fails ? broken(db.work, t) : CompletableFuture.completedFuture(null)))
                        .handle((ignored, error) -> error == null ? "committed" : "rolled back"));
            }
            CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();

            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                if (i % 3 != 0) {
                    expected.add("n" + i + "a");
                    expected.add("n" + i + "b");
                }
            }
            assertThat(work).extracting(CompletableFuture::join).filteredOn("committed"::equals).hasSize(16);
            assertThat(names(accounts[1])).containsExactlyInAnyOrderElementsOf(expected);
            List<Transaction> all = new ArrayList<>();
            for (int i = 0; i < poolSize; i++) {
                all.add(db.work.transaction().join());
            }
            all.forEach(t -> t.commit().join());
        }
    }

    @ParameterizedTest
    @EnumSource(value = LiveDatabase.class, names = {"SQLITE", "POSTGRES", "MSSQL"})
    void tableChangesAreTransactionalWhereTheDatabaseMakesThemSo(LiveDatabase database) {
        try (Pair db = new Pair(database)) {
            Model[] accounts = db.accounts("ddl");
            accounts[1].drop().join();
            Transaction t = db.work.transaction().join();
            accounts[0].sync(true, t).join();
            add(accounts[0], "Ann", t).join();
            assertThat(accounts[0].findOne(t).join()).isPresent();
            t.rollback().join();

            failure(accounts[1].findAll(), DatabaseError.class);
        }
    }
}
