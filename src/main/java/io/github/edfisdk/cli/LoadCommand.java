package io.github.edfisdk.cli;

import io.github.edfisdk.client.AuthenticationException;
import io.github.edfisdk.client.EdFiClient;
import io.github.edfisdk.client.EdFiException;
import io.github.edfisdk.client.OverloadGate;
import io.github.edfisdk.client.RetryPolicy;
import io.github.edfisdk.load.Dependencies;
import io.github.edfisdk.load.LoadAbortedException;
import io.github.edfisdk.load.LoadReport;
import io.github.edfisdk.load.Loader;
import io.github.edfisdk.model.DataStandard;
import io.github.edfisdk.model.DataStandardModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./edfi load PATH...}: loads JSON Lines, CSV and Ed-Fi XML files in dependency order. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Load JSON Lines (.jsonl), CSV (.csv + .mapping.json) and Ed-Fi XML interchange (.xml) files "
                + "into an Ed-Fi API in dependency order.",
                "Exit codes: 0 every record landed or was unchanged, 1 some records failed (all in the errors file), "
                        + "2 usage or connection error."})
public final class LoadCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Input files or folders.")
    List<Path> paths;

    @CommandLine.Mixin
    ApiOptions api;

    @Option(names = "--concurrency", defaultValue = "8", description = "Requests in flight at most. Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(names = "--state-dir", description = "Journal of landed records: a rerun sends only what is missing or changed.")
    Path stateDir;

    @Option(names = "--redact-values", description = "Leave record values (student data) out of failure messages and "
            + "the errors file; file, line, resource and JSON path still find the record.")
    boolean redactValues;

    @Option(names = "--errors", description = "Write failed records here as JSON Lines.")
    Path errors;

    @Option(names = "--mapping", description = "The CSV mapping for every .csv input (default: x.mapping.json next to x.csv).")
    Path mapping;

    @Option(names = "--dry-run", description = "Read, order and compare with the state journal; send nothing.")
    boolean dryRun;

    @Option(names = "--max-retry-time", defaultValue = "5m", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "How long one record may keep being retried after throttling (429), server errors (500, 502, "
                    + "503, 504) and dropped connections before it goes to the errors file (500ms, 90s, 5m, 1h). "
                    + "Default: ${DEFAULT-VALUE}.")
    Duration maxRetryTime;

    @Option(names = "--max-attempts", defaultValue = "100", paramLabel = "N", description = "Attempts per record at "
            + "most, the first included (with the default backoff, 5 minutes hold about 25). Default: ${DEFAULT-VALUE}.")
    int maxAttempts;

    /**
     * A bulk load rides out transient faults: each record is retried within a time budget rather than a few attempts,
     * and every worker backs off together when the server says it is overloaded (a 429/503 with Retry-After pauses
     * all requests; the requests in flight follow AIMD up to --concurrency). Discovery and tokens keep the short
     * default budget, so a wrong URL is still reported in seconds.
     */
    private EdFiClient.Builder forBulkLoad(EdFiClient.Builder b) {
        return b.retryPolicy(RetryPolicy.builder().maxAttempts(maxAttempts).maxElapsed(maxRetryTime).build())
                .setupRetryPolicy(RetryPolicy.defaults())
                .overloadGate(new OverloadGate(concurrency))
                .perThreadConnections(true);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (concurrency < 1 || concurrency > 256) {
            err.println("edfi load: --concurrency must be 1 to 256");
            return EdFiCli.USAGE;
        }
        if (maxAttempts < 1) {
            err.println("edfi load: --max-attempts must be at least 1");
            return EdFiCli.USAGE;
        }
        Loader.Builder b = Loader.builder().concurrency(concurrency).stateDir(stateDir).errorsFile(errors)
                .redactValues(redactValues)
                .csvMapping(mapping).dryRun(dryRun)
                .progress(System.err, System.console() != null);
        if (api.verbose) {
            b.onFailure(f -> {
                synchronized (err) {
                    err.println("FAILED " + TerminalText.of(f.describe()));
                    err.flush();
                }
            });
        }
        ApiOptions.Target target = null;
        try {
            if (dryRun && !api.hasTarget()) {
                b.model(DataStandardModel.of(api.dataStandardOr(DataStandard.DS5)));
            } else {
                target = api.open(err, this::forBulkLoad);
                // Refused credentials are the first and only thing reported, before the dependency list is read.
                target.client().authenticate();
                DataStandardModel model = DataStandardModel.of(target.client().dataStandard());
                b.documents(target.client().documents()).model(model)
                        .dependencies(Dependencies.of(target.client(), model, note -> err.println("edfi load: " + note)));
            }
            LoadReport report = b.build().load(paths);
            out.print(report.format());
            if (report.failedTotal() > 0) {
                out.println(report.failedTotal() + " records failed" + (errors != null ? "; see " + errors
                        : "; give --errors FILE for the full list") + ". First ones:");
                report.failures().stream().limit(20).forEach(f -> out.println("  " + TerminalText.of(f.describe())));
            }
            return report.exitCode();
        } catch (LoadAbortedException e) {
            out.print(e.partialReport().format());
            err.println("edfi load: " + TerminalText.of(e.getMessage()));
            return EdFiCli.USAGE;
        } catch (AuthenticationException e) {
            err.println("edfi load: the API refused the credentials (" + e.getMessage() + "); check the key and secret");
            return EdFiCli.USAGE;
        } catch (IOException | IllegalArgumentException | EdFiException e) {
            err.println("edfi load: " + TerminalText.of(e.getMessage()));
            return EdFiCli.USAGE;
        } finally {
            out.flush();
            if (target != null) {
                target.close();
            }
        }
    }
}
