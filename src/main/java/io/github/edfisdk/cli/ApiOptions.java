package io.github.edfisdk.cli;

import io.github.edfisdk.client.EdFiClient;
import io.github.edfisdk.client.HttpLogger;
import io.github.edfisdk.model.DataStandard;
import io.github.edfisdk.sandbox.EdFiSandbox;
import io.github.edfisdk.sandbox.Seed;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * The target API of {@code load}, {@code validate}, {@code export} and {@code delete}: its URL, credentials (from
 * {@code EDFI_API_KEY}/{@code EDFI_API_SECRET} or a file, never from the command line where {@code ps} shows them)
 * or an embedded sandbox started for the run.
 */
public final class ApiOptions {
    @Option(names = "--base-url", description = "The Ed-Fi API root or data URL (default: env EDFI_BASE_URL).")
    String baseUrl;

    @Option(names = "--sandbox", description = "Start an embedded sandbox (seed minimal) for this run instead.")
    boolean sandbox;

    @Option(names = "--data-standard", description = "5.1 or 4.0: of the embedded sandbox, or of offline checks. Default: the server's, else 5.1.")
    String dataStandard;

    @Option(names = "--credentials-file", description = "A properties file with key= and secret= (default: env EDFI_API_KEY / EDFI_API_SECRET).")
    Path credentialsFile;

    @Option(names = {"-v", "--verbose"}, description = "Print each request (method, URL, status, time) and each failed record.")
    boolean verbose;

    /** Whether a target was given (URL, environment or --sandbox). */
    boolean hasTarget() {
        return sandbox || url() != null;
    }

    String url() {
        if (baseUrl != null) {
            return baseUrl;
        }
        String env = System.getenv("EDFI_BASE_URL");
        return env == null || env.isBlank() ? null : env;
    }

    DataStandard dataStandardOr(DataStandard fallback) {
        return dataStandard == null ? fallback : DataStandard.parse(dataStandard);
    }

    /** A connected client (and the sandbox behind it, if one was started); close it after the run. */
    Target open(PrintWriter err) throws IOException {
        EdFiSandbox sb = null;
        String url;
        String key;
        String secret;
        if (sandbox) {
            sb = EdFiSandbox.builder().dataStandard(dataStandardOr(DataStandard.DS5)).seed(Seed.MINIMAL).port(0).start();
            url = sb.baseUrl();
            key = sb.key();
            secret = sb.secret();
            err.println("Embedded sandbox at " + url + " (discarded at the end of the run)");
        } else {
            url = url();
            if (url == null) {
                throw new IllegalArgumentException("no target: give --base-url URL (or set EDFI_BASE_URL), or --sandbox");
            }
            String[] creds = credentials();
            key = creds[0];
            secret = creds[1];
        }
        EdFiClient.Builder b = EdFiClient.builder().baseUrl(url).credentials(key, secret);
        if (dataStandard != null) {
            b.dataStandard(DataStandard.parse(dataStandard));
        }
        if (verbose) {
            b.logger(line -> {
                synchronized (err) {
                    err.println(line);
                    err.flush();
                }
            }, HttpLogger.Level.BASIC);
        }
        return new Target(b.build(), sb);
    }

    private String[] credentials() throws IOException {
        if (credentialsFile != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(credentialsFile)) {
                p.load(r);
            }
            String key = first(p, "key", "EDFI_API_KEY", "client_id");
            String secret = first(p, "secret", "EDFI_API_SECRET", "client_secret");
            if (key == null || secret == null) {
                throw new IllegalArgumentException(credentialsFile + ": needs key=... and secret=... lines");
            }
            return new String[] {key, secret};
        }
        String key = System.getenv("EDFI_API_KEY");
        String secret = System.getenv("EDFI_API_SECRET");
        if (key == null || key.isBlank() || secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("no credentials: set EDFI_API_KEY and EDFI_API_SECRET, or --credentials-file FILE");
        }
        return new String[] {key, secret};
    }

    private static String first(Properties p, String... names) {
        for (String n : names) {
            String v = p.getProperty(n);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    /** A client and the sandbox started for it, closed together. */
    record Target(EdFiClient client, EdFiSandbox sandbox) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }
}
