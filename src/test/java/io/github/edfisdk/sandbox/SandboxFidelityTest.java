package io.github.edfisdk.sandbox;

import static io.github.edfisdk.sandbox.SandboxValidationTest.message;
import static io.github.edfisdk.sandbox.SandboxWriteTest.problem;
import static io.github.edfisdk.sandbox.SandboxWriteTest.student;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The differences Ed-Fi's ODS/API test collections found between the sandbox and ODS/API 7.x (issue 11), one test per
 * behaviour, over raw HTTP against a populated DS 5.1 sandbox.
 */
class SandboxFidelityTest {
    static final String INVALID = SandboxValidationTest.INVALID;
    static final String AUTH = "urn:ed-fi:api:security:authentication";

    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.builder().seed(Seed.POPULATED).build();
    static RawHttp http;

    @BeforeAll
    static void setUp() {
        http = new RawHttp(sandbox.get());
    }

    private static HttpResponse<String> postBytes(String dataPath, byte[] body) {
        return http.send(HttpRequest.newBuilder(URI.create(http.baseUrl + "/data/v3" + dataPath))
                .header("Authorization", "Bearer " + http.token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static HttpResponse<String> withAuthorization(String header) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(http.baseUrl + "/data/v3/ed-fi/students")).GET();
        if (header != null) {
            b.header("Authorization", header);
        }
        return http.send(b);
    }

    private static HttpResponse<String> token(String contentType, String authorization, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.get().tokenUrl()))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b);
    }

    // --- JSON property names match ignoring case --------------------------------------------------------------

    @Test
    void bodyPropertyNamesMatchIgnoringCase() {
        HttpResponse<String> r = http.post("/ed-fi/students", "{\"StudentUniqueId\":\"F-CASE\",\"FIRSTNAME\":\"Ann\","
                + "\"lastsurname\":\"Lee\",\"BirthDate\":\"2010-01-01\"}");
        assertEquals(201, r.statusCode(), r.body());
        JsonObject item = RawHttp.json(http.get("/ed-fi/students/" + RawHttp.id(r)));
        assertEquals("F-CASE", item.get("studentUniqueId").getAsString());
        assertEquals("Ann", item.get("firstName").getAsString());
        assertEquals("Lee", item.get("lastSurname").getAsString());
        assertFalse(item.has("FIRSTNAME"), item.toString());
        // Nested objects too: a reference and its key field.
        r = http.post("/ed-fi/classPeriods", "{\"ClassPeriodName\":\"F-P1\",\"SchoolReference\":{\"SCHOOLID\":255901001}}");
        assertEquals(201, r.statusCode(), r.body());
        item = RawHttp.json(http.get("/ed-fi/classPeriods/" + RawHttp.id(r)));
        assertEquals(255901001L, item.getAsJsonObject("schoolReference").get("schoolId").getAsLong());
    }

    @Test
    void tokenRequestFieldNamesMatchIgnoringCase() {
        String key = sandbox.get().key();
        String secret = sandbox.get().secret();
        HttpResponse<String> r = token("application/x-www-form-urlencoded", RawHttp.basic(key, secret),
                "Grant_Type=client_credentials");
        assertEquals(200, r.statusCode(), r.body());
        r = token("application/json", null, "{\"GRANT_TYPE\":\"client_credentials\",\"Client_Id\":\"" + key
                + "\",\"Client_Secret\":\"" + secret + "\"}");
        assertEquals(200, r.statusCode(), r.body());
    }

    // --- what the spec says --------------------------------------------------------------------------------------

    @Test
    void stringMinLength() {
        HttpResponse<String> r = http.post("/ed-fi/academicWeeks", "{\"weekIdentifier\":\"W1\",\"schoolReference\":"
                + "{\"schoolId\":255901001},\"beginDate\":\"2024-08-19\",\"endDate\":\"2024-08-23\",\"totalInstructionalDays\":5}");
        assertEquals("WeekIdentifier must be between 5 and 80 characters in length.", message(r, "$.weekIdentifier"));
    }

    @Test
    void numericMinimumAndMaximum() {
        String course = "{\"courseCode\":\"F-C1\",\"courseTitle\":\"Algebra\",\"numberOfParts\":%s,\"identificationCodes\":"
                + "[{\"courseIdentificationSystemDescriptor\":\"uri://ed-fi.org/CourseIdentificationSystemDescriptor#LEA course code\","
                + "\"identificationCode\":\"F-C1\"}],\"educationOrganizationReference\":{\"educationOrganizationId\":255901}}";
        assertEquals("NumberOfParts must be between 1 and 8.", message(http.post("/ed-fi/courses", String.format(course, "9")),
                "$.numberOfParts"));
        assertEquals("NumberOfParts must be between 1 and 8.", message(http.post("/ed-fi/courses", String.format(course, "-1")),
                "$.numberOfParts"));
        assertEquals(201, http.post("/ed-fi/courses", String.format(course, "8")).statusCode());
    }

    @Test
    void identifiersOfZeroAreRefused() {
        HttpResponse<String> r = http.post("/ed-fi/classPeriods", "{\"classPeriodName\":\"F-P0\",\"schoolReference\":{\"schoolId\":0}}");
        assertEquals("SchoolId value must be different than 0.", message(r, "$.schoolReference.schoolId"));
    }

    @Test
    void leadingOrTrailingSpacesInKeyFieldsAreRefused() {
        HttpResponse<String> r = http.post("/ed-fi/students", student("F-SP ", "Lee"));
        assertEquals("StudentUniqueId cannot contain leading or trailing spaces.", message(r, "$.studentUniqueId"));
        // Not a key field: spaces are kept.
        assertEquals(201, http.post("/ed-fi/students", student("F-SP", " Lee ")).statusCode());
    }

    @Test
    void idQueryParameterMustBeAGuid() {
        JsonObject p = problem(http.get("/ed-fi/students?id=not-a-guid"), 400, INVALID);
        assertEquals("[\"The value 'not-a-guid' is not valid for Id.\"]",
                p.getAsJsonObject("validationErrors").getAsJsonArray("$.id").toString());
        assertEquals(200, http.get("/ed-fi/students?id=0123456789abcdef0123456789abcdef").statusCode());
    }

    @Test
    void malformedIdOnDeleteAndPutIs400() {
        JsonObject p = problem(http.delete("/ed-fi/students/not-a-guid"), 400, INVALID);
        assertEquals("[\"The value 'not-a-guid' is not valid.\"]", p.getAsJsonObject("validationErrors").getAsJsonArray("$.id").toString());
        problem(http.put("/ed-fi/students/not-a-guid", student("F-ID", "Lee")), 400, INVALID);
        // GET /{id} routes only a GUID: anything else is not found.
        problem(http.get("/ed-fi/students/not-a-guid"), 404, "urn:ed-fi:api:not-found");
        problem(http.delete("/ed-fi/students/0123456789abcdef0123456789abcdef"), 404, "urn:ed-fi:api:not-found");
    }

    // --- values of the wrong JSON type -----------------------------------------------------------------------

    @Test
    void aNumberWhereAStringIsExpectedIsRefused() {
        HttpResponse<String> r = http.post("/ed-fi/students", "{\"studentUniqueId\":\"F-T1\",\"firstName\":5,"
                + "\"lastSurname\":\"Lee\",\"birthDate\":\"2010-01-01\"}");
        assertEquals("The value '5' is not valid for FirstName: a string is expected.", message(r, "$.firstName"));
        r = http.post("/ed-fi/students", "{\"studentUniqueId\":1e400,\"firstName\":\"A\",\"lastSurname\":\"Lee\","
                + "\"birthDate\":\"2010-01-01\"}");
        assertEquals("The value '1e400' is not valid for StudentUniqueId: a string is expected.", message(r, "$.studentUniqueId"));
        assertEquals("[]", http.get("/ed-fi/students?studentUniqueId=1e400").body());
    }

    @Test
    void anOutOfRangeNumberIsRefused() {
        HttpResponse<String> r = http.post("/ed-fi/sessions", "{\"sessionName\":\"F-S\",\"schoolReference\":{\"schoolId\":255901001},"
                + "\"schoolYearTypeReference\":{\"schoolYear\":2025},\"beginDate\":\"2024-08-20\",\"endDate\":\"2024-12-20\","
                + "\"termDescriptor\":\"uri://ed-fi.org/TermDescriptor#Fall Semester\",\"totalInstructionalDays\":1e400}");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(RawHttp.json(r).getAsJsonObject("validationErrors").has("$.totalInstructionalDays"), r.body());
    }

    @Test
    void invalidUtf8IsRefusedNamingThePath() {
        byte[] head = "{\"studentUniqueId\":\"F-U1\",\"firstName\":\"A".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\",\"lastSurname\":\"Lee\",\"birthDate\":\"2010-01-01\"}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        body[head.length] = (byte) 0xC3;
        body[head.length + 1] = (byte) 0x28; // not a continuation byte
        System.arraycopy(tail, 0, body, head.length + 2, tail.length);
        HttpResponse<String> r = postBytes("/ed-fi/students", body);
        assertEquals("The value is not valid UTF-8 text.", message(r, "$.firstName"));
        assertEquals("[]", http.get("/ed-fi/students?studentUniqueId=F-U1").body());
    }

    // --- person unique id changes ------------------------------------------------------------------------------

    @Test
    void personUniqueIdsMayChangeThroughPutAndReferencesFollow() {
        String id = RawHttp.id(http.post("/ed-fi/students", student("F-K1", "Key")));
        assertEquals(201, http.post("/ed-fi/studentSchoolAssociations",
                SandboxWriteTest.enrollment("F-K1", 255901001, "2024-08-20")).statusCode());
        HttpResponse<String> put = http.put("/ed-fi/students/" + id, student("F-K1-NEW", "Key"));
        assertEquals(204, put.statusCode(), put.body());
        assertEquals("F-K1-NEW", RawHttp.json(http.get("/ed-fi/students/" + id)).get("studentUniqueId").getAsString());
        JsonArray ssa = RawHttp.parse(http.get("/ed-fi/studentSchoolAssociations?studentUniqueId=F-K1-NEW")).getAsJsonArray();
        assertEquals(1, ssa.size(), "the enrollment follows the student");
        // Staff too; a taken unique id is a conflict.
        String staff = "{\"staffUniqueId\":\"%s\",\"firstName\":\"S\",\"lastSurname\":\"T\"}";
        String staffId = RawHttp.id(http.post("/ed-fi/staffs", String.format(staff, "F-ST1")));
        assertEquals(201, http.post("/ed-fi/staffs", String.format(staff, "F-ST2")).statusCode());
        assertEquals(204, http.put("/ed-fi/staffs/" + staffId, String.format(staff, "F-ST3")).statusCode());
        problem(http.put("/ed-fi/staffs/" + staffId, String.format(staff, "F-ST2")), 409,
                "urn:ed-fi:api:data-conflict:non-unique-identity");
    }

    // --- problem-details wording ---------------------------------------------------------------------------------

    @Test
    void authenticationFailuresSayWhatIsWrong() {
        assertEquals("Authorization header is missing.", authError(withAuthorization(null)));
        assertEquals("Unknown Authorization header scheme.", authError(withAuthorization("Basic a2V5OnNlY3JldA==")));
        assertEquals("Missing Authorization header bearer token value.", authError(withAuthorization("Bearer")));
        assertEquals("Missing Authorization header bearer token value.", authError(withAuthorization("Bearer   ")));
        assertEquals("Invalid Authorization header.", authError(withAuthorization("Bearer a b")));
        assertEquals("Invalid token", authError(withAuthorization("Bearer 0123456789abcdef0123456789abcdef")));
    }

    private static String authError(HttpResponse<String> r) {
        JsonObject p = problem(r, 401, AUTH);
        assertEquals("The caller could not be authenticated.", p.get("detail").getAsString());
        JsonArray errors = p.getAsJsonArray("errors");
        assertEquals(1, errors.size(), r.body());
        return errors.get(0).getAsString();
    }

    @Test
    void methodNotAllowedNamesTheRightMethod() {
        String id = RawHttp.id(http.post("/ed-fi/students", student("F-405", "M")));
        JsonObject p = problem(http.post("/ed-fi/students/" + id, student("F-405", "M")), 405, "urn:ed-fi:api:method-not-allowed");
        assertEquals("The request construction was invalid.", p.get("detail").getAsString());
        assertEquals("[\"Resource items can only be updated using PUT. To \\\"upsert\\\" an item in the resource collection"
                + " using POST, remove the \\\"id\\\" from the route.\"]", p.getAsJsonArray("errors").toString());
        p = problem(http.put("/ed-fi/students", student("F-405", "M")), 405, "urn:ed-fi:api:method-not-allowed");
        assertEquals("[\"Resource collections cannot be replaced. To \\\"upsert\\\" an item in the collection, use POST. To"
                + " update a specific item, use PUT and include the \\\"id\\\" in the route.\"]", p.getAsJsonArray("errors").toString());
        p = problem(http.delete("/ed-fi/students"), 405, "urn:ed-fi:api:method-not-allowed");
        assertEquals("[\"Resource collections cannot be deleted. To delete a specific item, use DELETE and include the"
                + " \\\"id\\\" in the route.\"]", p.getAsJsonArray("errors").toString());
        p = problem(http.data("PATCH", "/ed-fi/students/" + id, student("F-405", "M")), 405, "urn:ed-fi:api:method-not-allowed");
        assertEquals("[\"The endpoint of the request does not support the 'PATCH' method.\"]", p.getAsJsonArray("errors").toString());
    }

    @Test
    void limitOutOfRange() {
        JsonObject p = problem(http.get("/ed-fi/students?limit=501"), 400, "urn:ed-fi:api:bad-request:parameter-validation-failed");
        assertEquals("[\"Limit must be omitted or set to a value between 0 and 500.\"]", p.getAsJsonArray("errors").toString());
    }

    @Test
    void idInAPostBody() {
        JsonObject p = problem(http.post("/ed-fi/students", "{\"id\":\"0123456789abcdef0123456789abcdef\","
                + student("F-ID1", "C").substring(1)), 400, INVALID);
        assertEquals("Data Validation Failed", p.get("title").getAsString());
        assertEquals("The request data was constructed incorrectly.", p.get("detail").getAsString());
        assertEquals("[\"Resource identifiers cannot be assigned by the client. The 'id' property should not be included in"
                + " the request body.\"]", p.getAsJsonArray("errors").toString());
    }

    @Test
    void emptyPutBody() {
        String id = RawHttp.id(http.post("/ed-fi/students", student("F-EP", "E")));
        JsonObject p = problem(http.put("/ed-fi/students/" + id, ""), 400, "urn:ed-fi:api:bad-request");
        assertEquals("The request could not be processed. See 'errors' for details.", p.get("detail").getAsString());
        assertEquals("[\"A non-empty request body is required.\"]", p.getAsJsonArray("errors").toString());
    }

    @Test
    void duplicateCollectionItemsAreReportedAtTheCollection() {
        String address = "{\"addressTypeDescriptor\":\"uri://ed-fi.org/AddressTypeDescriptor#Home\",\"city\":\"Austin\","
                + "\"postalCode\":\"78701\",\"streetNumberName\":\"1 Main St\",\"stateAbbreviationDescriptor\":"
                + "\"uri://ed-fi.org/StateAbbreviationDescriptor#TX\"}";
        http.post("/ed-fi/students", student("F-DUP", "D"));
        HttpResponse<String> r = http.post("/ed-fi/studentEducationOrganizationAssociations",
                "{\"studentReference\":{\"studentUniqueId\":\"F-DUP\"},\"educationOrganizationReference\":"
                        + "{\"educationOrganizationId\":255901},\"addresses\":[" + address + "," + address + "]}");
        assertEquals("The 2nd item of the addresses has the same identifying values as another item earlier in the list.",
                message(r, "$.addresses"));
    }

    @Test
    void sharedKeyMismatchIsReportedAtEveryConflictingPath() {
        HttpResponse<String> r = http.post("/ed-fi/courseOfferings", "{\"localCourseCode\":\"F-ALG\","
                + "\"courseReference\":{\"courseCode\":\"ALG-1\",\"educationOrganizationId\":255901},"
                + "\"schoolReference\":{\"schoolId\":255901001},"
                + "\"sessionReference\":{\"schoolId\":255901044,\"schoolYear\":2025,\"sessionName\":\"F-Fall\"}}");
        // The wording of ODS/API 7.3 and the Data Management Service (7.2 lacked the parenthesis).
        String expected = "All values supplied for 'schoolId' must match. Review all references (including those higher up"
                + " in the resource's data) and align the following conflicting values: '255901001', '255901044'";
        assertEquals(expected, message(r, "$.schoolReference.schoolId"));
        assertEquals(expected, message(r, "$.sessionReference.schoolId"));
    }

    @Test
    void correlationIdFromTheQueryStringIsEchoed() {
        JsonObject p = problem(http.get("/ed-fi/students?limit=501&correlationId=q-123"), 400,
                "urn:ed-fi:api:bad-request:parameter-validation-failed");
        assertEquals("q-123", p.get("correlationId").getAsString());
    }

    // --- routing and query parameters -------------------------------------------------------------------------

    @Test
    void resourceNamesInThePathMatchIgnoringCaseAsOnOdsApi7() {
        // Ed-Fi's error knowledge base for ODS/API 7.2 posts to /ed-fi/Students (201) and /ed-fi/StudentSchoolAssociations
        // (409 unresolved reference): ASP.NET Core routes ignore case.
        assertEquals(201, http.post("/ed-fi/Students", student("F-PATH", "P")).statusCode());
        assertEquals(1, RawHttp.parse(http.get("/ed-fi/STUDENTS?studentUniqueId=F-PATH")).getAsJsonArray().size());
        problem(http.get("/ed-fi/Studentz"), 404, "urn:ed-fi:api:not-found");
    }

    @Test
    void unknownQueryParametersAreIgnored() {
        http.post("/ed-fi/students", student("F-Q1", "Q"));
        JsonArray a = RawHttp.parse(http.get("/ed-fi/students?studentUniqueId=F-Q1&noSuchParameter=1")).getAsJsonArray();
        assertEquals(1, a.size());
    }
}
