package io.github.edfisdk.cli;

import io.github.edfisdk.client.EdFiClient;
import io.github.edfisdk.client.HttpLogger;
import io.github.edfisdk.client.PlainHttpGuard;
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
 * The target API of {@code load}, {@code validate}, {@code export}, {@code delete} and {@code sync}: its URL,
 * credentials or an embedded sandbox started for the run.
 *
 * <p>Credentials: {@code --credentials-file} (key= and secret=), else the key from {@code --key} or
 * {@code EDFI_API_KEY} and the secret from {@code --secret-file} (a file holding only the secret),
 * {@code EDFI_API_SECRET} or {@code --secret}. A secret on the command line is accepted with a warning (other users
 * see it in {@code ps} and it stays in shell history); the warning never repeats it. Plain {@code http://} to a host
 * other than loopback is refused unless {@code --allow-insecure-http}.
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

    @Option(names = "--key", description = "The API key (default: env EDFI_API_KEY).")
    String key;

    @Option(names = "--secret-file", paramLabel = "FILE", description = "A file holding only the API secret (default: env EDFI_API_SECRET).")
    Path secretFile;

    @Option(names = "--secret", paramLabel = "SECRET", description = "The API secret on the command line: accepted with "
            + "a warning (ps and shell history show it); prefer --secret-file or EDFI_API_SECRET.")
    String secret;

    @Option(names = "--allow-insecure-http", description = "Allow plain http:// to a host other than loopback "
            + "(credentials and tokens then cross the network unencrypted).")
    boolean allowInsecureHttp;

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
            okhttp3.HttpUrl parsed = okhttp3.HttpUrl.parse(url.strip());
            if (parsed == null) {
                throw new IllegalArgumentException("--base-url " + url + " is not an http:// or https:// URL");
            }
            if (!allowInsecureHttp && !PlainHttpGuard.permits(parsed)) {
                throw new IllegalArgumentException("refusing plain http to " + parsed.host() + ": the secret and tokens "
                        + "would travel unencrypted; use https://, or --allow-insecure-http if this network is trusted");
            }
            String[] creds = credentials(err);
            key = creds[0];
            secret = creds[1];
        }
        EdFiClient.Builder b = EdFiClient.builder().baseUrl(url).credentials(key, secret)
                .allowInsecureHttp(allowInsecureHttp);
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

    private String[] credentials(PrintWriter err) throws IOException {
        if (credentialsFile != null) {
            if (key != null || secretFile != null || secret != null) {
                throw new IllegalArgumentException("give either --credentials-file or --key/--secret-file/--secret, not both");
            }
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
        if (secretFile != null && secret != null) {
            throw new IllegalArgumentException("give --secret-file or --secret, not both");
        }
        String k = key != null ? key : System.getenv("EDFI_API_KEY");
        String s;
        if (secretFile != null) {
            s = Files.readString(secretFile).strip();
            if (s.isEmpty()) {
                throw new IllegalArgumentException(secretFile + ": the secret file is empty");
            }
        } else if (secret != null) {
            err.println("edfi: warning: a secret given with --secret is visible to other users (ps) and kept in shell "
                    + "history; prefer --secret-file FILE or EDFI_API_SECRET");
            err.flush();
            s = secret;
        } else {
            s = System.getenv("EDFI_API_SECRET");
        }
        if (k == null || k.isBlank() || s == null || s.isBlank()) {
            throw new IllegalArgumentException("no credentials: give --key (or EDFI_API_KEY) and --secret-file FILE (or "
                    + "EDFI_API_SECRET), or --credentials-file FILE");
        }
        return new String[] {k.strip(), s};
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
