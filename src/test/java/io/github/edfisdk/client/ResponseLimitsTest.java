package io.github.edfisdk.client;

import static io.github.edfisdk.client.FakeOds.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One response cannot fill the heap or hold a call forever: size limit and call timeout, as typed exceptions. */
class ResponseLimitsTest {
    private FakeOds ods;

    @BeforeEach
    void start() throws Exception {
        ods = new FakeOds();
    }

    @AfterEach
    void stop() throws Exception {
        ods.close();
    }

    /** A JSON array longer than the limit, sent chunked (no Content-Length to refuse up front). */
    private static MockResponse hugeChunkedArray(int bytes) {
        Buffer b = new Buffer().writeUtf8("[");
        String item = "{\"id\":\"" + "x".repeat(90) + "\"},";
        while (b.size() < bytes) {
            b.writeUtf8(item);
        }
        b.writeUtf8("{}]");
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                .setChunkedBody(b, 64 * 1024);
    }

    @Test
    void aDataResponseAboveTheLimitIsATypedErrorNotAFullHeap() {
        ods.respond(hugeChunkedArray(3 * 1024 * 1024));
        try (EdFiClient client = ods.client().maxResponseBytes(1024 * 1024).build()) {
            EdFiException e = assertThrows(EdFiException.class,
                    () -> client.documents().query("/ed-fi/students", Map.of()).stream().count());
            assertTrue(e instanceof ResponseTooLargeException, e.getClass() + ": " + e.getMessage());
            assertTrue(e.getMessage().contains("1048576") && e.getMessage().contains("maxResponseBytes"), e.getMessage());
        }
    }

    @Test
    void aDeclaredLengthAboveTheLimitIsRefusedBeforeReading() {
        ods.respond(json(200, "[" + "{\"id\":\"abc\"},".repeat(20_000) + "{}]"));
        try (EdFiClient client = ods.client().maxResponseBytes(64 * 1024).build()) {
            EdFiException e = assertThrows(EdFiException.class,
                    () -> client.documents().query("/ed-fi/students", Map.of()).stream().count());
            assertTrue(e instanceof ResponseTooLargeException, e.getClass() + ": " + e.getMessage());
        }
    }

    @Test
    void anEndlessTokenResponseIsATypedError() {
        ods.tokenFailure = hugeChunkedArray(2 * 1024 * 1024).setResponseCode(200);
        try (EdFiClient client = ods.client().maxResponseBytes(512 * 1024).build()) {
            EdFiException e = assertThrows(EdFiException.class, () -> client.documents().get("/ed-fi/students", "x"));
            assertTrue(e instanceof ResponseTooLargeException || e.getCause() instanceof ResponseTooLargeException,
                    e.getClass() + ": " + e.getMessage());
        }
    }

    @Test
    void aDripFedResponseEndsAtTheCallTimeout() {
        // 1 byte every 100 ms: the read timeout (time between bytes) never fires.
        ods.respond(json(200, "[" + " ".repeat(200) + "]").throttleBody(1, 100, TimeUnit.MILLISECONDS));
        long start = System.nanoTime();
        try (EdFiClient client = ods.client().callTimeout(Duration.ofSeconds(2)).build()) {
            EdFiException e = assertThrows(EdFiException.class,
                    () -> client.documents().query("/ed-fi/students", Map.of()).stream().count());
            assertTrue(e instanceof CallTimeoutException, e.getClass() + ": " + e.getMessage());
            assertTrue(e.getMessage().contains("callTimeout"), e.getMessage());
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertTrue(seconds < 10, "took " + seconds + " s");
    }

    @Test
    void theDefaultCallTimeoutIsBounded() {
        try (EdFiClient client = ods.client().build()) {
            assertTrue(client.httpClient().callTimeoutMillis() > 0, "a default call timeout is set");
            assertTrue(client.httpClient().callTimeoutMillis() >= Duration.ofMinutes(5).toMillis());
        }
    }

    @Test
    void pagesWithinTheLimitStillStream() {
        ods.respond(json(200, "[" + "{\"id\":\"a\"},".repeat(499) + "{\"id\":\"b\"}]").setHeader("Total-Count", "500"));
        try (EdFiClient client = ods.client().maxResponseBytes(1024 * 1024).build()) {
            assertEquals(500, client.documents().query("/ed-fi/students", Map.of()).stream().count());
        }
    }
}
