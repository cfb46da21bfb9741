package io.github.edfisdk.cli;

import java.util.List;
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
        description = "Ed-Fi SDK for Java: sandbox ODS, certification checks, data loads.")
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

    /** The sub-commands, in the order {@code edfi --help} lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(CertifyCommand.class, SandboxCommand.class,
            LoadCommand.class, ValidateCommand.class, ExportCommand.class, DeleteCommand.class, SyncCommand.class,
            PimsCommand.class);

    /** Builds the command line with the SDK's conventions (picocli already exits 2 on invalid input). */
    public static CommandLine commandLine() {
        return commandLine(SUBCOMMANDS);
    }

    /**
     * The command line for these arguments: when the first one names a sub-command, only that one is built. picocli
     * reads every sub-command's options by reflection first, about a quarter of a second of each start, which a
     * {@code edfi load} of a few records would otherwise mostly spend there. Anything else ({@code --help},
     * {@code help load}, a typo) gets them all.
     */
    static CommandLine commandLineFor(String[] args) {
        if (args.length > 0) {
            for (Class<?> c : SUBCOMMANDS) {
                if (c.getAnnotation(Command.class).name().equals(args[0])) {
                    return commandLine(List.of(c));
                }
            }
        }
        return commandLine();
    }

    private static CommandLine commandLine(List<Class<?>> subcommands) {
        CommandLine cl = new CommandLine(new EdFiCli());
        cl.addSubcommand(new CommandLine.HelpCommand());
        for (Class<?> c : subcommands) {
            cl.addSubcommand(c);
        }
        // An exception that escapes a command is a usage or connection problem: one clear line, no stack trace.
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            cmd.getErr().println("edfi: " + TerminalText.of(ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return USAGE;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLineFor(args).execute(args));
    }
}
