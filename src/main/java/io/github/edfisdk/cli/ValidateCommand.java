package io.github.edfisdk.cli;

import io.github.edfisdk.client.EdFiException;
import io.github.edfisdk.load.ErrorLog;
import io.github.edfisdk.load.OfflineValidator;
import io.github.edfisdk.model.DataStandard;
import io.github.edfisdk.model.EdFiModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./edfi validate PATH...}: checks input files against the spec without loading them. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check input files offline: types, required, lengths, descriptor values, references resolvable "
                + "within the input (or on --base-url when given), duplicate natural keys.",
                "Exit codes: 0 all valid, 1 some records invalid (all reported), 2 usage error."})
public final class ValidateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Input files or folders.")
    List<Path> paths;

    @CommandLine.Mixin
    ApiOptions api;

    @Option(names = "--errors", description = "Write invalid records here as JSON Lines (the load's error format).")
    Path errors;

    @Option(names = "--mapping", description = "The CSV mapping for every .csv input (default: x.mapping.json next to x.csv).")
    Path mapping;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ApiOptions.Target target = null;
        try (ErrorLog log = new ErrorLog(errors, f -> {
            synchronized (out) {
                out.println(f.describe());
            }
        })) {
            OfflineValidator v;
            if (api.hasTarget()) {
                target = api.open(err);
                v = new OfflineValidator(EdFiModel.of(target.client().dataStandard()), target.client().documents(), mapping);
            } else {
                v = new OfflineValidator(EdFiModel.of(api.dataStandardOr(DataStandard.DS5)), null, mapping);
            }
            OfflineValidator.ValidationReport report = v.validate(paths, log);
            out.print(report.format());
            return report.exitCode();
        } catch (IOException | IllegalArgumentException | EdFiException e) {
            err.println("edfi validate: " + e.getMessage());
            return EdFiCli.USAGE;
        } finally {
            out.flush();
            if (target != null) {
                target.close();
            }
        }
    }
}
