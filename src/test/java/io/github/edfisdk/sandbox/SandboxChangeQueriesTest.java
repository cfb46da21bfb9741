package io.github.edfisdk.sandbox;

import static io.github.edfisdk.sandbox.SandboxWriteTest.enrollment;
import static io.github.edfisdk.sandbox.SandboxWriteTest.problem;
import static io.github.edfisdk.sandbox.SandboxWriteTest.student;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.edfisdk.model.DataStandard;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Change queries over raw HTTP: availableChangeVersions, the change-version window, /deletes and /keyChanges. */
class SandboxChangeQueriesTest {
    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.builder().seed(Seed.POPULATED).build();

    @TempDir
    Path dataDir;

    /** The school the enrollments of the journal test need (a minimal sandbox has none). */
    private static final String SCHOOL = "{\"schoolId\":255901001,\"nameOfInstitution\":\"Grand Bend High School\","
            + "\"educationOrganizationCategories\":[{\"educationOrganizationCategoryDescriptor\":"
            + "\"uri://ed-fi.org/EducationOrganizationCategoryDescriptor#School\"}],"
            + "\"gradeLevels\":[{\"gradeLevelDescriptor\":\"uri://ed-fi.org/GradeLevelDescriptor#Ninth grade\"}]}";

    static long newest(RawHttp http) {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create(http.baseUrl + "/changeQueries/v1/availableChangeVersions"))
                .header("Authorization", "Bearer " + http.token).GET());
        assertEquals(200, r.statusCode(), r.body());
        JsonObject o = RawHttp.json(r);
        assertEquals(0, o.get("oldestChangeVersion").getAsLong());
        return o.get("newestChangeVersion").getAsLong();
    }

    static List<String> ids(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        List<String> ids = new ArrayList<>();
        RawHttp.parse(r).getAsJsonArray().forEach(e -> ids.add(e.getAsJsonObject().get("id").getAsString()));
        return ids;
    }

    @Test
    void availableChangeVersionsNeedsATokenAndGrowsWithEveryWrite() {
        RawHttp http = new RawHttp(sandbox.get());
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(
                URI.create(http.baseUrl + "/changeQueries/v1/availableChangeVersions")).GET());
        assertEquals(401, anonymous.statusCode());
        long before = newest(http);
        assertTrue(before > 0, "the seed's items have change versions");
        http.post("/ed-fi/students", student("CQ-A", "One"));
        long afterPost = newest(http);
        assertTrue(afterPost > before);
        // The route ignores case, as ASP.NET's does (Ed-Fi's own Postman suite calls .../AvailableChangeVersions).
        HttpResponse<String> pascal = http.send(HttpRequest.newBuilder(
                        URI.create(http.baseUrl + "/changeQueries/v1/AvailableChangeVersions"))
                .header("Authorization", "Bearer " + http.token).GET());
        assertEquals(afterPost, RawHttp.json(pascal).get("newestChangeVersion").getAsLong());
    }

    @Test
    void theWindowSelectsItemsByTheVersionOfTheirLastWrite() {
        RawHttp http = new RawHttp(sandbox.get());
        long v0 = newest(http);
        String a = RawHttp.id(http.post("/ed-fi/students", student("CQ-W1", "First")));
        String b = RawHttp.id(http.post("/ed-fi/students", student("CQ-W2", "Second")));
        long v1 = newest(http);
        assertEquals(List.of(a, b), ids(http.get("/ed-fi/students?minChangeVersion=" + (v0 + 1))));
        assertEquals(List.of(a), ids(http.get("/ed-fi/students?minChangeVersion=" + (v0 + 1) + "&maxChangeVersion="
                + (v0 + 1))));
        // An update moves the item to a later version; both bounds are inclusive.
        assertEquals(204, http.put("/ed-fi/students/" + a, student("CQ-W1", "Changed")).statusCode());
        long v2 = newest(http);
        assertEquals(List.of(a), ids(http.get("/ed-fi/students?minChangeVersion=" + (v1 + 1) + "&maxChangeVersion=" + v2)));
        assertEquals(List.of(b), ids(http.get("/ed-fi/students?minChangeVersion=" + (v0 + 1) + "&maxChangeVersion=" + v1)));
        HttpResponse<String> counted = http.get("/ed-fi/students?minChangeVersion=" + (v0 + 1) + "&totalCount=true&limit=1");
        assertEquals("2", counted.headers().firstValue("Total-Count").orElseThrow());
        assertEquals(1, ids(counted).size());
        problem(http.get("/ed-fi/students?minChangeVersion=abc"), 400,
                "urn:ed-fi:api:bad-request:parameter-validation-failed");
    }

    @Test
    void deletesReportIdChangeVersionAndKeyValuesAndPage() {
        RawHttp http = new RawHttp(sandbox.get());
        long v0 = newest(http);
        List<String> deleted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = RawHttp.id(http.post("/ed-fi/students", student("CQ-D" + i, "Gone")));
            assertEquals(204, http.delete("/ed-fi/students/" + id).statusCode());
            deleted.add(id);
        }
        HttpResponse<String> r = http.get("/ed-fi/students/deletes?minChangeVersion=" + (v0 + 1) + "&totalCount=true");
        assertEquals("3", r.headers().firstValue("Total-Count").orElseThrow());
        assertEquals(deleted, ids(r));
        JsonObject first = RawHttp.parse(r).getAsJsonArray().get(0).getAsJsonObject();
        assertEquals(3, first.size(), first.toString());
        assertTrue(first.get("changeVersion").getAsLong() > v0);
        JsonObject keyValues = new JsonObject();
        keyValues.addProperty("studentUniqueId", "CQ-D0");
        assertEquals(keyValues, first.getAsJsonObject("keyValues"));
        assertEquals(List.of(deleted.get(1)),
                ids(http.get("/ed-fi/students/deletes?minChangeVersion=" + (v0 + 1) + "&offset=1&limit=1")));
        assertEquals(List.of(), ids(http.get("/ed-fi/students/deletes?minChangeVersion=" + (newest(http) + 1))));
        // A deleted key that exists again is no longer reported (ODS/API 7.x joins the live table).
        http.post("/ed-fi/students", student("CQ-D1", "Back"));
        assertEquals(List.of(deleted.get(0), deleted.get(2)),
                ids(http.get("/ed-fi/students/deletes?minChangeVersion=" + (v0 + 1))));
    }

    @Test
    void keyChangesReportOldAndNewKeyValuesCollapsedPerItem() {
        RawHttp http = new RawHttp(sandbox.get());
        http.post("/ed-fi/students", student("CQ-K", "Key"));
        String id = RawHttp.id(http.post("/ed-fi/studentSchoolAssociations", enrollment("CQ-K", 255901001, "2024-08-20")));
        long v0 = newest(http);
        assertEquals(204, http.put("/ed-fi/studentSchoolAssociations/" + id,
                enrollment("CQ-K", 255901001, "2024-08-21")).statusCode());
        long v1 = newest(http);
        assertEquals(204, http.put("/ed-fi/studentSchoolAssociations/" + id,
                enrollment("CQ-K", 255901001, "2024-08-22")).statusCode());
        JsonArray all = RawHttp.parse(http.get("/ed-fi/studentSchoolAssociations/keyChanges?minChangeVersion=" + (v0 + 1)))
                .getAsJsonArray();
        assertEquals(1, all.size(), all.toString());
        JsonObject row = all.get(0).getAsJsonObject();
        assertEquals(id, row.get("id").getAsString());
        assertEquals(newest(http), row.get("changeVersion").getAsLong());
        assertEquals("2024-08-20", row.getAsJsonObject("oldKeyValues").get("entryDate").getAsString());
        assertEquals("2024-08-22", row.getAsJsonObject("newKeyValues").get("entryDate").getAsString());
        assertEquals(255901001, row.getAsJsonObject("newKeyValues").get("schoolId").getAsLong());
        assertEquals("CQ-K", row.getAsJsonObject("newKeyValues").get("studentUniqueId").getAsString());
        // The first change alone: the key change takes the version after the item's update.
        JsonObject first = RawHttp.parse(http.get("/ed-fi/studentSchoolAssociations/keyChanges?minChangeVersion="
                + (v0 + 1) + "&maxChangeVersion=" + v1)).getAsJsonArray().get(0).getAsJsonObject();
        assertEquals("2024-08-21", first.getAsJsonObject("newKeyValues").get("entryDate").getAsString());
        assertEquals(v1, first.get("changeVersion").getAsLong());
        assertEquals(List.of(), ids(http.get("/ed-fi/students/keyChanges")));
    }

    @Test
    void changeVersionsDeletesAndKeyChangesSurviveARestartWithTheJournal() {
        long deleteVersion;
        long keyChangeVersion;
        long newestBefore;
        String deletedId;
        try (EdFiSandbox sb = EdFiSandbox.builder().seed(Seed.MINIMAL).dataDir(dataDir).credentials("k", "s").start()) {
            RawHttp http = new RawHttp(sb);
            assertEquals(201, http.post("/ed-fi/schools", SCHOOL).statusCode());
            deletedId = RawHttp.id(http.post("/ed-fi/students", student("CQ-P1", "Persisted")));
            http.delete("/ed-fi/students/" + deletedId);
            http.post("/ed-fi/students", student("CQ-P2", "Kept"));
            String ssa = RawHttp.id(http.post("/ed-fi/studentSchoolAssociations", enrollment("CQ-P2", 255901001, "2024-08-20")));
            http.put("/ed-fi/studentSchoolAssociations/" + ssa, enrollment("CQ-P2", 255901001, "2024-08-23"));
            deleteVersion = RawHttp.parse(http.get("/ed-fi/students/deletes")).getAsJsonArray().get(0).getAsJsonObject()
                    .get("changeVersion").getAsLong();
            keyChangeVersion = RawHttp.parse(http.get("/ed-fi/studentSchoolAssociations/keyChanges")).getAsJsonArray()
                    .get(0).getAsJsonObject().get("changeVersion").getAsLong();
            newestBefore = newest(http);
        }
        try (EdFiSandbox sb = EdFiSandbox.builder().seed(Seed.MINIMAL).dataDir(dataDir).credentials("k", "s").start()) {
            RawHttp http = new RawHttp(sb);
            assertEquals(newestBefore, newest(http));
            JsonObject d = RawHttp.parse(http.get("/ed-fi/students/deletes")).getAsJsonArray().get(0).getAsJsonObject();
            assertEquals(deletedId, d.get("id").getAsString());
            assertEquals(deleteVersion, d.get("changeVersion").getAsLong());
            assertEquals("CQ-P1", d.getAsJsonObject("keyValues").get("studentUniqueId").getAsString());
            assertEquals(keyChangeVersion, RawHttp.parse(http.get("/ed-fi/studentSchoolAssociations/keyChanges"))
                    .getAsJsonArray().get(0).getAsJsonObject().get("changeVersion").getAsLong());
            http.post("/ed-fi/students", student("CQ-P3", "Later"));
            assertTrue(newest(http) > newestBefore, "versions continue above the replayed ones");
        }
    }

    @Test
    void dataStandard4HasTheSameShapes() {
        try (EdFiSandbox sb = EdFiSandbox.builder().dataStandard(DataStandard.DS4).seed(Seed.MINIMAL).start()) {
            RawHttp http = new RawHttp(sb);
            long v0 = newest(http);
            String id = RawHttp.id(http.post("/ed-fi/students", student("CQ-4", "Four")));
            http.delete("/ed-fi/students/" + id);
            JsonObject d = RawHttp.parse(http.get("/ed-fi/students/deletes?minChangeVersion=" + (v0 + 1)))
                    .getAsJsonArray().get(0).getAsJsonObject();
            assertEquals(id, d.get("id").getAsString());
            assertEquals("CQ-4", d.getAsJsonObject("keyValues").get("studentUniqueId").getAsString());
        }
    }
}
