package io.github.edfisdk.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** POST upsert, PUT, DELETE and their conflicts, over raw HTTP against a populated DS 5.1 sandbox. */
class SandboxWriteTest {
    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.builder().seed(Seed.POPULATED).build();
    static RawHttp http;

    @BeforeAll
    static void token() {
        http = new RawHttp(sandbox.get());
    }

    static String student(String id, String lastSurname) {
        return "{\"studentUniqueId\":\"" + id + "\",\"firstName\":\"Ana\",\"lastSurname\":\"" + lastSurname
                + "\",\"birthDate\":\"2010-05-04\"}";
    }

    static String enrollment(String studentId, long schoolId, String entryDate) {
        return "{\"studentReference\":{\"studentUniqueId\":\"" + studentId + "\"},\"schoolReference\":{\"schoolId\":"
                + schoolId + "},\"entryDate\":\"" + entryDate + "\",\"entryGradeLevelDescriptor\":"
                + "\"uri://ed-fi.org/GradeLevelDescriptor#Ninth grade\"}";
    }

    static JsonObject problem(HttpResponse<String> r, int status, String type) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonObject p = RawHttp.json(r);
        assertEquals(type, p.get("type").getAsString(), r.body());
        assertEquals(status, p.get("status").getAsInt());
        assertTrue(p.has("correlationId"));
        return p;
    }

    @Test
    void postCreatesThenUpdatesByNaturalKey() {
        HttpResponse<String> created = http.post("/ed-fi/students", student("W-1", "Alvarez"));
        assertEquals(201, created.statusCode());
        assertEquals("", created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        assertTrue(location.matches(sandbox.get().baseUrl() + "/data/v3/ed-fi/students/[0-9a-f]{32}"), location);
        String etag1 = created.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag1.matches("\"\\d+\""), etag1);

        // Same natural key (ids compare ignoring case): 200, same id, new etag, whole document replaced.
        HttpResponse<String> updated = http.post("/ed-fi/students", student("w-1", "Baker"));
        assertEquals(200, updated.statusCode());
        assertEquals(location, updated.headers().firstValue("Location").orElseThrow());
        assertNotEquals(etag1, updated.headers().firstValue("ETag").orElseThrow());
        JsonObject item = RawHttp.json(http.get("/ed-fi/students/" + RawHttp.id(created)));
        assertEquals("Baker", item.get("lastSurname").getAsString());
        assertEquals("W-1", item.get("studentUniqueId").getAsString(), "the stored key keeps its first spelling");
    }

    @Test
    void postIgnoresServerFieldsAndUnknownProperties() {
        String body = "{\"studentUniqueId\":\"W-2\",\"firstName\":\"A\",\"lastSurname\":\"B\",\"birthDate\":\"2010-01-01\","
                + "\"_etag\":\"1\",\"_lastModifiedDate\":\"2020-01-01T00:00:00Z\",\"favouriteColour\":\"blue\"}";
        HttpResponse<String> r = http.post("/ed-fi/students", body);
        assertEquals(201, r.statusCode());
        JsonObject item = RawHttp.json(http.get("/ed-fi/students/" + RawHttp.id(r)));
        assertFalse(item.has("favouriteColour"));
        assertNotEquals("1", item.get("_etag").getAsString());
    }

    @Test
    void postWithIdIsRejected() {
        JsonObject p = problem(http.post("/ed-fi/students", "{\"id\":\"0123456789abcdef0123456789abcdef\","
                + student("W-3", "C").substring(1)), 400, "urn:ed-fi:api:bad-request:data-validation-failed");
        assertEquals("[\"Resource identifiers cannot be assigned by the client. The 'id' property should not be included"
                + " in the request body.\"]", p.getAsJsonArray("errors").toString());
    }

    @Test
    void postToAnIdAndPutOnTheCollectionAre405() {
        HttpResponse<String> created = http.post("/ed-fi/students", student("W-4", "D"));
        problem(http.post("/ed-fi/students/" + RawHttp.id(created), student("W-4", "D")), 405, "urn:ed-fi:api:method-not-allowed");
        problem(http.put("/ed-fi/students", student("W-4", "D")), 405, "urn:ed-fi:api:method-not-allowed");
    }

    @Test
    void postHonoursIfMatch() {
        HttpResponse<String> created = http.post("/ed-fi/students", student("W-5", "E"));
        String etag = created.headers().firstValue("ETag").orElseThrow();
        JsonObject p = problem(http.post("/ed-fi/students", student("W-5", "F"), "If-Match", "\"1\""), 412,
                "urn:ed-fi:api:optimistic-lock-failed");
        assertEquals("Optimistic Lock Failed", p.get("title").getAsString());
        assertEquals("The item has been modified by another user.", p.get("detail").getAsString());
        assertEquals(200, http.post("/ed-fi/students", student("W-5", "F"), "If-Match", etag).statusCode());
    }

    @Test
    void putReplacesAndReturnsNewEtag() {
        HttpResponse<String> created = http.post("/ed-fi/students", student("W-6", "G"));
        String id = RawHttp.id(created);
        String etag = created.headers().firstValue("ETag").orElseThrow();
        // The id in the URL wins over a body id.
        HttpResponse<String> put = http.put("/ed-fi/students/" + id, "{\"id\":\"ffffffffffffffffffffffffffffffff\","
                + student("W-6", "Harris").substring(1), "If-Match", etag);
        assertEquals(204, put.statusCode(), put.body());
        String newEtag = put.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(etag, newEtag);
        JsonObject item = RawHttp.json(http.get("/ed-fi/students/" + id));
        assertEquals("Harris", item.get("lastSurname").getAsString());
        assertEquals(id, item.get("id").getAsString());
        // A stale etag: 412.
        problem(http.put("/ed-fi/students/" + id, student("W-6", "Ivy"), "If-Match", etag), 412,
                "urn:ed-fi:api:optimistic-lock-failed");
    }

    @Test
    void putUnknownIdAndEmptyBody() {
        JsonObject p = problem(http.put("/ed-fi/students/0123456789abcdef0123456789abcdef", student("W-7", "J")), 404,
                "urn:ed-fi:api:not-found");
        assertEquals("Resource to update was not found.", p.get("detail").getAsString());
        HttpResponse<String> created = http.post("/ed-fi/students", student("W-7", "J"));
        p = problem(http.put("/ed-fi/students/" + RawHttp.id(created), ""), 400, "urn:ed-fi:api:bad-request");
        assertEquals("[\"A non-empty request body is required.\"]", p.getAsJsonArray("errors").toString());
    }

    @Test
    void keyChangeIsRefusedWhereTheModelDoesNotAllowIt() {
        String course = "{\"courseCode\":\"%s\",\"courseTitle\":\"Algebra\",\"numberOfParts\":1,\"identificationCodes\":"
                + "[{\"courseIdentificationSystemDescriptor\":\"uri://ed-fi.org/CourseIdentificationSystemDescriptor#LEA course code\","
                + "\"identificationCode\":\"W-8\"}],\"educationOrganizationReference\":{\"educationOrganizationId\":255901}}";
        HttpResponse<String> created = http.post("/ed-fi/courses", String.format(course, "W-8"));
        JsonObject p = problem(http.put("/ed-fi/courses/" + RawHttp.id(created), String.format(course, "W-8-NEW")), 400,
                "urn:ed-fi:api:bad-request:data-validation-failed:key-change-not-supported");
        assertEquals("Key Change Not Supported", p.get("title").getAsString());
        assertEquals("Identifying values for the Course data cannot be changed. Delete and recreate the item instead.",
                p.get("detail").getAsString());
    }

    @Test
    void keyChangeIsAllowedForUpdatableResourcesUnlessTheKeyIsTaken() {
        String a = "{\"classPeriodName\":\"W-Period A\",\"schoolReference\":{\"schoolId\":255901001}}";
        String b = "{\"classPeriodName\":\"W-Period B\",\"schoolReference\":{\"schoolId\":255901001}}";
        String c = "{\"classPeriodName\":\"W-Period C\",\"schoolReference\":{\"schoolId\":255901001}}";
        String idA = RawHttp.id(http.post("/ed-fi/classPeriods", a));
        assertEquals(201, http.post("/ed-fi/classPeriods", b).statusCode());
        assertEquals(204, http.put("/ed-fi/classPeriods/" + idA, c).statusCode());
        assertEquals("W-Period C", RawHttp.json(http.get("/ed-fi/classPeriods/" + idA)).get("classPeriodName").getAsString());
        problem(http.put("/ed-fi/classPeriods/" + idA, b), 409, "urn:ed-fi:api:data-conflict:non-unique-identity");
    }

    @Test
    void keyChangesCascadeToReferringItems() {
        String session = "{\"sessionName\":\"%s\",\"schoolReference\":{\"schoolId\":255901001},"
                + "\"schoolYearTypeReference\":{\"schoolYear\":2025},\"beginDate\":\"2024-08-20\",\"endDate\":\"2024-12-20\","
                + "\"termDescriptor\":\"uri://ed-fi.org/TermDescriptor#Fall Semester\",\"totalInstructionalDays\":80}";
        String sessionId = RawHttp.id(http.post("/ed-fi/sessions", String.format(session, "W-Fall")));
        assertEquals(201, http.post("/ed-fi/courses", "{\"courseCode\":\"W-ALG\",\"courseTitle\":\"Algebra\","
                + "\"numberOfParts\":1,\"identificationCodes\":[{\"courseIdentificationSystemDescriptor\":"
                + "\"uri://ed-fi.org/CourseIdentificationSystemDescriptor#LEA course code\",\"identificationCode\":\"W-ALG\"}],"
                + "\"educationOrganizationReference\":{\"educationOrganizationId\":255901}}").statusCode());
        HttpResponse<String> offering = http.post("/ed-fi/courseOfferings", "{\"localCourseCode\":\"W-ALG-1\","
                + "\"courseReference\":{\"courseCode\":\"W-ALG\",\"educationOrganizationId\":255901},"
                + "\"schoolReference\":{\"schoolId\":255901001},"
                + "\"sessionReference\":{\"schoolId\":255901001,\"schoolYear\":2025,\"sessionName\":\"W-Fall\"}}");
        assertEquals(201, offering.statusCode(), offering.body());
        HttpResponse<String> section = http.post("/ed-fi/sections", "{\"sectionIdentifier\":\"W-ALG-1-01\","
                + "\"courseOfferingReference\":{\"localCourseCode\":\"W-ALG-1\",\"schoolId\":255901001,"
                + "\"schoolYear\":2025,\"sessionName\":\"W-Fall\"}}");
        assertEquals(201, section.statusCode(), section.body());

        assertEquals(204, http.put("/ed-fi/sessions/" + sessionId, String.format(session, "W-Autumn")).statusCode());
        JsonObject o = RawHttp.json(http.get("/ed-fi/courseOfferings/" + RawHttp.id(offering)));
        assertEquals("W-Autumn", o.getAsJsonObject("sessionReference").get("sessionName").getAsString());
        JsonObject s = RawHttp.json(http.get("/ed-fi/sections/" + RawHttp.id(section)));
        assertEquals("W-Autumn", s.getAsJsonObject("courseOfferingReference").get("sessionName").getAsString(),
                "passed on through the course offering, whose key changed too");
        assertTrue(s.getAsJsonObject("courseOfferingReference").has("link"));
        assertEquals(1, RawHttp.parse(http.get("/ed-fi/sections?sessionName=W-Autumn")).getAsJsonArray().size());
        problem(http.delete("/ed-fi/sessions/" + sessionId), 409, "urn:ed-fi:api:data-conflict:dependent-item-exists");
        assertEquals(204, http.delete("/ed-fi/sections/" + RawHttp.id(section)).statusCode());
        assertEquals(204, http.delete("/ed-fi/courseOfferings/" + RawHttp.id(offering)).statusCode());
        assertEquals(204, http.delete("/ed-fi/sessions/" + sessionId).statusCode());
    }

    @Test
    void deleteAndDependentItems() {
        String studentId = RawHttp.id(http.post("/ed-fi/students", student("W-9", "L")));
        HttpResponse<String> ssa = http.post("/ed-fi/studentSchoolAssociations", enrollment("W-9", 255901001, "2024-08-20"));
        assertEquals(201, ssa.statusCode(), ssa.body());
        JsonObject p = problem(http.delete("/ed-fi/students/" + studentId), 409,
                "urn:ed-fi:api:data-conflict:dependent-item-exists");
        assertEquals("The requested action cannot be performed because this item is referenced by an existing"
                + " 'StudentSchoolAssociation' item.", p.get("detail").getAsString());
        assertEquals(204, http.delete("/ed-fi/studentSchoolAssociations/" + RawHttp.id(ssa)).statusCode());
        assertEquals(204, http.delete("/ed-fi/students/" + studentId).statusCode());
        p = problem(http.delete("/ed-fi/students/" + studentId), 404, "urn:ed-fi:api:not-found");
        assertEquals("Resource to delete was not found.", p.get("detail").getAsString());
        p = problem(http.get("/ed-fi/students/" + studentId), 404, "urn:ed-fi:api:not-found");
        assertEquals("The specified item could not be found.", p.get("detail").getAsString());
    }

    @Test
    void unresolvedReferenceIs409() {
        JsonObject p = problem(http.post("/ed-fi/studentSchoolAssociations", enrollment("NOBODY", 255901001, "2024-08-20")),
                409, "urn:ed-fi:api:data-conflict:unresolved-reference");
        assertEquals("The referenced 'Student' item does not exist.", p.get("detail").getAsString());
        assertEquals("Unresolved Reference", p.get("title").getAsString());
        http.post("/ed-fi/students", student("W-10", "M"));
        p = problem(http.post("/ed-fi/studentSchoolAssociations", enrollment("W-10", 999, "2024-08-20")), 409,
                "urn:ed-fi:api:data-conflict:unresolved-reference");
        assertEquals("The referenced 'School' item does not exist.", p.get("detail").getAsString());
    }

    @Test
    void abstractEducationOrganizationReferenceResolvesToAnyConcreteOne() {
        http.post("/ed-fi/students", student("W-11", "N"));
        String cte = "{\"beginDate\":\"2024-08-20\",\"educationOrganizationReference\":{\"educationOrganizationId\":%d},"
                + "\"programReference\":{\"educationOrganizationId\":255901,\"programName\":\"Career and Technical Education\","
                + "\"programTypeDescriptor\":\"uri://ed-fi.org/ProgramTypeDescriptor#Career and Technical Education\"},"
                + "\"studentReference\":{\"studentUniqueId\":\"W-11\"}}";
        // The LEA and a school are both education organizations.
        assertEquals(201, http.post("/ed-fi/studentCTEProgramAssociations", String.format(cte, 255901)).statusCode());
        HttpResponse<String> atSchool = http.post("/ed-fi/studentCTEProgramAssociations", String.format(cte, 255901044));
        assertEquals(201, atSchool.statusCode(), atSchool.body());
        JsonObject item = RawHttp.json(http.get("/ed-fi/studentCTEProgramAssociations/" + RawHttp.id(atSchool)));
        JsonObject link = item.getAsJsonObject("educationOrganizationReference").getAsJsonObject("link");
        assertEquals("School", link.get("rel").getAsString());
        assertTrue(link.get("href").getAsString().matches("/ed-fi/schools/[0-9a-f]{32}"));
        JsonObject p = problem(http.post("/ed-fi/studentCTEProgramAssociations", String.format(cte, 42)), 409,
                "urn:ed-fi:api:data-conflict:unresolved-reference");
        assertEquals("The referenced 'EducationOrganization' item does not exist.", p.get("detail").getAsString());
    }

    @Test
    void generalStudentProgramAssociationReferenceMatchesSpecialisations() {
        http.post("/ed-fi/students", student("W-12", "O"));
        String cte = "{\"beginDate\":\"2024-08-21\",\"educationOrganizationReference\":{\"educationOrganizationId\":255901},"
                + "\"programReference\":{\"educationOrganizationId\":255901,\"programName\":\"Career and Technical Education\","
                + "\"programTypeDescriptor\":\"uri://ed-fi.org/ProgramTypeDescriptor#Career and Technical Education\"},"
                + "\"studentReference\":{\"studentUniqueId\":\"W-12\"}}";
        HttpResponse<String> spa = http.post("/ed-fi/studentCTEProgramAssociations", cte);
        assertEquals(201, spa.statusCode(), spa.body());
        assertEquals(201, http.post("/ed-fi/gradingPeriods", "{\"gradingPeriodDescriptor\":"
                + "\"uri://ed-fi.org/GradingPeriodDescriptor#First Semester\",\"gradingPeriodName\":\"W-S1\","
                + "\"beginDate\":\"2024-08-20\",\"endDate\":\"2024-12-20\",\"totalInstructionalDays\":80,"
                + "\"schoolReference\":{\"schoolId\":255901001},\"schoolYearTypeReference\":{\"schoolYear\":2025}}")
                .statusCode());
        assertEquals(201, http.post("/ed-fi/competencyObjectives", "{\"objective\":\"W-Welding\","
                + "\"objectiveGradeLevelDescriptor\":\"uri://ed-fi.org/GradeLevelDescriptor#Ninth grade\","
                + "\"educationOrganizationReference\":{\"educationOrganizationId\":255901}}").statusCode());
        String sco = "{\"competencyLevelDescriptor\":\"uri://ed-fi.org/CompetencyLevelDescriptor#Advanced\","
                + "\"objectiveCompetencyObjectiveReference\":{\"educationOrganizationId\":255901,\"objective\":\"W-Welding\","
                + "\"objectiveGradeLevelDescriptor\":\"uri://ed-fi.org/GradeLevelDescriptor#Ninth grade\"},"
                + "\"gradingPeriodReference\":{\"gradingPeriodDescriptor\":\"uri://ed-fi.org/GradingPeriodDescriptor#First Semester\","
                + "\"gradingPeriodName\":\"W-S1\",\"schoolId\":255901001,\"schoolYear\":2025},"
                + "\"studentReference\":{\"studentUniqueId\":\"W-12\"},"
                + "\"generalStudentProgramAssociations\":[{\"generalStudentProgramAssociationReference\":{"
                + "\"beginDate\":\"%s\",\"educationOrganizationId\":255901,\"programEducationOrganizationId\":255901,"
                + "\"programName\":\"Career and Technical Education\",\"programTypeDescriptor\":"
                + "\"uri://ed-fi.org/ProgramTypeDescriptor#Career and Technical Education\",\"studentUniqueId\":\"W-12\"}}]}";
        // A general student program association reference in a collection item resolves to the CTE association.
        HttpResponse<String> r = http.post("/ed-fi/studentCompetencyObjectives", String.format(sco, "2024-08-21"));
        assertEquals(201, r.statusCode(), r.body());
        JsonObject p = problem(http.post("/ed-fi/studentCompetencyObjectives", String.format(sco, "2023-01-01")), 409,
                "urn:ed-fi:api:data-conflict:unresolved-reference");
        assertEquals("The referenced 'GeneralStudentProgramAssociation' item does not exist.", p.get("detail").getAsString());
        problem(http.delete("/ed-fi/studentCTEProgramAssociations/" + RawHttp.id(spa)), 409,
                "urn:ed-fi:api:data-conflict:dependent-item-exists");
    }

    @Test
    void descriptorsAreResources() {
        String d = "{\"namespace\":\"uri://w.example.org/ProgramTypeDescriptor\",\"codeValue\":\"Robotics\","
                + "\"shortDescription\":\"Robotics\"}";
        HttpResponse<String> r = http.post("/ed-fi/programTypeDescriptors", d);
        assertEquals(201, r.statusCode(), r.body());
        String program = "{\"educationOrganizationReference\":{\"educationOrganizationId\":255901},\"programName\":\"W Robotics\","
                + "\"programTypeDescriptor\":\"uri://w.example.org/ProgramTypeDescriptor#robotics\"}";
        assertEquals(201, http.post("/ed-fi/programs", program).statusCode(), "descriptor values match ignoring case");
        JsonObject p = problem(http.post("/ed-fi/programs", program.replace("#robotics", "#Chess")), 400,
                "urn:ed-fi:api:bad-request:data-validation-failed");
        // A descriptor value in use cannot be deleted.
        JsonObject dependent = problem(http.delete("/ed-fi/programTypeDescriptors/" + RawHttp.id(r)), 409,
                "urn:ed-fi:api:data-conflict:dependent-item-exists");
        assertTrue(dependent.get("detail").getAsString().endsWith("referenced by an existing 'Program' item."));
        assertEquals("[\"ProgramTypeDescriptor value 'uri://w.example.org/ProgramTypeDescriptor#Chess' does not exist.\"]",
                p.getAsJsonObject("validationErrors").getAsJsonArray("$.programTypeDescriptor").toString());
    }

    @Test
    void concurrentPostsOfOneKeyCreateOneItem() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                calls.add(() -> http.post("/ed-fi/students", student("W-RACE", "Same")).statusCode());
            }
            int created = 0;
            for (Future<Integer> f : pool.invokeAll(calls)) {
                int s = f.get();
                assertTrue(s == 200 || s == 201, "status " + s);
                created += s == 201 ? 1 : 0;
            }
            assertEquals(1, created);
            JsonArray items = RawHttp.parse(http.get("/ed-fi/students?studentUniqueId=W-RACE")).getAsJsonArray();
            assertEquals(1, items.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void idsAreUnique() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            assertTrue(ids.add(RawHttp.id(http.post("/ed-fi/students", student("W-ID-" + i, "P")))));
        }
    }
}
