package io.github.edfisdk.cli;

import io.github.edfisdk.client.EdFiClient;
import io.github.edfisdk.client.HttpLogger;
import io.github.edfisdk.client.PlainHttpGuard;
import io.github.edfisdk.model.DataStandard;
import io.github.edfisdk.sandbox.EdFiSandbox;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * The server a command talks to: its URL and credentials ({@code certify}; {@link ApiOptions} adds an embedded
 * sandbox for {@code load}, {@code validate}, {@code export}, {@code delete} and {@code sync}).
 *
 * <p>Credentials: {@code --credentials-file} (key= and secret=), else the key from {@code --key} or
 * {@code EDFI_API_KEY} and the secret from {@code --secret-file} (a file holding only the secret),
 * {@code EDFI_API_SECRET} or {@code --secret}. A secret on the command line is accepted with a warning (other users
 * see it in {@code ps} and it stays in shell history); the warning never repeats it. Plain {@code http://} to a host
 * other than loopback is refused unless {@code --allow-insecure-http}.
 */
public class ServerOptions {
    @Option(names = "--base-url", description = "The Ed-Fi API root or data URL (default: env EDFI_BASE_URL).")
    String baseUrl;

    @Option(names = "--token-url", paramLabel = "URL", description = "The token endpoint, when it is not of the "
            + "base URL's origin (one the server's root document names on another host is refused).")
    String tokenUrl;

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

    String url() {
        if (baseUrl != null) {
            return baseUrl;
        }
        String env = System.getenv("EDFI_BASE_URL");
        return env == null || env.isBlank() ? null : env;
    }

    /** A client of the server at {@link #url()}; close it after the run. */
    Target open(PrintWriter err) throws IOException {
        return new Target(clientOf(err, null).build(), null);
    }

    /** A client builder for {@link #url()} with the credentials, the plain-http rule and -v logging. */
    EdFiClient.Builder clientOf(PrintWriter err, DataStandard dataStandard) throws IOException {
        String url = url();
        if (url == null) {
            throw new IllegalArgumentException("no target: give --base-url URL (or set EDFI_BASE_URL)" + noTargetHint());
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
        EdFiClient.Builder b = EdFiClient.builder().baseUrl(url).credentials(creds[0], creds[1])
                .allowInsecureHttp(allowInsecureHttp);
        if (tokenUrl != null) {
            if (okhttp3.HttpUrl.parse(tokenUrl.strip()) == null) {
                throw new IllegalArgumentException("--token-url " + tokenUrl + " is not an http:// or https:// URL");
            }
            b.tokenUrl(tokenUrl.strip());
        }
        return client(b, err, dataStandard);
    }

    /** What else would have given a target (", or --sandbox"). */
    String noTargetHint() {
        return "";
    }

    /** Adds the Data Standard (when known) and -v logging to a client builder. */
    EdFiClient.Builder client(EdFiClient.Builder b, PrintWriter err, DataStandard dataStandard) {
        if (dataStandard != null) {
            b.dataStandard(dataStandard);
        }
        if (verbose) {
            b.logger(line -> {
                synchronized (err) {
                    err.println(line);
                    err.flush();
                }
            }, HttpLogger.Level.BASIC);
        }
        return b;
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
