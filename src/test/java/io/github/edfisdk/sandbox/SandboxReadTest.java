package io.github.edfisdk.sandbox;

import static io.github.edfisdk.sandbox.SandboxWriteTest.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GET by id and by query, paging, conditional GET, server fields and links, over raw HTTP. */
class SandboxReadTest {
    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.builder().seed(Seed.POPULATED).build();
    static RawHttp http;

    @BeforeAll
    static void setUp() {
        http = new RawHttp(sandbox.get());
        for (int i = 0; i < 7; i++) {
            http.post("/ed-fi/students", SandboxWriteTest.student("R-" + i, i % 2 == 0 ? "Even" : "Odd"));
            http.post("/ed-fi/studentSchoolAssociations",
                    SandboxWriteTest.enrollment("R-" + i, i < 4 ? 255901001 : 255901044, "2024-08-2" + i));
        }
    }

    @Test
    void getByIdCarriesServerFieldsAndEtag() {
        HttpResponse<String> created = http.post("/ed-fi/students", SandboxWriteTest.student("R-X", "Xu"));
        String id = RawHttp.id(created);
        String etag = created.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> r = http.get("/ed-fi/students/" + id);
        assertEquals(200, r.statusCode());
        assertEquals(etag, r.headers().firstValue("ETag").orElseThrow());
        JsonObject item = RawHttp.json(r);
        assertEquals(id, item.get("id").getAsString());
        assertEquals(etag.replace("\"", ""), item.get("_etag").getAsString());
        Instant modified = Instant.parse(item.get("_lastModifiedDate").getAsString());
        assertTrue(modified.isAfter(Instant.now().minusSeconds(60)));
        assertEquals("2010-05-04", item.get("birthDate").getAsString());
        // Ids compare ignoring case and GUID dashes.
        String dashed = id.substring(0, 8) + "-" + id.substring(8, 12) + "-" + id.substring(12, 16) + "-"
                + id.substring(16, 20) + "-" + id.substring(20);
        assertEquals(200, http.get("/ed-fi/students/" + dashed.toUpperCase()).statusCode());
    }

    @Test
    void ifNoneMatchGives304() {
        HttpResponse<String> created = http.post("/ed-fi/students", SandboxWriteTest.student("R-Y", "Yu"));
        String etag = created.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> r = http.get("/ed-fi/students/" + RawHttp.id(created), "If-None-Match", etag);
        assertEquals(304, r.statusCode());
        assertEquals("", r.body());
        assertEquals(200, http.get("/ed-fi/students/" + RawHttp.id(created), "If-None-Match", "\"1\"").statusCode());
    }

    @Test
    void referencesCarryLinks() {
        JsonArray items = RawHttp.parse(http.get("/ed-fi/studentSchoolAssociations?studentUniqueId=R-0")).getAsJsonArray();
        assertEquals(1, items.size());
        JsonObject ssa = items.get(0).getAsJsonObject();
        JsonObject link = ssa.getAsJsonObject("studentReference").getAsJsonObject("link");
        assertEquals("Student", link.get("rel").getAsString());
        String href = link.get("href").getAsString();
        assertTrue(href.startsWith("/ed-fi/students/"), href);
        assertEquals("R-0", RawHttp.json(http.get(href)).get("studentUniqueId").getAsString());
        assertEquals("School", ssa.getAsJsonObject("schoolReference").getAsJsonObject("link").get("rel").getAsString());
    }

    @Test
    void queryByRootScalarReferenceKeyDescriptorAndId() {
        JsonArray odd = RawHttp.parse(http.get("/ed-fi/students?lastSurname=odd")).getAsJsonArray();
        assertEquals(3, odd.size(), "strings match ignoring case");
        JsonArray atSchool = RawHttp.parse(http.get("/ed-fi/studentSchoolAssociations?schoolId=255901044")).getAsJsonArray();
        assertEquals(3, atSchool.size());
        JsonArray byDescriptor = RawHttp.parse(http.get("/ed-fi/studentSchoolAssociations?entryGradeLevelDescriptor="
                + "uri://ed-fi.org/GradeLevelDescriptor%23Ninth%20grade&SCHOOLID=255901001")).getAsJsonArray();
        assertEquals(4, byDescriptor.size(), "descriptor URI with %23, parameter names ignoring case");
        assertEquals("[]", http.get("/ed-fi/studentSchoolAssociations?entryGradeLevelDescriptor="
                + "uri://ed-fi.org/GradeLevelDescriptor%23Nope").body());
        String id = odd.get(0).getAsJsonObject().get("id").getAsString();
        JsonArray byId = RawHttp.parse(http.get("/ed-fi/students?id=" + id)).getAsJsonArray();
        assertEquals(1, byId.size());
        JsonArray byDate = RawHttp.parse(http.get("/ed-fi/studentSchoolAssociations?entryDate=2024-08-25")).getAsJsonArray();
        assertEquals(1, byDate.size());
        assertEquals("R-5", byDate.get(0).getAsJsonObject().getAsJsonObject("studentReference").get("studentUniqueId").getAsString());
    }

    @Test
    void pagingInInsertionOrderWithTotalCount() {
        HttpResponse<String> page = http.get("/ed-fi/studentSchoolAssociations?schoolId=255901001&offset=1&limit=2&totalCount=true");
        assertEquals("4", page.headers().firstValue("Total-Count").orElseThrow());
        JsonArray items = RawHttp.parse(page).getAsJsonArray();
        assertEquals(2, items.size());
        assertEquals("R-1", items.get(0).getAsJsonObject().getAsJsonObject("studentReference").get("studentUniqueId").getAsString());
        assertEquals("R-2", items.get(1).getAsJsonObject().getAsJsonObject("studentReference").get("studentUniqueId").getAsString());
        assertTrue(http.get("/ed-fi/students?limit=1").headers().firstValue("Total-Count").isEmpty());
        assertEquals("[]", http.get("/ed-fi/students?limit=0").body());
    }

    @Test
    void defaultLimitIs500() {
        // The populated seed has 960 students.
        HttpResponse<String> r = http.get("/ed-fi/students?totalCount=true");
        assertEquals(500, RawHttp.parse(r).getAsJsonArray().size());
        assertTrue(Integer.parseInt(r.headers().firstValue("Total-Count").orElseThrow()) >= 960);
    }

    @Test
    void limitAndOffsetOutOfRange() {
        JsonObject p = problem(http.get("/ed-fi/students?limit=501"), 400, "urn:ed-fi:api:bad-request:parameter-validation-failed");
        assertEquals("[\"Limit must be omitted or set to a value between 0 and 500.\"]", p.getAsJsonArray("errors").toString());
        problem(http.get("/ed-fi/students?limit=-1"), 400, "urn:ed-fi:api:bad-request:parameter-validation-failed");
        p = problem(http.get("/ed-fi/students?offset=-1"), 400, "urn:ed-fi:api:bad-request:parameter-validation-failed");
        assertEquals("[\"Offset cannot be a negative value.\"]", p.getAsJsonArray("errors").toString());
    }

    @Test
    void populatedSeedHasTheCertificationPrerequisites() {
        assertEquals(1, RawHttp.parse(http.get("/ed-fi/localEducationAgencies?localEducationAgencyId=255901")).getAsJsonArray().size());
        for (String school : new String[] {"255901001", "255901044", "255901107"}) {
            assertEquals(1, RawHttp.parse(http.get("/ed-fi/schools?schoolId=" + school)).getAsJsonArray().size(), school);
        }
        JsonArray cte = RawHttp.parse(http.get("/ed-fi/programs?programName=Career%20and%20Technical%20Education"
                + "&educationOrganizationId=255901")).getAsJsonArray();
        assertEquals(1, cte.size());
        assertEquals("uri://ed-fi.org/ProgramTypeDescriptor#Career and Technical Education",
                cte.get(0).getAsJsonObject().get("programTypeDescriptor").getAsString());
        assertTrue(RawHttp.parse(http.get("/ed-fi/programTypeDescriptors?limit=500")).getAsJsonArray().size() > 10);
        assertEquals(1, RawHttp.parse(http.get("/ed-fi/schoolYearTypes?schoolYear=2025")).getAsJsonArray().size());
    }

    @Test
    void unknownResourceIs404() {
        problem(http.get("/ed-fi/unicorns"), 404, "urn:ed-fi:api:not-found");
        assertEquals(200, http.get("/ed-fi/students/").statusCode(), "trailing slash tolerated");
    }
}
