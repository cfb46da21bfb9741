package io.github.edfisdk.cli;

import io.github.edfisdk.model.DataStandard;
import io.github.edfisdk.sandbox.EdFiSandbox;
import io.github.edfisdk.sandbox.FaultPlan;
import io.github.edfisdk.sandbox.Seed;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./edfi sandbox}: runs the embedded Ed-Fi ODS/API until Ctrl-C or SIGTERM. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Run an embedded Ed-Fi ODS/API sandbox (DS 5.1 = ODS/API 7.x, DS 4.0 = ODS/API 6.1).")
public final class SandboxCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "8765", description = "Port on 127.0.0.1 (0 = any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--data-standard", defaultValue = "5.1", description = "5.1 or 4.0. Default: ${DEFAULT-VALUE}.")
    String dataStandard;

    @Option(names = "--seed", defaultValue = "minimal",
            description = "empty, minimal (default descriptors and school years) or populated (minimal + Grand Bend). Default: ${DEFAULT-VALUE}.")
    String seed;

    @Option(names = "--data-dir", description = "Keep data across restarts in a journal in this folder (in memory when not given).")
    Path dataDir;

    @Option(names = "--key", description = "Client key (generated when not given).")
    String key;

    @Option(names = "--secret", description = "Client secret on the command line: accepted with a warning (ps and "
            + "shell history show it); prefer --secret-file or EDFI_SANDBOX_SECRET. Generated when no secret is given; "
            + "a given secret is never printed.")
    String secret;

    @Option(names = "--secret-file", paramLabel = "FILE", description = "A file holding only the client secret "
            + "(default: env EDFI_SANDBOX_SECRET; the key from --key or EDFI_SANDBOX_KEY).")
    Path secretFile;

    @Option(names = "--faults", paramLabel = "SPEC", description = "Inject faults into data requests, e.g. "
            + "5xx=0.10,429=0.05,drop=0.02,seed=42 (keys: 500, 503, 5xx, 429, retry-after, slow, delay, drop, "
            + "drop-before, drop-after, expire, seed, token, metadata; see FaultPlan). Off by default.")
    String faults;

    @Option(names = "--max-request-bytes", description = "Answer 413 to request bodies above this size. Default: 10485760.")
    Long maxRequestBytes;

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (secretFile != null && secret != null) {
            err.println("edfi sandbox: give --secret-file or --secret, not both");
            return EdFiCli.USAGE;
        }
        String givenKey = key != null ? key : blankToNull(System.getenv("EDFI_SANDBOX_KEY"));
        String givenSecret;
        try {
            givenSecret = secretFile != null ? blankToNull(Files.readString(secretFile).strip())
                    : secret != null ? secret : blankToNull(System.getenv("EDFI_SANDBOX_SECRET"));
        } catch (IOException e) {
            err.println("edfi sandbox: cannot read --secret-file " + secretFile + ": " + e.getMessage());
            return EdFiCli.USAGE;
        }
        if (secretFile != null && givenSecret == null) {
            err.println("edfi sandbox: " + secretFile + ": the secret file is empty");
            return EdFiCli.USAGE;
        }
        if ((givenKey == null) != (givenSecret == null)) {
            err.println("edfi sandbox: give both --key and --secret (or --secret-file FILE, or EDFI_SANDBOX_KEY and "
                    + "EDFI_SANDBOX_SECRET), or neither");
            return EdFiCli.USAGE;
        }
        DataStandard ds;
        Seed s;
        try {
            ds = DataStandard.parse(dataStandard);
            s = Seed.parse(seed);
        } catch (IllegalArgumentException e) {
            err.println("edfi sandbox: " + (e.getMessage().startsWith("No enum") ? "unknown seed '" + seed
                    + "': use empty, minimal or populated" : e.getMessage()));
            return EdFiCli.USAGE;
        }
        FaultPlan plan;
        try {
            plan = FaultPlan.parse(faults);
        } catch (IllegalArgumentException e) {
            err.println("edfi sandbox: --faults: " + e.getMessage());
            return EdFiCli.USAGE;
        }
        EdFiSandbox.Builder b = EdFiSandbox.builder().dataStandard(ds).seed(s).port(port).dataDir(dataDir).faults(plan);
        if (maxRequestBytes != null) {
            if (maxRequestBytes < 1) {
                err.println("edfi sandbox: --max-request-bytes must be positive");
                return EdFiCli.USAGE;
            }
            b.maxRequestBytes(maxRequestBytes);
        }
        if (givenKey != null) {
            b.credentials(givenKey, givenSecret);
            if (secret != null) {
                err.println("edfi sandbox: warning: a secret given with --secret is visible to other users (ps) and "
                        + "kept in shell history; prefer --secret-file FILE or EDFI_SANDBOX_SECRET");
                err.flush();
            }
        }
        EdFiSandbox sandbox;
        try {
            sandbox = b.start();
        } catch (RuntimeException e) {
            err.println("edfi sandbox: " + TerminalText.of(e.getMessage()));
            return EdFiCli.USAGE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            out.println("Requests served: " + sandbox.stats().summary());
            out.flush();
            stopped.countDown();
        }, "edfi-sandbox-shutdown"));
        out.println("Ed-Fi sandbox (Data Standard " + ds.version() + ", ODS/API " + ds.odsApiVersion() + " behaviour, seed "
                + s.name().toLowerCase() + (dataDir != null ? ", data in " + dataDir.toAbsolutePath() : ", in memory") + ")");
        out.println("URL:        " + sandbox.baseUrl());
        out.println("Data API:   " + sandbox.dataUrl());
        out.println("Token URL:  " + sandbox.tokenUrl());
        if (sandbox.credentialsGenerated()) {
            out.println("Key:        " + sandbox.key());
            out.println("Secret:     " + sandbox.secret());
        } else {
            out.println("Key:        as given (key and secret are not shown)");
        }
        if (plan.active()) {
            out.println("Faults:     " + plan);
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
        return EdFiCli.OK;
    }
}
