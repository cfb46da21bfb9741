package io.github.edfisdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code edfi sandbox} takes a chosen secret from a file or the environment, not only the command line. */
class SandboxSecretTest {
    private static final String SECRET = "file-secret-5d1e";

    /** Starts {@code edfi sandbox} in its own JVM; returns the token endpoint's status for k + SECRET and the output. */
    private static String[] runSandbox(List<String> args, Map<String, String> env) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
        String shared = System.getProperty("edfi.shared.dir");
        if (shared != null) {
            cmd.add("-Dedfi.shared.dir=" + shared);
        }
        cmd.addAll(List.of(EdFiCli.class.getName(), "sandbox", "--port", "0", "--seed", "empty"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        StringBuilder output = new StringBuilder();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String url = null;
            String line;
            while ((line = out.readLine()) != null) {
                output.append(line).append('\n');
                if (line.startsWith("Token URL:")) {
                    url = line.substring(10).trim();
                }
                if (line.startsWith("Press Ctrl-C")) {
                    break;
                }
            }
            assertNotNull(url, output.toString());
            HttpResponse<String> token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("k:" + SECRET)
                            .getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new String[] {Integer.toString(token.statusCode()), output.toString()};
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theSecretComesFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secret");
        Files.writeString(file, SECRET + "\n");
        String[] r = runSandbox(List.of("--key", "k", "--secret-file", file.toString()), Map.of());
        assertEquals("200", r[0], r[1]);
        assertFalse(r[1].contains(SECRET), r[1]);
        assertFalse(r[1].contains("warning"), "no command-line warning: " + r[1]);
    }

    @Test
    void theSecretComesFromTheEnvironment() throws Exception {
        String[] r = runSandbox(List.of(), Map.of("EDFI_SANDBOX_KEY", "k", "EDFI_SANDBOX_SECRET", SECRET));
        assertEquals("200", r[0], r[1]);
        assertFalse(r[1].contains(SECRET), r[1]);
    }
}
