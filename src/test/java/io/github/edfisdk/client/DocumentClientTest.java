package io.github.edfisdk.client;

import static io.github.edfisdk.client.FakeOds.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DocumentClientTest {
    private static final String ID = "3f1e0c6a9b2d4e8f8a7b6c5d4e3f2a1b";
    private FakeOds ods;

    @BeforeEach
    void start() throws Exception {
        ods = new FakeOds();
    }

    @AfterEach
    void stop() throws Exception {
        ods.close();
    }

    private MockResponse created(int status) {
        return new MockResponse().setResponseCode(status)
                .setHeader("Location", ods.server.url("/data/v3/ed-fi/students/" + ID).toString())
                .setHeader("ETag", "\"5250549080152795943\"");
    }

    @Test
    void postReturnsIdAndEtagAndWhetherCreated() throws Exception {
        ods.respond(created(201), created(200));
        JsonObject student = JsonParser.parseString("{\"studentUniqueId\":\"604822\",\"firstName\":\"Lisa\"}").getAsJsonObject();
        try (EdFiClient client = ods.client().build()) {
            WriteResult first = client.documents().post("/ed-fi/students", student);
            assertEquals(new WriteResult(201, ID, "\"5250549080152795943\"", true), first);
            WriteResult second = client.documents().post("students", student);
            assertEquals(200, second.status());
            assertFalse(second.created());
        }
        RecordedRequest post = ods.dataRequests.get(0);
        assertEquals("POST", post.getMethod());
        assertEquals("/data/v3/ed-fi/students", post.getPath());
        assertEquals(student, JsonParser.parseString(post.getBody().readUtf8()));
        assertTrue(post.getHeader("Content-Type").startsWith("application/json"));
    }

    @Test
    void putSendsQuotedIfMatchAndCorrelationId() throws Exception {
        ods.respond(new MockResponse().setResponseCode(204).setHeader("ETag", "\"2\""), new MockResponse().setResponseCode(204));
        try (EdFiClient client = ods.client().build()) {
            WriteResult r = client.documents().put("ed-fi/students", ID, new JsonObject(), "1"); // _etag form, unquoted
            assertEquals(new WriteResult(204, ID, "\"2\"", false), r);
            client.documents().delete("students", ID, RequestOptions.builder().ifMatch("\"2\"").correlationId("run-42").build());
        }
        assertEquals("/data/v3/ed-fi/students/" + ID, ods.dataRequests.get(0).getPath());
        assertEquals("\"1\"", ods.dataRequests.get(0).getHeader("If-Match"));
        assertEquals("DELETE", ods.dataRequests.get(1).getMethod());
        assertEquals("\"2\"", ods.dataRequests.get(1).getHeader("If-Match"));
        assertEquals("run-42", ods.dataRequests.get(1).getHeader("correlation-id"));
    }

    @Test
    void staleEtagIsAPreconditionFailedException() {
        ods.respond(FakeOds.problem(412, "{\"type\":\"urn:ed-fi:api:optimistic-lock-failed\",\"title\":\"Optimistic Lock Failed\","
                + "\"detail\":\"The item has been modified by another user.\",\"status\":412}"));
        try (EdFiClient client = ods.client().build()) {
            PreconditionFailedException e = assertThrows(PreconditionFailedException.class,
                    () -> client.documents().put("students", ID, new JsonObject(), "\"old\""));
            assertEquals("urn:ed-fi:api:optimistic-lock-failed", e.problem().type());
        }
    }

    @Test
    void getAndFindAndNotFound() {
        ods.respond(json(200, "{\"id\":\"" + ID + "\",\"studentUniqueId\":\"1\"}"),
                FakeOds.problem(404, "{\"detail\":\"The specified item could not be found.\",\"status\":404}"),
                FakeOds.problem(404, "{\"status\":404}"));
        try (EdFiClient client = ods.client().build()) {
            assertEquals("1", client.documents().get("students", ID).get("studentUniqueId").getAsString());
            NotFoundException e = assertThrows(NotFoundException.class, () -> client.documents().get("students", "nope"));
            assertEquals("The specified item could not be found.", e.problem().detail());
            assertTrue(e.getMessage().startsWith("GET http://"), e.getMessage());
            assertTrue(client.documents().find("students", "nope").isEmpty());
        }
    }

    @Test
    void queryPagesThroughAllItemsUsingTotalCount() {
        int total = 1201;
        ods.dataHandler = request -> page(request, total, true);
        try (EdFiClient client = ods.client().build()) {
            List<JsonObject> all = client.documents().query("/ed-fi/students", Map.of("lastSurname", "Smith"), 500).toList();
            assertEquals(total, all.size());
            assertEquals(0, all.get(0).get("n").getAsInt());
            assertEquals(1200, all.get(1200).get("n").getAsInt());
        }
        assertEquals(3, ods.dataRequests.size());
        for (int i = 0; i < 3; i++) {
            HttpUrl url = ods.dataRequests.get(i).getRequestUrl();
            assertEquals(String.valueOf(i * 500), url.queryParameter("offset"));
            assertEquals("500", url.queryParameter("limit"));
            assertEquals("Smith", url.queryParameter("lastSurname"));
        }
        assertEquals("true", ods.dataRequests.get(0).getRequestUrl().queryParameter("totalCount"));
    }

    @Test
    void exactMultipleOfThePageSizeNeedsNoEmptyRequestWhenTheTotalIsKnown() {
        ods.dataHandler = request -> page(request, 1000, true);
        try (EdFiClient client = ods.client().build()) {
            assertEquals(1000, client.documents().query("students", Map.of()).stream().count());
        }
        assertEquals(2, ods.dataRequests.size());
    }

    @Test
    void withoutTotalCountPagingStopsAtTheFirstShortPage() {
        ods.dataHandler = request -> page(request, 1000, false);
        try (EdFiClient client = ods.client().build()) {
            assertEquals(1000, client.documents().query("students", Map.of(), 500).toList().size());
        }
        assertEquals(3, ods.dataRequests.size(), "two full pages and one empty page");
    }

    @Test
    void pagingIsLazy() {
        ods.dataHandler = request -> page(request, 1201, true);
        try (EdFiClient client = ods.client().build()) {
            assertEquals(10, client.documents().query("students", Map.of(), 500).stream().limit(10).count());
        }
        assertEquals(1, ods.dataRequests.size());
    }

    @Test
    void queryRejectsPagingParameters() {
        try (EdFiClient client = ods.client().build()) {
            assertThrows(IllegalArgumentException.class, () -> client.documents().query("students", Map.of("limit", "5")));
            assertThrows(IllegalArgumentException.class, () -> client.documents().query("students", Map.of(), 501));
        }
    }

    @Test
    void countReadsTotalCount() {
        ods.respond(json(200, "[]").setHeader("Total-Count", "1201"));
        try (EdFiClient client = ods.client().build()) {
            assertEquals(1201, client.documents().count("students", Map.of("schoolId", "255901001")));
        }
        assertEquals("0", ods.dataRequests.get(0).getRequestUrl().queryParameter("limit"));
    }

    @Test
    void createOrUpdateByNaturalKeyStripsServerFieldsOfAGetResult() throws Exception {
        ods.respond(created(200));
        JsonObject fromGet = JsonParser.parseString("{\"id\":\"" + ID + "\",\"_etag\":\"5\",\"_lastModifiedDate\":\"2026-01-01T00:00:00Z\","
                + "\"schoolReference\":{\"schoolId\":255901001,\"link\":{\"rel\":\"School\",\"href\":\"/ed-fi/schools/x\"}},"
                + "\"studentReference\":{\"studentUniqueId\":\"604822\"},\"entryDate\":\"2021-08-23\"}").getAsJsonObject();
        try (EdFiClient client = ods.client().build()) {
            WriteResult r = client.documents().createOrUpdateByNaturalKey("studentSchoolAssociations", fromGet);
            assertEquals(ID, r.id());
            assertFalse(r.created());
        }
        JsonObject sent = JsonParser.parseString(ods.dataRequests.get(0).getBody().readUtf8()).getAsJsonObject();
        assertEquals(JsonParser.parseString("{\"schoolReference\":{\"schoolId\":255901001},"
                + "\"studentReference\":{\"studentUniqueId\":\"604822\"},\"entryDate\":\"2021-08-23\"}"), sent);
        assertTrue(fromGet.has("id"), "the caller's document is not changed");
    }

    @Test
    void findByNaturalKeyQueriesByTheIdentityAndMatchesExactly() {
        String other = "{\"id\":\"1\",\"schoolReference\":{\"schoolId\":255901001},\"studentReference\":{\"studentUniqueId\":\"604822\"},"
                + "\"entryDate\":\"2021-08-24\"}";
        String match = "{\"id\":\"2\",\"schoolReference\":{\"schoolId\":255901001},\"studentReference\":{\"studentUniqueId\":\"604822\"},"
                + "\"entryDate\":\"2021-08-23\",\"entryGradeLevelDescriptor\":\"uri://ed-fi.org/GradeLevelDescriptor#Ninth grade\"}";
        ods.respond(json(200, "[" + other + "," + match + "]").setHeader("Total-Count", "2"), json(200, "[]"));
        JsonObject wanted = JsonParser.parseString("{\"schoolReference\":{\"schoolId\":255901001},"
                + "\"studentReference\":{\"studentUniqueId\":\"604822\"},\"entryDate\":\"2021-08-23\"}").getAsJsonObject();
        try (EdFiClient client = ods.client().build()) {
            JsonObject found = client.documents().findByNaturalKey("/ed-fi/studentSchoolAssociations", wanted).orElseThrow();
            assertEquals("2", found.get("id").getAsString());
            assertTrue(client.documents().findByNaturalKey("studentSchoolAssociations", wanted).isEmpty());
            JsonObject partial = wanted.deepCopy();
            partial.remove("entryDate");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> client.documents().findByNaturalKey("studentSchoolAssociations", partial));
            assertTrue(e.getMessage().contains("entryDate"), e.getMessage());
        }
        HttpUrl url = ods.dataRequests.get(0).getRequestUrl();
        assertEquals("/data/v3/ed-fi/studentSchoolAssociations", url.encodedPath());
        assertEquals("255901001", url.queryParameter("schoolId"));
        assertEquals("604822", url.queryParameter("studentUniqueId"));
        assertEquals("2021-08-23", url.queryParameter("entryDate"));
    }

    @Test
    void baseUrlMayBeTheDataUrl() {
        ods.respond(json(200, "{}"));
        try (EdFiClient client = EdFiClient.builder().baseUrl(ods.server.url("/data/v3").toString())
                .credentials(FakeOds.KEY, FakeOds.SECRET).build()) {
            assertEquals(ods.server.url("/data/v3/").toString(), client.root().dataUrl());
            assertEquals("5.1.0", client.root().dataModelVersion());
            client.documents().get("students", ID);
        }
        assertEquals("/data/v3/ed-fi/students/" + ID, ods.dataRequests.get(0).getPath());
    }

    @Test
    void discoveryReadsTheRootDocument() {
        try (EdFiClient client = ods.client().build()) {
            ApiRoot root = client.root();
            assertEquals("7.2", root.apiVersion());
            assertEquals("5.1.0", root.dataModelVersion(), "the Ed-Fi model, not the TPDM extension");
            assertEquals(ods.server.url("/oauth/token").toString(), root.oauthUrl());
            assertEquals(io.github.edfisdk.model.DataStandard.DS5, client.dataStandard());
        }
    }

    private static MockResponse page(RecordedRequest request, int total, boolean withTotal) {
        HttpUrl url = request.getRequestUrl();
        int offset = Integer.parseInt(url.queryParameter("offset"));
        int limit = Integer.parseInt(url.queryParameter("limit"));
        JsonArray items = new JsonArray();
        for (int n = offset; n < Math.min(total, offset + limit); n++) {
            JsonObject o = new JsonObject();
            o.addProperty("n", n);
            items.add(o);
        }
        MockResponse r = json(200, items.toString());
        return withTotal && "true".equals(url.queryParameter("totalCount")) ? r.setHeader("Total-Count", total) : r;
    }
}
