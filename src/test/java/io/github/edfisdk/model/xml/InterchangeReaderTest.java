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
        new InterchangeReader(DS5).read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test.xml",
                (r, doc, line) -> {
                    doc.addProperty("~resource", r.name());
                    doc.addProperty("~line", line);
                    out.add(doc);
                });
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
    void malformedXmlNamesTheFileAndLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read("<?xml version=\"1.0\"?>\n<I>\n<Student><StudentUniqueId>7</Student>\n</I>"));
        assertTrue(e.getMessage().startsWith("test.xml line 3: not well-formed XML"), e.getMessage());
    }
}
