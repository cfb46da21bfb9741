package io.github.edfisdk.cli;

import io.github.edfisdk.model.DataStandard;
import io.github.edfisdk.model.DataStandardModel;
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
     * reads every sub-command's options by reflection before it parses; building one instead of eight made a
     * one-record {@code edfi load} start about 0.1 s sooner. Anything else ({@code --help}, {@code help load}, a typo)
     * gets them all.
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

    /**
     * {@code edfi load} needs the Data Standard's model (two 2.5 MB specs read, about 0.2 s of CPU) only after picocli
     * has read the options and the client has fetched a token: read it meanwhile on another thread. The Data Standard
     * is the one named by {@code --data-standard}, else 5.1; if the server turns out to speak the other one, only this
     * read was wasted (the load always uses the server's).
     */
    private static void prefetchModel(String[] args) {
        DataStandard likely = DataStandard.DS5;
        for (int i = 1; i < args.length; i++) {
            String value = args[i].startsWith("--data-standard=") ? args[i].substring("--data-standard=".length())
                    : args[i].equals("--data-standard") && i + 1 < args.length ? args[i + 1] : null;
            if (value != null) {
                try {
                    likely = DataStandard.parse(value);
                } catch (IllegalArgumentException e) {
                    return; // picocli reports it
                }
            }
        }
        DataStandard ds = likely;
        Thread t = new Thread(() -> {
            try {
                DataStandardModel.of(ds);
            } catch (RuntimeException e) {
                // the load reads it again and reports what is wrong
            }
        }, "edfi-model-prefetch");
        t.setDaemon(true);
        t.start();
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("load")) {
            prefetchModel(args);
        }
        System.exit(commandLineFor(args).execute(args));
    }
}
