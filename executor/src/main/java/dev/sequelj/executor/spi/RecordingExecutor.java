package dev.sequelj.executor.spi;

import dev.sequelj.executor.error.ConnectionError;
import dev.sequelj.render.Sql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * An {@link Executor} that runs nothing: it records every statement it is given, with its
 * {@link StatementKind} and the connection it went to, and answers from a script. For tests of code that
 * uses Sequelj, and for offline use (what would this call send?).
 *
 * <p><b>The script.</b> Each statement is answered by the first rule that matches it ({@link #when(String)}
 * exact text, {@link #when(Pattern)} a regular expression found in the text, {@link #when(StatementKind)},
 * {@link #when(Predicate)}); rules answer every statement they match, as often as it comes. A statement no
 * rule matches takes the next answer queued with {@link #answer(QueryResult)} or {@link #fail(Throwable)},
 * in order; when none is queued it gets {@link QueryResult#empty()}.
 *
 * <pre>{@code
 * RecordingExecutor executor = new RecordingExecutor()
 *         .when(Pattern.compile("^SELECT .* FROM \"users\"")).thenAnswer(
 *                 QueryResult.rows(List.of("id", "firstName"), new Object[] {1, "John"}))
 *         .when(StatementKind.DELETE).thenFail(new ConnectionError("the database is offline", null));
 * Sequelize sequelize = new Sequelize("postgres", executor, SequelizeOptions.options());
 * Model users = sequelize.define("user", List.of(attribute("firstName", DataTypes.STRING)),
 *         ModelOptions.options().timestamps(false));
 * users.findAll().join();                          // [user{id=1, firstName=John}]
 * executor.calls().get(0).kind();                  // SELECT
 * executor.statements().get(0).text();             // SELECT "id", "firstName" FROM "users" AS "user";
 * }</pre>
 *
 * <p>It can {@linkplain #reserve() reserve} connections for transactions: {@link #events()} then tells
 * which statement went where ({@code "pool: <sql>"}, {@code "#1: <sql>"}) and when each reserved
 * connection was taken and handed back. Safe to use from several threads; after {@link #close()} every
 * statement fails with a {@link ConnectionError}, as a closed pool's would.
 */
public final class RecordingExecutor implements Executor {
    /**
     * One statement as this executor received it.
     *
     * @param connection {@code pool} for {@link #execute}, {@code #1}, {@code #2}, ... for the reserved connections in
     *                   the order they were reserved
     * @param sql        the statement
     * @param kind       its kind; {@link StatementKind#RAW} when it came through {@link #execute(Sql)}, which has none
     */
    public record Call(String connection, Sql sql, StatementKind kind) {}

    private final List<Call> calls = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final List<Rule> rules = new ArrayList<>();
    private final Deque<CompletableFuture<QueryResult>> answers = new ArrayDeque<>();
    private int reservations;
    private boolean closed;

    // ---- the script ------------------------------------------------------------------------------

    /** The next statement no rule matches is answered with this result. */
    public RecordingExecutor answer(QueryResult result) {
        return answer(CompletableFuture.completedFuture(result));
    }

    /** The next statement no rule matches is answered with this future, completed whenever the caller chooses. */
    public synchronized RecordingExecutor answer(CompletableFuture<QueryResult> result) {
        answers.add(result);
        return this;
    }

    /** The next statement no rule matches fails with this error. */
    public RecordingExecutor fail(Throwable error) {
        return answer(CompletableFuture.failedFuture(error));
    }

    /** A rule for every statement whose text is exactly {@code text} ({@code ?} placeholders and the final {@code ;} included). */
    public Rule when(String text) {
        return when(call -> call.sql().text().equals(text));
    }

    /** A rule for every statement in whose text {@code pattern} is found ({@link java.util.regex.Matcher#find()}). */
    public Rule when(Pattern pattern) {
        return when(call -> pattern.matcher(call.sql().text()).find());
    }

    /** A rule for every statement of this kind. */
    public Rule when(StatementKind kind) {
        return when(call -> call.kind() == kind);
    }

    /** A rule for every statement the predicate accepts. */
    public Rule when(Predicate<Call> matches) {
        return new Rule(matches);
    }

    /** A condition waiting for its answer: {@code when(...).thenAnswer(...)}. */
    public final class Rule {
        private final Predicate<Call> matches;
        private CompletableFuture<QueryResult> answer;

        private Rule(Predicate<Call> matches) {
            this.matches = matches;
        }

        /** Every matching statement is answered with {@code result}. */
        public RecordingExecutor thenAnswer(QueryResult result) {
            return then(CompletableFuture.completedFuture(result));
        }

        /** Every matching statement fails with {@code error}. */
        public RecordingExecutor thenFail(Throwable error) {
            return then(CompletableFuture.failedFuture(error));
        }

        private RecordingExecutor then(CompletableFuture<QueryResult> answer) {
            this.answer = answer;
            synchronized (RecordingExecutor.this) {
                rules.add(this);
            }
            return RecordingExecutor.this;
        }
    }

    // ---- the executor ----------------------------------------------------------------------------

    @Override
    public CompletableFuture<QueryResult> execute(Sql sql) {
        return record("pool", sql, StatementKind.RAW);
    }

    @Override
    public CompletableFuture<QueryResult> execute(Sql sql, StatementKind kind) {
        return record("pool", sql, kind);
    }

    /**
     * Recorded as {@link #execute(Sql, StatementKind)} records it, and answered from the script the same
     * way: the scripted rows are handed over one by one ({@link RowCursor#of}).
     */
    @Override
    public CompletableFuture<RowCursor> stream(Sql sql, StatementKind kind, int fetchSize) {
        return record("pool", sql, kind).thenApply(RowCursor::of);
    }

    @Override
    public synchronized CompletableFuture<ReservedConnection> reserve() {
        if (closed) {
            return CompletableFuture.failedFuture(closedError());
        }
        String name = "#" + ++reservations;
        events.add("reserve " + name);
        return CompletableFuture.completedFuture(new ReservedConnection() {
            @Override
            public CompletableFuture<QueryResult> execute(Sql sql) {
                return record(name, sql, StatementKind.RAW);
            }

            @Override
            public CompletableFuture<QueryResult> execute(Sql sql, StatementKind kind) {
                return record(name, sql, kind);
            }

            @Override
            public CompletableFuture<RowCursor> stream(Sql sql, StatementKind kind, int fetchSize) {
                return record(name, sql, kind).thenApply(RowCursor::of);
            }

            @Override
            public void release() {
                event("release " + name);
            }

            @Override
            public void discard() {
                event("discard " + name);
            }
        });
    }

    private synchronized CompletableFuture<QueryResult> record(String connection, Sql sql, StatementKind kind) {
        if (closed) {
            return CompletableFuture.failedFuture(closedError());
        }
        Call call = new Call(connection, sql, kind);
        calls.add(call);
        events.add(connection + ": " + sql.text());
        for (Rule rule : rules) {
            if (rule.matches.test(call)) {
                return rule.answer;
            }
        }
        CompletableFuture<QueryResult> answer = answers.poll();
        return answer != null ? answer : CompletableFuture.completedFuture(QueryResult.empty());
    }

    private synchronized void event(String event) {
        events.add(event);
    }

    private static ConnectionError closedError() {
        return new ConnectionError("the recording executor is closed: sequelize.close() was called", null);
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    // ---- what was recorded -----------------------------------------------------------------------

    /** Every statement received so far, with where it went and its kind, in order. */
    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Every statement received so far, in order, on the pool and on reserved connections alike. */
    public synchronized List<Sql> statements() {
        return calls.stream().map(Call::sql).toList();
    }

    /** Every statement with where it ran, and every reservation, release and discard, in order. */
    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    public synchronized boolean closed() {
        return closed;
    }
}
