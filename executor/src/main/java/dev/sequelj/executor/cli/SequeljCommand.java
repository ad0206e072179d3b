package dev.sequelj.executor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sequelj}: only a parent for its subcommands; called alone it is a usage error. */
@Command(name = "sequelj",
        description = "Sequelize's model calls: their SQL for postgres, mysql, mariadb, sqlite and mssql (render), or run on a database (exec).",
        subcommands = CommandLine.HelpCommand.class)
final class SequeljCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }
}
