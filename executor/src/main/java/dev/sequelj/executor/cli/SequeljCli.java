package dev.sequelj.executor.cli;

import picocli.CommandLine;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * The {@code sequelj} command line: {@code sequelj <subcommand> [options]}. Today it has
 * {@code render} ({@link RenderCommand}), which prints a request's SQL offline, and {@code exec}
 * ({@link ExecCommand}), which runs requests on a database; a subcommand is one picocli command class,
 * added in {@link #commandLine}.
 *
 * <pre>{@code
 * java -jar executor/target/sequelj.jar render --dialect postgres --inline < request.json
 * java -jar executor/target/sequelj.jar exec --url sqlite:app.db < request.json
 * }</pre>
 *
 * <p>Exit codes: 0 success; 2 a bad request or a usage error (the message on standard error); 3 a request
 * {@code exec} ran failed; 1 an unexpected failure (a bug: the stack trace on standard error).
 */
public final class SequeljCli {
    /** The exit code of a request or an option that cannot be used, as picocli's own usage errors. */
    public static final int BAD_INPUT = 2;
    /** The exit code of {@code exec} when a request failed while running (a database, connection or timeout error). */
    public static final int REQUEST_FAILED = 3;

    private SequeljCli() {}

    public static void main(String[] args) {
        // The jar carries no SLF4J provider (a library leaves that to its user), and SLF4J would say so on
        // standard error, where exec's error is the one line of JSON.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        CommandLine cli = commandLine(System.in, Clock.systemUTC());
        // UTF-8 whatever the platform's default: SQL and JSON carry any Unicode the request holds.
        cli.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        System.exit(cli.execute(args));
    }

    /**
     * The command line with every subcommand, reading requests from {@code stdin} and stamping
     * {@code create}'s timestamps with {@code clock} (unless {@code --now} is given). Set its out and
     * err writers after this call (picocli hands them to the subcommands it has then), and call
     * {@code execute(args)} for the exit code.
     */
    public static CommandLine commandLine(InputStream stdin, Clock clock) {
        CommandLine cli = new CommandLine(new SequeljCommand());
        cli.addSubcommand(new RenderCommand(stdin, clock));
        cli.addSubcommand(new ExecCommand(stdin, clock));
        return cli;
    }
}
