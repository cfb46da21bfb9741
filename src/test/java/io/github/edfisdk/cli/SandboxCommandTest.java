package io.github.edfisdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edfisdk.sandbox.EdFiSandbox;
import io.github.edfisdk.sandbox.Seed;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Usage errors of {@code ./edfi sandbox} (the running case is covered by SandboxPersistenceTest's child processes). */
class SandboxCommandTest {
    private static int run(StringWriter err, String... args) {
        CommandLine cl = EdFiCli.commandLine();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        return cl.execute(args);
    }

    @Test
    void keyWithoutSecretIsAUsageError() {
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "sandbox", "--key", "k"));
        assertTrue(err.toString().contains("give both --key and --secret"), err.toString());
    }

    @Test
    void unknownSeedOrDataStandardIsAUsageError() {
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "sandbox", "--seed", "lots"));
        assertTrue(err.toString().contains("unknown seed 'lots'"), err.toString());
        err = new StringWriter();
        assertEquals(2, run(err, "sandbox", "--data-standard", "3.3"));
        assertTrue(err.toString().contains("Unknown Data Standard '3.3'"), err.toString());
    }

    @Test
    void aBusyPortIsReportedNotThrown() {
        try (EdFiSandbox busy = EdFiSandbox.builder().seed(Seed.EMPTY).start()) {
            StringWriter err = new StringWriter();
            assertEquals(2, run(err, "sandbox", "--seed", "empty", "--port", Integer.toString(busy.port()), "--key", "k",
                    "--secret", "super-secret-value"));
            assertTrue(err.toString().contains("Cannot start the sandbox on port " + busy.port()), err.toString());
            assertTrue(!err.toString().contains("super-secret-value"), "a given secret is never echoed");
        }
    }
}
