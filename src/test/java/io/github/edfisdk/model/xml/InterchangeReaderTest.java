package io.github.edfisdk.model.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.edfisdk.model.DataStandard;
import io.github.edfisdk.model.DataStandardModel;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Interchange XML to API JSON, guided by the spec. */
class InterchangeReaderTest {
    private static final DataStandardModel DS5 = DataStandardModel.of(DataStandard.DS5);

    private static List<JsonObject> read(String xml) {
        List<JsonObject> out = new ArrayList<>();
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        InterchangeReader reader = new InterchangeReader(DS5);
        try {
            InterchangeReader.Scan scan = reader.scan(new ByteArrayInputStream(bytes), "test.xml");
            reader.read(new ByteArrayInputStream(bytes), scan, r -> true, new InterchangeReader.Handler() {
                @Override
                public void record(io.github.edfisdk.model.ResourceModel r, JsonObject doc, int line) {
                    doc.addProperty("~resource", r.name());
                    doc.addProperty("~line", line);
                    out.add(doc);
                }

                @Override
                public void malformed(int line, String message) {
                    throw new IllegalArgumentException("test.xml line " + line + ": " + message);
                }
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    @Test
    void mapsNamesDescriptorsCollectionsReferencesAndGroups() {
        List<JsonObject> docs = read("<?xml version=\"1.0\"?>\n<InterchangeEducationOrganization xmlns=\"http://ed-fi.org/5.2.0\">\n"
                + "<School><SchoolId>1</SchoolId><NameOfInstitution>A</NameOfInstitution>"
                + "<EducationOrganizationIdentificationCode><IdentificationCode>1</IdentificationCode>"
                + "<EducationOrganizationIdentificationSystem>uri://ed-fi.org/X#SEA</EducationOrganizationIdentificationSystem>"
                + "</EducationOrganizationIdentificationCode>"
                + "<GradeLevel>uri://ed-fi.org/GradeLevelDescriptor#Ninth grade</GradeLevel>"
                + "<GradeLevel>uri://ed-fi.org/GradeLevelDescriptor#Tenth grade</GradeLevel>"
                + "<LocalEducationAgencyReference><LocalEducationAgencyIdentity><LocalEducationAgencyId>9</LocalEducationAgencyId>"
                + "</LocalEducationAgencyIdentity></LocalEducationAgencyReference><Unknown>x</Unknown></School>\n"
                + "<Student><StudentUniqueId>7</StudentUniqueId><Name><FirstName>F</FirstName><LastSurname>L</LastSurname></Name>"
                + "<BirthData><BirthDate>2010-01-01</BirthDate></BirthData></Student>\n"
                + "<NotAResource><X>1</X></NotAResource>\n"
                + "<AccountabilityRating><RatingTitle>R</RatingTitle><SchoolYear>2021-2022</SchoolYear></AccountabilityRating>\n"
                + "</InterchangeEducationOrganization>");
        assertEquals(3, docs.size());
        JsonObject school = docs.get(0);
        assertEquals("School", school.get("~resource").getAsString());
        assertEquals(3, school.get("~line").getAsInt());
        assertEquals("1", school.get("schoolId").getAsString());
        assertEquals("uri://ed-fi.org/X#SEA", school.getAsJsonArray("identificationCodes").get(0).getAsJsonObject()
                .get("educationOrganizationIdentificationSystemDescriptor").getAsString());
        assertEquals(2, school.getAsJsonArray("gradeLevels").size());
        assertEquals("uri://ed-fi.org/GradeLevelDescriptor#Tenth grade", school.getAsJsonArray("gradeLevels").get(1)
                .getAsJsonObject().get("gradeLevelDescriptor").getAsString());
        assertEquals("9", school.getAsJsonObject("localEducationAgencyReference").get("localEducationAgencyId").getAsString());
        assertTrue(!school.has("unknown"));
        JsonObject student = docs.get(1);
        assertEquals("L", student.get("lastSurname").getAsString());
        assertEquals("2010-01-01", student.get("birthDate").getAsString());
        assertEquals("2022", docs.get(2).getAsJsonObject("schoolYearTypeReference").get("schoolYear").getAsString());
    }

    @Test
    void aRefAttributeTakesTheIdentityOfTheRecordWithThatId() {
        List<JsonObject> docs = read("<?xml version=\"1.0\"?>\n<InterchangeEducationOrganization>\n"
                + "<LocalEducationAgency id=\"LEAG_9\"><LocalEducationAgencyId>9</LocalEducationAgencyId></LocalEducationAgency>\n"
                + "<School><SchoolId>1</SchoolId><LocalEducationAgencyReference ref=\"LEAG_9\">\n</LocalEducationAgencyReference>"
                + "</School>\n</InterchangeEducationOrganization>");
        assertEquals(9, docs.get(1).getAsJsonObject("localEducationAgencyReference").get("localEducationAgencyId").getAsInt());
    }

    @Test
    void malformedXmlNamesTheFileAndLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read("<?xml version=\"1.0\"?>\n<I>\n<Student><StudentUniqueId>7</Student>\n</I>"));
        assertTrue(e.getMessage().startsWith("test.xml line 3: malformed XML"), e.getMessage());
    }
}
