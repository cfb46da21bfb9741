package io.github.edfisdk.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ./edfi} command line. Each capability is one sub-command class in this package.
 *
 * <p>Exit codes shared by every sub-command: 0 success, 1 a check or record failed (all reported),
 * 2 usage or connection error.
 */
@Command(name = "edfi",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Ed-Fi SDK for Java: sandbox ODS, certification checks, data loads.",
        subcommands = {
                CommandLine.HelpCommand.class,
                CertifyCommand.class,
                SandboxCommand.class,
                LoadCommand.class,
                ValidateCommand.class,
                ExportCommand.class,
                DeleteCommand.class,
                SyncCommand.class,
                PimsCommand.class,
        })
public final class EdFiCli implements Runnable {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line with the SDK's conventions (picocli already exits 2 on invalid input). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new EdFiCli());
        // An exception that escapes a command is a usage or connection problem: one clear line, no stack trace.
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            cmd.getErr().println("edfi: " + TerminalText.of(ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return USAGE;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
