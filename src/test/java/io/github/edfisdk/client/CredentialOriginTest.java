package io.github.edfisdk.client;

import static io.github.edfisdk.client.FakeOds.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Credentials and tokens go only to the origin of the base URL (or to a token URL the user named): two loopback
 * servers on different ports are different origins; the "other" one plays an attacker and must receive nothing.
 */
class CredentialOriginTest {
    private FakeOds other;
    private MockWebServer base;
    private volatile MockResponse rootAnswer;

    @BeforeEach
    void start() throws Exception {
        other = new FakeOds();
        base = new MockWebServer();
        base.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return rootAnswer;
            }
        });
        base.start();
        assertNotEquals(base.getPort(), other.server.getPort());
    }

    @AfterEach
    void stop() throws Exception {
        other.close();
        base.shutdown();
    }

    private EdFiClient client() {
        return EdFiClient.builder().baseUrl(base.url("/").toString()).credentials(FakeOds.KEY, FakeOds.SECRET)
                .retryPolicy(RetryPolicy.none()).build();
    }

    private String rootNaming(String oauth, String data) {
        return "{\"version\":\"7.2\",\"dataModels\":[{\"name\":\"Ed-Fi\",\"version\":\"5.1.0\"}],"
                + "\"urls\":{\"oauth\":\"" + oauth + "\",\"dataManagementApi\":\"" + data + "\"}}";
    }

    @Test
    void aRedirectOfTheRootDocumentIsNotFollowed() {
        rootAnswer = new MockResponse().setResponseCode(302).setHeader("Location", other.rootUrl());
        other.respond(json(200, "{\"id\":\"x\"}"));
        try (EdFiClient client = client()) {
            EdFiException e = assertThrows(EdFiException.class, () -> client.documents().get("/ed-fi/students", "x"));
            assertTrue(e.getMessage().contains("302") && e.getMessage().contains("redirect"), e.getMessage());
        }
        assertEquals(0, other.server.getRequestCount(), "the other host got no request, no credentials");
    }

    @Test
    void aRootDocumentNamingAnotherOriginForTheTokenIsRefused() {
        rootAnswer = json(200, rootNaming(other.rootUrl() + "oauth/token", base.url("/data/v3/").toString()));
        try (EdFiClient client = client()) {
            EdFiException e = assertThrows(EdFiException.class, () -> client.documents().get("/ed-fi/students", "x"));
            assertTrue(e.getMessage().contains("tokenUrl("), e.getMessage());
        }
        assertEquals(0, other.server.getRequestCount());
    }

    @Test
    void aTokenUrlTheUserNamesMayBeOfAnotherOrigin() {
        rootAnswer = json(200, rootNaming(other.rootUrl() + "oauth/token", base.url("/data/v3/").toString()));
        try (EdFiClient client = EdFiClient.builder().baseUrl(base.url("/").toString())
                .credentials(FakeOds.KEY, FakeOds.SECRET).tokenUrl(other.rootUrl() + "oauth/token")
                .retryPolicy(RetryPolicy.none()).build()) {
            rootAnswer = json(200, rootNaming(other.rootUrl() + "oauth/token", base.url("/data/v3/").toString()));
            base.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return request.getPath().equals("/") ? rootAnswer : json(200, "{\"id\":\"x\"}");
                }
            });
            assertEquals("x", client.documents().get("/ed-fi/students", "x").get("id").getAsString());
        }
        assertEquals(1, other.tokenRequests.size());
    }

    @Test
    void aRootDocumentNamingAnotherOriginForDataIsRefused() {
        rootAnswer = json(200, rootNaming(base.url("/oauth/token").toString(), other.rootUrl() + "data/v3/"));
        try (EdFiClient client = client()) {
            EdFiException e = assertThrows(EdFiException.class, () -> client.documents().get("/ed-fi/students", "x"));
            assertTrue(e.getMessage().contains("data URL"), e.getMessage());
        }
        assertEquals(0, other.server.getRequestCount());
    }

    @Test
    void aRedirectOfADataRequestIsNotFollowed() throws Exception {
        try (FakeOds ods = new FakeOds()) {
            ods.respond(new MockResponse().setResponseCode(302).setHeader("Location", other.rootUrl() + "data/v3/x"));
            other.respond(json(200, "[{\"id\":\"forged\"}]"));
            try (EdFiClient client = ods.client().retryPolicy(RetryPolicy.none()).build()) {
                EdFiException e = assertThrows(EdFiException.class,
                        () -> client.documents().query("/ed-fi/students", java.util.Map.of()).stream().count());
                assertTrue(e.getMessage().contains("redirect"), e.getMessage());
            }
        }
        assertEquals(0, other.server.getRequestCount());
    }
}
