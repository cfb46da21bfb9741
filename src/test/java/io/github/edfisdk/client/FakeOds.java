package io.github.edfisdk.client;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A scripted ODS for the client's unit tests: the root document, a token endpoint that issues
 * {@code token-1}, {@code token-2}, ... and data responses taken from a queue (or a function).
 */
final class FakeOds implements AutoCloseable {
    static final String KEY = "sandbox-key-7f3a";
    static final String SECRET = "s3cr3t-Val-9x";

    final MockWebServer server = new MockWebServer();
    final AtomicInteger tokensIssued = new AtomicInteger();
    final List<RecordedRequest> tokenRequests = Collections.synchronizedList(new ArrayList<>());
    final List<RecordedRequest> dataRequests = Collections.synchronizedList(new ArrayList<>());
    final ConcurrentLinkedQueue<MockResponse> dataResponses = new ConcurrentLinkedQueue<>();
    volatile Function<RecordedRequest, MockResponse> dataHandler;
    volatile String dataModelVersion = "5.1.0";
    volatile long tokenLifetimeSeconds = 1800;
    volatile long tokenDelayMillis;
    volatile MockResponse tokenFailure;

    FakeOds() throws IOException {
        this(server -> { });
    }

    /** @param setUp applied to the server before it starts (e.g. {@code useHttps}) */
    FakeOds(java.util.function.Consumer<MockWebServer> setUp) throws IOException {
        setUp.accept(server);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getRequestUrl().encodedPath();
                if (path.equals("/")) {
                    return json(200, rootDocument());
                }
                if (path.equals("/oauth/token")) {
                    tokenRequests.add(request);
                    if (tokenFailure != null) {
                        return tokenFailure;
                    }
                    MockResponse r = json(200, "{\"access_token\":\"token-" + tokensIssued.incrementAndGet()
                            + "\",\"expires_in\":" + tokenLifetimeSeconds + ",\"token_type\":\"bearer\"}");
                    return tokenDelayMillis > 0 ? r.setHeadersDelay(tokenDelayMillis, TimeUnit.MILLISECONDS) : r;
                }
                dataRequests.add(request);
                Function<RecordedRequest, MockResponse> handler = dataHandler;
                if (handler != null) {
                    return handler.apply(request);
                }
                MockResponse next = dataResponses.poll();
                return next != null ? next : json(500, "{\"detail\":\"no scripted response for " + path + "\"}");
            }
        });
        server.start();
    }

    String rootDocument() {
        String base = server.url("/").toString();
        return "{\"version\":\"7.2\",\"applicationName\":\"Ed-Fi ODS / API\",\"dataModels\":[{\"name\":\"Ed-Fi\",\"version\":\""
                + dataModelVersion + "\"},{\"name\":\"TPDM\",\"version\":\"1.1.0\"}],\"urls\":{\"oauth\":\"" + base
                + "oauth/token\",\"dataManagementApi\":\"" + base + "data/v3/\"}}";
    }

    static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    static MockResponse problem(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/problem+json").setBody(body);
    }

    FakeOds respond(MockResponse... responses) {
        dataResponses.addAll(List.of(responses));
        return this;
    }

    String rootUrl() {
        return server.url("/").toString();
    }

    /** Fast retries so the suite runs in seconds. */
    static RetryPolicy fastRetries() {
        return RetryPolicy.builder().baseDelay(Duration.ofMillis(5)).maxDelay(Duration.ofMillis(20))
                .maxElapsed(Duration.ofSeconds(5)).build();
    }

    EdFiClient.Builder client() {
        return EdFiClient.builder().baseUrl(rootUrl()).credentials(KEY, SECRET).retryPolicy(fastRetries());
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
