package io.github.edfisdk.client;

import static io.github.edfisdk.client.FakeOds.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okio.BufferedSink;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetryTest {
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
    void serviceUnavailableThenSuccess() {
        ods.respond(json(503, "{}"), json(200, "{\"a\":1}"));
        try (EdFiClient client = ods.client().build()) {
            assertEquals(1, client.documents().get("students", "x").get("a").getAsInt());
        }
        assertEquals(2, ods.dataRequests.size());
    }

    @Test
    void everyRetryableStatusIsRetriedAndOthersAreNot() {
        ods.respond(json(429, "{}"), json(500, "{}"), json(502, "{}"), json(504, "{}"), json(200, "{}"));
        RetryPolicy five = FakeOds.fastRetries().toBuilder().maxAttempts(5).build();
        try (EdFiClient client = ods.client().retryPolicy(five).build()) {
            client.documents().get("students", "x");
            assertEquals(5, ods.dataRequests.size());
            ods.respond(FakeOds.problem(400, "{\"title\":\"Data Validation Failed\"}"), json(200, "{}"));
            assertThrows(ValidationException.class, () -> client.documents().post("students", new com.google.gson.JsonObject()));
        }
        assertEquals(6, ods.dataRequests.size(), "400 is not retried");
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheLastStatus() {
        ods.dataHandler = r -> json(503, "{\"title\":\"Service Unavailable\"}");
        RetryPolicy three = FakeOds.fastRetries().toBuilder().maxAttempts(3).build();
        try (EdFiClient client = ods.client().retryPolicy(three).build()) {
            ServerException e = assertThrows(ServerException.class, () -> client.documents().get("students", "x"));
            assertEquals(503, e.status());
        }
        assertEquals(3, ods.dataRequests.size());
    }

    @Test
    void givesUpWhenTheTimeBudgetIsSpent() {
        ods.dataHandler = r -> json(503, "{}");
        FakeTime time = new FakeTime();
        RetryPolicy budget = time.policy(RetryPolicy.builder().maxAttempts(1000).baseDelay(Duration.ofMillis(100))
                .maxDelay(Duration.ofMillis(100)).maxElapsed(Duration.ofMillis(400)).build()).build();
        try (EdFiClient client = ods.client().retryPolicy(budget).build()) {
            assertThrows(ServerException.class, () -> client.documents().get("students", "x"));
        }
        // Waits of 50-100 ms (jitter) while they fit in 400 ms: 4 to 8 waits, one attempt more than waits.
        int attempts = ods.dataRequests.size();
        assertEquals(time.waits.size() + 1, attempts);
        assertTrue(attempts >= 5 && attempts <= 9, "attempts bounded by time: " + attempts);
        assertTrue(time.slept().toMillis() <= 400, "stayed within the budget: " + time.slept());
        assertTrue(time.slept().toMillis() > 300, "used the budget: " + time.slept());
    }

    @Test
    void retryCanBeTurnedOffPerRequest() {
        ods.respond(json(503, "{}"), json(200, "{}"));
        try (EdFiClient client = ods.client().build()) {
            assertThrows(ServerException.class, () -> client.documents().get("students", "x",
                    RequestOptions.builder().retry(false).build()));
        }
        assertEquals(1, ods.dataRequests.size());
    }

    @Test
    void connectionFailureIsRetried() {
        ods.respond(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST), json(200, "{\"ok\":true}"));
        // OkHttp's own silent retry is off, so the SDK's RetryInterceptor is what recovers.
        OkHttpClient noSilentRetry = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
        try (EdFiClient client = ods.client().httpClient(noSilentRetry).build()) {
            assertTrue(client.documents().get("students", "x").get("ok").getAsBoolean());
        }
        assertEquals(2, ods.dataRequests.size());
    }

    @Test
    void readTimeoutIsConfigurableAndRetried() {
        ods.respond(json(200, "{\"slow\":true}").setHeadersDelay(1, java.util.concurrent.TimeUnit.SECONDS),
                json(200, "{\"slow\":false}"));
        try (EdFiClient client = ods.client().readTimeout(Duration.ofMillis(200)).build()) {
            assertFalse(client.documents().get("students", "x").get("slow").getAsBoolean());
        }
        assertEquals(2, ods.dataRequests.size());
    }

    @Test
    void connectionRefusedIsRetriedThenAConnectionException() throws Exception {
        MockWebServer dead = new MockWebServer();
        dead.start();
        String url = dead.url("/data/v3/").toString();
        dead.shutdown();
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        RetryPolicy three = FakeOds.fastRetries().toBuilder().maxAttempts(3).build();
        try (EdFiClient client = EdFiClient.builder().baseUrl(url).retryPolicy(three)
                .logger(log::add, HttpLogger.Level.BASIC).build()) {
            EdFiConnectionException e = assertThrows(EdFiConnectionException.class, client::root);
            assertTrue(e.getMessage().contains("Gave up after 3 attempt(s)"), e.getMessage());
        }
        assertEquals(3, log.stream().filter(l -> l.startsWith("<-- FAILED")).count());
    }

    @Test
    void retryAfterSecondsIsHonoured() throws Exception {
        List<Duration> waits = new ArrayList<>();
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "2"));
            server.enqueue(new MockResponse().setResponseCode(200));
            OkHttpClient http = new OkHttpClient.Builder().addInterceptor(
                    new RetryInterceptor(FakeOds.fastRetries().toBuilder().sleeper(waits::add).build())).build();
            try (Response r = http.newCall(new Request.Builder().url(server.url("/x")).build()).execute()) {
                assertEquals(200, r.code());
            }
        }
        assertEquals(List.of(Duration.ofSeconds(2)), waits);
    }

    @Test
    void retryAfterHttpDateIsHonoured() throws Exception {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(now.plusSeconds(3), ZoneOffset.UTC));
        List<Duration> waits = new ArrayList<>();
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", date));
            server.enqueue(new MockResponse().setResponseCode(200));
            OkHttpClient http = new OkHttpClient.Builder().addInterceptor(
                    new RetryInterceptor(FakeOds.fastRetries().toBuilder().sleeper(waits::add).clock(clock).build()))
                    .build();
            try (Response r = http.newCall(new Request.Builder().url(server.url("/x")).build()).execute()) {
                assertEquals(200, r.code());
            }
        }
        assertEquals(List.of(Duration.ofSeconds(3)), waits);
    }

    @Test
    void retryAfterBeyondTheBudgetGivesUpAtOnceWithARateLimitException() {
        ods.respond(json(429, "{}").setHeader("Retry-After", "120"), json(200, "{}"));
        try (EdFiClient client = ods.client().build()) {
            RateLimitException e = assertThrows(RateLimitException.class, () -> client.documents().get("students", "x"));
            assertEquals(Duration.ofSeconds(120), e.retryAfter().orElseThrow());
        }
        assertEquals(1, ods.dataRequests.size());
    }

    @Test
    void retryAfterIsWaitedThroughTheClient() {
        ods.respond(json(429, "{}").setHeader("Retry-After", "1"), json(200, "{}"));
        FakeTime time = new FakeTime();
        try (EdFiClient client = ods.client().retryPolicy(time.policy(RetryPolicy.defaults()).build()).build()) {
            client.documents().get("students", "x");
        }
        assertEquals(List.of(Duration.ofSeconds(1)), time.waits, "waited the second the server asked for");
        assertEquals(2, ods.dataRequests.size());
    }

    @Test
    void aCancelledCallIsNotSentAgain() throws Exception {
        List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
            server.enqueue(new MockResponse().setResponseCode(200));
            OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).addInterceptor(
                    new RetryInterceptor(FakeOds.fastRetries().toBuilder().sleeper(waits::add).build())).build();
            Call call = http.newCall(new Request.Builder().url(server.url("/x")).build());
            CompletableFuture<IOException> outcome = CompletableFuture.supplyAsync(() -> {
                try (Response r = call.execute()) {
                    return null;
                } catch (IOException e) {
                    return e;
                }
            });
            assertNotNull(server.takeRequest(10, TimeUnit.SECONDS));
            call.cancel();
            IOException e = outcome.get(10, TimeUnit.SECONDS);
            assertNotNull(e, "the cancelled call fails");
            assertEquals(List.of(), waits, "no retry was prepared: " + e);
            assertEquals(1, server.getRequestCount());
        }
    }

    @Test
    void aOneShotBodyIsNeverSentAgain() throws Exception {
        RequestBody oneShot = new RequestBody() {
            @Override
            public MediaType contentType() {
                return MediaType.get("application/json");
            }

            @Override
            public boolean isOneShot() {
                return true;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.writeUtf8("{}");
            }
        };
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setResponseCode(503));
            server.enqueue(new MockResponse().setResponseCode(201));
            OkHttpClient http = new OkHttpClient.Builder().addInterceptor(
                    new RetryInterceptor(FakeOds.fastRetries())).build();
            try (Response r = http.newCall(new Request.Builder().url(server.url("/x")).post(oneShot).build()).execute()) {
                assertEquals(503, r.code(), "the answer of the one attempt");
            }
            assertEquals(1, server.getRequestCount());
        }
    }

    @Test
    void earlierFailuresAreKeptAsSuppressedExceptions() throws Exception {
        MockWebServer dead = new MockWebServer();
        dead.start();
        okhttp3.HttpUrl url = dead.url("/x");
        dead.shutdown();
        OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).addInterceptor(
                new RetryInterceptor(FakeOds.fastRetries().toBuilder().maxAttempts(3).build())).build();
        IOException e = assertThrows(IOException.class, () -> http.newCall(new Request.Builder().url(url).build()).execute());
        assertTrue(e.getMessage().startsWith("Gave up after 3 attempt(s)"), e.getMessage());
        assertNotNull(e.getCause(), "the last failure is the cause");
        assertEquals(2, e.getSuppressed().length, "the first two attempts' failures");
    }

    @Test
    void requestOptionsReachTheTypedGeneratedApisThroughAView() throws Exception {
        ods.respond(json(503, "{}"), json(200, "[]"), json(200, "[]"));
        try (EdFiClient client = ods.client().build()) {
            EdFiClient traced = client.withOptions(RequestOptions.builder().correlationId("trace-7").retry(false).build());
            ServerException e = assertThrows(ServerException.class,
                    () -> traced.call(() -> traced.ds5().students().getStudents().execute()));
            assertEquals(503, e.status());
            assertEquals(1, ods.dataRequests.size(), "retry(false) held for the generated API");
            assertEquals("trace-7", ods.dataRequests.get(0).getHeader("correlation-id"));

            traced.call(() -> traced.ds5().students().getStudents().execute());
            assertEquals("trace-7", ods.dataRequests.get(1).getHeader("correlation-id"));
            // The client the view came from is unchanged: no global or thread state.
            client.call(() -> client.ds5().students().getStudents().execute());
            assertEquals(null, ods.dataRequests.get(2).getHeader("correlation-id"));
            // Options of one call win over the view's.
            ods.respond(json(200, "{}"));
            traced.documents().get("students", "x", RequestOptions.builder().correlationId("call-1").build());
            assertEquals("call-1", ods.dataRequests.get(3).getHeader("correlation-id"));
        }
    }

    @Test
    void backoffGrowsExponentiallyWithinJitterBoundsAndIsCapped() {
        RetryPolicy p = RetryPolicy.builder().baseDelay(Duration.ofMillis(100)).maxDelay(Duration.ofMillis(1000)).build();
        for (int i = 0; i < 50; i++) {
            assertBetween(p.backoff(1), 50, 100);
            assertBetween(p.backoff(2), 100, 200);
            assertBetween(p.backoff(3), 200, 400);
            assertBetween(p.backoff(10), 500, 1000);
        }
        long distinct = java.util.stream.IntStream.range(0, 20).mapToObj(i -> p.backoff(3)).distinct().count();
        assertTrue(distinct > 1, "jittered");
    }

    private static void assertBetween(Duration d, long minMs, long maxMs) {
        assertTrue(d.toMillis() >= minMs && d.toMillis() <= maxMs, d + " not in [" + minMs + ", " + maxMs + "] ms");
    }
}
