package io.github.edfisdk.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edfisdk.cli.EdFiCli;
import io.github.edfisdk.client.EdFiClient;
import io.github.edfisdk.client.EdFiException;
import io.github.edfisdk.sandbox.EdFiSandbox;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the commands that take credentials with a distinctive key and secret, captures every output (stdout,
 * stderr, the errors and state files, every java.util.logging record of the SDK and the sandbox at all levels,
 * exception messages with their causes, a sandbox process's console) and asserts that none holds the key, the secret,
 * their Basic form or any token the sandbox issued.
 */
class SecretLeakTest {
    static final String KEY = "leakkey-4f9d2a71";
    static final String SECRET = "LeakSecret-9Qz7Wx3Kp5";
    static final String WRONG_SECRET = "WrongSecret-7Hj2Lm8Nb4";
    static final Path BAD = Path.of("src/test/resources/load/bad-records.jsonl");

    @Test
    void noOutputOfAnyCommandHoldsAKeySecretOrToken(@TempDir Path dir) throws Exception {
        Map<String, String> outputs = new LinkedHashMap<>();
        List<String> logged = new ArrayList<>();
        Logger sdk = Logger.getLogger("io.github.edfisdk");
        Level before = sdk.getLevel();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                StringWriter w = new StringWriter();
                w.append(r.getLevel().toString()).append(' ').append(r.getLoggerName()).append(' ')
                        .append(String.valueOf(r.getMessage()));
                if (r.getParameters() != null) {
                    for (Object p : r.getParameters()) {
                        w.append(' ').append(String.valueOf(p));
                    }
                }
                if (r.getThrown() != null) {
                    r.getThrown().printStackTrace(new PrintWriter(w));
                }
                synchronized (logged) {
                    logged.add(w.toString());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        sdk.setLevel(Level.ALL);
        sdk.addHandler(capture);
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Set<String> tokens = new LinkedHashSet<>();
        try (EdFiSandbox sandbox = EdFiSandbox.builder().credentials(KEY, SECRET).start()) {
            Path secretFile = Files.writeString(dir.resolve("secret.txt"), SECRET + "\n");
            Path creds = Files.writeString(dir.resolve("edfi.properties"), "key=" + KEY + "\nsecret=" + SECRET + "\n");
            String url = sandbox.baseUrl();
            String[] keyAndFile = {"--base-url", url, "--key", KEY, "--secret-file", secretFile.toString()};
            String[] file = {"--base-url", url, "--credentials-file", creds.toString()};

            // Every command that takes credentials.
            Map<String, String[]> commands = new LinkedHashMap<>();
            commands.put("certify", join(new String[] {"certify", "--suite", "sis-v5", "--resource", "Student",
                    "--resource", "StudentCTEProgramAssociation", "--report-dir", dir.resolve("report").toString(),
                    "-v"}, keyAndFile));
            commands.put("certify verify-only", join(new String[] {"certify", "--mode", "verify-only", "--resource",
                    "StudentCTEProgramAssociation", "--report-dir", dir.resolve("report-verify").toString()}, file));
            commands.put("load", join(new String[] {"load", BAD.toString(), "-v", "--errors",
                    dir.resolve("errors-load.jsonl").toString(), "--state-dir", dir.resolve("state").toString()}, keyAndFile));
            commands.put("load again", join(new String[] {"load", BAD.toString(), "-v", "--errors",
                    dir.resolve("errors-again.jsonl").toString(), "--state-dir", dir.resolve("state").toString()}, file));
            commands.put("validate", join(new String[] {"validate", BAD.toString(), "-v", "--errors",
                    dir.resolve("errors-validate.jsonl").toString()}, keyAndFile));
            commands.put("export", join(new String[] {"export", "students", "-v"}, file));
            commands.put("export --secret", new String[] {"export", "students", "-v", "--base-url", url, "--key", KEY,
                    "--secret", SECRET});
            commands.put("delete", join(new String[] {"delete", BAD.toString(), "-v"}, file));
            commands.put("load, wrong secret", new String[] {"load", BAD.toString(), "-v", "--base-url", url, "--key",
                    KEY, "--secret", WRONG_SECRET});
            commands.put("load, insecure", new String[] {"load", BAD.toString(), "--base-url", "http://10.255.255.1:9",
                    "--key", KEY, "--secret", SECRET});

            System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
            Map<String, Integer> exits = new LinkedHashMap<>();
            try {
                for (Map.Entry<String, String[]> c : commands.entrySet()) {
                    long t0 = System.nanoTime();
                    CliRunner r = CliRunner.run(c.getValue());
                    stdout.printf("%s: exit %d in %d ms%n", c.getKey(), r.exitCode(), (System.nanoTime() - t0) / 1_000_000);
                    exits.put(c.getKey(), r.exitCode());
                    outputs.put(c.getKey() + " stdout", r.out());
                    outputs.put(c.getKey() + " stderr", r.err());
                }
                // Exception messages of the runtime, with their causes and stack traces.
                try (EdFiClient wrong = EdFiClient.builder().baseUrl(url).credentials(KEY, WRONG_SECRET).build()) {
                    wrong.documents().count("students", Map.of());
                } catch (EdFiException e) {
                    StringWriter w = new StringWriter();
                    e.printStackTrace(new PrintWriter(w));
                    outputs.put("exception", w.toString());
                }
                try {
                    EdFiClient.builder().baseUrl("http://10.255.255.1:9").credentials(KEY, SECRET).build();
                } catch (IllegalArgumentException e) {
                    outputs.put("insecure exception", e.toString());
                }
            } finally {
                System.setOut(stdout);
                System.setErr(stderr);
            }
            tokens.addAll(sandbox.issuedTokens());
            outputs.put("sandbox process", sandboxProcess(sandbox));

            // In this minimal sandbox the runner creates what the pages refer to (education organization, program).
            assertEquals(0, exits.get("certify"), outputs.get("certify stdout") + outputs.get("certify stderr"));
            assertTrue(outputs.get("certify stdout").contains("PASSED   Student Scenario 1 POST"),
                    outputs.get("certify stdout"));
            // Scenario 1 is superseded by scenario 2 (the ODS holds only the latest state): not run, exit 1.
            assertEquals(1, exits.get("certify verify-only"), outputs.get("certify verify-only stderr"));
            assertTrue(outputs.get("certify verify-only stdout").contains("PASSED   StudentCTEProgramAssociation Scenario 2 PUT"),
                    outputs.get("certify verify-only stdout"));
            assertEquals(1, exits.get("load"), outputs.get("load stdout") + outputs.get("load stderr"));
            assertEquals(1, exits.get("validate"));
            assertEquals(0, exits.get("export"), outputs.get("export stderr"));
            assertEquals(0, exits.get("export --secret"), outputs.get("export --secret stderr"));
            assertEquals(2, exits.get("load, wrong secret"), outputs.get("load, wrong secret stdout")
                    + outputs.get("load, wrong secret stderr"));
            assertEquals(2, exits.get("load, insecure"));
            assertTrue(outputs.get("export --secret stderr").contains("warning: a secret given with --secret"));
            assertTrue(outputs.get("load, insecure stderr").contains("refusing plain http to 10.255.255.1"),
                    outputs.get("load, insecure stderr"));
            assertTrue(outputs.get("load stderr").contains("/oauth/token"), "-v logs requests");
            assertTrue(outputs.containsKey("exception") && outputs.containsKey("insecure exception"));
        } finally {
            sdk.removeHandler(capture);
            sdk.setLevel(before);
        }
        outputs.put("console", console.toString(StandardCharsets.UTF_8));
        outputs.put("log", String.join("\n", logged));
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (!name.equals("secret.txt") && !name.equals("edfi.properties") && !name.endsWith(".log")) {
                    outputs.put("file " + dir.relativize(f), Files.readString(f, StandardCharsets.ISO_8859_1));
                }
            }
        }
        assertTrue(outputs.keySet().stream().anyMatch(k -> k.startsWith("file state")), outputs.keySet().toString());
        assertTrue(outputs.containsKey("file errors-load.jsonl"), outputs.keySet().toString());
        assertTrue(outputs.keySet().containsAll(List.of("file report/report.json", "file report/junit.xml",
                "file report/report.html", "file report/summary.txt")), outputs.keySet().toString());
        assertFalse(tokens.isEmpty(), "tokens were issued");

        Map<String, String> forbidden = new LinkedHashMap<>();
        forbidden.put("key", KEY);
        forbidden.put("secret", SECRET);
        forbidden.put("wrong secret", WRONG_SECRET);
        forbidden.put("basic credentials", Base64.getEncoder().encodeToString((KEY + ":" + SECRET).getBytes(StandardCharsets.UTF_8)));
        int i = 0;
        for (String t : tokens) {
            forbidden.put("token " + i++, t);
        }
        List<String> leaks = new ArrayList<>();
        outputs.forEach((where, text) -> forbidden.forEach((what, value) -> {
            if (text != null && text.contains(value)) {
                leaks.add(what + " in " + where);
            }
        }));
        assertEquals(List.of(), leaks);
        System.out.println("secret-leak check: " + outputs.size() + " outputs, " + forbidden.size()
                + " secrets, " + tokens.size() + " tokens, no leak");
    }

    @Test
    void plainHttpToAnotherMachineIsRefusedUnlessAllowed() {
        for (String ok : List.of("http://localhost:8765", "http://127.0.0.1", "http://127.9.8.7:1", "http://[::1]:80",
                "https://api.example.org")) {
            EdFiClient.builder().baseUrl(ok).credentials("k", "s").build().close();
        }
        for (String refused : List.of("http://api.example.org", "http://10.0.0.5:8765", "http://128.0.0.1",
                "http://localhost.example.org")) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> EdFiClient.builder().baseUrl(refused).credentials("k", "s").build());
            assertTrue(e.getMessage().contains("allowInsecureHttp(true)"), e.getMessage());
            EdFiClient.builder().baseUrl(refused).credentials("k", "s").allowInsecureHttp(true).build().close();
        }
        // Without credentials nothing secret is sent.
        EdFiClient.builder().baseUrl("http://api.example.org").build().close();
        CliRunner r = CliRunner.run("export", "students", "--base-url", "http://api.example.org", "--key", "k",
                "--secret-file", BAD.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--allow-insecure-http"), r.err());
        CliRunner both = CliRunner.run("export", "students", "--base-url", "http://localhost:1", "--key", "k",
                "--secret-file", BAD.toString(), "--secret", "x");
        assertTrue(both.err().contains("give --secret-file or --secret, not both"), both.err());
    }

    private static String[] join(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** {@code edfi sandbox --key --secret} in its own JVM: its console, with one authenticated request and a stop. */
    private static String sandboxProcess(EdFiSandbox forTokens) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        String shared = System.getProperty("edfi.shared.dir");
        if (shared != null) {
            cmd.add("-Dedfi.shared.dir=" + shared);
        }
        cmd.addAll(List.of(EdFiCli.class.getName(), "sandbox", "--port", "0", "--key", KEY, "--secret", SECRET));
        // To a file: destroy() closes the process's pipes, and the output after SIGTERM is wanted too.
        Path log = Files.createTempFile("edfi-sandbox", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String url = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (url == null || !Files.readString(log).contains("Press Ctrl-C")) {
            assertTrue(p.isAlive() && System.nanoTime() < deadline, Files.readString(log));
            Thread.sleep(50);
            url = Files.readString(log).lines().filter(l -> l.startsWith("URL:")).map(l -> l.substring(4).trim())
                    .findFirst().orElse(null);
        }
        try (EdFiClient c = EdFiClient.builder().baseUrl(url).credentials(KEY, SECRET).build()) {
            assertEquals(0, c.documents().count("students", Map.of()));
        }
        p.destroy(); // SIGTERM: the shutdown hook prints the request counts
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        String out = Files.readString(log);
        Files.delete(log);
        assertTrue(out.contains("Requests served"), out);
        return out;
    }
}
