package io.github.edfisdk.client;

import static io.github.edfisdk.client.FakeOds.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.github.edfisdk.ds5.resources.api.StudentEducationOrganizationAssociationsApi;
import io.github.edfisdk.ds5.resources.api.StudentsApi;
import io.github.edfisdk.ds5.resources.invoker.ApiResponse;
import io.github.edfisdk.ds5.resources.model.EdFiStudent;
import io.github.edfisdk.ds5.resources.model.EdFiStudentEducationOrganizationAssociation;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GeneratedApisTest {
    private static final String SEOA = "{\"id\":\"0a1b2c3d4e5f60718293a4b5c6d7e8f9\","
            + "\"educationOrganizationReference\":{\"educationOrganizationId\":25590100100,"
            + "\"link\":{\"rel\":\"School\",\"href\":\"/ed-fi/schools/abc\"}},"
            + "\"studentReference\":{\"studentUniqueId\":\"604822\"},"
            + "\"sexDescriptor\":\"uri://ed-fi.org/SexDescriptor#Female\","
            + "\"_ext\":{\"sample\":{\"petPreference\":{\"minimumWeight\":12345678901234}}},"
            + "\"futureField\":[1,2.50,\"x\",{\"deep\":true}],"
            + "\"_etag\":\"5250549080152795943\",\"_lastModifiedDate\":\"2026-01-01T00:00:00Z\"}";

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
    void ds5AccessorsShareTheAuthenticatedClient() {
        ods.respond(json(200, "[{\"studentUniqueId\":\"604822\",\"firstName\":\"Lisa\",\"lastSurname\":\"Woods\",\"birthDate\":\"2010-01-13\"}]"));
        try (EdFiClient client = ods.client().build()) {
            StudentsApi students = client.ds5().students();
            List<EdFiStudent> page = students.getStudents().limit(25).execute(); // no wrapper, no checked exception
            assertEquals("Lisa", page.get(0).getFirstName());
            assertEquals(client.httpClient(), client.ds5().apiClient().getHttpClient());
            assertEquals(ods.server.url("/data/v3").toString(), client.ds5().apiClient().getBasePath());
        }
        RecordedRequest get = ods.dataRequests.get(0);
        assertEquals("/data/v3/ed-fi/students?limit=25", get.getPath());
        assertEquals("Bearer token-1", get.getHeader("Authorization"));
    }

    @Test
    void descriptorApisAreReachableToo() {
        ods.respond(json(200, "[{\"codeValue\":\"Ninth grade\",\"namespace\":\"uri://ed-fi.org/GradeLevelDescriptor\",\"shortDescription\":\"Ninth grade\"}]"));
        try (EdFiClient client = ods.client().build()) {
            var values = client.ds5Descriptors().gradeLevelDescriptors().getGradeLevelDescriptors().execute();
            assertEquals("Ninth grade", values.get(0).getCodeValue());
        }
        assertEquals("/data/v3/ed-fi/gradeLevelDescriptors", ods.dataRequests.get(0).getPath());
    }

    @Test
    void largeEducationOrganizationIdRoundTripsThroughTheDs5Model() throws Exception {
        ods.respond(json(200, SEOA), new MockResponse().setResponseCode(200)
                .setHeader("Location", "/data/v3/ed-fi/studentEducationOrganizationAssociations/0a1b2c3d4e5f60718293a4b5c6d7e8f9")
                .setHeader("ETag", "\"7\""));
        try (EdFiClient client = ods.client().build()) {
            StudentEducationOrganizationAssociationsApi api = client.ds5().studentEducationOrganizationAssociations();
            EdFiStudentEducationOrganizationAssociation seoa =
                    api.getStudentEducationOrganizationAssociationsById("x").execute();
            assertEquals(25590100100L, seoa.getEducationOrganizationReference().getEducationOrganizationId());
            EdFiStudentEducationOrganizationAssociation clean = ServerFields.strip(seoa);
            ApiResponse<Void> r = api.postStudentEducationOrganizationAssociation(clean).executeWithHttpInfo();
            WriteResult w = WriteResult.of(r.getStatusCode(), r.getHeaders());
            assertEquals(new WriteResult(200, "0a1b2c3d4e5f60718293a4b5c6d7e8f9", "\"7\"", false), w);
        }
        String posted = ods.dataRequests.get(1).getBody().readUtf8();
        assertTrue(posted.contains("\"educationOrganizationId\":25590100100"), posted);
        assertFalse(posted.contains("\"id\""), posted);
        assertFalse(posted.contains("_etag"), posted);
        assertFalse(posted.contains("link"), posted);
    }

    @Test
    void unknownFieldsAreKeptAndReserialisedUnchanged() {
        var gson = io.github.edfisdk.ds5.resources.invoker.JSON.getGson();
        EdFiStudentEducationOrganizationAssociation seoa = gson.fromJson(SEOA, EdFiStudentEducationOrganizationAssociation.class);
        JsonElement again = JsonParser.parseString(gson.toJson(seoa));
        JsonElement original = JsonParser.parseString(SEOA);
        assertEquals(original.getAsJsonObject().get("_ext"), again.getAsJsonObject().get("_ext"));
        assertEquals(original.getAsJsonObject().get("futureField"), again.getAsJsonObject().get("futureField"));
        assertTrue(gson.toJson(seoa).contains("12345678901234"), "large numbers in unknown fields keep their digits");
    }

    @Test
    void ds4Int32FieldGivenALargeIdFailsLoudlyInsteadOfTruncating() {
        ods.respond(json(200, SEOA));
        try (EdFiClient client = ods.client().dataStandard(io.github.edfisdk.model.DataStandard.DS4).build()) {
            var api = client.ds4().studentEducationOrganizationAssociations();
            EdFiException e = assertThrows(EdFiException.class,
                    () -> api.getStudentEducationOrganizationAssociationsById("x").execute());
            String chain = messages(e);
            assertTrue(chain.contains("25590100100"), chain);
        }
    }

    @Test
    void generatedApiErrorsBecomeTypedExceptionsWithProblemDetails() {
        ods.respond(FakeOds.problem(400, "{\"detail\":\"Data validation failed. See 'validationErrors' for details.\","
                + "\"type\":\"urn:ed-fi:api:bad-request:data-validation-failed\",\"title\":\"Data Validation Failed\","
                + "\"status\":400,\"correlationId\":\"abc-123\",\"validationErrors\":{\"$.lastSurname\":[\"LastSurname is required.\"]}}"));
        try (EdFiClient client = ods.client().build()) {
            // The generated call itself throws the typed, unchecked exception: no client.run(...) around it.
            ValidationException e = assertThrows(ValidationException.class,
                    () -> client.ds5().students().postStudent(new EdFiStudent().firstName("Lisa")).execute());
            assertEquals(List.of("LastSurname is required."), e.problem().validationErrors().get("$.lastSurname"));
            assertEquals("abc-123", e.problem().correlationId());
            assertTrue(e.getMessage().contains("$.lastSurname: LastSurname is required."), e.getMessage());
            assertTrue(e.getMessage().startsWith("POST " + ods.server.url("/data/v3/ed-fi/students")), e.getMessage());
            assertEquals(400, e.status());
        }
    }

    @Test
    void everyGeneratedStatusAndConnectionFailureIsTyped() {
        ods.respond(FakeOds.problem(404, "{\"detail\":\"The specified item could not be found.\",\"status\":404}"),
                FakeOds.problem(409, "{\"detail\":\"conflict\",\"status\":409}"),
                FakeOds.problem(412, "{\"detail\":\"stale\",\"status\":412}"));
        try (EdFiClient client = ods.client().retryPolicy(RetryPolicy.none()).build()) {
            StudentsApi students = client.ds5().students();
            assertThrows(NotFoundException.class, () -> students.getStudentsById("0123").execute());
            assertThrows(ConflictException.class, () -> students.deleteStudentById("0123").execute());
            PreconditionFailedException stale = assertThrows(PreconditionFailedException.class,
                    () -> students.putStudent("0123", new EdFiStudent().studentUniqueId("1")).ifMatch("\"1\"").execute());
            assertEquals("stale", stale.problem().detail());
        }
        try (EdFiClient client = EdFiClient.builder().baseUrl("http://127.0.0.1:1/data/v3").dataStandard(
                io.github.edfisdk.model.DataStandard.DS5).retryPolicy(RetryPolicy.none()).build()) {
            assertThrows(EdFiConnectionException.class, () -> client.ds5().students().getStudents().execute());
        }
    }

    @Test
    @SuppressWarnings("deprecation")
    void theOldWrappersStillWork() {
        ods.respond(json(200, "[]"));
        try (EdFiClient client = ods.client().build()) {
            assertEquals(List.of(), client.call(() -> client.ds5().students().getStudents().execute()));
        }
    }

    @Test
    void paginatorWorksWithGeneratedApis() {
        ods.dataHandler = request -> {
            HttpUrl url = request.getRequestUrl();
            int offset = Integer.parseInt(url.queryParameter("offset"));
            StringBuilder body = new StringBuilder("[");
            for (int n = offset; n < Math.min(7, offset + 3); n++) {
                body.append(n == offset ? "" : ",").append("{\"studentUniqueId\":\"").append(n)
                        .append("\",\"firstName\":\"F\",\"lastSurname\":\"L\",\"birthDate\":\"2010-01-13\"}");
            }
            return json(200, body.append("]").toString());
        };
        try (EdFiClient client = ods.client().build()) {
            StudentsApi students = client.ds5().students();
            List<EdFiStudent> all = Paginator.of(3, (offset, limit) ->
                    students.getStudents().offset(offset).limit(limit).execute()).toList();
            assertEquals(7, all.size());
            assertEquals("6", all.get(6).getStudentUniqueId());
        }
        assertEquals(3, ods.dataRequests.size());
    }

    @Test
    void asksForTheDataStandardTheServerReports() {
        ods.dataModelVersion = "4.0.0";
        try (EdFiClient client = ods.client().build()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, client::ds5);
            assertTrue(e.getMessage().contains("client.ds4()"), e.getMessage());
            assertEquals(io.github.edfisdk.model.DataStandard.DS4, client.dataStandard());
            client.ds4(); // matches
        }
    }

    private static String messages(Throwable t) {
        StringBuilder s = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            s.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage()).append(" | ");
        }
        return s.toString();
    }
}
