package io.github.edfisdk.sandbox;

import static io.github.edfisdk.sandbox.SandboxWriteTest.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every validation problem of the behaviour reference: status, type, title, detail, path and message. */
class SandboxValidationTest {
    static final String INVALID = "urn:ed-fi:api:bad-request:data-validation-failed";

    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.builder().seed(Seed.POPULATED).build();
    static RawHttp http;

    @BeforeAll
    static void setUp() {
        http = new RawHttp(sandbox.get());
        http.post("/ed-fi/students", SandboxWriteTest.student("V-1", "Vega"));
        http.post("/ed-fi/sessions", "{\"sessionName\":\"V-Fall\",\"schoolReference\":{\"schoolId\":255901001},"
                + "\"schoolYearTypeReference\":{\"schoolYear\":2025},\"beginDate\":\"2024-08-20\",\"endDate\":\"2024-12-20\","
                + "\"termDescriptor\":\"uri://ed-fi.org/TermDescriptor#Fall Semester\",\"totalInstructionalDays\":80}");
    }

    /** The one message at one path of a 400 data-validation-failed answer. */
    static String message(HttpResponse<String> r, String path) {
        JsonObject p = problem(r, 400, INVALID);
        assertEquals("Data Validation Failed", p.get("title").getAsString());
        assertEquals("Data validation failed. See 'validationErrors' for details.", p.get("detail").getAsString());
        JsonObject errors = p.getAsJsonObject("validationErrors");
        assertTrue(errors.has(path), r.body());
        return errors.getAsJsonArray(path).get(0).getAsString();
    }

    @Test
    void missingRequired() {
        HttpResponse<String> r = http.post("/ed-fi/students", "{\"studentUniqueId\":\"V-2\",\"firstName\":\"A\",\"birthDate\":\"2010-01-01\"}");
        assertEquals("LastSurname is required.", message(r, "$.lastSurname"));
        r = http.post("/ed-fi/studentSchoolAssociations", "{\"studentReference\":{\"studentUniqueId\":\"V-1\"},"
                + "\"entryDate\":\"2024-08-20\",\"entryGradeLevelDescriptor\":\"uri://ed-fi.org/GradeLevelDescriptor#Ninth grade\"}");
        assertEquals("SchoolReference is required.", message(r, "$.schoolReference"));
    }

    @Test
    void emptyString() {
        HttpResponse<String> r = http.post("/ed-fi/students", SandboxWriteTest.student("V-3", ""));
        assertEquals("LastSurname is required and should not be left empty.", message(r, "$.lastSurname"));
    }

    @Test
    void stringTooLong() {
        HttpResponse<String> r = http.post("/ed-fi/students", SandboxWriteTest.student("V-4", "x".repeat(76)));
        assertEquals("LastSurname must be at most 75 characters in length.", message(r, "$.lastSurname"));
        assertEquals(201, http.post("/ed-fi/students", SandboxWriteTest.student("V-4", "x".repeat(75))).statusCode());
    }

    @Test
    void wrongTypes() {
        HttpResponse<String> r = http.post("/ed-fi/students", "{\"studentUniqueId\":\"V-5\",\"firstName\":\"A\","
                + "\"lastSurname\":\"B\",\"birthDate\":\"not a date\"}");
        assertEquals("The value 'not a date' is not valid for BirthDate: a date (yyyy-MM-dd) is expected.", message(r, "$.birthDate"));
        r = http.post("/ed-fi/classPeriods", "{\"classPeriodName\":\"V-P\",\"schoolReference\":{\"schoolId\":\"abc\"}}");
        assertEquals("The value 'abc' is not valid for SchoolId: a 64-bit integer is expected.", message(r, "$.schoolReference.schoolId"));
    }

    @Test
    void numericStringsAndBooleanSpellingsAreAccepted() {
        HttpResponse<String> r = http.post("/ed-fi/classPeriods", "{\"classPeriodName\":\"V-P2\",\"schoolReference\":{\"schoolId\":\"255901001\"},"
                + "\"officialAttendancePeriod\":\"true\"}");
        assertEquals(201, r.statusCode(), r.body());
        JsonObject item = RawHttp.json(http.get("/ed-fi/classPeriods/" + RawHttp.id(r)));
        assertEquals(255901001L, item.getAsJsonObject("schoolReference").get("schoolId").getAsLong());
        assertTrue(item.get("officialAttendancePeriod").getAsJsonPrimitive().isBoolean());
    }

    @Test
    void partialReference() {
        HttpResponse<String> r = http.post("/ed-fi/sections", "{\"sectionIdentifier\":\"V-S1\",\"courseOfferingReference\":"
                + "{\"localCourseCode\":\"ALG-1\",\"sessionName\":\"V-Fall\"}}");
        assertEquals("CourseOfferingReference is missing the following properties: SchoolId, SchoolYear",
                message(r, "$.courseOfferingReference"));
    }

    @Test
    void conflictingKeyValues() {
        HttpResponse<String> r = http.post("/ed-fi/courseOfferings", "{\"localCourseCode\":\"V-ALG\","
                + "\"courseReference\":{\"courseCode\":\"ALG-1\",\"educationOrganizationId\":255901},"
                + "\"schoolReference\":{\"schoolId\":255901001},"
                + "\"sessionReference\":{\"schoolId\":255901044,\"schoolYear\":2025,\"sessionName\":\"V-Fall\"}}");
        String m = message(r, "$.sessionReference.schoolId");
        assertTrue(m.startsWith("All values supplied for 'schoolId' must match."), m);
        assertTrue(m.contains("'255901001', '255901044'"), m);
    }

    @Test
    void duplicateCollectionItems() {
        String address = "{\"addressTypeDescriptor\":\"uri://ed-fi.org/AddressTypeDescriptor#Home\",\"city\":\"Austin\","
                + "\"postalCode\":\"78701\",\"streetNumberName\":\"1 Main St\",\"stateAbbreviationDescriptor\":"
                + "\"uri://ed-fi.org/StateAbbreviationDescriptor#TX\"}";
        HttpResponse<String> r = http.post("/ed-fi/studentEducationOrganizationAssociations",
                "{\"studentReference\":{\"studentUniqueId\":\"V-1\"},\"educationOrganizationReference\":"
                        + "{\"educationOrganizationId\":255901},\"addresses\":[" + address + "," + address + "]}");
        assertEquals("The 2nd item of the addresses has the same identifying values as another item earlier in the list.",
                message(r, "$.addresses"));
    }

    @Test
    void unknownAndMalformedDescriptors() {
        String seoa = "{\"studentReference\":{\"studentUniqueId\":\"V-1\"},\"educationOrganizationReference\":"
                + "{\"educationOrganizationId\":255901},\"addresses\":[{\"addressTypeDescriptor\":"
                + "\"uri://ed-fi.org/AddressTypeDescriptor#Home\",\"city\":\"Austin\",\"postalCode\":\"78701\","
                + "\"streetNumberName\":\"1 Main St\",\"stateAbbreviationDescriptor\":\"%s\"}]}";
        HttpResponse<String> r = http.post("/ed-fi/studentEducationOrganizationAssociations",
                String.format(seoa, "uri://ed-fi.org/StateAbbreviationDescriptor#XYZ"));
        assertEquals("StateAbbreviationDescriptor value 'uri://ed-fi.org/StateAbbreviationDescriptor#XYZ' does not exist.",
                message(r, "$.addresses[0].stateAbbreviationDescriptor"));
        r = http.post("/ed-fi/students", "{\"studentUniqueId\":\"V-6\",\"firstName\":\"A\",\"lastSurname\":\"B\","
                + "\"birthDate\":\"2010-01-01\",\"birthCountryDescriptor\":\"00\"}");
        assertEquals("CountryDescriptor value '00' is not a valid value for use as a descriptor (a '#' is expected to"
                + " delineate the namespace and code value portions).", message(r, "$.birthCountryDescriptor"));
        assertEquals(201, http.post("/ed-fi/studentEducationOrganizationAssociations",
                String.format(seoa, "URI://ED-FI.ORG/StateAbbreviationDescriptor#tx")).statusCode(), "case-insensitive");
    }

    @Test
    void badJsonAndEmptyBody() {
        JsonObject p = problem(http.post("/ed-fi/students", "{\"studentUniqueId\":"), 400, "urn:ed-fi:api:bad-request");
        assertEquals("Bad Request", p.get("title").getAsString());
        assertTrue(p.getAsJsonArray("errors").get(0).getAsString().startsWith("The request body is not valid JSON"), p.toString());
        problem(http.post("/ed-fi/students", "[1,2]"), 400, "urn:ed-fi:api:bad-request");
        p = problem(http.post("/ed-fi/students", ""), 400, "urn:ed-fi:api:bad-request");
        assertEquals("[\"A non-empty request body is required.\"]", p.getAsJsonArray("errors").toString());
        assertEquals("The request could not be processed. See 'errors' for details.", p.get("detail").getAsString());
    }

    @Test
    void allErrorsOfADocumentAreReportedTogether() {
        HttpResponse<String> r = http.post("/ed-fi/students", "{\"studentUniqueId\":\"V-7\",\"firstName\":\"\","
                + "\"birthDate\":\"2010-01-01\"}");
        JsonObject errors = problem(r, 400, INVALID).getAsJsonObject("validationErrors");
        assertEquals(2, errors.size(), r.body());
    }
}
