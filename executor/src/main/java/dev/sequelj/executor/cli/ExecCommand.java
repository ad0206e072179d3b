package dev.sequelj.executor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sequelj.ast.error.SequeljError;
import dev.sequelj.executor.PoolOptions;
import dev.sequelj.executor.Sequelize;
import dev.sequelj.executor.SequelizeOptions;
import dev.sequelj.executor.Transaction;
import dev.sequelj.executor.cli.RequestInput.BadInput;
import dev.sequelj.executor.error.DatabaseError;
import dev.sequelj.executor.request.ModelCall;
import dev.sequelj.executor.request.RequestReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code sequelj exec}: runs a JSON request (the form {@code sequelj render} reads) against a database,
 * through the public {@code Model} API, and prints what the call answered as JSON.
 *
 * <pre>{@code
 * echo '{"models": {"user": {"attributes": {"firstName": "STRING"}}},
 *        "requests": [{"model": "user", "method": "sync"},
 *                     {"model": "user", "method": "create", "args": [{"firstName": "Ada"}]},
 *                     {"model": "user", "method": "findAll"}]}' \
 *   | sequelj exec --url sqlite::memory:
 * }</pre>
 *
 * <p>One request prints its result; {@code "requests": [...]} runs them in order on one connection
 * and prints an array of their results. Every request is read and checked before the first one runs.
 * A failure prints one line of JSON on standard error, {@code {"error": {"name": ..., "message": ...}}}
 * (with {@code "request"}, the failed request's index, for a list, and {@code "sql"} for a database
 * error), and exits 2 when nothing ran (a bad request or option) or 3 when a request failed while
 * running; after a failure in a list, standard output holds the results of the requests that ran before
 * it (none with {@code --transaction}, which rolled them back).
 */
@Command(name = "exec", sortOptions = false,
        description = {"Run a JSON request (the form 'render' reads) on a database and print its result as JSON.",
                "",
                "One request {models, model, method, args} prints its result; {models, requests: [{model, method,"
                        + " args}, ...]} runs them in order on one connection and prints an array of their results."
                        + " A failure prints {\"error\": {\"name\": ..., \"message\": ...}} on standard error.",
                ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every request ran; the results are on standard output",
                "2:nothing ran: a bad request, URL or option (the message names the JSON path)",
                "3:a request failed while running (the typed error on standard error)",
                "1:an unexpected failure"})
final class ExecCommand implements Callable<Integer> {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final InputStream stdin;
    private final Clock clock;

    @Spec
    CommandSpec spec;

    @Option(names = {"-u", "--url"}, required = true, paramLabel = "<uri>",
            description = "Where to connect, as Sequelize takes it: sqlite::memory:, sqlite:path/to.db,"
                    + " postgres://user:pass@host:5432/db, mariadb://..., mysql://..., mssql://...")
    String url;

    @Option(names = "--acquire", paramLabel = "<millis>",
            description = "How long to wait for the connection before failing with a connection or timeout error,"
                    + " as Sequelize's pool.acquire (default: ${DEFAULT-VALUE}).")
    long acquire = PoolOptions.defaults().acquire();

    @Option(names = "--transaction",
            description = "Run every request in one transaction: committed when all succeed, rolled back when one fails.")
    boolean transaction;

    @Option(names = "--log",
            description = "Log each statement on standard error as Sequelize logs it (Executing (default): ...).")
    boolean log;

    @Mixin
    RequestInput input;

    ExecCommand(InputStream stdin, Clock clock) {
        this.stdin = stdin;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean listed;
        List<ModelCall> calls;
        try {
            JsonNode root = RequestReader.parse(input.read(stdin));
            RequestReader reader = new RequestReader(clock);
            listed = root.isObject() && root.has("requests");
            calls = listed ? reader.readAll(root) : List.of(reader.read(root));
        } catch (BadInput e) {
            return fail(err, "ValidationError", e.getMessage(), -1, null, SequeljCli.BAD_INPUT);
        } catch (SequeljError e) {
            return fail(err, e, -1, SequeljCli.BAD_INPUT);
        }
        Sequelize sequelize;
        try {
            // One connection: each request sees the writes of those before it, on sqlite::memory: too.
            SequelizeOptions options = SequelizeOptions.options()
                    .pool(PoolOptions.defaults().max(1).acquire(acquire)).clock(clock);
            sequelize = new Sequelize(url, log ? options.logging(err::println) : options.logging(false));
        } catch (SequeljError e) {
            return fail(err, e, -1, SequeljCli.BAD_INPUT);
        }
        try (sequelize) {
            ModelCallRunner runner = new ModelCallRunner(sequelize);
            List<ModelCallRunner.Prepared> prepared = new ArrayList<>();
            for (int i = 0; i < calls.size(); i++) {
                try {
                    prepared.add(runner.prepare(calls.get(i)));
                } catch (SequeljError e) {
                    return fail(err, e, listed ? i : -1, SequeljCli.BAD_INPUT);
                }
            }
            List<Object> results = new ArrayList<>();
            AtomicInteger running = new AtomicInteger(-1);
            try {
                (transaction ? sequelize.transaction(t -> runAll(prepared, t, results, running))
                        : runAll(prepared, null, results, running)).join();
            } catch (CompletionException e) {
                if (!(e.getCause() instanceof SequeljError failure)) {
                    throw e;
                }
                if (listed && !transaction) {
                    out.print(ResultJson.pretty(ResultJson.value(results)));
                    out.flush();
                }
                return fail(err, failure, listed ? running.get() : -1, SequeljCli.REQUEST_FAILED);
            }
            out.print(ResultJson.pretty(listed ? ResultJson.value(results) : ResultJson.value(results.get(0))));
            out.flush();
            return 0;
        }
    }

    /** Runs the calls one after the other, each once the one before has completed, collecting their results. */
    private static CompletableFuture<Void> runAll(List<ModelCallRunner.Prepared> prepared, Transaction transaction,
                                                  List<Object> results, AtomicInteger running) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (int i = 0; i < prepared.size(); i++) {
            int index = i;
            chain = chain.thenCompose(ignored -> {
                running.set(index);
                return prepared.get(index).run(transaction).thenAccept(results::add);
            });
        }
        return chain;
    }

    private static int fail(PrintWriter err, SequeljError error, int request, int exit) {
        return fail(err, error.getClass().getSimpleName(), error.getMessage(), request,
                error instanceof DatabaseError database ? database.sql() : null, exit);
    }

    /** {@code {"error": {"name": ..., "message": ..., "request": i, "sql": ...}}} on one line of standard error. */
    private static int fail(PrintWriter err, String name, String message, int request, String sql, int exit) {
        ObjectNode error = NODES.objectNode();
        error.put("name", name);
        error.put("message", message);
        if (request >= 0) {
            error.put("request", request);
        }
        if (sql != null) {
            error.put("sql", sql);
        }
        err.print(ResultJson.compact(NODES.objectNode().set("error", error)));
        err.flush();
        return exit;
    }
}
