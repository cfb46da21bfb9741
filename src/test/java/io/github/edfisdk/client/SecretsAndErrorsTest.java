package io.github.edfisdk.client;

import static io.github.edfisdk.client.FakeOds.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsAndErrorsTest {

    @Test
    void configurationObjectsNeverShowKeyOrSecret() throws Exception {
        try (FakeOds ods = new FakeOds()) {
            EdFiClient.Builder builder = ods.client();
            try (EdFiClient client = builder.build()) {
                for (String text : List.of(builder.toString(), client.toString(),
                        new ClientCredentials(FakeOds.KEY, FakeOds.SECRET).toString())) {
                    assertFalse(text.contains(FakeOds.SECRET), text);
                    assertFalse(text.contains(FakeOds.KEY), text);
                    assertTrue(text.contains("****"), text);
                }
            }
        }
    }

    @Test
    void headerLogsRedactCredentialsAndTokens() throws Exception {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        try (FakeOds ods = new FakeOds()) {
            ods.respond(FakeOds.problem(401, "{\"status\":401}"), json(200, "{}"));
            try (EdFiClient client = ods.client().logger(log::add, HttpLogger.Level.HEADERS).build()) {
                client.documents().get("students", "x");
            }
        }
        String all = String.join("\n", log);
        String basic = Base64.getEncoder().encodeToString((FakeOds.KEY + ":" + FakeOds.SECRET).getBytes(StandardCharsets.UTF_8));
        assertFalse(all.contains(FakeOds.SECRET), all);
        assertFalse(all.contains(FakeOds.KEY), all);
        assertFalse(all.contains(basic), all);
        assertFalse(all.contains("token-1"), all);
        assertFalse(all.contains("token-2"), all);
        assertTrue(all.contains("Authorization: ██"), all);
        assertTrue(all.contains("--> POST " ) && all.contains("/oauth/token"), all);
        assertTrue(all.contains("<-- 401 GET"), all);
        assertTrue(all.contains("<-- 200 GET"), all);
    }

    @Test
    void basicLevelLogsOneLinePerRequestAndResponseAndNoneLogsNothing() throws Exception {
        List<String> basic = new ArrayList<>();
        List<String> none = new ArrayList<>();
        try (FakeOds ods = new FakeOds()) {
            ods.dataHandler = r -> json(200, "{}");
            try (EdFiClient client = ods.client().logger(basic::add, HttpLogger.Level.BASIC).build()) {
                client.documents().get("students", "x");
            }
            try (EdFiClient client = ods.client().logger(none::add, HttpLogger.Level.NONE).build()) {
                client.documents().get("students", "x");
            }
        }
        assertEquals(6, basic.size(), String.join("\n", basic)); // root, token, data: each request and response
        assertTrue(none.isEmpty());
    }

    @Test
    void problemDetailsAreParsedFromTheEdFiValidationBody() {
        ProblemDetails p = ProblemDetails.parse("{\"detail\":\"Data validation failed. See 'validationErrors' for details.\","
                + "\"type\":\"urn:ed-fi:api:bad-request:data-validation-failed\",\"title\":\"Data Validation Failed\",\"status\":400,"
                + "\"correlationId\":\"c-9\",\"validationErrors\":{\"$.lastSurname\":[\"LastSurname is required.\"],"
                + "\"$.birthDate\":[\"BirthDate is required.\",\"x\"]}}");
        assertEquals("urn:ed-fi:api:bad-request:data-validation-failed", p.type());
        assertEquals("Data Validation Failed", p.title());
        assertEquals(400, p.status());
        assertEquals("c-9", p.correlationId());
        assertEquals(Map.of("$.lastSurname", List.of("LastSurname is required."),
                "$.birthDate", List.of("BirthDate is required.", "x")), p.validationErrors());
        assertTrue(p.errors().isEmpty());
    }

    @Test
    void nonProblemBodiesAreKeptAsDetail() {
        assertEquals("<html>Bad Gateway</html>", ProblemDetails.parse("<html>Bad Gateway</html>").detail());
        assertEquals("invalid_client", ProblemDetails.parse("{\"error\":\"invalid_client\"}").detail());
        // ODS/API 6.1 (Data Standard 4.0) error bodies
        assertEquals("Validation of 'Student' failed.\n\tLastSurname is required.",
                ProblemDetails.parse("{\"message\":\"Validation of 'Student' failed.\\n\\tLastSurname is required.\\n\"}").detail());
        assertNull(ProblemDetails.parse("").detail());
        assertTrue(ProblemDetails.parse("x".repeat(5000)).detail().length() < 600);
    }

    @Test
    void statusesMapToTheExceptionHierarchy() {
        Map<Integer, Class<? extends EdFiApiException>> expected = Map.of(400, ValidationException.class,
                401, AuthenticationException.class, 403, AuthorizationException.class, 404, NotFoundException.class,
                409, ConflictException.class, 412, PreconditionFailedException.class, 429, RateLimitException.class,
                500, ServerException.class, 503, ServerException.class, 405, EdFiApiException.class);
        expected.forEach((status, type) -> {
            EdFiApiException e = EdFiApiException.of(status, "{\"title\":\"T\"}", "GET http://h/x", null, null);
            assertEquals(type, e.getClass(), "status " + status);
            assertEquals(status, e.status());
        });
    }

    @Test
    void conflictCarriesTheServerExplanation() throws Exception {
        try (FakeOds ods = new FakeOds()) {
            ods.respond(FakeOds.problem(409, "{\"detail\":\"The referenced 'LocalEducationAgency' item does not exist.\","
                    + "\"type\":\"urn:ed-fi:api:data-conflict:unresolved-reference\",\"title\":\"Unresolved Reference\",\"status\":409}"));
            try (EdFiClient client = ods.client().build()) {
                ConflictException e = assertThrows(ConflictException.class,
                        () -> client.documents().post("schools", new com.google.gson.JsonObject()));
                assertTrue(e.getMessage().contains("The referenced 'LocalEducationAgency' item does not exist."));
                assertEquals("urn:ed-fi:api:data-conflict:unresolved-reference", e.problem().type());
            }
        }
    }

    @Test
    void generatedApiExceptionsConvert() {
        var withStatus = new io.github.edfisdk.ds4.resources.invoker.ApiException(404, Map.of(), "{\"detail\":\"gone\"}");
        EdFiException e = EdFiException.from(withStatus);
        assertInstanceOf(NotFoundException.class, e);
        assertEquals("gone", ((NotFoundException) e).problem().detail());
        var io = new io.github.edfisdk.ds5.descriptors.invoker.ApiException(new java.net.ConnectException("Connection refused"));
        assertInstanceOf(EdFiConnectionException.class, EdFiException.from(io));
    }
}
