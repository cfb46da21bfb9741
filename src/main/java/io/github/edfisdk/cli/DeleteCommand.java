package io.github.edfisdk.cli;

import io.github.edfisdk.client.EdFiException;
import io.github.edfisdk.load.Deleter;
import io.github.edfisdk.load.Dependencies;
import io.github.edfisdk.load.ErrorLog;
import io.github.edfisdk.model.DataStandardModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./edfi delete PATH...}: deletes the records of input files by natural key, dependents first. */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = {"Delete the records of input files from the API by natural key, in reverse dependency order.",
                "Exit codes: 0 all deleted or absent, 1 some could not be deleted (all reported), 2 usage or connection error."})
public final class DeleteCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Input files or folders (as for load).")
    List<Path> paths;

    @CommandLine.Mixin
    ApiOptions api;

    @Option(names = "--concurrency", defaultValue = "8", description = "Requests in flight at most. Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(names = "--redact-values", description = "Leave record values (student data) out of failure messages and "
            + "the errors file; file, line, resource and JSON path still find the record.")
    boolean redactValues;

    @Option(names = "--errors", description = "Write records that could not be deleted here as JSON Lines.")
    Path errors;

    @Option(names = "--mapping", description = "The CSV mapping for every .csv input.")
    Path mapping;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (concurrency < 1 || concurrency > 256) {
            err.println("edfi delete: --concurrency must be 1 to 256");
            return EdFiCli.USAGE;
        }
        try (ApiOptions.Target target = api.open(err);
             ErrorLog log = new ErrorLog(errors, null, redactValues)) {
            DataStandardModel model = DataStandardModel.of(target.client().dataStandard());
            Deleter d = new Deleter(target.client().documents(), model,
                    Dependencies.of(target.client(), model, note -> err.println("edfi delete: " + note)), concurrency, mapping);
            Deleter.DeleteReport report = d.delete(paths, log);
            out.print(report.format());
            log.failures().stream().limit(20).forEach(f -> out.println("  " + TerminalText.of(f.describe())));
            return report.exitCode();
        } catch (IOException | IllegalArgumentException | EdFiException e) {
            err.println("edfi delete: " + TerminalText.of(e.getMessage()));
            return EdFiCli.USAGE;
        } finally {
            out.flush();
        }
    }
}
