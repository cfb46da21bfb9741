package io.github.edfisdk.client;

import static io.github.edfisdk.client.FakeOds.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** What each request costs the client (issue 14): no logging work when logging is off, no second serialisation. */
class RequestPathCostTest {

    @Test
    void theLoggingInterceptorIsOnlyInstalledWhenSomethingIsLogged() throws Exception {
        try (FakeOds ods = new FakeOds()) {
            try (EdFiClient quiet = ods.client().build();
                 EdFiClient logged = ods.client().logger(new ArrayList<String>()::add, HttpLogger.Level.BASIC).build()) {
                assertFalse(quiet.httpClient().interceptors().stream().anyMatch(i -> i instanceof RedactingLoggingInterceptor),
                        quiet.httpClient().interceptors().toString());
                assertTrue(logged.httpClient().interceptors().stream().anyMatch(i -> i instanceof RedactingLoggingInterceptor));
            }
        }
    }

    @Test
    void jsonTextIsPostedByteForByte() throws Exception {
        // Spacing, a character Gson would escape (<) and a non-ASCII one: a re-serialised copy would differ in each.
        byte[] line = "{ \"studentUniqueId\" : \"604822\", \"firstName\":\"Zoë <Ann>\" }".getBytes(StandardCharsets.UTF_8);
        try (FakeOds ods = new FakeOds()) {
            ods.respond(new MockResponse().setResponseCode(201)
                    .setHeader("Location", ods.rootUrl() + "data/v3/ed-fi/students/0123456789abcdef0123456789abcdef")
                    .setHeader("ETag", "\"5250549196\""));
            try (EdFiClient client = ods.client().build()) {
                WriteResult w = client.documents().post("/ed-fi/students", line, RequestOptions.none());
                assertTrue(w.created());
                assertEquals("0123456789abcdef0123456789abcdef", w.id());
                assertEquals("\"5250549196\"", w.etag());
            }
            RecordedRequest r = ods.dataRequests.get(0);
            assertEquals("/data/v3/ed-fi/students", r.getPath());
            assertArrayEquals(line, r.getBody().readByteArray());
            assertEquals("Bearer token-1", r.getHeader("Authorization"));
            assertTrue(r.getHeader("Content-Type").startsWith("application/json"), r.getHeader("Content-Type"));
        }
    }

    @Test
    void everySpellingOfAResourcePathReachesTheSameUrl() throws Exception {
        try (FakeOds ods = new FakeOds()) {
            ods.dataHandler = r -> json(200, "{}");
            try (EdFiClient client = ods.client().build()) {
                for (String path : List.of("students", "/ed-fi/students", "ed-fi/students/", " students ", "students")) {
                    client.documents().get(path, "abc");
                }
                client.documents().post("tpdm/candidates", new com.google.gson.JsonObject());
            }
            List<String> paths = ods.dataRequests.stream().map(RecordedRequest::getPath).toList();
            assertEquals(List.of("/data/v3/ed-fi/students/abc", "/data/v3/ed-fi/students/abc", "/data/v3/ed-fi/students/abc",
                    "/data/v3/ed-fi/students/abc", "/data/v3/ed-fi/students/abc", "/data/v3/tpdm/candidates"), paths);
        }
    }
}
