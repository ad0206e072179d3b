package dev.sequelj.executor;

import dev.sequelj.ast.error.UnsupportedFeatureError;
import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.executor.Transaction.IsolationLevel;
import dev.sequelj.executor.Transaction.Outcome;
import dev.sequelj.executor.error.DatabaseError;
import dev.sequelj.executor.error.TransactionError;
import dev.sequelj.executor.query.RawResult;
import dev.sequelj.executor.spi.Executor;
import dev.sequelj.executor.spi.QueryResult;
import dev.sequelj.executor.spi.RecordingExecutor;
import dev.sequelj.render.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.sequelj.ast.finder.FindOptions.options;
import static dev.sequelj.ast.model.Attribute.attribute;
import static dev.sequelj.executor.testing.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transactions against the recording executor: which statements Sequelj sends, on which connection,
 * in what order, and what each call answers, for every dialect, without a database.
 */
class TransactionTest {
    private static final Instant NOW = Instant.parse("2024-01-15T10:30:45.123Z");
    private static final QueryOptions<RawResult> RAW = QueryOptions.options();

    private final RecordingExecutor executor = new RecordingExecutor();
    private final List<String> log = new CopyOnWriteArrayList<>();

    private Sequelize sequelize(String dialect) {
        return sequelize(dialect, executor);
    }

    private Sequelize sequelize(String dialect, Executor executor) {
        return new Sequelize(dialect, executor, SequelizeOptions.options()
                .logging(log::add)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    private static CompletableFuture<RawResult> select(Sequelize sequelize, String sql, Transaction t) {
        return sequelize.query(sql, RAW.transaction(t));
    }

    private static DatabaseError refused(String sql) {
        return new DatabaseError(sql, new SQLException("duplicate key value violates unique constraint", "23505"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "postgres | START TRANSACTION;          | COMMIT;             | ",
            "mysql    | START TRANSACTION;          | COMMIT;             | ",
            "mariadb  | START TRANSACTION;          | COMMIT;             | ",
            "sqlite   | BEGIN DEFERRED TRANSACTION; | COMMIT;             | ",
            "mssql    | BEGIN TRANSACTION;          | COMMIT TRANSACTION; | "})
    void aManagedTransactionRunsItsWorkOnOneReservedConnectionAndCommits(String dialect, String start, String commit) {
        try (Sequelize sequelize = sequelize(dialect)) {
            List<Transaction> seen = new ArrayList<>();
            String answer = sequelize.transaction(t -> {
                seen.add(t);
                return select(sequelize, "SELECT 1", t).thenCompose(ignored -> select(sequelize, "SELECT 2", t))
                        .thenApply(ignored -> "done");
            }).join();

            Transaction t = seen.get(0);
            assertThat(answer).isEqualTo("done");
            assertThat(t.finished()).contains(Outcome.COMMIT);
            assertThat(t.id()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
            assertThat(executor.events()).containsExactly(
                    "reserve #1", "#1: " + start, "#1: SELECT 1", "#1: SELECT 2", "#1: " + commit, "release #1");
            assertThat(log).containsExactly(
                    "Executing (" + t.id() + "): " + start,
                    "Executing (" + t.id() + "): SELECT 1",
                    "Executing (" + t.id() + "): SELECT 2",
                    "Executing (" + t.id() + "): " + commit);
        }
    }

    /**
     * PostgreSQL sets the level inside the transaction; MySQL and SQL Server for the next one, so before it.
     * Where the level is a connection setting (SQL Server, SQLite's pragma) it is put back afterwards.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "postgres | SERIALIZABLE     | START TRANSACTION;, SET TRANSACTION ISOLATION LEVEL SERIALIZABLE;                                    | COMMIT;",
            "postgres | READ_UNCOMMITTED | START TRANSACTION;, SET TRANSACTION ISOLATION LEVEL READ UNCOMMITTED;                                | COMMIT;",
            "mysql    | REPEATABLE_READ  | SET TRANSACTION ISOLATION LEVEL REPEATABLE READ;, START TRANSACTION;                                  | COMMIT;",
            "mariadb  | READ_COMMITTED   | SET TRANSACTION ISOLATION LEVEL READ COMMITTED;, START TRANSACTION;                                   | COMMIT;",
            "sqlite   | READ_UNCOMMITTED | BEGIN DEFERRED TRANSACTION;, PRAGMA read_uncommitted = ON;                                             | COMMIT;, PRAGMA read_uncommitted = OFF;",
            "sqlite   | READ_COMMITTED   | BEGIN DEFERRED TRANSACTION;, PRAGMA read_uncommitted = OFF;                                            | COMMIT;",
            "sqlite   | SERIALIZABLE     | BEGIN DEFERRED TRANSACTION;                                                                            | COMMIT;",
            "mssql    | SERIALIZABLE     | SET TRANSACTION ISOLATION LEVEL SERIALIZABLE;, BEGIN TRANSACTION;                                     | COMMIT TRANSACTION;, SET TRANSACTION ISOLATION LEVEL READ COMMITTED;"})
    void theIsolationLevelIsSetAsSequelizeSetsIt(String dialect, IsolationLevel level, String begin, String end) {
        try (Sequelize sequelize = sequelize(dialect)) {
            Transaction t = sequelize.transaction(TransactionOptions.options().isolationLevel(level)).join();
            assertThat(t.isolationLevel()).contains(level);
            t.commit().join();

            List<String> expected = new ArrayList<>(List.of("reserve #1"));
            for (String statement : (begin + ", " + end).split(", ")) {
                expected.add("#1: " + statement);
            }
            expected.add("release #1");
            assertThat(executor.events()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aFailedStatementRollsTheManagedTransactionBackAndItsErrorIsTheAnswer() {
        DatabaseError duplicate = refused("INSERT 2");
        executor.answer(QueryResult.empty()).answer(QueryResult.empty()).fail(duplicate);
        try (Sequelize sequelize = sequelize("postgres")) {
            CompletableFuture<Object> work = sequelize.transaction(t -> select(sequelize, "INSERT 1", t)
                    .thenCompose(ignored -> select(sequelize, "INSERT 2", t))
                    .thenCompose(ignored -> select(sequelize, "INSERT 3", t))
                    .thenApply(ignored -> "never"));

            assertThat(failure(work, DatabaseError.class)).isSameAs(duplicate);
            assertThat(executor.events()).containsExactly("reserve #1", "#1: START TRANSACTION;", "#1: INSERT 1",
                    "#1: INSERT 2", "#1: ROLLBACK;", "release #1");
        }
    }

    @Test
    void anExceptionThrownByTheCallbackRollsBackAndIsTheAnswer() {
        IOException thrown = new IOException("the file went away");
        try (Sequelize sequelize = sequelize("mysql")) {
            CompletableFuture<Object> work = sequelize.transaction(t -> {
                select(sequelize, "INSERT 1", t).join();
                throw thrown;
            });

            assertThat(failure(work, IOException.class)).isSameAs(thrown);
            assertThat(executor.events()).containsExactly(
                    "reserve #1", "#1: START TRANSACTION;", "#1: INSERT 1", "#1: ROLLBACK;", "release #1");
        }
    }

    @Test
    void aCallbackThatReturnsNoStageRollsBack() {
        try (Sequelize sequelize = sequelize("sqlite")) {
            ValidationError error = failure(sequelize.transaction(t -> null), ValidationError.class);
            assertThat(error).hasMessage("the transaction callback returned null; return the stage of its last call,"
                    + " or CompletableFuture.completedFuture(value) for a plain value");
            assertThat(executor.events()).containsExactly(
                    "reserve #1", "#1: BEGIN DEFERRED TRANSACTION;", "#1: ROLLBACK;", "release #1");
        }
    }

    /**
     * Swallowing a statement's error does not commit the rest: a failed statement fails its transaction,
     * later statements are refused without SQL, and the commit becomes a rollback.
     */
    @Test
    void aSwallowedFailureStillRollsBackAndLaterStatementsAreRefused() {
        DatabaseError duplicate = refused("INSERT 2");
        executor.answer(QueryResult.empty()).answer(QueryResult.empty()).fail(duplicate);
        try (Sequelize sequelize = sequelize("mariadb")) {
            List<Throwable> later = new ArrayList<>();
            CompletableFuture<String> work = sequelize.transaction(t -> select(sequelize, "INSERT 1", t)
                    .thenCompose(ignored -> select(sequelize, "INSERT 2", t))
                    .exceptionallyCompose(ignored -> select(sequelize, "INSERT 3", t))
                    .handle((ignored, error) -> {
                        later.add(Transaction.unwrap(error));
                        return "carried on";
                    }));

            TransactionError error = failure(work, TransactionError.class);
            assertThat(error.getCause()).isSameAs(duplicate);
            assertThat(error.getMessage()).startsWith("transaction ").endsWith(" was rolled back, not committed,"
                    + " because a statement in it failed: duplicate key value violates unique constraint [sql: INSERT 2]");
            assertThat(later).singleElement().isInstanceOf(TransactionError.class);
            assertThat(later.get(0).getMessage()).startsWith("a statement failed earlier in transaction ")
                    .endsWith(", so nothing more runs in it; roll it back. The failure: duplicate key value violates"
                            + " unique constraint [sql: INSERT 2]. Refused: INSERT 3");
            assertThat(executor.events()).containsExactly("reserve #1", "#1: START TRANSACTION;", "#1: INSERT 1",
                    "#1: INSERT 2", "#1: ROLLBACK;", "release #1");
        }
    }

    @Test
    void anUnmanagedTransactionEndsWhenToldAndIsThenUnusable() {
        try (Sequelize sequelize = sequelize("postgres")) {
            Transaction t = sequelize.transaction().join();
            select(sequelize, "SELECT 1", t).join();
            assertThat(t.finished()).isEmpty();
            t.commit().join();
            assertThat(t.finished()).contains(Outcome.COMMIT);
            List<String> sent = executor.events();

            assertThat(failure(select(sequelize, "SELECT 2", t), TransactionError.class)).hasMessage(
                    "commit has been called on this transaction (" + t.id() + "), you can no longer use it. Refused: SELECT 2");
            assertThat(failure(t.commit(), TransactionError.class))
                    .hasMessage("Transaction cannot be committed because it has been finished with state: commit");
            assertThat(failure(t.rollback(), TransactionError.class))
                    .hasMessage("Transaction cannot be rolled back because it has been finished with state: commit");
            assertThat(failure(sequelize.transaction(TransactionOptions.options().transaction(t)), TransactionError.class))
                    .hasMessage("commit has been called on this transaction (" + t.id() + "), you can no longer use it."
                            + " Refused: SAVEPOINT");
            assertThat(executor.events()).isEqualTo(sent).containsExactly(
                    "reserve #1", "#1: START TRANSACTION;", "#1: SELECT 1", "#1: COMMIT;", "release #1");
        }
    }

    @Test
    void anUnmanagedRollbackUndoesAndReleases() {
        try (Sequelize sequelize = sequelize("mssql")) {
            Transaction t = sequelize.transaction().join();
            select(sequelize, "SELECT 1", t).join();
            t.rollback().join();

            assertThat(t.finished()).contains(Outcome.ROLLBACK);
            assertThat(failure(select(sequelize, "SELECT 2", t), TransactionError.class)).hasMessage(
                    "rollback has been called on this transaction (" + t.id() + "), you can no longer use it. Refused: SELECT 2");
            assertThat(executor.events()).containsExactly(
                    "reserve #1", "#1: BEGIN TRANSACTION;", "#1: SELECT 1", "#1: ROLLBACK TRANSACTION;", "release #1");
        }
    }

    /** Sequelize's {@code {transaction: t}}: a savepoint named {@code <id>-sp-<n>}, quoted as the dialect quotes names. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "postgres | START TRANSACTION;          | SAVEPOINT \"{sp}\";        | ROLLBACK TO SAVEPOINT \"{sp}\"; | COMMIT;",
            "mysql    | START TRANSACTION;          | SAVEPOINT `{sp}`;          | ROLLBACK TO SAVEPOINT `{sp}`;   | COMMIT;",
            "sqlite   | BEGIN DEFERRED TRANSACTION; | SAVEPOINT `{sp}`;          | ROLLBACK TO SAVEPOINT `{sp}`;   | COMMIT;",
            "mssql    | BEGIN TRANSACTION;          | SAVE TRANSACTION [{sp}];   | ROLLBACK TRANSACTION [{sp}];    | COMMIT TRANSACTION;"})
    void aFailureInANestedTransactionRollsBackOnlyItsSavepoint(
            String dialect, String start, String savepoint, String rollbackTo, String commit) {
        DatabaseError duplicate = refused("INNER");
        executor.answer(QueryResult.empty()).answer(QueryResult.empty()).answer(QueryResult.empty()).fail(duplicate);
        try (Sequelize sequelize = sequelize(dialect)) {
            List<Transaction> inner = new ArrayList<>();
            Transaction outer = sequelize.transaction(t -> select(sequelize, "OUTER 1", t)
                    .thenCompose(ignored -> sequelize.transaction(TransactionOptions.options().transaction(t), sp -> {
                        inner.add(sp);
                        return select(sequelize, "INNER", sp);
                    }))
                    .handle((ignored, error) -> {
                        assertThat(Transaction.unwrap(error)).isSameAs(duplicate);
                        return null;
                    })
                    .thenCompose(ignored -> select(sequelize, "OUTER 2", t))
                    .thenApply(ignored -> t)).join();

            String sp = outer.id() + "-sp-1";
            assertThat(inner).singleElement().satisfies(t -> {
                assertThat(t.name()).isEqualTo(sp);
                assertThat(t.id()).isEqualTo(outer.id());
                assertThat(t.parent()).containsSame(outer);
                assertThat(t.finished()).contains(Outcome.ROLLBACK);
            });
            assertThat(outer.finished()).contains(Outcome.COMMIT);
            assertThat(executor.events()).containsExactly("reserve #1", "#1: " + start, "#1: OUTER 1",
                    "#1: " + savepoint.replace("{sp}", sp), "#1: INNER", "#1: " + rollbackTo.replace("{sp}", sp),
                    "#1: OUTER 2", "#1: " + commit, "release #1");
            assertThat(log).allMatch(line -> line.startsWith("Executing (" + outer.id() + "): "));
        }
    }

    /** A savepoint that commits sends nothing (its work is its parent's now), as in Sequelize. */
    @Test
    void aCommittedSavepointSendsNothingAndItsWorkEndsWithItsParent() {
        try (Sequelize sequelize = sequelize("postgres")) {
            Transaction t = sequelize.transaction().join();
            Transaction sp1 = sequelize.transaction(TransactionOptions.options().transaction(t)).join();
            select(sequelize, "IN SP1", sp1).join();
            sp1.commit().join();
            Transaction sp2 = sequelize.transaction(TransactionOptions.options().transaction(t)).join();
            Transaction sp3 = sequelize.transaction(TransactionOptions.options().transaction(sp2)).join();
            t.rollback().join();

            assertThat(sp1.finished()).contains(Outcome.COMMIT);
            assertThat(sp2.finished()).contains(Outcome.ROLLBACK);
            assertThat(sp3.finished()).contains(Outcome.ROLLBACK);
            assertThat(executor.events()).containsExactly("reserve #1", "#1: START TRANSACTION;",
                    "#1: SAVEPOINT \"" + t.id() + "-sp-1\";", "#1: IN SP1",
                    "#1: SAVEPOINT \"" + t.id() + "-sp-2\";", "#1: SAVEPOINT \"" + t.id() + "-sp-3\";",
                    "#1: ROLLBACK;", "release #1");
        }
    }

    /** A failure in an open savepoint that nobody rolled back keeps the outer transaction from committing. */
    @Test
    void committingOverAFailedOpenSavepointRollsBack() {
        DatabaseError duplicate = refused("INNER");
        try (Sequelize sequelize = sequelize("sqlite")) {
            Transaction t = sequelize.transaction().join();
            Transaction sp = sequelize.transaction(TransactionOptions.options().transaction(t)).join();
            executor.fail(duplicate);
            failure(select(sequelize, "INNER", sp), DatabaseError.class);

            assertThat(failure(t.commit(), TransactionError.class).getCause()).isSameAs(duplicate);
            assertThat(executor.events()).containsExactly("reserve #1", "#1: BEGIN DEFERRED TRANSACTION;",
                    "#1: SAVEPOINT `" + t.id() + "-sp-1`;", "#1: INNER", "#1: ROLLBACK;", "release #1");
        }
    }

    /** Calls made without waiting still reach the connection one at a time, in the order they were made. */
    @Test
    void statementsRunOneAtATimeInCallOrder() {
        CompletableFuture<QueryResult> slow = new CompletableFuture<>();
        try (Sequelize sequelize = sequelize("postgres")) {
            Transaction t = sequelize.transaction().join();
            executor.answer(slow);
            CompletableFuture<?> first = select(sequelize, "FIRST", t);
            CompletableFuture<?> second = select(sequelize, "SECOND", t);
            CompletableFuture<Void> commit = t.commit();

            assertThat(executor.events()).containsExactly("reserve #1", "#1: START TRANSACTION;", "#1: FIRST");
            assertThat(second).isNotDone();
            assertThat(commit).isNotDone();

            slow.complete(QueryResult.empty());
            commit.join();
            assertThat(first).isDone();
            assertThat(second).isDone();
            assertThat(executor.events()).containsExactly("reserve #1", "#1: START TRANSACTION;", "#1: FIRST",
                    "#1: SECOND", "#1: COMMIT;", "release #1");
        }
    }

    @Test
    void statementsOutsideTheTransactionGoToThePool() {
        try (Sequelize sequelize = sequelize("postgres")) {
            Transaction t = sequelize.transaction().join();
            select(sequelize, "IN", t).join();
            select(sequelize, "OUT", null).join();
            t.commit().join();

            assertThat(executor.events()).containsExactly("reserve #1", "#1: START TRANSACTION;", "#1: IN",
                    "pool: OUT", "#1: COMMIT;", "release #1");
            assertThat(log).contains("Executing (default): OUT");
        }
    }

    /** Every Model method that runs SQL has a twin taking the transaction last; each runs on the reserved connection. */
    @Test
    void everyModelCallTakesTheTransactionLast() {
        try (Sequelize sequelize = sequelize("sqlite")) {
            Model user = sequelize.define("user", List.of(attribute("firstName", DataTypes.STRING)),
                    dev.sequelj.ast.model.ModelOptions.options().timestamps(false));
            String text = "SELECT `id`, `firstName` FROM `users` AS `user`;";
            Transaction t = sequelize.transaction().join();
            user.sync(t).join();
            user.sync(true, t).join();
            sequelize.sync(false, t).join();
            executor.answer(new QueryResult(io.vavr.collection.Array.of("id", "firstName"),
                    List.<Object[]>of(new Object[] {1, "Ann"}), -1, io.vavr.control.Option.none()));
            assertThat(user.create(Map.of("firstName", "Ann"), t).join().get("id")).isEqualTo(1);
            user.findAll(t).join();
            user.findAll(options().where(Map.of("firstName", "Ann")), t).join();
            user.findOne(t).join();
            user.findOne(options().where(Map.of("firstName", "Ann")), t).join();
            user.drop(t).join();
            t.commit().join();

            String create = "CREATE TABLE IF NOT EXISTS `users` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `firstName` VARCHAR(255));";
            assertThat(executor.events()).containsExactly("reserve #1", "#1: BEGIN DEFERRED TRANSACTION;",
                    "#1: " + create,
                    "#1: DROP TABLE IF EXISTS `users`;", "#1: " + create,
                    "#1: " + create,
                    "#1: INSERT INTO `users` (`id`,`firstName`) VALUES (NULL,?);",
                    "#1: " + text,
                    "#1: SELECT `id`, `firstName` FROM `users` AS `user` WHERE `user`.`firstName` = ?;",
                    "#1: SELECT `id`, `firstName` FROM `users` AS `user` LIMIT ?;",
                    "#1: SELECT `id`, `firstName` FROM `users` AS `user` WHERE `user`.`firstName` = ? LIMIT ?;",
                    "#1: DROP TABLE IF EXISTS `users`;",
                    "#1: COMMIT;", "release #1");
        }
    }

    @Test
    void aNullTransactionMeansNone() {
        try (Sequelize sequelize = sequelize("postgres")) {
            Model user = sequelize.define("user", List.of(attribute("firstName", DataTypes.STRING)));
            user.findAll((Transaction) null).join();
            assertThat(executor.events()).singleElement().asString().startsWith("pool: SELECT ");
        }
    }

    @Test
    void anExecutorThatCannotReserveRefusesTransactionsBeforeSql() {
        List<Sql> sent = new ArrayList<>();
        Executor statementsOnly = new Executor() {
            @Override
            public CompletableFuture<QueryResult> execute(Sql sql) {
                sent.add(sql);
                return CompletableFuture.completedFuture(QueryResult.empty());
            }

            @Override
            public void close() {}
        };
        try (Sequelize sequelize = sequelize("postgres", statementsOnly)) {
            UnsupportedFeatureError error = failure(sequelize.transaction(t -> select(sequelize, "SELECT 1", t)),
                    UnsupportedFeatureError.class);
            assertThat(error).hasMessage(statementsOnly.getClass().getName() + " cannot hold a connection for a"
                    + " transaction: it does not implement Executor.reserve()");
            assertThat(sent).isEmpty();
        }
    }

    @Test
    void aNestedTransactionCannotChooseAnIsolationLevel() {
        try (Sequelize sequelize = sequelize("postgres")) {
            Transaction t = sequelize.transaction().join();
            TransactionOptions nested = TransactionOptions.options().transaction(t);
            ValidationError error = org.assertj.core.api.Assertions.catchThrowableOfType(ValidationError.class,
                    () -> nested.isolationLevel(IsolationLevel.SERIALIZABLE));
            assertThat(error).hasMessage("a nested transaction is a savepoint in its parent and runs at the parent's"
                    + " isolation level; set isolationLevel on the outermost transaction only (it was SERIALIZABLE,"
                    + " parent " + t.id() + ")");
        }
    }

    @Test
    void aTransactionOfAnotherSequelizeIsRefusedBeforeSql() {
        try (Sequelize mine = sequelize("postgres"); Sequelize theirs = sequelize("postgres")) {
            Transaction t = theirs.transaction().join();
            ValidationError error = failure(select(mine, "SELECT 1", t), ValidationError.class);
            assertThat(error).hasMessage("transaction " + t.id() + " belongs to another Sequelize instance;"
                    + " a transaction can only be used with the Sequelize that started it");
            failure(mine.transaction(TransactionOptions.options().transaction(t)), ValidationError.class);
            assertThat(executor.events()).containsExactly("reserve #1", "#1: START TRANSACTION;");
        }
    }

    /** Nothing was opened, but MySQL may hold a level for the next transaction: the connection is not reused. */
    @Test
    void aFailedStartDiscardsTheConnection() {
        DatabaseError refused = refused("START TRANSACTION;");
        executor.answer(QueryResult.empty()).fail(refused);
        try (Sequelize sequelize = sequelize("mysql")) {
            CompletableFuture<Transaction> t = sequelize.transaction(TransactionOptions.options()
                    .isolationLevel(IsolationLevel.SERIALIZABLE));
            assertThat(failure(t, DatabaseError.class)).isSameAs(refused);
            assertThat(executor.events()).containsExactly("reserve #1",
                    "#1: SET TRANSACTION ISOLATION LEVEL SERIALIZABLE;", "#1: START TRANSACTION;", "discard #1");
        }
    }

    /** PostgreSQL sets the level after START: a refused level rolls back what was opened. */
    @Test
    void aFailureAfterStartRollsBackBeforeReleasing() {
        DatabaseError refused = refused("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE;");
        executor.answer(QueryResult.empty()).fail(refused);
        try (Sequelize sequelize = sequelize("postgres")) {
            CompletableFuture<Transaction> t = sequelize.transaction(TransactionOptions.options()
                    .isolationLevel(IsolationLevel.SERIALIZABLE));
            assertThat(failure(t, DatabaseError.class)).isSameAs(refused);
            assertThat(executor.events()).containsExactly("reserve #1", "#1: START TRANSACTION;",
                    "#1: SET TRANSACTION ISOLATION LEVEL SERIALIZABLE;", "#1: ROLLBACK;", "release #1");
        }
    }

    /** After a failed COMMIT the connection's state is unknown: it is discarded, never pooled again. */
    @Test
    void aFailedCommitDiscardsTheConnection() {
        DatabaseError refused = refused("COMMIT;");
        try (Sequelize sequelize = sequelize("postgres")) {
            Transaction t = sequelize.transaction().join();
            executor.fail(refused);
            assertThat(failure(t.commit(), DatabaseError.class)).isSameAs(refused);
            assertThat(t.finished()).contains(Outcome.COMMIT);
            assertThat(executor.events()).containsExactly(
                    "reserve #1", "#1: START TRANSACTION;", "#1: COMMIT;", "discard #1");
        }
    }

    /** Putting the connection back as it was is not part of the transaction: if it fails, the commit stands. */
    @Test
    void aFailedRestoreAfterCommitDiscardsTheConnectionButTheCommitStands() {
        try (Sequelize sequelize = sequelize("mssql")) {
            Transaction t = sequelize.transaction(TransactionOptions.options()
                    .isolationLevel(IsolationLevel.REPEATABLE_READ)).join();
            executor.answer(QueryResult.empty()).fail(refused("SET TRANSACTION ISOLATION LEVEL READ COMMITTED;"));
            t.commit().join();

            assertThat(t.finished()).contains(Outcome.COMMIT);
            assertThat(executor.events()).containsExactly("reserve #1",
                    "#1: SET TRANSACTION ISOLATION LEVEL REPEATABLE READ;", "#1: BEGIN TRANSACTION;",
                    "#1: COMMIT TRANSACTION;", "#1: SET TRANSACTION ISOLATION LEVEL READ COMMITTED;", "discard #1");
        }
    }

    /** A rollback that fails after the work failed is added to the work's error, which stays the answer. */
    @Test
    void aFailedRollbackIsSuppressedUnderTheWorksError() {
        DatabaseError duplicate = refused("INSERT");
        DatabaseError rollbackRefused = refused("ROLLBACK;");
        executor.answer(QueryResult.empty()).fail(duplicate).fail(rollbackRefused);
        try (Sequelize sequelize = sequelize("postgres")) {
            DatabaseError error = failure(sequelize.transaction(t -> select(sequelize, "INSERT", t)), DatabaseError.class);
            assertThat(error).isSameAs(duplicate);
            assertThat(error.getSuppressed()).containsExactly(rollbackRefused);
            assertThat(executor.events()).containsExactly(
                    "reserve #1", "#1: START TRANSACTION;", "#1: INSERT", "#1: ROLLBACK;", "discard #1");
        }
    }
}
