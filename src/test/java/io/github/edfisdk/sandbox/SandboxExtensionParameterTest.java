package io.github.edfisdk.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edfisdk.model.DataStandard;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code @ExtendWith(SandboxExtension.class)}: one DS 5.1 minimal sandbox per class, injected as a parameter. Each test
 * compares its sandbox with the one {@code @BeforeAll} received, so the result does not depend on the test order.
 */
@ExtendWith(SandboxExtension.class)
class SandboxExtensionParameterTest {
    private static EdFiSandbox ofTheClass;

    @BeforeAll
    static void sandboxOfTheClass(EdFiSandbox sandbox) {
        ofTheClass = sandbox;
    }

    @Test
    void injectsARunningSandbox(EdFiSandbox sandbox) {
        assertEquals(DataStandard.DS5, sandbox.dataStandard());
        assertEquals(Seed.MINIMAL, sandbox.seed());
        RawHttp http = new RawHttp(sandbox);
        assertEquals(200, http.get("/ed-fi/programTypeDescriptors?limit=1").statusCode());
        // Minimal has descriptors but no education organizations.
        assertEquals("[]", http.get("/ed-fi/schools").body());
        assertSame(ofTheClass, sandbox);
    }

    @Test
    void theSameSandboxForEveryTestOfTheClass(EdFiSandbox sandbox) {
        assertTrue(sandbox.port() > 0);
        assertSame(ofTheClass, sandbox);
    }

    @Test
    void badQueryEncodingIsA400(EdFiSandbox sandbox) throws Exception {
        // Written on a socket: HTTP clients refuse to send such a URL.
        try (Socket s = new Socket("127.0.0.1", sandbox.port())) {
            s.getOutputStream().write(("GET /data/v3/ed-fi/students?lastSurname=%E0%A4%A HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + new RawHttp(sandbox).token + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // The connection gets an answer (the JDK server itself refuses a malformed URL), not a dropped socket.
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        }
    }
}
