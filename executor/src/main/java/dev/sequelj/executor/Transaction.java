package dev.sequelj.executor;

import dev.sequelj.executor.error.TransactionError;
import dev.sequelj.executor.spi.Executor;
import dev.sequelj.executor.spi.QueryResult;
import dev.sequelj.executor.spi.ReservedConnection;
import dev.sequelj.executor.spi.RowCursor;
import dev.sequelj.executor.spi.StatementKind;
import dev.sequelj.render.Sql;
import io.vavr.collection.Array;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.util.ArrayList;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * A database transaction, as Sequelize's {@code Transaction}: all statements given it run on one
 * connection, between {@code START TRANSACTION;} and {@code COMMIT;} or {@code ROLLBACK;}. A nested
 * transaction is a savepoint in its parent's.
 *
 * <p>Get one from {@link Sequelize#transaction(TransactionCallback)} (managed: committed when the
 * callback's future completes, rolled back when it fails) or {@link Sequelize#transaction()}
 * (unmanaged: you call {@link #commit()} or {@link #rollback()}), and pass it as the last argument of
 * every call that belongs to it:
 *
 * <pre>{@code
 * Transaction t = sequelize.transaction().join();
 * try {
 *     users.create(Map.of("firstName", "Bart"), t).join();
 *     users.create(Map.of("firstName", "Lisa"), t).join();
 *     t.commit().join();
 * } catch (CompletionException e) {
 *     t.rollback().join();
 * }
 * }</pre>
 *
 * <p><b>A failed statement fails its transaction.</b> Once a statement run with a transaction has
 * failed, nothing more runs in that transaction (each later call fails with a {@link TransactionError},
 * before SQL), and {@link #commit()} rolls it back and fails with a {@link TransactionError} whose
 * cause is the statement's error. This is what PostgreSQL does by itself; Sequelj does it on every
 * database, so that a failure never leaves half a unit of work to be committed on MySQL or SQLite. To
 * carry on after a failure that you expect, run the statement in a nested transaction: its failure
 * rolls back only its savepoint.
 *
 * <p>Statements given to one transaction run one at a time, in the order the calls were made, even
 * when the calls are not awaited one by one. A transaction that is neither committed nor rolled back
 * keeps its connection, as in Sequelize.
 */
public final class Transaction {

    /** Sequelize's {@code Transaction.ISOLATION_LEVELS}. */
    public enum IsolationLevel {
        READ_UNCOMMITTED("READ UNCOMMITTED"),
        READ_COMMITTED("READ COMMITTED"),
        REPEATABLE_READ("REPEATABLE READ"),
        SERIALIZABLE("SERIALIZABLE");

        private final String sql;

        IsolationLevel(String sql) {
            this.sql = sql;
        }

        /** The level as SQL names it: {@code READ UNCOMMITTED}, ... */
        public String sql() {
            return sql;
        }
    }

    /** How a transaction ended: Sequelize's {@code transaction.finished}, {@code 'commit'} or {@code 'rollback'}. */
    public enum Outcome {
        COMMIT("commit"),
        ROLLBACK("rollback");

        private final String word;

        Outcome(String word) {
            this.word = word;
        }

        @Override
        public String toString() {
            return word;
        }
    }

    private static final Supplier<CompletableFuture<QueryResult>> NOTHING_TO_SEND =
            () -> CompletableFuture.completedFuture(QueryResult.empty());

    private final Sequelize sequelize;
    private final Line line;
    private final Transaction parent;
    private final String name;
    private final Option<IsolationLevel> isolationLevel;

    // Guarded by line: the state of every transaction sharing the connection.
    private final java.util.List<Transaction> savepoints = new ArrayList<>();
    private Outcome finished;
    private boolean ending;
    private Throwable failure;

    private Transaction(Sequelize sequelize, Line line, Transaction parent, String name, Option<IsolationLevel> level) {
        this.sequelize = sequelize;
        this.line = line;
        this.parent = parent;
        this.name = name;
        this.isolationLevel = level;
    }

    /** Sequelize's {@code transaction.id}: shared by a transaction and its savepoints, shown in the log. */
    public String id() {
        return line.id;
    }

    /**
     * The savepoint's name, {@code <id>-sp-<n>}, or the id for a top-level transaction. Savepoints are
     * numbered across the whole transaction; Sequelize numbers them per parent, which can give a
     * savepoint inside a savepoint the same name as its parent.
     */
    public String name() {
        return name;
    }

    /** The transaction this one is a savepoint in; empty at top level. */
    public Optional<Transaction> parent() {
        return Optional.ofNullable(parent);
    }

    /** The isolation level asked for; empty when the database's default applies (and for savepoints). */
    public Optional<IsolationLevel> isolationLevel() {
        return isolationLevel.toJavaOptional();
    }

    /** Sequelize's {@code transaction.finished}: empty while it can still be used. */
    public Optional<Outcome> finished() {
        synchronized (line) {
            return Optional.ofNullable(finished);
        }
    }

    /**
     * Commits: {@code COMMIT;}, or for a savepoint nothing (its work becomes its parent's, as in
     * Sequelize). If a statement in it failed, rolls back instead and fails with a
     * {@link TransactionError} whose cause is that failure. A transaction that was already committed or
     * rolled back fails with a {@link TransactionError} and nothing is sent.
     */
    public CompletableFuture<Void> commit() {
        synchronized (line) {
            if (finished != null || ending) {
                return CompletableFuture.failedFuture(new TransactionError(
                        "Transaction cannot be committed because it has been finished with state: " + stateWord()));
            }
            ending = true;
        }
        return line.enqueue(() -> {
            Throwable failed = failureInScope();
            if (failed == null) {
                return end(Outcome.COMMIT);
            }
            return end(Outcome.ROLLBACK).handle((ignored, rollbackError) -> {
                TransactionError error = new TransactionError("transaction " + name + " was rolled back, not committed,"
                        + " because a statement in it failed: " + failed.getMessage(), failed);
                if (rollbackError != null) {
                    error.addSuppressed(unwrap(rollbackError));
                }
                throw new CompletionException(error);
            });
        });
    }

    /**
     * Rolls back: {@code ROLLBACK;}, or for a savepoint {@code ROLLBACK TO SAVEPOINT "<name>";}, which
     * undoes only the savepoint's work. A transaction that was already committed or rolled back fails
     * with a {@link TransactionError} and nothing is sent.
     */
    public CompletableFuture<Void> rollback() {
        synchronized (line) {
            if (finished != null || ending) {
                return CompletableFuture.failedFuture(new TransactionError(
                        "Transaction cannot be rolled back because it has been finished with state: " + stateWord()));
            }
            ending = true;
        }
        return line.enqueue(() -> end(Outcome.ROLLBACK));
    }

    @Override
    public String toString() {
        synchronized (line) {
            return "Transaction[" + name + (finished == null ? "" : ", " + finished) + "]";
        }
    }

    // ---- used by Sequelize ------------------------------------------------------------------------

    /** Opens a top-level transaction on a connection of its own. */
    static CompletableFuture<Transaction> begin(Sequelize sequelize, Executor executor, Option<IsolationLevel> level) {
        TransactionStatements statements = TransactionStatements.of(sequelize.dialect());
        CompletableFuture<ReservedConnection> reserved;
        try {
            reserved = executor.reserve();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return reserved.thenCompose(connection -> {
            Line line = new Line(sequelize, connection, statements, UUID.randomUUID().toString());
            Transaction transaction = new Transaction(sequelize, line, null, line.id, level);
            TransactionStatements.Begin begin = statements.begin(level);
            return transaction.sendInOrder(begin.statements(), 0, begin.startIndex());
        });
    }

    /** Opens a savepoint in this transaction, after everything already given to it. */
    CompletableFuture<Transaction> savepoint() {
        Transaction child;
        synchronized (line) {
            TransactionError refused = refusal("SAVEPOINT");
            if (refused != null) {
                return CompletableFuture.failedFuture(refused);
            }
            child = new Transaction(sequelize, line, this, line.id + "-sp-" + (++line.savepointCount), Option.none());
            savepoints.add(child);
        }
        return line.enqueue(() -> {
            TransactionError refused = refusalNow("SAVEPOINT");
            if (refused != null) {
                return CompletableFuture.failedFuture(refused);
            }
            return line.send(line.statements.savepoint(sequelize.dialect(), child.name));
        }).handle((ignored, error) -> {
            if (error != null) {
                synchronized (line) {
                    child.finish(Outcome.ROLLBACK);
                    markFailed(error);
                }
                throw asCompletion(error);
            }
            return child;
        });
    }

    /**
     * Runs a statement in this transaction after everything already given to it; refused with a
     * {@link TransactionError} when the transaction has ended or a statement in it failed. A failure
     * fails this transaction (see the class comment).
     */
    CompletableFuture<QueryResult> execute(Sql sql, StatementKind kind) {
        synchronized (line) {
            TransactionError refused = refusal(sql.text());
            if (refused != null) {
                return CompletableFuture.failedFuture(refused);
            }
        }
        return line.enqueue(() -> {
            // Checked again when its turn comes: a statement queued before this one may have failed.
            TransactionError refused = refusalNow(sql.text());
            if (refused != null) {
                return CompletableFuture.failedFuture(refused);
            }
            return line.send(sql, kind).whenComplete((result, error) -> {
                if (error != null) {
                    synchronized (line) {
                        markFailed(error);
                    }
                }
            });
        });
    }

    /**
     * Opens a stream of a statement's rows in this transaction, after everything already given to it.
     * The transaction's connection is the stream's until the cursor is closed: statements given to the
     * transaction meanwhile (its commit too) wait for that. A failure to open or to read fails this
     * transaction, as a failed statement does.
     */
    CompletableFuture<RowCursor> stream(Sql sql, StatementKind kind, int fetchSize) {
        synchronized (line) {
            TransactionError refused = refusal(sql.text());
            if (refused != null) {
                return CompletableFuture.failedFuture(refused);
            }
        }
        CompletableFuture<RowCursor> opened = new CompletableFuture<>();
        line.enqueue(() -> {
            TransactionError refused = refusalNow(sql.text());
            if (refused != null) {
                opened.completeExceptionally(refused);
                return CompletableFuture.failedFuture(refused);
            }
            CompletableFuture<Void> closed = new CompletableFuture<>();
            sequelize.send(line.id, sql, () -> line.connection.stream(sql, kind, fetchSize)).whenComplete((cursor, error) -> {
                if (error != null) {
                    synchronized (line) {
                        markFailed(error);
                    }
                    opened.completeExceptionally(unwrap(error));
                    closed.complete(null);
                } else {
                    opened.complete(new TransactionCursor(cursor, closed));
                }
            });
            return closed; // the line moves on once the cursor is closed
        });
        return opened;
    }

    /** A cursor in this transaction: a read that fails fails the transaction; closing it frees the line. */
    private final class TransactionCursor implements RowCursor {
        private final RowCursor cursor;
        private final CompletableFuture<Void> closed;

        TransactionCursor(RowCursor cursor, CompletableFuture<Void> closed) {
            this.cursor = cursor;
            this.closed = closed;
        }

        @Override
        public Array<String> columns() {
            return cursor.columns();
        }

        @Override
        public Object[] next() {
            try {
                return cursor.next();
            } catch (RuntimeException e) {
                synchronized (line) {
                    markFailed(e);
                }
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                cursor.close();
            } finally {
                closed.complete(null);
            }
        }
    }

    Sequelize sequelize() {
        return sequelize;
    }

    // ---- internals -------------------------------------------------------------------------------

    /** Sends the opening statements one after another; on a failure, undoes what was opened. */
    private CompletableFuture<Transaction> sendInOrder(List<String> statements, int index, int startIndex) {
        if (index == statements.size()) {
            return CompletableFuture.completedFuture(this);
        }
        return line.send(statements.get(index)).<CompletableFuture<Transaction>>handle((ignored, error) -> {
            if (error == null) {
                return sendInOrder(statements, index + 1, startIndex);
            }
            Throwable cause = unwrap(error);
            synchronized (line) {
                finish(Outcome.ROLLBACK);
            }
            if (index <= startIndex) {
                // Nothing is open, but a setting for the next transaction may be (MySQL): never reuse it.
                line.connection.discard();
                return CompletableFuture.<Transaction>failedFuture(cause);
            }
            return line.send(line.statements.rollback()).<Transaction>handle((rolledBack, rollbackError) -> {
                if (rollbackError == null) {
                    line.connection.release();
                } else {
                    cause.addSuppressed(unwrap(rollbackError));
                    line.connection.discard();
                }
                throw asCompletion(cause);
            });
        }).thenCompose(next -> next);
    }

    /** Sends what ends this transaction or savepoint, then marks it and its savepoints finished. */
    private CompletableFuture<Void> end(Outcome outcome) {
        Supplier<CompletableFuture<QueryResult>> statement;
        if (parent != null) {
            statement = outcome == Outcome.COMMIT
                    ? NOTHING_TO_SEND
                    : () -> line.send(line.statements.rollbackToSavepoint(sequelize.dialect(), name));
        } else {
            statement = () -> line.send(outcome == Outcome.COMMIT ? line.statements.commit() : line.statements.rollback());
        }
        return statement.get().handle((ignored, error) -> {
            synchronized (line) {
                finish(outcome);
                if (parent != null && error != null) {
                    // The savepoint could not be undone: its parent can no longer be trusted to commit.
                    parent.markFailed(error);
                }
            }
            if (parent == null) {
                return error == null ? afterEnd() : discardAndFail(error);
            }
            return error == null ? CompletableFuture.<Void>completedFuture(null) : CompletableFuture.<Void>failedFuture(unwrap(error));
        }).thenCompose(done -> done);
    }

    /**
     * Puts the connection back as it was (SQL Server's isolation level, SQLite's pragma) and hands it
     * back to the pool. If that fails the connection is discarded instead; the transaction's outcome
     * stands, so it is not reported as failed.
     */
    private CompletableFuture<Void> afterEnd() {
        CompletableFuture<?> done = CompletableFuture.completedFuture(null);
        for (String statement : line.statements.afterEnd(isolationLevel)) {
            done = done.thenCompose(ignored -> line.send(statement));
        }
        return done.handle((ignored, error) -> {
            if (error == null) {
                line.connection.release();
            } else {
                line.connection.discard();
            }
            return null;
        });
    }

    private CompletableFuture<Void> discardAndFail(Throwable error) {
        line.connection.discard();
        return CompletableFuture.failedFuture(unwrap(error));
    }

    /** Why a statement cannot run in this transaction now, or null. Holds the line's lock. */
    private TransactionError refusal(String sql) {
        for (Transaction t = this; t != null; t = t.parent) {
            if (t.finished != null || t.ending) {
                return new TransactionError((t.finished != null ? t.finished : "commit or rollback") + " has been called"
                        + " on this transaction (" + t.name + "), you can no longer use it. Refused: " + sql);
            }
            if (t.failure != null) {
                return new TransactionError("a statement failed earlier in transaction " + t.name + ", so nothing more"
                        + " runs in it; roll it back. The failure: " + t.failure.getMessage() + ". Refused: " + sql, t.failure);
            }
        }
        return null;
    }

    /** {@link #refusal} at the moment a queued statement's turn comes: only a failure counts then. */
    private TransactionError refusalNow(String sql) {
        synchronized (line) {
            for (Transaction t = this; t != null; t = t.parent) {
                if (t.failure != null || t.finished != null) {
                    return refusal(sql);
                }
            }
            return null;
        }
    }

    /** The failure of this transaction or of a savepoint in it that is still open. */
    private Throwable failureInScope() {
        synchronized (line) {
            if (failure != null) {
                return failure;
            }
            for (Transaction savepoint : savepoints) {
                if (savepoint.finished == null) {
                    Throwable inner = savepoint.failureInScope();
                    if (inner != null) {
                        return inner;
                    }
                }
            }
            return null;
        }
    }

    /** Holds the line's lock. */
    private void markFailed(Throwable error) {
        if (failure == null && finished == null) {
            failure = unwrap(error);
        }
    }

    /** Holds the line's lock. Savepoints still open end with their parent. */
    private void finish(Outcome outcome) {
        if (finished == null) {
            finished = outcome;
        }
        ending = false;
        for (Transaction savepoint : savepoints) {
            savepoint.finish(outcome);
        }
    }

    private String stateWord() {
        return finished != null ? finished.toString() : "commit or rollback in progress";
    }

    static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static CompletionException asCompletion(Throwable error) {
        Throwable cause = unwrap(error);
        return cause instanceof CompletionException c ? c : new CompletionException(cause);
    }

    /**
     * The connection a transaction and its savepoints share: the reserved connection, the id shown in
     * the log, and the queue that makes their statements run one at a time in call order.
     */
    private static final class Line {
        final Sequelize sequelize;
        final ReservedConnection connection;
        final TransactionStatements statements;
        final String id;
        int savepointCount; // guarded by this
        private CompletableFuture<?> tail = CompletableFuture.completedFuture(null); // guarded by this

        Line(Sequelize sequelize, ReservedConnection connection, TransactionStatements statements, String id) {
            this.sequelize = sequelize;
            this.connection = connection;
            this.statements = statements;
            this.id = id;
        }

        /**
         * Runs {@code step} once everything enqueued before it has finished, however that went. The lock
         * is held only to take a place in the queue, never while a step or a caller's callback runs.
         */
        <T> CompletableFuture<T> enqueue(Supplier<CompletableFuture<T>> step) {
            CompletableFuture<T> next = new CompletableFuture<>();
            CompletableFuture<?> previous;
            synchronized (this) {
                previous = tail;
                tail = next;
            }
            previous.handle((ignored, error) -> null)
                    .thenCompose(ignored -> step.get())
                    .whenComplete((result, error) -> {
                        if (error == null) {
                            next.complete(result);
                        } else {
                            next.completeExceptionally(unwrap(error));
                        }
                    });
            return next;
        }

        /** Sends a statement that opens or ends the transaction or a savepoint. */
        CompletableFuture<QueryResult> send(String sql) {
            return send(new Sql(sql, Array.empty(), Sql.Returns.NOTHING), StatementKind.TRANSACTION_CONTROL);
        }

        /** Logs the statement as Sequelize does, {@code Executing (<id>): <sql>}, and runs it on the connection. */
        CompletableFuture<QueryResult> send(Sql sql, StatementKind kind) {
            return sequelize.send(id, sql, () -> connection.execute(sql, kind));
        }
    }
}
