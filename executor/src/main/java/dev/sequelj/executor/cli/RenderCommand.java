package dev.sequelj.executor.cli;

import dev.sequelj.ast.error.SequeljError;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.executor.cli.RequestInput.BadInput;
import dev.sequelj.executor.request.ModelCall;
import dev.sequelj.executor.request.RequestReader;
import dev.sequelj.render.Sql;
import dev.sequelj.render.SqlRenderer;
import dev.sequelj.render.dialect.Dialect;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code sequelj render}: reads one JSON request (the form the Sequelize oracle takes, read by
 * {@link RequestReader}) and prints the SQL Sequelj sends for it, without a database.
 *
 * <pre>{@code
 * echo '{"models": {"user": {"attributes": {"age": "INTEGER"}}}, "model": "user",
 *        "method": "findAll", "args": [{"where": {"age": {"$gt": 18}}, "limit": 10}]}' \
 *   | sequelj render --dialect postgres --inline
 * SELECT "id", "age", "createdAt", "updatedAt" FROM "users" AS "user" WHERE "user"."age" > 18 LIMIT 10;
 * }</pre>
 *
 * <p>Output: the statements, one per line, each ending with {@code ;}; with {@code --dialect all} each
 * dialect's block starts with a {@code -- <dialect>} line, and blocks are separated by an empty line.
 * {@code --json} prints {@code {"<dialect>": [{"sql": "...", "params": [...]}]}} instead. Nothing is
 * printed unless every dialect renders: a bad request, or a value a dialect cannot write, exits 2
 * with the message on standard error.
 */
@Command(name = "render", sortOptions = false,
        description = {"Print the SQL Sequelj sends for one model call, read as JSON from REQUEST or standard input.",
                "",
                "Statements are printed one per line, each ending with ';'. With --dialect all, each dialect's"
                        + " statements follow a '-- <dialect>' line, and an empty line separates the dialects.",
                ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the SQL was printed", "2:a bad request or option (the message names the JSON path)",
                "1:an unexpected failure"})
final class RenderCommand implements Callable<Integer> {
    private final InputStream stdin;
    private final Clock clock;

    @Spec
    CommandSpec spec;

    @Option(names = {"-d", "--dialect"}, required = true, paramLabel = "<dialect>",
            converter = DialectSelection.Converter.class, completionCandidates = DialectSelection.Candidates.class,
            description = "postgres, mysql, mariadb, sqlite, mssql, or all (the five, in that order).")
    DialectSelection dialect;

    @Option(names = "--inline",
            description = "Write every value as a literal of the dialect instead of a ? placeholder (for scripts).")
    boolean inline;

    @Option(names = "--json",
            description = "Print {\"<dialect>\": [{\"sql\": \"...\", \"params\": [...]}]} instead of plain SQL.")
    boolean json;

    @Option(names = "--now", paramLabel = "<instant>",
            description = "The time create stamps into createdAt and updatedAt, such as 2024-01-15T10:30:45.123Z (default: now).")
    Instant now;

    @Mixin
    RequestInput input;

    RenderCommand(InputStream stdin, Clock clock) {
        this.stdin = stdin;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Map<Dialect, List<Sql>> rendered = new LinkedHashMap<>();
        try {
            Clock stamp = now == null ? clock : Clock.fixed(now, ZoneOffset.UTC);
            ModelCall call = new RequestReader(stamp).read(input.read(stdin));
            for (Dialect target : dialect.dialects()) {
                rendered.put(target, render(call, target));
            }
        } catch (BadInput | SequeljError e) {
            err.println(e.getMessage());
            err.flush();
            return SequeljCli.BAD_INPUT;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? RenderedJson.of(rendered) : plain(rendered));
        out.flush();
        return 0;
    }

    private List<Sql> render(ModelCall call, Dialect target) {
        List<Sql> statements = new ArrayList<>();
        for (Statement statement : call.statements()) {
            try {
                // A bulk INSERT may be split into several statements, a SQLite TRUNCATE followed by a reset.
                (inline ? SqlRenderer.inlineAll(statement, target) : SqlRenderer.renderAll(statement, target))
                        .forEach(statements::add);
            } catch (SequeljError e) {
                throw new BadInput(target.name() + ": " + e.getMessage());
            }
        }
        return statements;
    }

    private String plain(Map<Dialect, List<Sql>> rendered) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<Dialect, List<Sql>> block : rendered.entrySet()) {
            if (dialect.all()) {
                out.append(out.isEmpty() ? "" : "\n").append("-- ").append(block.getKey().name()).append('\n');
            }
            block.getValue().forEach(sql -> out.append(sql.text()).append('\n'));
        }
        return out.toString();
    }

}
