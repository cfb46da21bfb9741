package io.github.edfisdk.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.edfisdk.model.DataStandardModel;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad requests get the right 4xx with a problem body; nothing gets a stack trace; faults are where they are asked. */
class SandboxHardeningTest {
    static EdFiSandbox sb;
    static RawHttp http;

    @BeforeAll
    static void start() {
        sb = EdFiSandbox.builder().maxRequestBytes(4096).start();
        http = new RawHttp(sb);
    }

    @AfterAll
    static void stop() {
        sb.close();
    }

    private static HttpResponse<String> raw(String method, String dataPath, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sb.dataUrl() + dataPath))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b);
    }

    private static void assertProblem(HttpResponse<String> r, int status, String type) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.headers().toString());
        JsonObject p = RawHttp.json(r);
        assertEquals(status, p.get("status").getAsInt());
        assertEquals(type, p.get("type").getAsString());
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat ") || r.body().contains("io.github"), r.body());
    }

    @Test
    void aBodyAboveTheLimitIs413AndTheServerKeepsServing() {
        String big = "{\"studentUniqueId\":\"" + "x".repeat(5000) + "\"}";
        assertProblem(http.post("/ed-fi/students", big), 413, "urn:ed-fi:api:bad-request:request-too-large");
        assertTrue(http.post("/ed-fi/students", big).body().contains("limit of 4096 bytes"));
        assertEquals(201, http.post("/ed-fi/students", SandboxWriteTest.student("H-1", "Small")).statusCode());
    }

    @Test
    void dataRequestsWithoutAValidBearerTokenAre401() {
        String auth = "urn:ed-fi:api:security:authentication";
        assertProblem(raw("GET", "/ed-fi/students", null), 401, auth);
        for (String header : List.of("Bearer", "Bearer    ", "Bearer not-a-token", "Basic " + "a2V5OnNlY3JldA==",
                "bearer" + http.token, "Token " + http.token, "Bearer " + http.token + "x", "\u0001\u0002")) {
            HttpResponse<String> r;
            try {
                r = raw("GET", "/ed-fi/students", null, "Authorization", header);
            } catch (IllegalArgumentException refusedByTheClient) {
                continue; // control characters: the JDK client will not even send them
            }
            assertProblem(r, 401, auth);
            assertEquals("Bearer", r.headers().firstValue("WWW-Authenticate").orElse(null), header);
        }
        // The same with a write: nothing is stored.
        assertProblem(raw("POST", "/ed-fi/students", SandboxWriteTest.student("H-NOAUTH", "X"),
                "Content-Type", "application/json"), 401, auth);
        assertEquals("[]", http.get("/ed-fi/students?studentUniqueId=H-NOAUTH").body());
    }

    @Test
    void malformedIdsAre404OnGetAnd400OnPutAndDelete() {
        // ODS/API routes GET /{id:guid} only for a GUID (else no route: 404); PUT and DELETE route /{id} for any text and
        // fail binding it to a Guid (400).
        for (String id : List.of("not-a-guid", "z".repeat(32), "12345", "%20", "0".repeat(33), "%E2%98%83")) {
            assertProblem(http.get("/ed-fi/students/" + id), 404, "urn:ed-fi:api:not-found");
            assertProblem(http.put("/ed-fi/students/" + id, SandboxWriteTest.student("H-2", "X")), 400,
                    "urn:ed-fi:api:bad-request:data-validation-failed");
            assertProblem(http.delete("/ed-fi/students/" + id), 400, "urn:ed-fi:api:bad-request:data-validation-failed");
        }
        assertProblem(http.delete("/ed-fi/students/" + "0".repeat(32)), 404, "urn:ed-fi:api:not-found");
        assertProblem(http.get("/ed-fi/students/a/b"), 404, "urn:ed-fi:api:not-found");
        assertProblem(http.get("/ed-fi/noSuchResources"), 404, "urn:ed-fi:api:not-found");
    }

    @Test
    void malformedJsonIs400NamingTheProblem() {
        for (String body : List.of("{", "{\"a\":}", "[1,2]", "\"text\"", "{} {}", "{\"studentUniqueId\":\"x\"",
                "\u00ff\u00fe", "{\"a\":" + "[".repeat(1500) + "]".repeat(1500) + "}")) {
            HttpResponse<String> r = http.post("/ed-fi/students", body);
            assertProblem(r, 400, "urn:ed-fi:api:bad-request");
            String errors = RawHttp.json(r).getAsJsonArray("errors").toString();
            assertTrue(errors.contains("not valid JSON") || errors.contains("must be a JSON object"), body + " -> " + errors);
        }
        assertProblem(http.post("/ed-fi/students", ""), 400, "urn:ed-fi:api:bad-request");
        assertProblem(http.get("/ed-fi/students?limit=abc"), 400, "urn:ed-fi:api:bad-request:parameter-validation-failed");
    }

    @Test
    void anUnexpectedFailureIsAGeneric500WithTheStackTraceOnlyInTheServerLog() {
        // A handler whose resource endpoints are missing fails with a NullPointerException on every data request.
        TokenService tokens = new TokenService("k", "s", Duration.ofMinutes(5), Clock.systemUTC());
        DataStandardModel model = DataStandardModel.of(io.github.edfisdk.model.DataStandard.DS5);
        SandboxHandler broken = new SandboxHandler(new MetadataEndpoints(model, "http://x"), new TokenEndpoint(tokens),
                tokens, null, null, FaultPlan.none(), new SandboxStats(), false);
        List<LogRecord> logged = new java.util.ArrayList<>();
        Logger log = Logger.getLogger(SandboxHandler.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(capture);
        boolean parent = log.getUseParentHandlers();
        log.setUseParentHandlers(false);
        try {
            String token = tokens.issue();
            SandboxResponse r = broken.handle(new SandboxRequest("GET", "/data/v3/ed-fi/students", Map.of(),
                    Map.of("authorization", List.of("Bearer " + token), "correlation-id", List.of("c-42")), new byte[0]));
            assertEquals(500, r.status());
            String body = new String(r.body(), StandardCharsets.UTF_8);
            assertEquals("{\"detail\":\"An unexpected problem has occurred.\",\"type\":\"urn:ed-fi:api:system-error\","
                    + "\"title\":\"System Error\",\"status\":500,\"correlationId\":\"c-42\"}", body);
            assertEquals(1, logged.size());
            assertTrue(logged.get(0).getThrown() instanceof NullPointerException);
            assertTrue(logged.get(0).getMessage().contains("c-42"), logged.get(0).getMessage());
        } finally {
            log.removeHandler(capture);
            log.setUseParentHandlers(parent);
        }
    }

    @Test
    void faultsHitDataRequestsOnlyUnlessAsked() {
        try (EdFiSandbox faulty = EdFiSandbox.builder().faults(FaultPlan.parse("503=1.0")).start()) {
            RawHttp h = new RawHttp(faulty); // the token endpoint is not faulted
            assertEquals(200, h.send(HttpRequest.newBuilder(URI.create(faulty.baseUrl() + "/"))).statusCode());
            assertEquals(200, h.send(HttpRequest.newBuilder(URI.create(faulty.baseUrl() + "/metadata"))).statusCode());
            HttpResponse<String> r = h.get("/ed-fi/students");
            assertEquals(503, r.statusCode());
            assertEquals("urn:ed-fi:api:service-unavailable", RawHttp.json(r).get("type").getAsString());
            assertEquals(2, faulty.stats().received("OTHER"));
            assertEquals(Map.of("503 injected", 1L), faulty.stats().outcomes("GET"));
            assertEquals(Map.of("200", 1L), faulty.stats().outcomes("TOKEN"));
        }
        try (EdFiSandbox faulty = EdFiSandbox.builder().faults(FaultPlan.parse("503=1.0,token=true")).start()) {
            assertThrows(RuntimeException.class, () -> new RawHttp(faulty));
        }
    }

    @Test
    void rateLimitCarriesRetryAfterAndStoresNothing() {
        try (EdFiSandbox faulty = EdFiSandbox.builder().faults(FaultPlan.parse("429=1.0,retry-after=7")).start()) {
            RawHttp h = new RawHttp(faulty);
            HttpResponse<String> r = h.post("/ed-fi/students", SandboxWriteTest.student("R-1", "X"));
            assertEquals(429, r.statusCode());
            assertEquals("7", r.headers().firstValue("Retry-After").orElse(null));
            faulty.injectFaults(FaultPlan.none());
            assertEquals("[]", h.get("/ed-fi/students?studentUniqueId=R-1").body());
        }
    }

    @Test
    void aDropAfterCommitStoresTheWriteAndAnswersNothing() {
        try (EdFiSandbox faulty = EdFiSandbox.builder().faults(FaultPlan.parse("drop-after=1.0")).start()) {
            RawHttp h = new RawHttp(faulty);
            assertThrows(UncheckedIOException.class, () -> h.post("/ed-fi/students", SandboxWriteTest.student("D-1", "X")));
            faulty.injectFaults(FaultPlan.parse("drop-before=1.0"));
            assertThrows(UncheckedIOException.class, () -> h.post("/ed-fi/students", SandboxWriteTest.student("D-2", "X")));
            faulty.injectFaults(FaultPlan.none());
            assertEquals(1, RawHttp.parse(h.get("/ed-fi/students?studentUniqueId=D-1")).getAsJsonArray().size());
            assertEquals("[]", h.get("/ed-fi/students?studentUniqueId=D-2").body());
            // The retry of the dropped POST is an upsert: 200, not a second item.
            assertEquals(200, h.post("/ed-fi/students", SandboxWriteTest.student("D-1", "X")).statusCode());
            Map<String, Long> posts = faulty.stats().outcomes("POST");
            assertTrue(posts.getOrDefault("dropped after commit (201)", 0L) >= 1, posts.toString());
            assertTrue(posts.getOrDefault("dropped before commit", 0L) >= 1, posts.toString());
        }
    }

    @Test
    void anEarlyExpiryRevokesTheCallersToken() {
        try (EdFiSandbox faulty = EdFiSandbox.builder().faults(FaultPlan.parse("expire=1.0")).start()) {
            RawHttp h = new RawHttp(faulty);
            assertEquals(401, h.get("/ed-fi/students").statusCode());
            faulty.injectFaults(FaultPlan.none());
            assertEquals(401, h.get("/ed-fi/students").statusCode(), "the token stays revoked");
            assertEquals(200, new RawHttp(faulty).get("/ed-fi/students").statusCode(), "a new token works");
        }
    }

    @Test
    void theSameSeedGivesTheSameFaults() {
        FaultPlan a = FaultPlan.parse("5xx=0.2,429=0.1,drop=0.1,seed=9");
        FaultPlan b = FaultPlan.parse(a.toString());
        int faulted = 0;
        for (int i = 0; i < 10_000; i++) {
            assertEquals(a.draw(i * 7919L, i % 3), b.draw(i * 7919L, i % 3));
            faulted += a.draw(i * 7919L, 0) == FaultPlan.Fault.NONE ? 0 : 1;
        }
        assertTrue(faulted > 3700 && faulted < 4300, "about 40 % faulted: " + faulted);
        assertEquals("none", FaultPlan.parse("").toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("5xx=0.1,oops=1"));
        assertTrue(e.getMessage().contains("unknown fault 'oops'"), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("500=0.7,503=0.7"))
                .getMessage().contains("more than 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("429=lots"))
                .getMessage().contains("'lots' is not a number"));
    }
}
