package io.github.edfisdk.cli;

import io.github.edfisdk.client.EdFiClient;
import io.github.edfisdk.model.DataStandard;
import io.github.edfisdk.sandbox.EdFiSandbox;
import io.github.edfisdk.sandbox.Seed;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * The target API of {@code load}, {@code validate}, {@code export}, {@code delete} and {@code sync}: a server
 * ({@link ServerOptions}) or an embedded sandbox started for the run, and the Data Standard of offline checks.
 */
public final class ApiOptions extends ServerOptions {
    @Option(names = "--sandbox", description = "Start an embedded sandbox (seed minimal) for this run instead.")
    boolean sandbox;

    @Option(names = "--data-standard", description = "5.1 or 4.0: of the embedded sandbox, or of offline checks. Default: the server's, else 5.1.")
    String dataStandard;

    /** Whether a target was given (URL, environment or --sandbox). */
    boolean hasTarget() {
        return sandbox || url() != null;
    }

    DataStandard dataStandardOr(DataStandard fallback) {
        return dataStandard == null ? fallback : DataStandard.parse(dataStandard);
    }

    /** A connected client (and the sandbox behind it, if one was started); close it after the run. */
    @Override
    Target open(PrintWriter err) throws IOException {
        return open(err, UnaryOperator.identity());
    }

    /** Like {@link #open(PrintWriter)}, the client builder first given to {@code tuning} (retries, overload gate). */
    Target open(PrintWriter err, UnaryOperator<EdFiClient.Builder> tuning) throws IOException {
        DataStandard ds = dataStandard == null ? null : DataStandard.parse(dataStandard);
        if (!sandbox) {
            return new Target(tuning.apply(clientOf(err, ds)).build(), null);
        }
        EdFiSandbox sb = EdFiSandbox.builder().dataStandard(dataStandardOr(DataStandard.DS5)).seed(Seed.MINIMAL).port(0)
                .start();
        err.println("Embedded sandbox at " + sb.baseUrl() + " (discarded at the end of the run)");
        EdFiClient.Builder b = client(EdFiClient.builder().baseUrl(sb.baseUrl()).credentials(sb.key(), sb.secret()),
                err, ds);
        return new Target(tuning.apply(b).build(), sb);
    }

    @Override
    String noTargetHint() {
        return ", or --sandbox";
    }
}
