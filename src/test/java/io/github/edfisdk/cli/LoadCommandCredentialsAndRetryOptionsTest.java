package io.github.edfisdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edfisdk.sandbox.EdFiSandbox;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code edfi load}'s options and its first answers, through the CLI entry point. */
class LoadCommandCredentialsAndRetryOptionsTest {
    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = EdFiCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aWrongSecretIsReportedFirstAndOnly(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("students.jsonl");
        Files.writeString(input, "{\"studentUniqueId\":\"S1\",\"firstName\":\"A\",\"lastSurname\":\"B\","
                + "\"birthDate\":\"2010-01-01\"}\n");
        try (EdFiSandbox sandbox = EdFiSandbox.builder().port(0).start()) {
            Path credentials = dir.resolve("edfi.properties");
            Files.writeString(credentials, "key=" + sandbox.key() + "\nsecret=not-the-secret\n");
            Run r = run("load", input.toString(), "--base-url", sandbox.baseUrl(),
                    "--credentials-file", credentials.toString());
            assertEquals(2, r.code(), r.out() + r.err());
            assertEquals("", r.out(), "no summary table of a load that never started");
            String first = r.err().lines().findFirst().orElse("");
            assertTrue(first.startsWith("edfi load: ") && first.contains("credentials") && first.contains("401"),
                    r.err());
            assertFalse(r.err().contains("dependency list"), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
        }
    }

    @Test
    void retryOptionsAreChecked(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("students.jsonl");
        Files.writeString(input, "");
        Run badTime = run("load", input.toString(), "--sandbox", "--max-retry-time", "soon");
        assertEquals(2, badTime.code());
        assertTrue(badTime.err().contains("'soon' is not a duration such as 500ms, 90s, 5m or 1h"), badTime.err());
        Run badAttempts = run("load", input.toString(), "--sandbox", "--max-attempts", "0");
        assertEquals(2, badAttempts.code());
        assertTrue(badAttempts.err().contains("--max-attempts must be at least 1"), badAttempts.err());
    }
}
