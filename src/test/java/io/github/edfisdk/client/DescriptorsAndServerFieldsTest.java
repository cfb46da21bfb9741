package io.github.edfisdk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.edfisdk.ds5.resources.invoker.JSON;
import io.github.edfisdk.ds5.resources.model.EdFiStudentSchoolAssociation;
import org.junit.jupiter.api.Test;

class DescriptorsAndServerFieldsTest {

    @Test
    void buildsDescriptorUris() {
        assertEquals("uri://ed-fi.org/ProgramTypeDescriptor#Career and Technical Education",
                Descriptors.uri("uri://ed-fi.org", "ProgramTypeDescriptor", "Career and Technical Education"));
        assertEquals("uri://ed-fi.org/GradeLevelDescriptor#Ninth grade", Descriptors.edFi("gradeLevel", "Ninth grade"));
        assertEquals("uri://state.nm.us/SchoolCategoryDescriptor#High School",
                Descriptors.uri("state.nm.us/", "SchoolCategoryDescriptor", "High School"));
        assertThrows(IllegalArgumentException.class, () -> Descriptors.edFi("GradeLevelDescriptor", ""));
    }

    @Test
    void parsesAtTheFirstHash() {
        String uri = "uri://ed-fi.org/AssessmentReportingMethodDescriptor#Scale score #2";
        assertEquals("Scale score #2", Descriptors.codeValue(uri));
        assertEquals("uri://ed-fi.org", Descriptors.parse(uri).namespace());
        assertEquals("AssessmentReportingMethodDescriptor", Descriptors.parse(uri).descriptorName());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Descriptors.codeValue("00"));
        assertTrue(e.getMessage().contains("'00'"), e.getMessage());
    }

    @Test
    void comparesIgnoringCase() {
        assertTrue(Descriptors.sameValue("uri://ed-fi.org/SexDescriptor#Female", "URI://ED-FI.ORG/SexDescriptor#female"));
        assertFalse(Descriptors.sameValue("uri://ed-fi.org/SexDescriptor#Female", "uri://state.org/SexDescriptor#Female"));
        assertFalse(Descriptors.sameValue("Female", "Female"), "bare code values are not descriptor URIs");
        assertTrue(Descriptors.sameCode("uri://ed-fi.org/SexDescriptor#Female", "FEMALE"));
        assertTrue(Descriptors.sameCode("uri://ed-fi.org/SexDescriptor#Female", "uri://state.org/SexDescriptor#female"));
        assertFalse(Descriptors.sameCode("uri://ed-fi.org/SexDescriptor#Female", "Male"));
    }

    @Test
    void stripsServerFieldsAtAnyDepthWithoutTouchingTheInput() {
        JsonObject doc = JsonParser.parseString("{\"id\":\"abc\",\"_etag\":\"1\",\"_lastModifiedDate\":\"2026-01-01T00:00:00Z\","
                + "\"schoolReference\":{\"schoolId\":255901001,\"link\":{\"rel\":\"School\",\"href\":\"/ed-fi/schools/x\"}},"
                + "\"programs\":[{\"programReference\":{\"programName\":\"CTE\",\"link\":{\"rel\":\"Program\",\"href\":\"/p\"}}}],"
                + "\"entryDate\":\"2021-08-23\"}").getAsJsonObject();
        JsonObject stripped = ServerFields.strip(doc);
        assertEquals(JsonParser.parseString("{\"schoolReference\":{\"schoolId\":255901001},"
                + "\"programs\":[{\"programReference\":{\"programName\":\"CTE\"}}],\"entryDate\":\"2021-08-23\"}"), stripped);
        assertTrue(doc.getAsJsonObject("schoolReference").has("link"));
    }

    @Test
    void stripsServerFieldsOfGeneratedModelsKeepingUnknownFields() {
        String json = "{\"id\":\"abc\",\"_etag\":\"1\",\"_lastModifiedDate\":\"2026-01-01T00:00:00Z\","
                + "\"schoolReference\":{\"schoolId\":255901001,\"link\":{\"rel\":\"School\",\"href\":\"/ed-fi/schools/x\"}},"
                + "\"studentReference\":{\"studentUniqueId\":\"604822\"},\"entryDate\":\"2021-08-23\","
                + "\"entryGradeLevelDescriptor\":\"uri://ed-fi.org/GradeLevelDescriptor#Ninth grade\",\"_ext\":{\"tx\":{\"a\":1}}}";
        EdFiStudentSchoolAssociation ssa = JSON.getGson().fromJson(json, EdFiStudentSchoolAssociation.class);
        EdFiStudentSchoolAssociation clean = ServerFields.strip(ssa);
        assertNull(clean.getId());
        assertNull(clean.getEtag());
        assertNull(clean.getLastModifiedDate());
        assertNull(clean.getSchoolReference().getLink());
        assertEquals(255901001L, clean.getSchoolReference().getSchoolId());
        assertTrue(JSON.getGson().toJson(clean).contains("\"_ext\":{\"tx\":{\"a\":1}}"));
        assertEquals("abc", ssa.getId(), "the input is not changed");
        assertThrows(IllegalArgumentException.class, () -> ServerFields.strip(new Object()));
    }
}
