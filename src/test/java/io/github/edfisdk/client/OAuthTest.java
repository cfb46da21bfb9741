package io.github.edfisdk.client;

import static io.github.edfisdk.client.FakeOds.json;
import static io.github.edfisdk.client.FakeOds.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OAuthTest {
    private static final String AUTH_FAILED = "{\"detail\":\"The caller could not be authenticated.\","
            + "\"type\":\"urn:ed-fi:api:security:authentication\",\"title\":\"Authentication Failed\",\"status\":401,"
            + "\"correlationId\":\"c-1\",\"errors\":[\"Invalid token\"]}";
    private static final String FORBIDDEN = "{\"detail\":\"Access to the resource could not be authorized.\","
            + "\"type\":\"urn:ed-fi:api:security:authorization\",\"title\":\"Authorization Denied\",\"status\":403}";

    private FakeOds ods;

    @BeforeEach
    void start() throws Exception {
        ods = new FakeOds();
    }

    @AfterEach
    void stop() throws Exception {
        ods.close();
    }

    @Test
    void tokenRequestUsesBasicAuthAndClientCredentialsGrant() throws Exception {
        ods.respond(json(200, "{}"));
        try (EdFiClient client = ods.client().build()) {
            client.documents().get("/ed-fi/students", "abc");
        }
        RecordedRequest token = ods.tokenRequests.get(0);
        assertEquals("POST", token.getMethod());
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (FakeOds.KEY + ":" + FakeOds.SECRET).getBytes(StandardCharsets.UTF_8));
        assertEquals(basic, token.getHeader("Authorization"));
        assertEquals("grant_type=client_credentials", token.getBody().readUtf8());
        assertTrue(token.getHeader("Content-Type").startsWith("application/x-www-form-urlencoded"));
        assertEquals("Bearer token-1", ods.dataRequests.get(0).getHeader("Authorization"));
    }

    @Test
    void tokenIsCachedAcrossCalls() throws Exception {
        ods.respond(json(200, "{}"), json(200, "{}"), json(200, "{}"));
        try (EdFiClient client = ods.client().build()) {
            for (int i = 0; i < 3; i++) {
                client.documents().get("/ed-fi/students", "id" + i);
            }
        }
        assertEquals(1, ods.tokenRequests.size());
    }

    @Test
    void tokenIsRefreshedBeforeExpiryByTheConfiguredMargin() throws Exception {
        MutableClock clock = new MutableClock();
        ods.respond(json(200, "{}"), json(200, "{}"), json(200, "{}"));
        try (EdFiClient client = ods.client().tokenRefreshMargin(Duration.ofSeconds(120)).clock(clock).build()) {
            client.documents().get("students", "a");
            clock.advance(Duration.ofSeconds(1800 - 121)); // still outside the margin
            client.documents().get("students", "b");
            assertEquals(1, ods.tokenRequests.size());
            clock.advance(Duration.ofSeconds(2)); // inside the 120 s margin: renewed before the server would reject it
            client.documents().get("students", "c");
        }
        assertEquals(2, ods.tokenRequests.size());
        assertEquals("Bearer token-1", ods.dataRequests.get(1).getHeader("Authorization"));
        assertEquals("Bearer token-2", ods.dataRequests.get(2).getHeader("Authorization"));
    }

    @Test
    void concurrentCallsShareOneTokenRequest() throws Exception {
        ods.tokenDelayMillis = 300; // keep the first token request in flight while the other threads arrive
        ods.dataHandler = request -> json(200, "{}");
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (EdFiClient client = ods.client().build()) {
            client.root(); // discovery first, so all threads race for the token only
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String id = "id" + i;
                calls.add(pool.submit(() -> {
                    go.await();
                    return client.documents().get("students", id);
                }));
            }
            go.countDown();
            for (Future<?> call : calls) {
                call.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, ods.tokenRequests.size());
        assertEquals(threads, ods.dataRequests.size());
        ods.dataRequests.forEach(r -> assertEquals("Bearer token-1", r.getHeader("Authorization")));
    }

    @Test
    void unauthorizedDataCallIsRetriedOnceWithANewToken() throws Exception {
        ods.respond(problem(401, AUTH_FAILED), json(200, "{\"studentUniqueId\":\"604822\"}"));
        try (EdFiClient client = ods.client().retryPolicy(RetryPolicy.none()).build()) {
            assertEquals("604822", client.documents().get("students", "x").get("studentUniqueId").getAsString());
        }
        assertEquals(2, ods.tokenRequests.size());
        assertEquals("Bearer token-1", ods.dataRequests.get(0).getHeader("Authorization"));
        assertEquals("Bearer token-2", ods.dataRequests.get(1).getHeader("Authorization"));
    }

    @Test
    void secondUnauthorizedAnswerIsAnAuthenticationException() throws Exception {
        ods.respond(problem(401, AUTH_FAILED), problem(401, AUTH_FAILED), json(200, "{}"));
        try (EdFiClient client = ods.client().build()) {
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> client.documents().get("students", "x"));
            assertEquals(401, e.status());
            assertEquals("urn:ed-fi:api:security:authentication", e.problem().type());
            assertEquals(List.of("Invalid token"), e.problem().errors());
        }
        assertEquals(2, ods.dataRequests.size(), "one retry with a new token, not more");
    }

    @Test
    void forbiddenIsNeverRetriedWithANewToken() throws Exception {
        ods.respond(problem(403, FORBIDDEN), json(200, "{}"));
        try (EdFiClient client = ods.client().build()) {
            AuthorizationException e = assertThrows(AuthorizationException.class,
                    () -> client.documents().get("students", "x"));
            assertEquals("urn:ed-fi:api:security:authorization", e.problem().type());
        }
        assertEquals(1, ods.dataRequests.size());
        assertEquals(1, ods.tokenRequests.size());
    }

    @Test
    void rejectedCredentialsAreAnAuthenticationExceptionWithoutTheSecret() throws Exception {
        ods.tokenFailure = json(401, "{\"error\":\"invalid_client\"}");
        try (EdFiClient client = ods.client().build()) {
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> client.documents().get("students", "x"));
            assertTrue(e.getMessage().contains("invalid_client"), e.getMessage());
            assertFalse(e.getMessage().contains(FakeOds.SECRET));
            assertFalse(e.getMessage().contains(FakeOds.KEY));
        }
        assertEquals(1, ods.tokenRequests.size(), "a refused key is not retried");
        assertEquals(0, ods.dataRequests.size());
    }

    @Test
    void tokenEndpointOverloadIsRetried() throws Exception {
        ods.tokenFailure = json(503, "{}");
        ods.respond(json(200, "{}"));
        try (EdFiClient client = ods.client().build()) {
            Thread flip = new Thread(() -> {
                while (ods.tokenRequests.isEmpty()) {
                    Thread.onSpinWait();
                }
                ods.tokenFailure = null;
            });
            flip.start();
            client.documents().get("students", "x");
            flip.join();
        }
        assertTrue(ods.tokenRequests.size() >= 2, "the 503 of the token endpoint was retried");
    }

    /** A clock tests move forward. */
    static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
