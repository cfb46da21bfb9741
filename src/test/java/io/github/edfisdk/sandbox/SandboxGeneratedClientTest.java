package io.github.edfisdk.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.edfisdk.ds5.resources.api.StudentCTEProgramAssociationsApi;
import io.github.edfisdk.ds5.resources.api.StudentsApi;
import io.github.edfisdk.ds5.resources.invoker.ApiClient;
import io.github.edfisdk.ds5.resources.invoker.ApiException;
import io.github.edfisdk.ds5.resources.invoker.ApiResponse;
import io.github.edfisdk.ds5.resources.model.EdFiEducationOrganizationReference;
import io.github.edfisdk.ds5.resources.model.EdFiProgramReference;
import io.github.edfisdk.ds5.resources.model.EdFiStudent;
import io.github.edfisdk.ds5.resources.model.EdFiStudentCTEProgramAssociation;
import io.github.edfisdk.ds5.resources.model.EdFiStudentReference;
import java.time.LocalDate;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The generated DS 5.1 client against the sandbox: typed bodies in, typed bodies and problems out. */
class SandboxGeneratedClientTest {
    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.builder().seed(Seed.POPULATED).build();
    static ApiClient client;

    @BeforeAll
    static void client() {
        String token = new RawHttp(sandbox.get()).token;
        OkHttpClient ok = new OkHttpClient.Builder()
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .header("Authorization", "Bearer " + token).build()))
                .build();
        client = new ApiClient(ok).setBasePath(sandbox.get().dataUrl());
    }

    private static EdFiStudent student(String id, String lastSurname) {
        return new EdFiStudent().studentUniqueId(id).firstName("Gen").lastSurname(lastSurname)
                .birthDate(LocalDate.of(2009, 3, 14));
    }

    @Test
    void studentLifecycle() throws ApiException {
        StudentsApi students = new StudentsApi(client);
        ApiResponse<Void> created = students.postStudent(student("G-1", "One")).executeWithHttpInfo();
        assertEquals(201, created.getStatusCode());
        String location = created.getHeaders().get("location").get(0);
        String id = location.substring(location.lastIndexOf('/') + 1);

        List<EdFiStudent> found = students.getStudents().studentUniqueId("G-1").execute();
        assertEquals(1, found.size());
        EdFiStudent s = found.get(0);
        assertEquals(id, s.getId());
        assertEquals(LocalDate.of(2009, 3, 14), s.getBirthDate());
        assertNotNull(s.getEtag());

        EdFiStudent byId = students.getStudentsById(id).execute();
        assertEquals("One", byId.getLastSurname());
        assertTrue(byId.getAdditionalProperties() == null || !byId.getAdditionalProperties().containsKey("id"));

        ApiResponse<Void> put = students.putStudent(id, student("G-1", "Two")).ifMatch("\"" + byId.getEtag() + "\"")
                .executeWithHttpInfo();
        assertEquals(204, put.getStatusCode());
        assertEquals("Two", students.getStudentsById(id).execute().getLastSurname());

        assertEquals(204, students.deleteStudentById(id).executeWithHttpInfo().getStatusCode());
        ApiException gone = assertThrows(ApiException.class, () -> students.getStudentsById(id).execute());
        assertEquals(404, gone.getCode());
    }

    @Test
    void validationProblemsReachTheClient() {
        StudentsApi students = new StudentsApi(client);
        ApiException e = assertThrows(ApiException.class,
                () -> students.postStudent(student("G-2", "x".repeat(80))).execute());
        assertEquals(400, e.getCode());
        JsonObject problem = JsonParser.parseString(e.getResponseBody()).getAsJsonObject();
        assertEquals("urn:ed-fi:api:bad-request:data-validation-failed", problem.get("type").getAsString());
        assertEquals("LastSurname must be at most 75 characters in length.",
                problem.getAsJsonObject("validationErrors").getAsJsonArray("$.lastSurname").get(0).getAsString());
    }

    @Test
    void cteProgramAssociationAgainstThePreloadedProgram() throws ApiException {
        new StudentsApi(client).postStudent(student("G-3", "Three")).execute();
        StudentCTEProgramAssociationsApi api = new StudentCTEProgramAssociationsApi(client);
        EdFiStudentCTEProgramAssociation body = new EdFiStudentCTEProgramAssociation()
                .beginDate(LocalDate.of(2024, 8, 23))
                .educationOrganizationReference(new EdFiEducationOrganizationReference().educationOrganizationId(255901044L))
                .programReference(new EdFiProgramReference().educationOrganizationId(255901L)
                        .programName("Career and Technical Education")
                        .programTypeDescriptor("uri://ed-fi.org/ProgramTypeDescriptor#Career and Technical Education"))
                .studentReference(new EdFiStudentReference().studentUniqueId("G-3"))
                .nonTraditionalGenderStatus(true);
        assertEquals(201, api.postStudentCTEProgramAssociation(body).executeWithHttpInfo().getStatusCode());
        assertEquals(200, api.postStudentCTEProgramAssociation(body.privateCTEProgram(false)).executeWithHttpInfo().getStatusCode());
        List<EdFiStudentCTEProgramAssociation> found = api.getStudentCTEProgramAssociations().studentUniqueId("G-3")
                .programName("Career and Technical Education").limit(25).execute();
        assertEquals(1, found.size());
        assertEquals(Boolean.FALSE, found.get(0).getPrivateCTEProgram());
        assertNotNull(found.get(0).getProgramReference().getLink());
        assertFalse(found.get(0).getProgramReference().getLink().getHref().isEmpty());

        ApiException e = assertThrows(ApiException.class, () -> api.postStudentCTEProgramAssociation(
                body.studentReference(new EdFiStudentReference().studentUniqueId("NOBODY"))).execute());
        assertEquals(409, e.getCode());
        assertTrue(e.getResponseBody().contains("urn:ed-fi:api:data-conflict:unresolved-reference"));
    }
}
