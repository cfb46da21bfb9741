package io.github.edfisdk.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Root document, metadata, health and the OAuth token endpoint, over raw HTTP. */
class SandboxDiscoveryAndAuthTest {
    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.builder().credentials("test-key", "test-secret").build();

    private HttpResponse<String> get(String path) {
        RawHttp h = new RawHttp(sandbox.get());
        return h.send(HttpRequest.newBuilder(URI.create(sandbox.get().baseUrl() + path)).GET());
    }

    private HttpResponse<String> token(String contentType, String authorization, String body) {
        RawHttp h = new RawHttp(sandbox.get());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.get().tokenUrl()))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return h.send(b);
    }

    @Test
    void rootDocumentNamesTheDataModelAndUrls() {
        HttpResponse<String> r = get("/");
        assertEquals(200, r.statusCode());
        JsonObject root = RawHttp.json(r);
        assertEquals("7.2", root.get("version").getAsString());
        JsonObject dm = root.getAsJsonArray("dataModels").get(0).getAsJsonObject();
        assertEquals("Ed-Fi", dm.get("name").getAsString());
        assertEquals("5.1.0", dm.get("version").getAsString());
        String base = sandbox.get().baseUrl();
        JsonObject urls = root.getAsJsonObject("urls");
        assertEquals(base + "/metadata/data/v3/dependencies", urls.get("dependencies").getAsString());
        assertEquals(base + "/oauth/token", urls.get("oauth").getAsString());
        assertEquals(base + "/data/v3/", urls.get("dataManagementApi").getAsString());
        assertEquals(base + "/metadata/", urls.get("openApiMetadata").getAsString());
    }

    @Test
    void metadataListsAndServesTheSpecs() {
        JsonArray list = RawHttp.parse(get("/metadata")).getAsJsonArray();
        assertEquals(2, list.size());
        String resourcesUri = list.get(0).getAsJsonObject().get("endpointUri").getAsString();
        assertEquals(sandbox.get().baseUrl() + "/metadata/data/v3/resources/swagger.json", resourcesUri);
        HttpResponse<String> spec = get("/metadata/data/v3/resources/swagger.json");
        assertEquals(200, spec.statusCode());
        JsonObject s = RawHttp.json(spec);
        assertEquals(sandbox.get().baseUrl() + "/data/v3", s.getAsJsonArray("servers").get(0).getAsJsonObject().get("url").getAsString());
        assertTrue(s.getAsJsonObject("paths").has("/ed-fi/studentCTEProgramAssociations"));
        assertEquals(200, get("/metadata/data/v3/descriptors/swagger.json").statusCode());
    }

    @Test
    void dependenciesAreSortedByOrderThenName() {
        JsonArray deps = RawHttp.parse(get("/metadata/data/v3/dependencies")).getAsJsonArray();
        assertTrue(deps.size() > 100);
        int lastOrder = 0;
        String lastName = "";
        boolean studentCreate = false;
        boolean studentUpdate = false;
        for (var e : deps) {
            JsonObject d = e.getAsJsonObject();
            int order = d.get("order").getAsInt();
            String name = d.get("resource").getAsString();
            assertTrue(order > lastOrder || (order == lastOrder && name.compareTo(lastName) >= 0), name);
            lastOrder = order;
            lastName = name;
            if (name.equals("/ed-fi/students")) {
                studentCreate |= d.getAsJsonArray("operations").toString().equals("[\"Create\"]");
                studentUpdate |= d.getAsJsonArray("operations").toString().equals("[\"Update\"]");
            }
        }
        assertTrue(studentCreate && studentUpdate, "students appear with Create and again with Update");
    }

    @Test
    void health() {
        HttpResponse<String> r = get("/health");
        assertEquals(200, r.statusCode());
        assertEquals("Healthy", r.body());
    }

    @Test
    void tokenWithBasicCredentials() {
        HttpResponse<String> r = token("application/x-www-form-urlencoded", RawHttp.basic("test-key", "test-secret"),
                "grant_type=client_credentials");
        assertEquals(200, r.statusCode());
        JsonObject t = RawHttp.json(r);
        assertTrue(t.get("access_token").getAsString().matches("[0-9a-f]{32}"));
        assertEquals(1800, t.get("expires_in").getAsInt());
        assertEquals("bearer", t.get("token_type").getAsString());
        assertFalse(t.has("scope"));
    }

    @Test
    void tokenWithBodyCredentialsAndScope() {
        HttpResponse<String> r = token("application/x-www-form-urlencoded", null,
                "grant_type=client_credentials&client_id=test-key&client_secret=test-secret&scope=255901");
        assertEquals(200, r.statusCode());
        assertEquals("255901", RawHttp.json(r).get("scope").getAsString());
    }

    @Test
    void tokenErrors() {
        String form = "application/x-www-form-urlencoded";
        assertTokenError(token(form, RawHttp.basic("test-key", "wrong"), "grant_type=client_credentials"), 401, "invalid_client");
        assertTokenError(token(form, null, "grant_type=client_credentials"), 401, "invalid_request");
        assertTokenError(token(form, RawHttp.basic("test-key", "test-secret"), "grant_type=password"), 400,
                "unsupported_grant_type");
        assertTokenError(token(form, RawHttp.basic("test-key", "test-secret"), "grant_type=client_credentials&scope=abc"),
                400, "invalid_scope");
        assertTokenError(token(form, RawHttp.basic("test-key", "test-secret"),
                "grant_type=client_credentials&client_id=test-key&client_secret=test-secret"), 400, "invalid_client");
        assertEquals(415, token(null, RawHttp.basic("test-key", "test-secret"), "grant_type=client_credentials").statusCode());
    }

    private static void assertTokenError(HttpResponse<String> r, int status, String error) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals(error, RawHttp.json(r).get("error").getAsString());
    }

    @Test
    void dataCallsWithoutValidTokenAre401ProblemsWithCorrelationId() {
        RawHttp h = new RawHttp(sandbox.get());
        HttpResponse<String> r = h.send(HttpRequest.newBuilder(URI.create(sandbox.get().dataUrl() + "/ed-fi/schools"))
                .header("Authorization", "Bearer 0123456789abcdef0123456789abcdef").header("correlation-id", "abc-123").GET());
        assertEquals(401, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonObject p = RawHttp.json(r);
        assertEquals("urn:ed-fi:api:security:authentication", p.get("type").getAsString());
        assertEquals("Authentication Failed", p.get("title").getAsString());
        assertEquals("The caller could not be authenticated.", p.get("detail").getAsString());
        assertEquals(401, p.get("status").getAsInt());
        assertEquals("abc-123", p.get("correlationId").getAsString());
        assertEquals("[\"Invalid token\"]", p.getAsJsonArray("errors").toString());
        assertEquals(401, h.send(HttpRequest.newBuilder(URI.create(sandbox.get().dataUrl() + "/ed-fi/schools")).GET()).statusCode());
    }

    @Test
    void tokensExpire() throws Exception {
        TestClock clock = new TestClock();
        try (EdFiSandbox shortLived = EdFiSandbox.builder().seed(Seed.EMPTY).tokenLifetime(Duration.ofMinutes(30))
                .clock(clock).start()) {
            RawHttp h = new RawHttp(shortLived);
            assertEquals(200, h.get("/ed-fi/schools").statusCode());
            clock.advance(Duration.ofMinutes(29));
            assertEquals(200, h.get("/ed-fi/schools").statusCode(), "still valid a minute before expiry");
            clock.advance(Duration.ofMinutes(1));
            HttpResponse<String> r = h.get("/ed-fi/schools");
            assertEquals(401, r.statusCode());
            assertEquals("urn:ed-fi:api:security:authentication", RawHttp.json(r).get("type").getAsString());
        }
    }

    @Test
    void tokenWithJsonBody() {
        HttpResponse<String> r = token("application/json", null,
                "{\"grant_type\":\"client_credentials\",\"client_id\":\"test-key\",\"client_secret\":\"test-secret\"}");
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void expireAllTokensInvalidatesIssuedTokens() {
        try (EdFiSandbox sb = EdFiSandbox.builder().seed(Seed.EMPTY).start()) {
            RawHttp h = new RawHttp(sb);
            assertEquals(200, h.get("/ed-fi/students").statusCode());
            sb.expireAllTokens();
            assertEquals(401, h.get("/ed-fi/students").statusCode());
            assertEquals(200, new RawHttp(sb).get("/ed-fi/students").statusCode(), "a new token works");
        }
    }

    @Test
    void generatedCredentialsAreReportedAsGenerated() {
        try (EdFiSandbox sb = EdFiSandbox.builder().seed(Seed.EMPTY).start()) {
            assertTrue(sb.credentialsGenerated());
            assertNotNull(sb.secret());
            assertEquals(200, new RawHttp(sb).get("/ed-fi/schools").statusCode());
        }
        assertFalse(sandbox.get().credentialsGenerated());
    }
}
