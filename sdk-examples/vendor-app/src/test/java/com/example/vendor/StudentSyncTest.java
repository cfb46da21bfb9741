package com.example.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edfisdk.client.EdFiClient;
import io.github.edfisdk.client.NotFoundException;
import io.github.edfisdk.ds5.resources.model.EdFiStudent;
import io.github.edfisdk.sandbox.EdFiSandbox;
import io.github.edfisdk.sandbox.SandboxExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's code against an embedded sandbox ODS, from the SDK artifact alone. */
class StudentSyncTest {
    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.builder().build();

    @Test
    void postsReadsUpdatesPagesAndHandlesErrors() {
        EdFiSandbox sb = sandbox.get();
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            StudentSync.run(sb.baseUrl(), sb.key(), sb.secret());
        } finally {
            System.setOut(original);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        original.println(String.join("\n", lines));
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("201 [0-9a-f]{32}"), lines.get(0));
        assertEquals("604822 Ann", lines.get(1));
        assertTrue(lines.get(2).startsWith("400 {") && lines.get(2).contains("$.lastSurname"), lines.get(2));

        // Errors are unchecked and typed in a vendor's own code too: no wrapper, no throws clause.
        try (EdFiClient client = EdFiClient.builder().baseUrl(sb.baseUrl()).credentials(sb.key(), sb.secret()).build()) {
            assertThrows(NotFoundException.class,
                    () -> client.ds5().students().getStudentsById("0123456789abcdef0123456789abcdef").execute());
            List<EdFiStudent> page = client.ds5().students().getStudents().studentUniqueId("604822").execute();
            assertEquals("Ann", page.get(0).getMiddleName());
        }
    }
}
