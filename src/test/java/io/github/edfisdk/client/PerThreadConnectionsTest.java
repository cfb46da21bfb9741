package io.github.edfisdk.client;

import static io.github.edfisdk.client.FakeOds.json;
import static io.github.edfisdk.client.FakeOds.problem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code perThreadConnections(true)}: writes over one keep-alive connection per thread, below the SDK's interceptors.
 * MockWebServer numbers the requests of each connection from 0, which shows which connection carried a request.
 */
class PerThreadConnectionsTest {
    private static final byte[] STUDENT = "{\"studentUniqueId\":\"604822\",\"firstName\":\"Lisa\"}"
            .getBytes(StandardCharsets.UTF_8);

    private FakeOds ods;

    @BeforeEach
    void start() throws Exception {
        ods = new FakeOds();
    }

    @AfterEach
    void stop() throws Exception {
        ods.close();
    }

    private static MockResponse created(String id) {
        return new MockResponse().setResponseCode(201).setHeader("Location", "/data/v3/ed-fi/students/" + id)
                .setHeader("ETag", "\"5250549080152795943\"");
    }

    @Test
    void writesGoOverTheThreadsOwnConnectionWithTheSameRequestAsOkHttpSends() throws Exception {
        ods.respond(created("a1"), created("a2"), created("a3"));
        try (EdFiClient client = ods.client().perThreadConnections(true).build()) {
            List<WriteResult> results = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                results.add(client.documents().post("students", STUDENT, RequestOptions.none()));
            }
            assertEquals("a3", results.get(2).id());
            assertEquals("\"5250549080152795943\"", results.get(2).etag());
            assertTrue(results.get(0).created());
        }
        assertEquals(3, ods.dataRequests.size());
        for (int i = 0; i < 3; i++) {
            RecordedRequest r = ods.dataRequests.get(i);
            // 0, 1, 2: a connection of their own (the root and token requests used OkHttp's pool)
            assertEquals(i, r.getSequenceNumber());
            assertEquals("POST /data/v3/ed-fi/students HTTP/1.1", r.getRequestLine());
            assertEquals("Bearer token-1", r.getHeader("Authorization"));
            assertEquals("application/json; charset=utf-8", r.getHeader("Content-Type"));
            assertEquals("application/json", r.getHeader("Accept"));
            assertEquals(ods.server.getHostName() + ":" + ods.server.getPort(), r.getHeader("Host"));
            assertEquals(String.valueOf(STUDENT.length), r.getHeader("Content-Length"));
            assertArrayEquals(STUDENT, r.getBody().readByteArray());
        }
    }

    @Test
    void eachThreadHasItsOwnConnection() throws Exception {
        ods.dataHandler = r -> created("x");
        try (EdFiClient client = ods.client().perThreadConnections(true).build()) {
            client.documents().post("students", STUDENT, RequestOptions.none());
            Thread other = new Thread(() -> client.documents().post("students", STUDENT, RequestOptions.none()));
            other.start();
            other.join();
            client.documents().post("students", STUDENT, RequestOptions.none());
        }
        assertEquals(List.of(0, 0, 1), ods.dataRequests.stream().map(RecordedRequest::getSequenceNumber).toList());
    }

    @Test
    void readsStillGoThroughOkHttp() throws Exception {
        ods.respond(created("a1"), json(200, "[{\"studentUniqueId\":\"604822\"}]"));
        try (EdFiClient client = ods.client().perThreadConnections(true).build()) {
            client.documents().post("students", STUDENT, RequestOptions.none());
            assertEquals(1, client.documents().query("students", java.util.Map.of()).stream().count());
        }
        // the GET continued the pooled connection of the root and token requests
        assertEquals(2, ods.dataRequests.get(1).getSequenceNumber());
    }

    @Test
    void typedErrorsFromAChunkedProblemBody() throws Exception {
        ods.respond(problem(400, "").setChunkedBody("{\"detail\":\"Data validation failed.\",\"type\":"
                + "\"urn:ed-fi:api:bad-request:data-validation-failed\",\"status\":400,"
                + "\"validationErrors\":{\"$.birthDate\":[\"birthDate is required.\"]}}", 7), created("ok"));
        try (EdFiClient client = ods.client().perThreadConnections(true).build()) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> client.documents().post("students", STUDENT, RequestOptions.none()));
            assertEquals("Data validation failed.", e.problem().detail());
            assertEquals(List.of("birthDate is required."), e.problem().validationErrors().get("$.birthDate"));
            // the connection is still good after a chunked body
            assertEquals("ok", client.documents().post("students", STUDENT, RequestOptions.none()).id());
        }
        assertEquals(1, ods.dataRequests.get(1).getSequenceNumber());
    }

    @Test
    void connectionCloseFromTheServerOpensANewConnection() throws Exception {
        ods.respond(created("a1").setHeader("Connection", "close"), created("a2"));
        try (EdFiClient client = ods.client().perThreadConnections(true).build()) {
            client.documents().post("students", STUDENT, RequestOptions.none());
            assertEquals("a2", client.documents().post("students", STUDENT, RequestOptions.none()).id());
        }
        assertEquals(List.of(0, 0), ods.dataRequests.stream().map(RecordedRequest::getSequenceNumber).toList());
    }

    @Test
    void anIdleConnectionTheServerClosedIsReopenedAndTheRequestSentOnce() throws Exception {
        ods.respond(created("a1").setSocketPolicy(SocketPolicy.DISCONNECT_AT_END), created("a2"));
        try (EdFiClient client = ods.client().perThreadConnections(true)
                .retryPolicy(RetryPolicy.builder().maxAttempts(1).build()).build()) {
            client.documents().post("students", STUDENT, RequestOptions.none());
            Thread.sleep(50); // the server's close reaches the client
            // no retry is allowed: only the silent re-send on a new connection can make this succeed
            assertEquals("a2", client.documents().post("students", STUDENT, RequestOptions.none()).id());
        }
        assertEquals(2, ods.dataRequests.size());
    }

    @Test
    void retriesAndTokenRenewalWorkAsForAnyRequest() throws Exception {
        ods.respond(problem(503, "{\"detail\":\"busy\"}"), problem(401, "{\"detail\":\"expired\"}"), created("a1"));
        try (EdFiClient client = ods.client().perThreadConnections(true).build()) {
            assertEquals("a1", client.documents().post("students", STUDENT, RequestOptions.none()).id());
        }
        assertEquals(3, ods.dataRequests.size());
        assertEquals("Bearer token-2", ods.dataRequests.get(2).getHeader("Authorization"));
    }

    @Test
    void aSilentServerIsAReadTimeoutNotAHang() throws Exception {
        ods.respond(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        try (EdFiClient client = ods.client().perThreadConnections(true).readTimeout(Duration.ofMillis(300))
                .retryPolicy(RetryPolicy.builder().maxAttempts(1).build()).build()) {
            long started = System.nanoTime();
            EdFiConnectionException e = assertThrows(EdFiConnectionException.class,
                    () -> client.documents().post("students", STUDENT, RequestOptions.none()));
            assertTrue(causes(e).stream().anyMatch(c -> c instanceof java.net.SocketTimeoutException), e.toString());
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(30));
        }
    }

    @Test
    void theCallTimeoutEndsABlockedReadLongBeforeTheReadTimeout() throws Exception {
        ods.respond(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        try (EdFiClient client = ods.client().perThreadConnections(true).readTimeout(Duration.ofSeconds(60))
                .callTimeout(Duration.ofMillis(500)).retryPolicy(RetryPolicy.builder().maxAttempts(1).build()).build()) {
            long started = System.nanoTime();
            assertThrows(CallTimeoutException.class,
                    () -> client.documents().post("students", STUDENT, RequestOptions.none()));
            long took = System.nanoTime() - started;
            // the watchdog looks every second at most (a quarter of the 10 s connect timeout is over that)
            assertTrue(took < TimeUnit.SECONDS.toNanos(5), "took " + took / 1_000_000 + " ms");
        }
    }

    @Test
    void largerAnswersThanTheLimitAreRefused() throws Exception {
        String big = "{\"detail\":\"" + "x".repeat(5_000) + "\"}";
        ods.respond(problem(400, big), problem(400, "").setChunkedBody(big, 512));
        try (EdFiClient client = ods.client().perThreadConnections(true).maxResponseBytes(1_000).build()) {
            assertThrows(ResponseTooLargeException.class,
                    () -> client.documents().post("students", STUDENT, RequestOptions.none()));
            assertThrows(ResponseTooLargeException.class,
                    () -> client.documents().post("students", STUDENT, RequestOptions.none()));
        }
    }

    @Test
    void httpsWithTheClientsTrustAndHostnameChecks() throws Exception {
        ods.close();
        HeldCertificate serverCert = new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
        HandshakeCertificates serverSide = new HandshakeCertificates.Builder().heldCertificate(serverCert).build();
        ods = new FakeOds(server -> server.useHttps(serverSide.sslSocketFactory(), false));
        ods.dataHandler = r -> created("tls");
        HandshakeCertificates trusting = new HandshakeCertificates.Builder()
                .addTrustedCertificate(serverCert.certificate()).build();
        OkHttpClient trustsTheServer = new OkHttpClient.Builder()
                .sslSocketFactory(trusting.sslSocketFactory(), trusting.trustManager()).build();
        try (EdFiClient client = ods.client().httpClient(trustsTheServer).perThreadConnections(true).build()) {
            assertEquals("tls", client.documents().post("students", STUDENT, RequestOptions.none()).id());
        }
        assertEquals(0, ods.dataRequests.get(0).getSequenceNumber());
        assertTrue(ods.dataRequests.get(0).getHandshake() != null, "sent over TLS");

    }

    @Test
    void aCertificateForAnotherNameIsRefusedByTheHostnameCheck() throws Exception {
        HeldCertificate otherName = new HeldCertificate.Builder().addSubjectAlternativeName("example.org").build();
        HandshakeCertificates serverSide = new HandshakeCertificates.Builder().heldCertificate(otherName).build();
        HandshakeCertificates trusting = new HandshakeCertificates.Builder()
                .addTrustedCertificate(otherName.certificate()).build();
        try (okhttp3.mockwebserver.MockWebServer server = new okhttp3.mockwebserver.MockWebServer()) {
            server.useHttps(serverSide.sslSocketFactory(), false);
            server.enqueue(created("never"));
            server.start();
            OkHttpClient settings = new OkHttpClient.Builder()
                    .sslSocketFactory(trusting.sslSocketFactory(), trusting.trustManager()).build();
            PerThreadConnections direct = new PerThreadConnections(settings, 1_000_000);
            OkHttpClient client = settings.newBuilder().addInterceptor(direct).build();
            okhttp3.Request post = new okhttp3.Request.Builder().url(server.url("/data/v3/ed-fi/students"))
                    .post(okhttp3.RequestBody.create(STUDENT, okhttp3.MediaType.get("application/json"))).build();
            javax.net.ssl.SSLPeerUnverifiedException e = assertThrows(javax.net.ssl.SSLPeerUnverifiedException.class,
                    () -> client.newCall(post).execute());
            assertTrue(e.getMessage().contains(server.getHostName()), e.getMessage());
            direct.close();
        }
    }

    private static List<Throwable> causes(Throwable t) {
        List<Throwable> all = new ArrayList<>();
        for (Throwable c = t; c != null && !all.contains(c); c = c.getCause()) {
            all.add(c);
        }
        return all;
    }
}
