package dev.sequelj.executor.cli;

import dev.sequelj.executor.request.RequestReader;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;

/**
 * One run of the {@code sequelj} command line inside the test JVM, through picocli's
 * {@code CommandLine.execute}, with the request on standard input and both output streams captured.
 * The clock stands at the oracle's time, so {@code create} stamps the same timestamps every run.
 *
 * @param exit the exit code
 * @param out  what was printed on standard output
 * @param err  what was printed on standard error
 */
record CliRun(int exit, String out, String err) {

    static CliRun run(String stdin, String... args) {
        CommandLine cli = SequeljCli.commandLine(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                Clock.fixed(RequestReader.ORACLE_NOW, ZoneOffset.UTC));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
