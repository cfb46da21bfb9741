package io.github.edfisdk.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.edfisdk.ds4.resources.api.StudentCTEProgramAssociationsApi;
import io.github.edfisdk.ds4.resources.invoker.ApiClient;
import io.github.edfisdk.ds4.resources.model.EdFiEducationOrganizationReference;
import io.github.edfisdk.ds4.resources.model.EdFiProgramReference;
import io.github.edfisdk.ds4.resources.model.EdFiStudentCTEProgramAssociation;
import io.github.edfisdk.ds4.resources.model.EdFiStudentCTEProgramAssociationCTEProgram;
import io.github.edfisdk.ds4.resources.model.EdFiStudentReference;
import io.github.edfisdk.model.DataStandard;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A Data Standard 4.0 (ODS/API 6.1) sandbox: DS 4 shapes, its default descriptors, int32 education organization ids. */
class SandboxDs4Test {
    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.builder().dataStandard(DataStandard.DS4).seed(Seed.POPULATED).build();

    @Test
    void rootReportsDataStandard4() {
        RawHttp http = new RawHttp(sandbox.get());
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sandbox.get().baseUrl() + "/")).GET());
        JsonObject root = RawHttp.json(r);
        assertEquals("6.1", root.get("version").getAsString());
        assertEquals("4.0.0", root.getAsJsonArray("dataModels").get(0).getAsJsonObject().get("version").getAsString());
    }

    @Test
    void cteAssociationWithDs4CteProgramsThroughTheGeneratedClient() throws Exception {
        RawHttp http = new RawHttp(sandbox.get());
        assertEquals(201, http.post("/ed-fi/students", SandboxWriteTest.student("D4-1", "Four")).statusCode());
        OkHttpClient ok = new OkHttpClient.Builder().addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                .header("Authorization", "Bearer " + http.token).build())).build();
        StudentCTEProgramAssociationsApi api = new StudentCTEProgramAssociationsApi(
                new ApiClient(ok).setBasePath(sandbox.get().dataUrl()));
        EdFiStudentCTEProgramAssociation body = new EdFiStudentCTEProgramAssociation()
                .beginDate(LocalDate.of(2024, 8, 23))
                .educationOrganizationReference(new EdFiEducationOrganizationReference().educationOrganizationId(255901))
                .programReference(new EdFiProgramReference().educationOrganizationId(255901)
                        .programName("Career and Technical Education")
                        .programTypeDescriptor("uri://ed-fi.org/ProgramTypeDescriptor#Career and Technical Education"))
                .studentReference(new EdFiStudentReference().studentUniqueId("D4-1"))
                .addCteProgramsItem(new EdFiStudentCTEProgramAssociationCTEProgram()
                        .careerPathwayDescriptor("uri://ed-fi.org/CareerPathwayDescriptor#Manufacturing"));
        assertEquals(201, api.postStudentCTEProgramAssociation(body).executeWithHttpInfo().getStatusCode());
        var found = api.getStudentCTEProgramAssociations().studentUniqueId("D4-1").execute();
        assertEquals(1, found.size());
        assertEquals(1, found.get(0).getCtePrograms().size());
        JsonObject raw = RawHttp.parse(http.get("/ed-fi/studentCTEProgramAssociations?studentUniqueId=D4-1"))
                .getAsJsonArray().get(0).getAsJsonObject();
        assertTrue(raw.has("_etag"));
        // ODS/API 6.x returns _lastModifiedDate (ODS-5326) although its Swagger (our DS 4.0 spec) does not list it.
        assertTrue(raw.has("_lastModifiedDate"), raw.toString());
    }

    @Test
    void everyDefaultDescriptorValueIsLoaded() {
        RawHttp http = new RawHttp(sandbox.get());
        JsonArray countries = RawHttp.parse(http.get("/ed-fi/countryDescriptors?limit=500")).getAsJsonArray();
        assertTrue(countries.size() > 200, "countries: " + countries.size());
        JsonArray us = RawHttp.parse(http.get("/ed-fi/countryDescriptors?codeValue=US")).getAsJsonArray();
        assertEquals(1, us.size(), us.toString());
        assertEquals("US", us.get(0).getAsJsonObject().get("codeValue").getAsString());
        assertEquals(1, RawHttp.parse(http.get("/ed-fi/countryDescriptors?namespace=uri://ed-fi.org/CountryDescriptor"
                + "&codeValue=ZW")).getAsJsonArray().size());
    }

    @Test
    void unknownDescriptorValuesAreRefused() {
        RawHttp http = new RawHttp(sandbox.get());
        HttpResponse<String> r = http.post("/ed-fi/students", "{\"studentUniqueId\":\"D4-C\",\"firstName\":\"A\","
                + "\"lastSurname\":\"B\",\"birthDate\":\"2010-01-01\",\"birthCountryDescriptor\":"
                + "\"uri://ed-fi.org/CountryDescriptor#ZZZZ\"}");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("CountryDescriptor value 'uri://ed-fi.org/CountryDescriptor#ZZZZ' does not exist."), r.body());
        assertEquals(201, http.post("/ed-fi/students", "{\"studentUniqueId\":\"D4-C\",\"firstName\":\"A\","
                + "\"lastSurname\":\"B\",\"birthDate\":\"2010-01-01\",\"birthCountryDescriptor\":"
                + "\"uri://ed-fi.org/CountryDescriptor#US\"}").statusCode());
    }

    @Test
    void errorsHaveTheOdsApi61MessageShape() {
        RawHttp http = new RawHttp(sandbox.get());
        HttpResponse<String> r = http.post("/ed-fi/students", "{\"studentUniqueId\":\"D4-E\",\"firstName\":\"A\","
                + "\"birthDate\":\"2010-01-01\"}");
        assertEquals(400, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        JsonObject body = RawHttp.json(r);
        assertEquals(1, body.size(), r.body());
        assertEquals("Validation of 'Student' failed.\n\tLastSurname is required.\n", body.get("message").getAsString());
        r = http.post("/ed-fi/studentSchoolAssociations", SandboxWriteTest.enrollment("D4-NOBODY", 255901001, "2024-08-20"));
        assertEquals(409, r.statusCode());
        assertEquals("The value supplied for the related 'student' resource does not exist.",
                RawHttp.json(r).get("message").getAsString());
        r = http.post("/ed-fi/students", "{\"id\":\"0123456789abcdef0123456789abcdef\","
                + SandboxWriteTest.student("D4-E", "B").substring(1));
        assertEquals("Resource identifiers cannot be assigned by the client.", RawHttp.json(r).get("message").getAsString());
    }

    @Test
    void int32EducationOrganizationIdsAreEnforced() {
        RawHttp http = new RawHttp(sandbox.get());
        HttpResponse<String> r = http.post("/ed-fi/classPeriods",
                "{\"classPeriodName\":\"D4\",\"schoolReference\":{\"schoolId\":3000000000}}");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("a 32-bit integer is expected"), r.body());
    }
}
